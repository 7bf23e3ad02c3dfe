/**
 * Structured logs: one JSON object per line on stderr (stdout carries only the
 * start-up lines a person reads). Callers pass facts, never secrets: tokens,
 * enrolment codes and request bodies are not logged anywhere.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  log(level: LogLevel, message: string, facts?: Record<string, unknown>): void;
}

export function createLogger(minimum: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  return {
    log(level, message, facts = {}) {
      if (ORDER[level] < ORDER[minimum]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...facts })}\n`);
    },
  };
}

export const silentLogger: Logger = { log() {} };
