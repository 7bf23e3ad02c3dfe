import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Main's diagnostics: to stderr for development, and to <userData>/logs/main.log
 * because a packaged app on Windows or macOS has no terminal, and a field
 * engineer reporting a problem needs a file to send.
 */

// One previous file is kept; a log that grows without bound on a laptop used for years is a bug of its own.
const MAX_LOG_BYTES = 1024 * 1024;

let logFile: string | null = null;

/** Starts writing to the log file as well; until then lines go to stderr only. */
export function startLogFile(logDir: string): void {
  try {
    mkdirSync(logDir, { recursive: true });
    const file = path.join(logDir, 'main.log');
    try {
      if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, path.join(logDir, 'main.1.log'));
    } catch {
      // No log yet.
    }
    logFile = file;
  } catch (error) {
    write('warn', `cannot write logs to ${logDir}: ${describeError(error)}`);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function write(level: 'info' | 'warn' | 'error', message: string): void {
  const line = `${new Date().toISOString()} ${level} ${message}\n`;
  process.stderr.write(`walkdown: ${message}\n`);
  if (!logFile) return;
  try {
    appendFileSync(logFile, line);
  } catch {
    // A full or read-only disk must not take the app down with it.
  }
}

export const log = {
  info: (message: string) => write('info', message),
  warn: (message: string) => write('warn', message),
  error: (message: string) => write('error', message),
  /** Output of the core process, passed through as it comes (chunks need not end at line breaks). */
  core: (chunk: Buffer | string) => {
    process.stderr.write(chunk);
    if (!logFile) return;
    try {
      appendFileSync(logFile, chunk);
    } catch {
      // As above.
    }
  },
};
