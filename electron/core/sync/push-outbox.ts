import { AppError } from '@shared/errors';
import { SYNC_ENTITIES, isPushableEntity } from '@shared/sync/entities';
import { SYNC_LIMITS } from '@shared/sync/limits';
import { PushResponse, SYNC_ROUTES, type PushEntry, type PushRejection } from '@shared/sync/messages';
import type { BlobStore } from '../attachments/blob-store';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import type { WritePath } from '../store/write-path';
import { uploadBlob } from './blob-transfer';
import { nextPushBatch, type BatchLimits } from './push-batch';
import type { SyncHttp } from './sync-http';
import type { SyncStateRepo } from './sync-state.repo';

export interface PushContext {
  db: Db;
  writePath: WritePath;
  repo: SyncStateRepo;
  http: SyncHttp;
  blobs: BlobStore;
  deviceId: string;
  now: () => number;
  limits?: BatchLimits;
  onProgress?: (done: number, total: number) => void;
}

export interface PushOutcome {
  acknowledged: number;
  setAside: number;
}

/**
 * Refusals no retry can fix: the entry goes to the server set aside (kept there
 * for review) so that the outbox behind it moves on. Nothing is lost: the
 * record stays here, the server keeps the entry.
 */
const SET_ASIDE_CODES = new Set(['sync.forbidden-scope', 'sync.forbidden-role', 'sync.invalid']);
const MAX_TRIES_PER_BATCH = 4;

/**
 * Pushes the outbox in order, batch by batch (SYNC.md "Push"): an attachment's
 * files go up before the entry that references them, and entries leave the
 * outbox only once the server acknowledged them. The server drops replays, so
 * a batch sent twice (a lost answer, a crash before the delete) is harmless.
 */
export async function pushOutbox(context: PushContext): Promise<PushOutcome> {
  const limits = context.limits ?? { maxEntries: SYNC_LIMITS.pushMaxEntries, maxBytes: SYNC_LIMITS.pushMaxBytes };
  // Entries made while this push runs wait for the next one: a busy laptop cannot keep it going forever.
  const upTo = context.repo.newestSeq();
  const total = context.repo.pendingCount();
  const setAside = new Map<number, string>();
  const outcome: PushOutcome = { acknowledged: 0, setAside: 0 };
  let tries = 0;
  let lastHead = -1;

  for (;;) {
    const rows = context.repo.outboxHead(upTo, limits.maxEntries);
    if (rows.length === 0) return outcome;
    const head = rows[0]?.seq as number;
    tries = head === lastHead ? tries + 1 : 1;
    lastHead = head;
    if (tries > MAX_TRIES_PER_BATCH) throw new AppError('sync.invalid', `The server keeps refusing the batch starting at entry ${head}`);

    const batch = nextPushBatch(rows, context.deviceId, limits, setAside);
    if (await uploadAttachmentFiles(context, batch.entries, setAside)) continue;

    let answer;
    try {
      answer = await context.http.json('POST', SYNC_ROUTES.push, PushResponse, { deviceId: context.deviceId, entries: batch.entries });
    } catch (error) {
      if (setAsideRefused(error, setAside)) continue;
      throw error;
    }
    for (const seq of batch.oversized) setAside.set(seq, 'sync.payload-too-large');
    const removed = acknowledgeOutbox(context, answer.acknowledgedSeq, setAside);
    outcome.acknowledged += removed.acknowledged;
    outcome.setAside += removed.setAside;
    context.onProgress?.(outcome.acknowledged, total);
    if (removed.acknowledged === 0) throw new AppError('sync.bad-response', `The server acknowledged ${answer.acknowledgedSeq}, before the first entry ${head}`);
  }
}

/**
 * Uploads the files of attachment entries in the batch. An entry whose file is
 * gone from this laptop cannot be made whole: it goes set aside. Returns true
 * when it set one aside (the batch must be built again).
 */
async function uploadAttachmentFiles(context: PushContext, entries: readonly PushEntry[], setAside: Map<number, string>): Promise<boolean> {
  let changed = false;
  for (const entry of entries) {
    if (entry.entity !== 'attachment' || entry.op !== 'insert' || entry.setAside) continue;
    for (const key of ['sha256', 'thumbnailSha256']) {
      const sha = entry.fields[key];
      if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha)) continue;
      const result = await uploadBlob(context.http, context.blobs, sha);
      if (result === 'missing-locally') {
        setAside.set(entry.seq, 'sync.blob-missing');
        changed = true;
        break;
      }
    }
  }
  return changed;
}

/** A refused batch whose every refusal names an entry no retry can fix: mark those and try again. */
function setAsideRefused(error: unknown, setAside: Map<number, string>): boolean {
  if (!(error instanceof AppError)) return false;
  const rejections = (error.details as { rejections?: PushRejection[] } | undefined)?.rejections;
  if (!rejections || rejections.length === 0) return false;
  if (!rejections.every((rejection) => rejection.seq !== null && SET_ASIDE_CODES.has(rejection.code))) return false;
  for (const rejection of rejections) setAside.set(rejection.seq as number, rejection.code);
  return true;
}

/**
 * One transaction: the stamps of the acknowledged entries become the fields'
 * clocks (pulled changes are compared with them later), set-aside entries are
 * noted, and the entries leave the outbox.
 */
export function acknowledgeOutbox(
  context: Pick<PushContext, 'db' | 'writePath' | 'now'>,
  acknowledgedSeq: number,
  setAside: ReadonlyMap<number, string> = new Map(),
): PushOutcome {
  const { db } = context;
  let result: PushOutcome = { acknowledged: 0, setAside: 0 };
  db.transaction(() => {
    const clocks = statement(
      db,
      `SELECT o.entity, o.entity_id, j.key AS field, max(o.hlc) AS hlc
         FROM outbox o, json_each(o.fields) j
        WHERE o.seq <= ?
        GROUP BY o.entity, o.entity_id, j.key`,
    ).all(acknowledgedSeq) as { entity: string; entity_id: string; field: string; hlc: string }[];
    saveClocks(db, clocks);

    const at = context.now();
    let asideCount = 0;
    for (const [seq, code] of setAside) {
      if (seq > acknowledgedSeq) continue;
      const row = statement(db, 'SELECT entity, entity_id, op FROM outbox WHERE seq = ?').get(seq) as { entity: string; entity_id: string; op: string } | undefined;
      if (!row) continue;
      statement(db, 'INSERT OR REPLACE INTO sync_set_aside (seq, entity, entity_id, op, code, at) VALUES (?, ?, ?, ?, ?, ?)').run(seq, row.entity, row.entity_id, row.op, code, at);
      asideCount += 1;
    }
    const count = (statement(db, 'SELECT count(*) AS n FROM outbox WHERE seq <= ?').get(acknowledgedSeq) as { n: number }).n;
    context.writePath.removeAcknowledged(acknowledgedSeq);
    statement(db, 'UPDATE sync_state SET acknowledged_seq = max(acknowledged_seq, ?) WHERE id = 1').run(acknowledgedSeq);
    result = { acknowledged: count, setAside: asideCount };
  })();
  return result;
}

/**
 * Merges field stamps into sync_record_clocks, keeping the newer per field.
 * Append-only records are never edited again, so only their deletion clock
 * matters: the rest is not kept (ten thousand check results, seventeen fields each).
 */
function saveClocks(db: Db, rows: readonly { entity: string; entity_id: string; field: string; hlc: string }[]): void {
  const byRecord = new Map<string, { entity: string; id: string; fields: Record<string, string> }>();
  for (const row of rows) {
    const appendOnly = isPushableEntity(row.entity) && (SYNC_ENTITIES[row.entity] as { appendOnly?: boolean }).appendOnly === true;
    if (appendOnly && row.field !== 'deletedAt') continue;
    const key = `${row.entity}\u0000${row.entity_id}`;
    let record = byRecord.get(key);
    if (!record) byRecord.set(key, (record = { entity: row.entity, id: row.entity_id, fields: {} }));
    record.fields[row.field] = row.hlc;
  }
  const read = statement(db, 'SELECT clocks FROM sync_record_clocks WHERE entity = ? AND entity_id = ?');
  const write = statement(db, 'INSERT INTO sync_record_clocks (entity, entity_id, clocks) VALUES (?, ?, ?) ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks');
  for (const record of byRecord.values()) {
    const existing = read.get(record.entity, record.id) as { clocks: string } | undefined;
    const clocks = existing ? (JSON.parse(existing.clocks) as Record<string, string>) : {};
    for (const [field, hlc] of Object.entries(record.fields)) {
      const current = clocks[field];
      if (current === undefined || hlc > current) clocks[field] = hlc;
    }
    write.run(record.entity, record.id, JSON.stringify(clocks));
  }
}
