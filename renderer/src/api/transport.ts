import type { ApiError, Result } from '@shared/errors';
import { isErrorCode } from '@shared/errors';

/**
 * What both transports (Electron IPC and the web endpoint) provide. It is the
 * untyped wire; {@link ApiClient} puts the contract's types on top of it.
 */
export interface Transport {
  readonly kind: 'ipc' | 'web';
  /** Resolves to the Result envelope core answered; rejects only when the call could not be carried. */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one event; the returned function unsubscribes. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Checks that a value that crossed a process boundary is a Result envelope.
 * Anything else means the other side is not the core we expect, which is a
 * transport failure rather than a business error.
 */
export function asResult(value: unknown): Result<unknown> | null {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return null;
  if (value.ok === true) return 'value' in value ? { ok: true, value: value.value } : { ok: true, value: undefined };
  if (value.ok !== false || !('error' in value)) return null;
  const error = asApiError(value.error);
  return error ? { ok: false, error } : null;
}

function asApiError(value: unknown): ApiError | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, message, details, retryable } = value as Record<string, unknown>;
  if (typeof message !== 'string' || typeof code !== 'string') return null;
  const error: ApiError = {
    // An unknown code (a newer core, say) still reaches the user with its message.
    code: isErrorCode(code) ? code : 'internal.error',
    message: isErrorCode(code) ? message : `${code}: ${message}`,
    retryable: retryable === true,
  };
  if (details !== undefined) error.details = details;
  return error;
}
