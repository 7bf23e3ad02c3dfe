/**
 * Entry point of the Electron utility process that hosts core (bundled to
 * out/core/utility-entry.cjs and started by electron/main/core-host.ts). Core
 * runs here rather than in main so that synchronous SQLite work and parsing
 * never stall the window.
 */
import { createCore } from '../core';
import { serveCore, type ParentPortLike } from './utility-server';

// Electron adds `parentPort` to `process` only inside a utility process; the
// type is declared locally because core must not import 'electron'.
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

if (!parentPort) {
  process.stderr.write('walkdown core: utility-entry must be started by Electron utilityProcess.fork(); under plain Node use out/web/cli.cjs.\n');
  process.exit(1);
} else {
  // Options arrive as the first message rather than in argv: they are a
  // structured object (paths with spaces, optional fields) and need no escaping.
  serveCore({
    port: parentPort,
    createCore: (options) => createCore(options),
    exit: (code) => process.exit(code),
  });
}
