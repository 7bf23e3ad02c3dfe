// Builds better-sqlite3 for Electron's ABI into
// .native/electron-<version>/better-sqlite3/build/Release/better_sqlite3.node,
// beside the Node build in node_modules that the tests, benchmarks and the web
// transport load. (Rebuilding node_modules in place for Electron, as
// electron-rebuild does, would break those; the app passes this file to
// better-sqlite3's `nativeBinding` option instead: electron/main/native-binding.ts.)
//
// Tries the prebuilt binary first (prebuild-install, seconds), then compiles
// from source against Electron's headers (node-gyp; needs Python and a C++20
// compiler). Both download, so this needs a network the first time; once the
// .node file exists the script does nothing.
//
// Usage: node scripts/build-native-electron.mjs [--force]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const source = path.join(root, 'node_modules', 'better-sqlite3');
const sqliteVersion = readJson(path.join(source, 'package.json')).version;

const versionDir = path.join(root, '.native', `electron-${electronVersion}`);
const target = path.join(versionDir, 'better-sqlite3');
const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');
// Built in a staging copy and renamed into place only when it succeeded, so an
// interrupted or failed build can never leave a directory that looks finished.
const staging = path.join(versionDir, `better-sqlite3.staging-${process.pid}`);

const prebuildInstall = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');

const stagedBinary = path.join(staging, 'build', 'Release', 'better_sqlite3.node');

/** Runs one way of getting the binary; it counts only if the file is really there afterwards. */
function attempt(label, script, args) {
  console.log(`walkdown: ${label}`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: staging, stdio: 'inherit' });
  if (result.error) console.error(`walkdown: could not run ${path.basename(script)}: ${result.error.message}`);
  return result.status === 0 && existsSync(stagedBinary);
}

if (existsSync(binary) && !force) {
  console.log(`walkdown: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is already built (${path.relative(root, binary)})`);
  process.exit(0);
}

mkdirSync(versionDir, { recursive: true });
rmSync(staging, { recursive: true, force: true });
// Everything but build/: that holds the Node build, which must not be mistaken
// for (or linked into) the Electron one.
const nodeBuild = path.join(source, 'build');
cpSync(source, staging, { recursive: true, filter: (file) => file !== nodeBuild });

const common = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
const built =
  attempt(`downloading the prebuilt better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}`, prebuildInstall, [...common, '--verbose']) ||
  attempt(`no prebuilt binary; compiling better-sqlite3 ${sqliteVersion} against Electron ${electronVersion}'s headers`, nodeGyp, [
    'rebuild',
    '--release',
    ...common,
    '--dist-url=https://electronjs.org/headers',
  ]);

if (!built) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`walkdown: could not build better-sqlite3 for Electron ${electronVersion} (see the output above)`);
  process.exit(1);
}

rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
console.log(`walkdown: built ${path.relative(root, binary)}`);
