// Bundles the Node-side entry points with esbuild (the renderer is built by Vite).
// Every entry is CommonJS: a sandboxed preload must be, and core is bundled with
// CommonJS packages (exceljs, iconv-lite, pdfkit) that require Node built-ins at
// run time, which an ES module bundle cannot do without shims.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron-provided modules are loaded at run time, never bundled.
  // ssh2's optional native add-ons (cpu-features, its crypto binding) cannot be
  // bundled; ssh2 falls back to pure JavaScript where they are missing.
  external: ['electron', 'better-sqlite3', 'cpu-features', '*.node'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/core/process/utility-entry.ts'], outfile: 'out/core/utility-entry.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/core/web/cli.ts'], outfile: 'out/web/cli.cjs', format: 'cjs' }),
  // The sync server: pg's optional native binding is never used (the pure-JS client is).
  build({ ...common, entryPoints: ['server/cli.ts'], outfile: 'out/server/cli.cjs', format: 'cjs', external: [...common.external, 'pg-native'] }),
]);
