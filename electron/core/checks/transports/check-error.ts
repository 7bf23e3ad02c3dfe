import { setMaxListeners } from 'node:events';
import { AppError, type ErrorCode } from '@shared/errors';

/** The codes a transport throws. Everything a transport can fail with maps to one of these. */
export const CHECK_ERROR_CODES = [
  'check.timeout',
  'check.unreachable',
  'check.refused',
  'check.auth-failed',
  'check.no-address',
  'check.parse-failed',
  'check.cancelled',
  'check.protocol-error',
  'ssh.host-key-mismatch',
  'snmp.no-such-object',
  'snmp.no-such-instance',
  'snmp.wrong-digest',
  'snmp.unknown-user',
] as const satisfies readonly ErrorCode[];

export type CheckErrorCode = (typeof CHECK_ERROR_CODES)[number];

/**
 * Trying again later, with nothing changed, may succeed: the device was busy,
 * rebooting or briefly off the network. Credentials, host keys, missing
 * objects and cancellations do not fix themselves.
 */
const RETRYABLE: ReadonlySet<CheckErrorCode> = new Set(['check.timeout', 'check.unreachable', 'check.refused']);

/**
 * What every transport throws. `details` is plain data (address, port,
 * fingerprints, the OID that was missing, the errno) so it can be stored with
 * the result and cross the process edge as `ApiError.details`; it never holds
 * a secret.
 */
export class CheckError extends AppError {
  declare readonly code: CheckErrorCode;

  constructor(code: CheckErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown; retryable?: boolean } = {}) {
    super(code, message, { details: options.details, cause: options.cause, retryable: options.retryable ?? RETRYABLE.has(code) });
    this.name = 'CheckError';
  }
}

export function isCheckError(error: unknown): error is CheckError {
  return error instanceof CheckError;
}

export function cancelledError(details: Record<string, unknown> = {}): CheckError {
  return new CheckError('check.cancelled', 'The check was cancelled', { details });
}

export function throwIfAborted(signal: AbortSignal, details: Record<string, unknown> = {}): void {
  if (signal.aborted) throw cancelledError(details);
}

const unlimited = new WeakSet<AbortSignal>();

/** Runs `onAbort` once when the signal fires; returns the function that stops listening (call it when the work ends). */
export function whenAborted(signal: AbortSignal, onAbort: () => void): () => void {
  if (signal.aborted) {
    onAbort();
    return () => {};
  }
  if (!unlimited.has(signal)) {
    // A sweep shares one signal among hundreds of concurrent checks; each removes its listener when done, so the leak warning would only be noise.
    unlimited.add(signal);
    setMaxListeners(0, signal);
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/**
 * Resolves after the event loop has passed its close-callbacks phase once:
 * a handle whose close was started (a child process, a UDP socket) is gone
 * from the loop by then. The 'close' events of child processes and UDP
 * sockets come before that point.
 */
export function afterHandlesClosed(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Socket-level errno → code, shared by TCP, HTTP and SSH. A dead address on
 * the local segment answers no ARP: Linux reports EHOSTUNREACH after ~3 s,
 * so a connect timeout shorter than that reports check.timeout instead.
 */
export function socketErrorCode(errno: string | undefined): CheckErrorCode {
  switch (errno) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return 'check.refused';
    case 'ETIMEDOUT':
      return 'check.timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
    case 'EACCES':
    case 'EPERM':
      return 'check.unreachable';
    default:
      return 'check.protocol-error';
  }
}

export function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A socket error as a CheckError (a CheckError passes through unchanged). */
export function fromSocketError(error: unknown, what: string, details: Record<string, unknown>): CheckError {
  if (error instanceof CheckError) return error;
  const errno = errnoOf(error);
  const code = socketErrorCode(errno);
  return new CheckError(code, `${what}: ${messageOf(error)}`, { details: { ...details, errno: errno ?? null }, cause: error });
}
