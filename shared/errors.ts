/**
 * Stable error codes. They cross process boundaries as data (see
 * ARCHITECTURE.md, "Errors crossing a process are data"), the renderer maps each
 * code to a translated message, and tests assert on them: never rename one.
 */
export const ERROR_CODES = [
  // Transport and registry
  'api.unknown-method',
  'api.invalid-input',
  'api.invalid-output',
  'api.malformed-json',
  'api.payload-too-large',
  'api.unauthorized',
  'api.forbidden-origin',
  'api.not-found',
  'api.duplicate-method',
  'api.transport-failed',
  // Store
  'store.unavailable',
  'store.corrupt',
  'store.backup-not-found',
  'store.migration-failed',
  'store.record-not-found',
  // Profile and settings
  'profile.required',
  // Locations
  'locations.not-found',
  'locations.parent-not-found',
  'locations.duplicate-name',
  'locations.not-empty',
  'locations.not-deleted',
  // Asset inventory
  'assets.not-found',
  'assets.duplicate-tag',
  'assets.invalid-fields',
  'assets.rack-range-taken',
  'assets.rack-range-invalid',
  'assets.host-invalid',
  'assets.has-software',
  'racks.height-too-small',
  'subnets.not-found',
  'subnets.overlap',
  'subnets.gateway-outside',
  // Credentials vault
  'credentials.not-found',
  'credentials.duplicate-name',
  'credentials.invalid',
  'credentials.vault-unavailable',
  // Asset import (file-level) ...
  'import.not-found',
  'import.unsupported-format',
  'import.unreadable',
  'import.too-large',
  'import.too-many-rows',
  'import.empty',
  'import.missing-columns',
  'import.invalid-rows',
  'import.duplicates',
  // ... and per cell (ImportProblem.code)
  'import.cell-required',
  'import.cell-invalid',
  'import.location-missing',
  'import.duplicate-in-file',
  'import.rack-range-taken',
  // Labels
  'labels.no-assets',
  // Device checks
  'check.timeout',
  'check.unreachable',
  'check.refused',
  'check.auth-failed',
  'check.no-credential',
  'check.no-address',
  'check.parse-failed',
  'check.cancelled',
  'check.not-found',
  'check.protocol-error',
  'ssh.host-key-mismatch',
  'snmp.no-such-object',
  'snmp.no-such-instance',
  'snmp.wrong-digest',
  'snmp.unknown-user',
  'config.not-found',
  // Service desk
  // incidents
  'incidents.not-found',
  'incidents.invalid-transition',
  'incidents.resolution-required',
  'incidents.pending-reason-required',
  'incidents.priority-reason-required',
  'incidents.read-only',
  'incidents.time-in-future',
  'incidents.not-resolved',
  'incidents.evidence-not-found',
  'incidents.time-out-of-order',
  // sla
  'sla.policy-not-found',
  'sla.duplicate-client',
  'sla.invalid-calendar',
  'sla.default-required',
  // attachments
  'attachments.not-found',
  'attachments.too-large',
  'attachments.type-mismatch',
  'attachments.unsupported-type',
  'attachments.owner-not-found',
  // problems
  'problems.not-found',
  'problems.invalid-transition',
  'problems.missing-field',
  'problems.read-only',
  'problems.time-in-future',
  // changes
  'changes.not-found',
  'changes.invalid-transition',
  'changes.approval-role',
  'changes.window-invalid',
  'changes.missing-field',
  'changes.read-only',
  'changes.time-in-future',
  // knowledge
  'knowledge.not-found',
  'knowledge.source-not-found',
  // plans
  'plans.not-found',
  // Rounds
  'templates.not-found',
  'templates.invalid-file',
  'templates.archived',
  'schedules.not-found',
  'rounds.not-found',
  'rounds.read-only',
  'rounds.not-signed',
  'rounds.required-missing',
  'rounds.reading-invalid',
  'rounds.not-a-photo',
  'rounds.item-not-found',
  // Sync server (shared/sync, server/)
  'sync.unauthorized',
  'sync.revoked',
  'sync.forbidden-scope',
  'sync.forbidden-role',
  'sync.payload-too-large',
  'sync.malformed-json',
  'sync.invalid',
  'sync.hash-mismatch',
  'sync.rate-limited',
  'sync.enrolment-invalid',
  'sync.seq-gap',
  'sync.device-diverged',
  'sync.blob-missing',
  'sync.upload-offset',
  'sync.clock-ahead',
  'sync.not-found',
  'sync.unavailable',
  // Sync client (electron/core/sync)
  'sync.not-enrolled',
  'sync.invalid-server-url',
  'sync.unreachable',
  'sync.bad-response',
  'sync.conflict-not-found',
  // Periodic service reports (electron/core/reports)
  'reports.not-found',
  'reports.forbidden-role',
  'reports.stale',
  'reports.invalid-period',
  'reports.client-not-found',
  'reports.incident-not-found',
  // Exports and consolidated views
  'exports.not-found',
  'exports.not-ready',
  'exports.cancelled',
  'records.invalid-filter',
  // Anything we did not anticipate
  'internal.error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The shape every error takes when it leaves a process. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
  retryable: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Thrown inside a process; converted to an {@link ApiError} at the edge
 * (registry, IPC relay, web transport). `message` is English for logs and
 * developers; the UI shows the translation of `code`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryable = options.retryable ?? false;
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Any thrown value as an ApiError; unknown failures never leak internals beyond their message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toApiError();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal.error', message, retryable: false };
}
