import { isDeepStrictEqual } from 'node:util';
import { BOOKKEEPING_FIELDS, SYNC_ENTITIES, isPushableEntity } from '@shared/sync/entities';
import type { Change, ConflictFields } from '@shared/sync/messages';
import type { Db } from '../store/database';
import { newId } from '../store/ids';
import { statement } from '../store/statements';
import { syncedEntities, type SyncedEntity, type SyncedEntityName } from '../store/synced-entities';
import type { RemoteActor, WritePath } from '../store/write-path';

export interface PullApplyContext {
  db: Db;
  writePath: WritePath;
  deviceId: string;
  now: () => number;
  /** Whether this console already holds an attachment's file. */
  hasBlob: (sha256: string) => boolean;
  /** Test hook: called after each change inside the transaction; throwing aborts the whole page. */
  afterChange?: (index: number) => void;
}

export interface PullPage {
  changes: readonly Change[];
  /** Where the next pull starts once these changes are committed. */
  cursor: number;
}

export interface ApplyOutcome {
  /** Changes that changed a local record. */
  applied: number;
  /** Changes kept for later because a record they refer to is missing here. */
  parked: number;
  /** Changes of entities this console does not know (a newer server). */
  unknown: number;
  /** Conflicts this console found against its own unpushed edits. */
  conflicts: number;
  /** Entities touched, for `records.changed`. */
  entities: Set<string>;
}

type Side = ConflictFields['fields'][string]['winner'];
type ConflictFieldMap = Record<string, { winner: Side; loser: Side }>;

const BOOKKEEPING: readonly string[] = BOOKKEEPING_FIELDS;

/**
 * Applies one page of pulled changes and stores the cursor after it in ONE
 * SQLite transaction (SYNC.md guarantee 3): a crash anywhere leaves neither
 * the changes nor the new cursor, and the same page comes again.
 *
 * Per field, the value with the later HLC stamp wins (the rule the server
 * uses, so both sides pick the same winner). This console's stamp for a field
 * is the newest of: what its acknowledged pushes and earlier pulls set
 * (sync_record_clocks), and its unpushed edits still in the outbox. A pulled
 * value that loses is not written; a pulled value that meets an unpushed edit
 * with a different value is a conflict, logged here at once (the server logs
 * the same conflict when that edit arrives, and its record then replaces this
 * one). Append-only records and bookkeeping fields never conflict.
 *
 * Applied changes write no outbox entry (they came from the server) but an
 * audit line each, and the local clock moves past every stamp received.
 */
export function applyPullPage(context: PullApplyContext, page: PullPage): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: 0, parked: 0, unknown: 0, conflicts: 0, entities: new Set() };
  context.db.transaction(() => {
    const pending = pendingEdits(context.db, page.changes);
    page.changes.forEach((change, index) => {
      applyChange(context, change, pending, outcome, false);
      context.afterChange?.(index);
    });
    const stamps = page.changes.map((change) => change.hlc).filter(isHlc);
    const clock = context.writePath.receiveRemote(stamps, context.now(), context.deviceId);
    statement(context.db, 'UPDATE sync_state SET cursor = ?, cursor_clock = ? WHERE id = 1').run(page.cursor, clock);
  })();
  return outcome;
}

/**
 * Tries the parked changes again, oldest first, in one transaction; those
 * that still cannot be applied stay parked. Called after each pull.
 */
export function retryParked(context: PullApplyContext): ApplyOutcome {
  const outcome: ApplyOutcome = { applied: 0, parked: 0, unknown: 0, conflicts: 0, entities: new Set() };
  const rows = statement(context.db, 'SELECT server_seq, change FROM sync_parked ORDER BY server_seq').all() as { server_seq: number; change: string }[];
  if (rows.length === 0) return outcome;
  context.db.transaction(() => {
    const changes = rows.map((row) => JSON.parse(row.change) as Change);
    const pending = pendingEdits(context.db, changes);
    for (const change of changes) applyChange(context, change, pending, outcome, true);
  })();
  return outcome;
}

/** Unpushed edits of the records a page touches: per record, per field, the newest stamp. One outbox scan per page. */
function pendingEdits(db: Db, changes: readonly Change[]): Map<string, Map<string, string>> {
  const ids = [...new Set(changes.map((change) => change.id))];
  const result = new Map<string, Map<string, string>>();
  if (ids.length === 0) return result;
  const rows = statement(
    db,
    `SELECT o.entity, o.entity_id, j.key AS field, max(o.hlc) AS hlc
       FROM outbox o, json_each(o.fields) j
      WHERE o.entity_id IN (SELECT value FROM json_each(?))
      GROUP BY o.entity, o.entity_id, j.key`,
  ).all(JSON.stringify(ids)) as { entity: string; entity_id: string; field: string; hlc: string }[];
  for (const row of rows) {
    const key = recordKey(row.entity, row.entity_id);
    let fields = result.get(key);
    if (!fields) result.set(key, (fields = new Map()));
    fields.set(row.field, row.hlc);
  }
  return result;
}

function applyChange(context: PullApplyContext, change: Change, pending: Map<string, Map<string, string>>, outcome: ApplyOutcome, retrying: boolean): void {
  const { db } = context;
  if (change.entity === 'user') {
    upsertUser(db, change, context.now());
    outcome.entities.add('user');
    return;
  }
  if (!isSyncedEntity(change.entity)) {
    outcome.unknown += 1;
    return;
  }
  const entityName = change.entity;
  const entity: SyncedEntity = syncedEntities[entityName];
  const actor = remoteActor(change);
  const at = context.now();

  if (change.op === 'evict') {
    const done = attempt(db, () => {
      if (context.writePath.removeRemote(entityName, change.id, actor, at)) outcome.entities.add(entityName);
      statement(db, 'DELETE FROM sync_record_clocks WHERE entity = ? AND entity_id = ?').run(entityName, change.id);
    });
    settle(context, change, done, outcome, retrying);
    return;
  }

  const clocks = readClocks(db, entityName, change.id);
  const unpushed = pending.get(recordKey(entityName, change.id));
  const appendOnly = isPushableEntity(entityName) && (SYNC_ENTITIES[entityName] as { appendOnly?: boolean }).appendOnly === true;
  const winners: Record<string, unknown> = {};
  const conflicts: ConflictFieldMap = {};
  let row: Record<string, unknown> | undefined | null = null;

  for (const [field, value] of Object.entries(change.fields)) {
    // A field this console's schema does not have (a newer server) is left alone.
    if (!Object.hasOwn(entity.fields, field) && !BOOKKEEPING.includes(field)) continue;
    const mine = unpushed?.get(field);
    const local = newest(clocks[field], mine);
    const wins = local === undefined || change.hlc > local;
    if (wins) winners[field] = value;
    // Concurrent: an unpushed edit here, and a pulled value newer than any this console had applied before it.
    const unseen = clocks[field] === undefined || change.hlc > (clocks[field] as string);
    if (mine !== undefined && unseen && !appendOnly && !BOOKKEEPING.includes(field) && entityName !== 'conflict') {
      if (row === null) row = statement(db, `SELECT * FROM ${entity.table} WHERE id = ?`).get(change.id) as Record<string, unknown> | undefined;
      const localValue = row ? apiValue(entity, field, row[entity.fields[field] as string]) : null;
      if (!isDeepStrictEqual(localValue, value)) {
        const remoteSide: Side = { value: value as Side['value'], hlc: change.hlc, deviceId: change.originDeviceId };
        const localSide: Side = { value: localValue as Side['value'], hlc: mine, deviceId: context.deviceId };
        conflicts[field] = change.hlc > mine ? { winner: remoteSide, loser: localSide } : { winner: localSide, loser: remoteSide };
      }
    }
  }

  if (Object.keys(conflicts).length > 0 && logLocalConflict(db, entityName, change.id, conflicts, at)) {
    outcome.conflicts += 1;
    outcome.entities.add('conflict');
  }
  if (Object.keys(winners).length === 0) {
    if (retrying) statement(db, 'DELETE FROM sync_parked WHERE server_seq = ?').run(change.serverSeq);
    return;
  }

  const done = attempt(db, () => {
    const changed = context.writePath.applyRemote(entityName, change.id, winners, actor, at);
    const next = { ...clocks };
    for (const field of Object.keys(winners)) next[field] = change.hlc;
    statement(db, 'INSERT INTO sync_record_clocks (entity, entity_id, clocks) VALUES (?, ?, ?) ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks').run(
      entityName,
      change.id,
      JSON.stringify(next),
    );
    if (changed) outcome.entities.add(entityName);
    if (entityName === 'conflict') reconcileConflict(context, change.id);
    if (entityName === 'attachment') queueBlobs(context, winners, at);
  });
  if (done === true) outcome.applied += 1;
  settle(context, change, done, outcome, retrying);
}

/** Runs `work` in a savepoint: true, or the reason it failed (a constraint: a record it refers to is not here yet). */
function attempt(db: Db, work: () => void): true | string {
  try {
    db.transaction(work)();
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return `${code}: ${(error as Error).message}`;
    // Values this schema cannot hold (a wrongly typed field from a newer or broken console) wait too, rather than stop every pull.
    if (error instanceof TypeError || error instanceof RangeError || (typeof code === 'string' && code.startsWith('SQLITE_MISMATCH'))) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
    throw error;
  }
}

function settle(context: PullApplyContext, change: Change, done: true | string, outcome: ApplyOutcome, retrying: boolean): void {
  if (done === true) {
    if (retrying) statement(context.db, 'DELETE FROM sync_parked WHERE server_seq = ?').run(change.serverSeq);
    return;
  }
  outcome.parked += 1;
  statement(
    context.db,
    `INSERT INTO sync_parked (server_seq, change, reason, parked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (server_seq) DO UPDATE SET reason = excluded.reason, attempts = sync_parked.attempts + 1`,
  ).run(change.serverSeq, JSON.stringify(change), done.slice(0, 500), context.now());
}

/**
 * A conflict this console saw against its own unpushed edit. Kept until the
 * server's record of the same collision (same field, same two stamps)
 * arrives. Returns false when that collision is already logged.
 */
function logLocalConflict(db: Db, entity: string, id: string, fields: ConflictFieldMap, at: number): boolean {
  const known = statement(db, 'SELECT fields FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND deleted_at IS NULL').all(entity, id) as { fields: string }[];
  const fresh: ConflictFieldMap = {};
  for (const [field, sides] of Object.entries(fields)) {
    const seen = known.some((row) => sameCollision((JSON.parse(row.fields) as ConflictFieldMap)[field], sides));
    if (!seen) fresh[field] = sides;
  }
  if (Object.keys(fresh).length === 0) return false;
  statement(
    db,
    `INSERT INTO sync_conflicts (id, origin, entity, entity_id, fields, detected_at, created_at, updated_at)
     VALUES (?, 'local', ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), entity, id, JSON.stringify(fresh), at, at, at);
  return true;
}

/**
 * The server's record of a conflict arrived: it replaces what this console
 * logged of the same collision. A resolution already chosen here is carried
 * over through the write path, so it reaches the server and the other consoles.
 */
function reconcileConflict(context: PullApplyContext, conflictId: string): void {
  const { db } = context;
  const server = statement(db, "SELECT * FROM sync_conflicts WHERE id = ? AND origin = 'server'").get(conflictId) as ConflictRow | undefined;
  if (!server) return;
  const serverFields = JSON.parse(server.fields) as ConflictFieldMap;
  const locals = statement(db, "SELECT * FROM sync_conflicts WHERE origin = 'local' AND entity = ? AND entity_id = ?").all(server.entity, server.entity_id) as ConflictRow[];
  const matches = locals
    .map((local) => {
      const fields = JSON.parse(local.fields) as ConflictFieldMap;
      const left = Object.fromEntries(Object.entries(fields).filter(([field, sides]) => !sameCollision(serverFields[field], sides)));
      return { local, left, matched: Object.keys(left).length < Object.keys(fields).length };
    })
    .filter((match) => match.matched);
  if (matches.length === 0) return;

  const resolved = matches.find((match) => match.local.resolution !== null)?.local;
  if (resolved && server.resolved_at === null) {
    try {
      context.writePath.write([
        { entity: 'conflict', op: 'update', id: conflictId, fields: { resolvedAt: resolved.resolved_at, resolvedBy: resolved.resolved_by, resolution: resolved.resolution } },
      ]);
    } catch {
      // No profile to sign it with (it was set when the choice was made, so hardly ever): keep this console's record and its choice.
      return;
    }
  }
  for (const { local, left } of matches) {
    if (Object.keys(left).length === 0) statement(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(local.id);
    else statement(db, 'UPDATE sync_conflicts SET fields = ? WHERE id = ?').run(JSON.stringify(left), local.id);
  }
}

export interface ConflictRow {
  id: string;
  origin: 'server' | 'local';
  entity: string;
  entity_id: string;
  fields: string;
  detected_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: 'kept-winner' | 'kept-loser' | null;
  deleted_at: number | null;
}

function sameCollision(a: { winner: Side; loser: Side } | undefined, b: { winner: Side; loser: Side }): boolean {
  if (!a) return false;
  const pair = (x: { winner: Side; loser: Side }) => [x.winner.hlc, x.loser.hlc].sort().join('|');
  return pair(a) === pair(b);
}

function queueBlobs(context: PullApplyContext, fields: Record<string, unknown>, at: number): void {
  for (const key of ['sha256', 'thumbnailSha256']) {
    const sha = fields[key];
    if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) && !context.hasBlob(sha)) {
      statement(context.db, 'INSERT INTO sync_blob_downloads (sha256, queued_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(sha, at);
    }
  }
}

function upsertUser(db: Db, change: Change, at: number): void {
  const fields = change.fields as { name?: unknown; role?: unknown; revokedAt?: unknown };
  if (change.op === 'evict') {
    statement(db, 'DELETE FROM sync_users WHERE id = ?').run(change.id);
    return;
  }
  statement(
    db,
    `INSERT INTO sync_users (id, name, role, revoked_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, revoked_at = excluded.revoked_at, updated_at = excluded.updated_at`,
  ).run(
    change.id,
    typeof fields.name === 'string' ? fields.name : '',
    typeof fields.role === 'string' ? fields.role : 'engineer',
    typeof fields.revokedAt === 'number' ? fields.revokedAt : null,
    at,
  );
}

export function readClocks(db: Db, entity: string, id: string): Record<string, string> {
  const row = statement(db, 'SELECT clocks FROM sync_record_clocks WHERE entity = ? AND entity_id = ?').get(entity, id) as { clocks: string } | undefined;
  return row ? (JSON.parse(row.clocks) as Record<string, string>) : {};
}

/** A column value as the API (and the wire) carries it. */
export function apiValue(entity: SyncedEntity, field: string, stored: unknown): unknown {
  if (stored === undefined) return null;
  if (entity.json?.includes(field) && typeof stored === 'string') {
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      return stored;
    }
  }
  return stored;
}

/** Who made a pulled change, for the audit line: the device it came from, or the server (users, conflicts). */
function remoteActor(change: Change): RemoteActor {
  return { name: change.originDeviceId ? `sync:${change.originDeviceId}` : 'sync:server', role: 'sync' };
}

function isSyncedEntity(name: string): name is SyncedEntityName {
  return Object.hasOwn(syncedEntities, name);
}

function newest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

function isHlc(text: string): boolean {
  return /^\d{15}-[0-9a-z]{6}-.+$/.test(text);
}

function recordKey(entity: string, id: string): string {
  return `${entity}\u0000${id}`;
}
