import type { ErrorCode } from '@shared/errors';

/** The HTTP status for an error result; the body always carries the stable code. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'api.invalid-input':
    case 'api.malformed-json':
      return 400;
    case 'api.unauthorized':
      return 401;
    case 'api.forbidden-origin':
      return 403;
    case 'api.unknown-method':
    case 'api.not-found':
      return 404;
    case 'api.payload-too-large':
      return 413;
    case 'store.unavailable':
      return 503;
    case 'internal.error':
    case 'api.invalid-output':
    case 'api.duplicate-method':
    case 'api.transport-failed':
      return 500;
    default:
      if (code.endsWith('.not-found')) return 404;
      // A rule of the domain said no (duplicate name, not empty, ...).
      return 409;
  }
}
