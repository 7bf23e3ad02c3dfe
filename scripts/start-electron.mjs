// `npm start` (after `npm run build`): runs the built app in Electron.
//
// The electron package fetches its runtime binary on first use, which needs the
// internet. Where that cannot happen (CI, air-gapped machines, this project's
// build hosts) this says so in one line and points at the web transport,
// instead of dumping a download stack trace.
//
// Arguments are passed on to the app, e.g. `npm start -- --lang en`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = path.join(root, 'node_modules', 'electron');

const UNAVAILABLE =
  'Walkdown: the Electron runtime is not available on this machine (no network to download it); run "npm run web" to use the console in a browser.';

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** The Electron executable, as node_modules/electron/index.js finds it, or null when it was never downloaded. */
function electronBinary() {
  let relative;
  try {
    relative = readFileSync(path.join(electronPackage, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  // Honoured the same way electron's own index.js does, for locally provided runtimes.
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPackage, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

function skipDownload() {
  const value = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

let binary = electronBinary();
if (!binary) {
  if (skipDownload()) fail(UNAVAILABLE);
  console.log('Walkdown: downloading the Electron runtime (first start only)...');
  // Its output is a stack trace when offline; the one line below says what matters.
  const install = spawnSync(process.execPath, [path.join(electronPackage, 'install.js')], { stdio: 'ignore' });
  binary = install.status === 0 ? electronBinary() : null;
  if (!binary) fail(UNAVAILABLE);
}

for (const built of ['out/main/index.cjs', 'out/preload/index.cjs', 'out/core/utility-entry.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(root, built))) fail(`Walkdown: ${built} is missing; run "npm run build" first (npm start does).`);
}

const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-native-electron.mjs')], { stdio: 'inherit' });
if (native.status !== 0) {
  fail('Walkdown: better-sqlite3 could not be built for Electron (see above); "npm run web" runs the console without it.');
}

// ELECTRON_RUN_AS_NODE, if inherited from a tool's environment, would start
// Electron as a bare Node and run nothing.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => fail(`Walkdown: could not start Electron: ${error.message}`));
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
