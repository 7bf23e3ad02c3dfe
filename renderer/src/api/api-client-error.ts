import type { ApiError, ErrorCode } from '@shared/errors';

/**
 * A failed API call as a throwable. It keeps the whole {@link ApiError} so the
 * error display can translate `code` and still show the raw message when no
 * translation exists.
 */
export class ApiClientError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly retryable: boolean;
  readonly apiError: ApiError;

  constructor(apiError: ApiError, options: { cause?: unknown } = {}) {
    super(apiError.message, { cause: options.cause });
    this.name = 'ApiClientError';
    this.code = apiError.code;
    this.details = apiError.details;
    this.retryable = apiError.retryable;
    this.apiError = apiError;
  }
}

export function isApiClientError(value: unknown): value is ApiClientError {
  return value instanceof ApiClientError;
}

/** The error for anything that prevented a call from reaching core or its answer from coming back. */
export function transportFailed(message: string, cause?: unknown): ApiClientError {
  return new ApiClientError({ code: 'api.transport-failed', message, retryable: true }, { cause });
}
