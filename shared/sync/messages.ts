import { z } from 'zod';
import { Role } from '../domain/profile';
import { PUSHABLE_ENTITY_NAMES, type PushableEntityName } from './entities';
import { SYNC_LIMITS } from './limits';

/**
 * Every message between a console and the sync server. Requests are strict
 * objects (an unknown key is an error, not silently dropped); every response
 * carries `serverTime` (UTC epoch ms) so the console can warn about a wrong
 * clock. Bodies are JSON, optionally gzip-compressed (Content-Encoding: gzip).
 * Authenticated requests send `Authorization: Bearer <device token>`.
 *
 * Errors: `{ ok: false, error: { code, message, details?, retryable }, serverTime }`
 * with a 4xx/5xx status; the codes are the `sync.*` ones in shared/errors.ts.
 */

/** HTTP paths, version-prefixed so a later protocol can live beside this one. */
export const SYNC_ROUTES = {
  health: '/health',
  enrol: '/v1/enrol',
  session: '/v1/session',
  push: '/v1/push',
  pull: '/v1/pull',
  /** GET: status of a blob or of its unfinished upload; PUT ?offset=&size=: one chunk. */
  blob: (sha256: string) => `/v1/blobs/${sha256}`,
  /** GET: the bytes, if the caller may read a record that references them. */
  blobContent: (sha256: string) => `/v1/blobs/${sha256}/content`,
  users: '/v1/admin/users',
  user: (id: string) => `/v1/admin/users/${id}`,
  revokeUser: (id: string) => `/v1/admin/users/${id}/revoke`,
  enrolmentCodes: '/v1/admin/enrolment-codes',
  devices: '/v1/admin/devices',
  revokeDevice: (id: string) => `/v1/admin/devices/${id}/revoke`,
} as const;

export const EpochMs = z.number().int().nonnegative();
export const ServerTime = EpochMs;

/** A console's device id (the node of its clock): the UUIDv7 it made at first start. */
export const DeviceId = z.string().regex(/^[0-9a-zA-Z-]{8,64}$/, 'A device id is 8 to 64 letters, digits or dashes');
export type DeviceId = z.infer<typeof DeviceId>;

/** Record ids are UUIDs made on the device (v7, or v5 for links derived from a pair). */
export const RecordId = z.string().regex(/^[0-9a-zA-Z_.:-]{1,100}$/, 'A record id is 1 to 100 letters, digits or _.:-');

/** A hybrid logical clock stamp as shared/hlc.ts formats it: sortable text. */
export const HlcText = z.string().regex(/^\d{15}-[0-9a-z]{6}-[0-9a-zA-Z-]{8,64}$/, 'Not a hybrid logical clock stamp');

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lowercase hex digits');

const FieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);
/** Changed fields by API name; JSON values (arrays and objects travel as themselves, not as text). */
export const Fields = z.record(FieldName, z.json());
export type Fields = z.infer<typeof Fields>;

export const MutationOp = z.enum(['insert', 'update', 'delete', 'restore']);
export type MutationOp = z.infer<typeof MutationOp>;

export const PushableEntity = z.enum(PUSHABLE_ENTITY_NAMES as [PushableEntityName, ...PushableEntityName[]]);

const ok = <T extends z.ZodRawShape>(shape: T) => z.object({ ok: z.literal(true), serverTime: ServerTime, ...shape });

// ---------------------------------------------------------------- enrolment

export const UserScopeMessage = z.strictObject({
  all: z.boolean(),
  clientIds: z.array(RecordId).max(10_000),
  siteIds: z.array(RecordId).max(10_000),
});
export type UserScopeMessage = z.infer<typeof UserScopeMessage>;

export const UserSummary = z.object({ id: z.string(), name: z.string(), role: Role });
export type UserSummary = z.infer<typeof UserSummary>;

/** A one-time code, as printed or issued: groups of letters and digits without look-alikes. */
export const EnrolmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/, 'An enrolment code looks like ABCD-EFGH-JKMN-PQRS');

export const EnrolRequest = z.strictObject({
  code: EnrolmentCode,
  deviceId: DeviceId,
  deviceName: z.string().trim().min(1).max(100),
  /**
   * The first outbox sequence number this device will push (the lowest seq in
   * its outbox, or the next one it will make): entries before it were never
   * meant for this server. Defaults to 1.
   */
  nextSeq: z.number().int().positive().default(1),
});
export type EnrolRequest = z.input<typeof EnrolRequest>;

export const EnrolResponse = ok({
  /** Shown once; keep it in safeStorage. The server keeps only its hash. */
  token: z.string(),
  deviceId: DeviceId,
  user: UserSummary,
  scope: UserScopeMessage,
  /** Entries at or below this are already on the server (re-enrolling a device keeps its place). */
  acknowledgedSeq: z.number().int().nonnegative(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const SessionResponse = ok({
  user: UserSummary,
  device: z.object({ id: DeviceId, name: z.string(), acknowledgedSeq: z.number().int().nonnegative() }),
  scope: UserScopeMessage,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

// ---------------------------------------------------------------- push

export const PushEntry = z.strictObject({
  /** The outbox seq: per device, increasing by one, never reused. */
  seq: z.number().int().positive(),
  entity: PushableEntity,
  id: RecordId,
  op: MutationOp,
  fields: Fields,
  /** Its node must be the pushing device's id. */
  hlc: HlcText,
  /**
   * Set by a console to hand over an entry the server refused and that no retry
   * can fix (a record outside the user's scope, a role that may not write it):
   * the server keeps it for people to review instead of applying it, and the
   * device's outbox moves on. Nothing is lost either way.
   */
  setAside: z.strictObject({ code: z.string().max(100) }).optional(),
});
export type PushEntry = z.input<typeof PushEntry>;

/**
 * "Everything up to `cursor` was committed here when my clock read `clock`":
 * the pull cursor a console stored and its HLC right after storing it (in the
 * same transaction). Edits stamped later were made with those changes in
 * view, so the server does not take them for concurrent ones (conflicts).
 */
export const SeenPosition = z.strictObject({ cursor: z.number().int().nonnegative(), clock: HlcText });

export const PushRequest = z.strictObject({
  /** Must be the device the token belongs to. One device per batch: seqs are per device. */
  deviceId: DeviceId,
  entries: z.array(PushEntry).min(1).max(SYNC_LIMITS.pushMaxEntries),
  /** Optional; without it, an edit made after the last pull may be logged as a conflict it is not. */
  seen: SeenPosition.optional(),
});
export type PushRequest = z.input<typeof PushRequest>;

export const PushResponse = ok({
  /** Delete outbox entries up to and including this seq. */
  acknowledgedSeq: z.number().int().nonnegative(),
  /** Entries applied now; `replayed` were already on the server and were not applied again. */
  applied: z.number().int().nonnegative(),
  replayed: z.number().int().nonnegative(),
  setAside: z.number().int().nonnegative(),
  /** Conflicts this batch caused (they arrive through pull as `conflict` records). */
  conflicts: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** In `error.details.rejections` of a refused push: why each entry was refused. Nothing of the batch was applied. */
export const PushRejection = z.object({ seq: z.number().nullable(), code: z.string(), message: z.string() });
export type PushRejection = z.infer<typeof PushRejection>;

// ---------------------------------------------------------------- pull

export const PullRequest = z.strictObject({
  /** The `cursor` of the last response whose changes are committed locally; 0 at first. */
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(SYNC_LIMITS.pullMaxLimit).default(SYNC_LIMITS.pullDefaultLimit),
  /**
   * The device's clock when it committed `cursor` (see SeenPosition; its clock
   * now is also correct, only less precise). The server uses it to tell an edit
   * made after applying these changes from a concurrent one (a conflict).
   */
  clock: HlcText,
});
export type PullRequest = z.input<typeof PullRequest>;

/**
 * One committed change, in server order. `fields` holds only the fields that
 * won on the server, so applying changes in `serverSeq` order reproduces the
 * server's record; a console with unpushed edits of its own keeps a local
 * field whose stamp is newer than `hlc`. `evict`: the record left the user's
 * scope; drop the local copy.
 */
export const Change = z.object({
  serverSeq: z.number().int().positive(),
  entity: z.string(),
  id: z.string(),
  op: z.enum(['insert', 'update', 'delete', 'restore', 'evict']),
  fields: z.record(z.string(), z.json()),
  hlc: HlcText.or(z.string()),
  /** The device that pushed it; null for changes the server made (users, conflicts). */
  originDeviceId: z.string().nullable(),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = ok({
  changes: z.array(Change),
  /** Send it back as `cursor` once these changes are committed locally. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * The user's scope or role changed: the console should pull again from
   * cursor 0 and afterwards drop local reference records it no longer receives.
   */
  reset: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---------------------------------------------------------------- conflicts

const ConflictSide = z.object({ value: z.json(), hlc: z.string(), deviceId: z.string().nullable() });

/** The fields of a `conflict` record: per field, the value kept and the value that lost. */
export const ConflictFields = z.object({
  entity: z.string(),
  entityId: z.string(),
  fields: z.record(z.string(), z.object({ winner: ConflictSide, loser: ConflictSide })),
  detectedAt: EpochMs,
  resolvedAt: EpochMs.nullable(),
  resolvedBy: z.string().nullable(),
  /** How a person settled it: kept the winner, or wrote the losing value again (as a new edit). */
  resolution: z.enum(['kept-winner', 'kept-loser']).nullable(),
});
export type ConflictFields = z.infer<typeof ConflictFields>;

// ---------------------------------------------------------------- attachments

export const BlobStatusResponse = ok({
  sha256: Sha256,
  /** Stored and verified. */
  present: z.boolean(),
  size: z.number().int().nonnegative().nullable(),
  /** Bytes of an unfinished upload: continue at this offset. */
  receivedBytes: z.number().int().nonnegative(),
});
export type BlobStatusResponse = z.infer<typeof BlobStatusResponse>;

/** Query of `PUT /v1/blobs/:sha256`: where this chunk starts and the whole file's size. The body is the raw bytes. */
export const BlobChunkQuery = z.strictObject({
  offset: z.coerce.number().int().nonnegative(),
  size: z.coerce.number().int().positive().max(SYNC_LIMITS.blobMaxBytes),
});

export const BlobChunkResponse = ok({
  sha256: Sha256,
  receivedBytes: z.number().int().nonnegative(),
  /** True once the whole file arrived and its SHA-256 matched. */
  complete: z.boolean(),
});
export type BlobChunkResponse = z.infer<typeof BlobChunkResponse>;

// ---------------------------------------------------------------- administration (admins; supervisors where noted)

export const CreateUserRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: Role,
  scope: UserScopeMessage,
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: Role.optional(),
  scope: UserScopeMessage.optional(),
});
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

export const UserView = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  scope: UserScopeMessage,
  createdAt: EpochMs,
  revokedAt: EpochMs.nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const UserResponse = ok({ user: UserView });
export const UsersResponse = ok({ users: z.array(UserView) });

/** Supervisors may issue codes for engineers inside their own scope (and for themselves); admins for anyone. */
export const IssueEnrolmentCodeRequest = z.strictObject({
  userId: z.string().min(1).max(100),
  ttlMinutes: z
    .number()
    .int()
    .positive()
    .max(SYNC_LIMITS.enrolmentCodeMaxTtlMs / 60_000)
    .optional(),
});
export type IssueEnrolmentCodeRequest = z.input<typeof IssueEnrolmentCodeRequest>;

export const IssueEnrolmentCodeResponse = ok({ code: z.string(), userId: z.string(), expiresAt: EpochMs });
export type IssueEnrolmentCodeResponse = z.infer<typeof IssueEnrolmentCodeResponse>;

export const DeviceView = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  acknowledgedSeq: z.number().int().nonnegative(),
  createdAt: EpochMs,
  lastSeenAt: EpochMs.nullable(),
  revokedAt: EpochMs.nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DevicesResponse = ok({ devices: z.array(DeviceView) });
export const DeviceResponse = ok({ device: DeviceView });

export const HealthResponse = ok({ database: z.enum(['sqlite', 'postgres']) });
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ErrorResponse = z.object({
  ok: z.literal(false),
  serverTime: ServerTime,
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional(), retryable: z.boolean() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
