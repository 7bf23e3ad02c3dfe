import { AppError, type ErrorCode } from '@shared/errors';

/** The sync.* codes the server answers with. */
export type SyncErrorCode = Extract<ErrorCode, `sync.${string}`> | 'internal.error';

export function syncError(code: SyncErrorCode, message: string, details?: unknown, retryable = false): AppError {
  return new AppError(code, message, { details, retryable });
}

/** The HTTP status for each code; the body always carries the code itself. */
export function httpStatusForSync(code: string): number {
  switch (code) {
    case 'sync.invalid':
    case 'sync.malformed-json':
    case 'sync.enrolment-invalid':
      return 400;
    case 'sync.unauthorized':
      return 401;
    case 'sync.revoked':
    case 'sync.forbidden-scope':
    case 'sync.forbidden-role':
      return 403;
    case 'sync.not-found':
      return 404;
    case 'sync.seq-gap':
    case 'sync.device-diverged':
    case 'sync.blob-missing':
    case 'sync.upload-offset':
      return 409;
    case 'sync.payload-too-large':
      return 413;
    case 'sync.hash-mismatch':
    case 'sync.clock-ahead':
      return 422;
    case 'sync.rate-limited':
      return 429;
    case 'sync.unavailable':
      return 503;
    default:
      return 500;
  }
}
