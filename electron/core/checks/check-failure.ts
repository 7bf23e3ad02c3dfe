import { AppError } from '@shared/errors';
import { isParseError } from './parsers';
import { CancelledError, TimeoutError } from './runner/work-queue';

/** How a failure is stored on a result: a stable code and an English message (the UI translates the code). */
export interface ResultError {
  code: string;
  message: string;
}

/**
 * A job that stops part-way: what it finished is stored, the steps it did
 * not reach get `cause`'s code. Retrying makes sense only when nothing was
 * done yet and the cause may pass by itself (a timeout, a refused
 * connection: sshd's MaxStartups, a device rebooting).
 */
export class JobFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly retryable: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'JobFailure';
  }
}

/** Any failure as a result's error code and message. */
export function resultError(error: unknown): ResultError {
  if (error instanceof JobFailure) return resultError(error.cause);
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (isParseError(error)) return { code: error.code, message: error.message };
  if (error instanceof TimeoutError) return { code: 'check.timeout', message: `The check did not finish within ${error.timeoutMs} ms` };
  if (error instanceof CancelledError) return { code: 'check.cancelled', message: 'The check was cancelled' };
  return { code: 'internal.error', message: error instanceof Error ? error.message : String(error) };
}

/** Errors that say the device (or the way to it) is not answering this protocol: asking it more would only wait again. */
export const CONNECTIVITY_CODES: ReadonlySet<string> = new Set([
  'check.timeout',
  'check.unreachable',
  'check.refused',
  'check.auth-failed',
  'snmp.wrong-digest',
  'snmp.unknown-user',
  'credentials.vault-unavailable',
]);
