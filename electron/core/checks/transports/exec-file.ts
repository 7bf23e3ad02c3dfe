import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterHandlesClosed, whenAborted } from './check-error';

export interface RunOutput {
  /** null when the process was killed (timeout or abort). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** The program could not be started (ENOENT, EACCES). */
  spawnError?: string;
}

/**
 * Runs a program with an argument vector, never a shell, and never throws:
 * the caller reads the exit code. The child is killed on timeout and on
 * abort; the promise settles once it has exited and its pipes are closed,
 * so no handle outlives it.
 * Output is read as latin1 so bytes of a localised system tool (Windows' ping
 * in the OEM code page) cannot break decoding; the parts parsed are ASCII.
 */
export function runFile(
  file: string,
  args: readonly string[],
  options: {
    timeoutMs: number;
    signal: AbortSignal;
    env?: NodeJS.ProcessEnv;
    /** Standard output as it arrives (latin1 text, any chunking); the whole of it is in the result as well. */
    onStdout?: (text: string) => void;
  },
): Promise<RunOutput> {
  return new Promise((resolve) => {
    if (options.signal.aborted) {
      resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, aborted: true });
      return;
    }
    let timedOut = false;
    let aborted = false;
    // Not execFile's own `signal`: on abort it calls back before the child has exited. Killing it
    // ourselves, the callback comes on 'close', when the process and its pipes are gone.
    const child = execFile(
      file,
      args,
      { encoding: 'latin1', maxBuffer: 32 * 1024 * 1024, windowsHide: true, env: options.env ?? process.env },
      (error, stdout, stderr) => {
        clearTimeout(timer);
        stopAbort();
        const spawnError = error && typeof error.code === 'string' && (error.code === 'ENOENT' || error.code === 'EACCES') ? error.code : undefined;
        const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const output: RunOutput = { exitCode, stdout, stderr, timedOut, aborted, ...(spawnError ? { spawnError } : {}) };
        // 'close' comes as the process handle starts closing; settle when it is gone.
        void afterHandlesClosed().then(() => resolve(output));
      },
    );
    if (options.onStdout) child.stdout?.on('data', (chunk: string) => options.onStdout?.(chunk));
    // SIGKILL: a tool stuck in a syscall may ignore SIGTERM, and nothing it would say then matters.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const stopAbort = whenAborted(options.signal, () => {
      aborted = true;
      child.kill('SIGKILL');
    });
  });
}

const EXTRA_DIRS =
  process.platform === 'win32' ? [] : ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin', '/usr/local/sbin', '/opt/homebrew/bin', '/opt/homebrew/sbin'];

const found = new Map<string, string | null>();

/**
 * Where a program is: PATH first, then the usual system folders (a desktop
 * app started from a launcher often has a PATH without /usr/sbin, where
 * some distributions put fping). Cached per process.
 */
export function findProgram(name: string): string | null {
  const cached = found.get(name);
  if (cached !== undefined) return cached;
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  let result: string | null = null;
  outer: for (const dir of dirs) {
    for (const candidate of names) {
      const path = join(dir, candidate);
      try {
        accessSync(path, constants.X_OK);
        result = path;
        break outer;
      } catch {
        // not here
      }
    }
  }
  found.set(name, result);
  return result;
}
