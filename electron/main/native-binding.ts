import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { log } from './log';

/**
 * The better-sqlite3 addon core should load under Electron.
 *
 * node_modules/better-sqlite3 holds a build for plain Node (the tests, the web
 * transport and the benchmarks use it); Electron embeds a Node with a different
 * ABI and cannot load that one. scripts/build-native-electron.mjs (run by
 * `npm start`) puts an Electron build beside it, under .native/, and core passes
 * this path to better-sqlite3's `nativeBinding` option.
 *
 * Packaged apps return undefined: electron-builder rebuilds node_modules for
 * Electron while packaging, so better-sqlite3 finds its own addon there.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(
    appRoot,
    '.native',
    `electron-${process.versions.electron}`,
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  // Returned even when missing: core then reports "cannot find module <path>"
  // (recovery mode), which names the fix, instead of loading the Node build
  // and failing with an opaque NODE_MODULE_VERSION mismatch.
  if (!existsSync(file)) log.warn(`${file} is missing; run "node scripts/build-native-electron.mjs" (npm start does).`);
  return file;
}
