// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering, the way VS Code enforces common/node/browser/electron-main:
 *   renderer → shared;  electron/core → shared;  electron/main → electron/core, shared;  server → shared.
 * Nothing imports renderer or electron/main. A violation fails `npm test`.
 */
const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];
const node = { group: ['node:*', ...NODE_BUILTINS], caseSensitive: true, message: 'This layer runs without Node: no Node built-ins here.' };
const electron = { group: ['electron', 'electron/*'], message: "Only electron/main and electron/preload may import 'electron'." };
const nativeDb = { group: ['better-sqlite3'], message: 'The database belongs to electron/core.' };
const renderer = { group: ['**/renderer/**', '**/renderer'], message: 'Nothing imports the renderer.' };
const main = { group: ['**/electron/main/**', '**/main/**'], message: 'Nothing imports electron/main.' };
const core = { group: ['**/electron/core/**', '**/core/**', '**/electron/**'], message: 'This layer may not import electron/ code.' };
const ui = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mui/*', 'zustand', 'i18next', 'react-i18next', 'react-router'], message: 'UI libraries belong to the renderer.' };

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', '.native/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(node, electron, nativeDb, renderer, main, core, ui),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(electron, renderer, main, ui),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(renderer, ui),
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(renderer, ui, nativeDb, { group: ['**/electron/core/**', '**/core/**', '**/main/**'], message: 'The preload exposes the bridge only.' }),
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(electron, renderer, core, ui),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(node, electron, nativeDb, core, main),
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'renderer/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
