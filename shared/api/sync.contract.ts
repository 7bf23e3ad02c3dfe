import { z } from 'zod';
import { EpochMs, Id } from '../domain/ids';
import { Role } from '../domain/profile';
import { method } from './define';

/**
 * Where sync stands, as the top bar and the Sync page show it.
 * - `not-enrolled`: no server set up; everything stays on this laptop.
 * - `syncing`: a push or pull is running.
 * - `online`: the last attempt reached the server and everything went through.
 * - `offline`: the last attempt could not reach the server (no network, server down).
 * - `error`: the server answered with an error; sync retries with backoff.
 * - `stopped`: the server refused this device for good (revoked, unknown token,
 *   history diverged): background sync waits until it is enrolled again.
 */
export const SyncState = z.enum(['not-enrolled', 'syncing', 'online', 'offline', 'error', 'stopped']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  /**
   * Increases with every status core computes. Statuses reach the renderer by
   * two roads (an answer and the sync.status event) that may cross, so the
   * renderer keeps the highest revision rather than the last to arrive.
   */
  revision: z.number().int().nonnegative(),
  state: SyncState,
  enrolled: z.boolean(),
  /** The server's address, as given at enrolment (no trailing slash). */
  serverUrl: z.string().nullable(),
  /** This console's device id (also the node of its clock). */
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  /** The server account this console is enrolled as. */
  user: z.object({ id: z.string(), name: z.string(), role: Role }).nullable(),
  /** Local changes not yet acknowledged by the server. */
  pending: z.number().int().nonnegative(),
  /** Changes the server refused for good and keeps for review (outside the user's scope, a role that may not write them). */
  setAside: z.number().int().nonnegative(),
  /** Pulled changes waiting for a record they refer to. */
  waiting: z.number().int().nonnegative(),
  /** Conflicts not yet resolved by a person. */
  conflicts: z.number().int().nonnegative(),
  lastAttemptAt: EpochMs.nullable(),
  lastSuccessAt: EpochMs.nullable(),
  /** The last failure; cleared by the next success. `code` is a stable error code (errors.* translations). */
  lastError: z.object({ code: z.string(), message: z.string(), at: EpochMs }).nullable(),
  /** Server clock minus this laptop's clock, measured at the last answer; positive: the laptop is behind. */
  clockDriftMs: z.number().int().nullable(),
  /** The drift is beyond what SYNC.md tolerates silently (5 minutes). */
  driftWarning: z.boolean(),
  /** When background sync will try next (null when it is not scheduled). */
  nextAttemptAt: EpochMs.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ConflictSideView = z.object({
  value: z.json(),
  hlc: z.string(),
  deviceId: z.string().nullable(),
});

export const ConflictFieldView = z.object({
  field: z.string(),
  /** The value this console holds or wrote: its own edit when it was one of the two writers. */
  local: ConflictSideView,
  remote: ConflictSideView,
  /** Which side won by the clock rule and is in the record now. */
  winner: z.enum(['local', 'remote']),
});

export const SyncConflict = z.object({
  id: Id,
  /** `server`: found by the server, shared by every console that sees it. `local`: seen here while pulling over an unpushed edit; the server's own record replaces it once it arrives. */
  origin: z.enum(['server', 'local']),
  entity: z.string(),
  entityId: z.string(),
  /** The record's title or name when this console holds it. */
  label: z.string().nullable(),
  fields: z.array(ConflictFieldView),
  detectedAt: EpochMs,
  resolvedAt: EpochMs.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.enum(['kept-winner', 'kept-loser']).nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

export const syncContract = {
  /** Cheap: no network. */
  'sync.status': method({
    summary: 'Where sync stands: state, pending changes, last success and error, clock drift, conflicts.',
    input: z.object({}),
    output: SyncStatus,
  }),
  /**
   * Exchanges a one-time enrolment code for a device token at the given server
   * (http or https only). The token is kept encrypted with the vault key; the
   * first sync starts at once in the background. Enrolling again replaces the
   * previous enrolment.
   */
  'sync.enrol': method({
    summary: 'Enrol this console with a sync server using a one-time code.',
    input: z.object({
      serverUrl: z.string().trim().min(1).max(2000),
      code: z.string().trim().min(1).max(40),
      deviceName: z.string().trim().min(1).max(100).optional(),
    }),
    output: SyncStatus,
  }),
  /** Runs one push and pull now (after the one running, if any) and answers when it finished. Failures are in the status, not thrown. */
  'sync.now': method({
    summary: 'Sync now: push pending changes, then pull.',
    input: z.object({}),
    output: SyncStatus,
  }),
  /** Forgets the server and the token. Local records and unpushed changes stay. */
  'sync.forget': method({
    summary: 'Un-enrol this console from its sync server.',
    input: z.object({}),
    output: SyncStatus,
  }),
  'sync.conflicts': method({
    summary: 'Conflicts between edits on different devices, newest first.',
    input: z.object({ includeResolved: z.boolean().default(false), limit: z.number().int().positive().max(1000).default(200) }),
    output: z.array(SyncConflict),
  }),
  /**
   * Keeps one side of a conflict. Keeping the value that lost writes it again
   * (a new edit, so it syncs and wins everywhere); either way the resolution
   * itself syncs, so other consoles see the conflict settled.
   */
  'sync.resolveConflict': method({
    summary: 'Resolve a conflict by keeping the local or the remote value.',
    input: z.object({ id: Id, keep: z.enum(['local', 'remote']) }),
    output: SyncConflict,
  }),
};
