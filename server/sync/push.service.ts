import { parseHlc } from '@shared/hlc';
import { BOOKKEEPING_FIELDS, CONFLICT_RESOLUTION_FIELDS, SYNC_ENTITIES, type PushableEntityName } from '@shared/sync/entities';
import { SYNC_LIMITS } from '@shared/sync/limits';
import type { PushEntry, PushRejection, PushResponse } from '@shared/sync/messages';
import { NOWHERE, parentRef, placementSource, type Placement, type PlacementRef } from '@shared/sync/placement';
import { canRead, canWrite, receivesRecord } from '@shared/sync/scope';
import { AppError } from '@shared/errors';
import { v7 as uuidv7 } from 'uuid';
import type { Session } from '../accounts/accounts.service';
import type { ServerStore } from '../db/database';
import type { ServerDatabase } from '../db/schema';
import { syncError } from '../http/sync-error';
import { insertInChunks } from '../db/bulk';
import { ChangeLog, type Trx } from './change-log';
import { recordCheckpoint } from './checkpoints';
import { mergeWrite, type FieldMeta, type Json, type MergeResult, type RecordState } from './merge';

type Entry = Omit<PushEntry, 'fields'> & { fields: Record<string, Json> };
type RecordRow = ServerDatabase['records'];

export interface PushOptions {
  /** Test hook for the concurrency tests: hold the transaction open after writing, before commit, up to this long. */
  commitDelayMs?: number;
}

export type PushResult = Omit<PushResponse, 'ok' | 'serverTime'>;

const MAX_REJECTIONS = 100;

/**
 * Applies a batch of outbox entries in one transaction (SYNC.md "Push"):
 * replays at or below the device's last seq are acknowledged and skipped, a gap
 * is refused, and any entry the server refuses rolls back the whole batch. The
 * device's seq, the records, the change log, conflicts and the ledger of taken
 * entries commit together, so a crash at any point leaves either all or none.
 */
export class PushService {
  constructor(
    private readonly store: ServerStore,
    private readonly now: () => number,
    private readonly options: PushOptions = {},
  ) {}

  async push(session: Session, deviceId: string, entries: Entry[], seen?: { cursor: number; clock: string }): Promise<PushResult> {
    if (deviceId !== session.device.id) throw syncError('sync.unauthorized', 'The batch names another device than the token belongs to');
    for (let i = 1; i < entries.length; i += 1) {
      if ((entries[i] as Entry).seq !== (entries[i - 1] as Entry).seq + 1) {
        throw syncError('sync.seq-gap', 'The entries of a batch must have consecutive seqs', { index: i });
      }
    }
    return this.store.db.transaction().execute(async (trx) => {
      const log = await ChangeLog.open(trx, this.store.dialect, this.now);
      const device = await trx.selectFrom('devices').select(['last_seq', 'revoked_at']).where('id', '=', deviceId).executeTakeFirstOrThrow();
      if (device.revoked_at !== null) throw syncError('sync.revoked', 'This device was revoked');
      // A cursor past the end of the log claims changes that do not exist yet: hold it to the end.
      if (seen) await recordCheckpoint(trx, deviceId, seen.clock, Math.min(seen.cursor, log.nextSeq - 1));
      const batch = new BatchContext(trx, log, session, this.now(), await this.checkpoints(trx, deviceId));
      let lastSeq = Number(device.last_seq);
      await batch.prefetch(entries, lastSeq);
      let applied = 0;
      let replayed = 0;
      let setAside = 0;
      const rejections: PushRejection[] = [];

      for (const entry of entries) {
        if (entry.seq <= lastSeq) {
          batch.checkReplay(entry);
          replayed += 1;
          continue;
        }
        if (entry.seq !== lastSeq + 1) {
          throw syncError('sync.seq-gap', `Expected seq ${lastSeq + 1}, got ${entry.seq}: push the earlier entries first`, { expectedSeq: lastSeq + 1 });
        }
        lastSeq = entry.seq;
        if (entry.setAside) {
          batch.setAside(entry);
          setAside += 1;
          continue;
        }
        try {
          await batch.apply(entry);
          applied += 1;
        } catch (error) {
          if (!(error instanceof AppError) || !error.code.startsWith('sync.')) throw error;
          if (rejections.length < MAX_REJECTIONS) rejections.push({ seq: entry.seq, code: error.code, message: error.message });
        }
      }

      if (rejections.length > 0) {
        const first = rejections[0] as PushRejection;
        throw syncError(first.code as 'sync.invalid', `${rejections.length} entr${rejections.length === 1 ? 'y was' : 'ies were'} refused; nothing was applied: ${first.message}`, {
          rejections,
        });
      }
      if (applied + setAside > 0) {
        await batch.flush();
        await trx.updateTable('devices').set({ last_seq: lastSeq }).where('id', '=', deviceId).execute();
        await batch.pruneCheckpoints(entries[entries.length - 1]?.hlc as string);
        await log.save();
      }
      // Random, so that transactions started in one order commit in another (what the lock must make harmless).
      if (this.options.commitDelayMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * (this.options.commitDelayMs as number)));
      return { acknowledgedSeq: lastSeq, applied, replayed, setAside, conflicts: batch.conflictCount };
    });
  }

  private async checkpoints(trx: Trx, deviceId: string): Promise<{ clock: string; cursor: number }[]> {
    const rows = await trx.selectFrom('pull_checkpoints').select(['clock', 'cursor']).where('device_id', '=', deviceId).orderBy('clock').execute();
    return rows.map((row) => ({ clock: row.clock, cursor: Number(row.cursor) }));
  }
}

type RecordKey = string;
const keyOf = (entity: string, id: string): RecordKey => `${entity}\u0000${id}`;

/**
 * The state of one push transaction: who pushes and the change log, and the
 * records it reads and writes. Records are read once (the batch's own in one
 * query up front), kept here while the batch changes them, and written back
 * together at the end with the ledger and the change log, in a few multi-row
 * statements: a thousand entries cost a handful of round trips.
 */
class BatchContext {
  conflictCount = 0;
  private readonly userOfDevice = new Map<string, string | null>();
  /** Records as this batch sees them: read from the database (null: not there) or written by the batch. */
  private readonly records = new Map<RecordKey, RecordRow | null>();
  private readonly written = new Set<RecordKey>();
  private readonly refs = new Map<string, RecordRow | null>();
  private readonly ledger = new Map<number, string>();
  private readonly taken: ServerDatabase['device_mutations'][] = [];
  private readonly handedOver: ServerDatabase['set_aside'][] = [];
  private readonly blobLinks: ServerDatabase['attachment_blobs'][] = [];

  constructor(
    private readonly trx: Trx,
    private readonly log: ChangeLog,
    private readonly session: Session,
    private readonly now: number,
    /** Sorted by clock; both clock and cursor only grow. */
    private readonly checkpoints: { clock: string; cursor: number }[],
  ) {}

  /** Reads the records the entries name, and the ledger of those that are replays. */
  async prefetch(entries: Entry[], lastSeq: number): Promise<void> {
    const fresh = entries.filter((entry) => entry.seq > lastSeq);
    const ids = [...new Set(fresh.map((entry) => entry.id))];
    for (const entry of fresh) this.records.set(keyOf(entry.entity, entry.id), null);
    // The primary key is (entity, id): naming the entities lets both databases use it instead of scanning every record.
    const entities = [...new Set(fresh.map((entry) => entry.entity))];
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await this.trx.selectFrom('records').selectAll().where('entity', 'in', entities).where('id', 'in', ids.slice(start, start + 500)).execute();
      for (const row of rows) this.records.set(keyOf(row.entity, row.id), row);
    }
    const replays = entries.filter((entry) => entry.seq <= lastSeq);
    if (replays.length > 0) {
      const rows = await this.trx
        .selectFrom('device_mutations')
        .select(['seq', 'hlc'])
        .where('device_id', '=', this.session.device.id)
        .where('seq', '>=', (replays[0] as Entry).seq)
        .where('seq', '<=', (replays[replays.length - 1] as Entry).seq)
        .execute();
      for (const row of rows) this.ledger.set(Number(row.seq), row.hlc);
    }
  }

  /** A replay must be the very entry the server took before; anything else means the device's history forked. */
  checkReplay(entry: Entry): void {
    const hlc = this.ledger.get(entry.seq);
    if (hlc !== undefined && hlc !== entry.hlc) {
      throw syncError(
        'sync.device-diverged',
        `Entry ${entry.seq} differs from the one this device pushed before (restored from a backup?): enrol it again as a new device`,
        { seq: entry.seq },
      );
    }
  }

  setAside(entry: Entry): void {
    this.handedOver.push({
      device_id: this.session.device.id,
      seq: entry.seq,
      entity: entry.entity,
      entity_id: entry.id,
      op: entry.op,
      fields: JSON.stringify(entry.fields),
      hlc: entry.hlc,
      code: entry.setAside?.code ?? '',
      at: this.now,
    });
    this.recordTaken(entry);
  }

  /** Writes what the batch changed. Called only when every entry was accepted. */
  async flush(): Promise<void> {
    const rows = [...this.written].map((key) => this.records.get(key) as RecordRow);
    for (let start = 0; start < rows.length; start += 300) {
      await this.trx
        .insertInto('records')
        .values(rows.slice(start, start + 300))
        .onConflict((c) =>
          c.columns(['entity', 'id']).doUpdateSet((eb) => ({
            fields: eb.ref('excluded.fields'),
            field_meta: eb.ref('excluded.field_meta'),
            deleted: eb.ref('excluded.deleted'),
            client_id: eb.ref('excluded.client_id'),
            site_id: eb.ref('excluded.site_id'),
            owner_user_id: eb.ref('excluded.owner_user_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    await insertInChunks(this.trx, 'device_mutations', this.taken);
    await insertInChunks(this.trx, 'set_aside', this.handedOver);
    const links = [...new Map(this.blobLinks.map((link) => [`${link.sha256}/${link.attachment_id}`, link])).values()];
    for (let start = 0; start < links.length; start += 400) {
      await this.trx.insertInto('attachment_blobs').values(links.slice(start, start + 400)).onConflict((c) => c.doNothing()).execute();
    }
  }

  async apply(entry: Entry): Promise<void> {
    const entity = entry.entity as PushableEntityName;
    const spec = SYNC_ENTITIES[entity];
    const { user, device } = this.session;
    this.checkEnvelope(entry, entity);
    if (!(spec.writers as readonly string[]).includes(user.role)) {
      throw syncError('sync.forbidden-role', `The role ${user.role} may not push ${entity} records`);
    }

    const stored = await this.record(entity, entry.id);
    if (entity === 'conflict') {
      if (!stored) throw syncError('sync.not-found', `No conflict ${entry.id}`);
      const storedPlacement = placementOf(stored);
      const readable =
        canRead(this.session.scope, storedPlacement) &&
        receivesRecord(user, { kind: 'work', ownerUserId: stored.owner_user_id, peerUserId: null });
      if (!readable && !(await this.isPeer(stored))) throw syncError('sync.forbidden-scope', 'That conflict is not yours to resolve');
    }
    if (entity === 'attachment') await this.requireBlobs(entry);

    const state: RecordState | null = stored ? { fields: JSON.parse(stored.fields), meta: decodeMeta(stored.field_meta) } : null;
    const serverSeq = this.log.nextSeq;
    const merged = mergeWrite(
      state,
      { fields: entry.fields, hlc: entry.hlc, deviceId: device.id, seenSeq: this.seenSeq(entry.hlc), appendOnly: spec.appendOnly === true },
      serverSeq,
    );

    const before = stored ? placementOf(stored) : null;
    const after = await this.placement(entity, entry.id, merged.state.fields, before);
    if ((before && !canWrite(this.session.scope, before)) || !canWrite(this.session.scope, after)) {
      throw syncError('sync.forbidden-scope', `${entity} ${entry.id} lies outside the clients and sites of ${user.name}`, { entity, id: entry.id });
    }
    const owner = stored?.owner_user_id ?? (await this.inheritedOwner(entity, merged.state.fields)) ?? user.id;

    this.saveRecord(entity, entry.id, merged.state, after, owner, stored);
    if (Object.keys(merged.won).length > 0) {
      const moved = before !== null && (before.clientId !== after.clientId || before.siteId !== after.siteId);
      this.log.append({
        entity,
        entity_id: entry.id,
        op: entry.op,
        fields: JSON.stringify(merged.won),
        hlc: entry.hlc,
        origin_device_id: device.id,
        client_id: after.clientId,
        site_id: after.siteId,
        prev_client_id: moved ? before.clientId : null,
        prev_site_id: moved ? before.siteId : null,
        kind: spec.kind,
        owner_user_id: owner,
        peer_user_id: null,
      });
    }
    if (Object.keys(merged.conflicts).length > 0) await this.logConflict(entity, entry.id, merged, after);
    if (entity === 'attachment') this.linkBlobs(entry);
    this.log.receive(entry.hlc);
    this.recordTaken(entry);
  }

  async pruneCheckpoints(newestHlc: string): Promise<void> {
    // Later pushes carry later stamps, so only the newest checkpoint at or before this one still matters.
    const keep = this.checkpoints.filter((point) => point.clock <= newestHlc).pop();
    if (!keep) return;
    await this.trx.deleteFrom('pull_checkpoints').where('device_id', '=', this.session.device.id).where('clock', '<', keep.clock).execute();
  }

  // ------------------------------------------------------------ checks

  private checkEnvelope(entry: Entry, entity: PushableEntityName): void {
    const spec = SYNC_ENTITIES[entity];
    const allowed = entity === 'conflict' ? (CONFLICT_RESOLUTION_FIELDS as readonly string[]) : [...spec.fields, ...BOOKKEEPING_FIELDS];
    const unknown = Object.keys(entry.fields).filter((field) => !allowed.includes(field));
    if (unknown.length > 0) throw syncError('sync.invalid', `${entity} has no field ${unknown.join(', ')} that a console may push`);
    if (entity === 'conflict' && entry.op !== 'update') throw syncError('sync.invalid', 'Conflicts are made by the server; consoles only update their resolution');
    if (spec.appendOnly && entry.op === 'update') throw syncError('sync.invalid', `${entity} records are append-only: they are never updated`);
    const deletedAt = entry.fields.deletedAt;
    if (entry.op === 'delete' && typeof deletedAt !== 'number') throw syncError('sync.invalid', 'A delete carries deletedAt (epoch ms)');
    if (entry.op === 'restore' && deletedAt !== null) throw syncError('sync.invalid', 'A restore carries deletedAt: null');
    if ((entry.op === 'insert' || entry.op === 'update') && deletedAt !== undefined && deletedAt !== null) {
      throw syncError('sync.invalid', 'Only a delete sets deletedAt');
    }

    const hlc = parseHlc(entry.hlc);
    if (hlc.node !== this.session.device.id) throw syncError('sync.invalid', "The entry's clock stamp was not made by this device");
    if (hlc.wallMs > this.now + SYNC_LIMITS.clockAheadMaxMs) {
      throw syncError('sync.clock-ahead', `The entry is stamped ${new Date(hlc.wallMs).toISOString()}, far ahead of the server's clock`);
    }
  }

  private async requireBlobs(entry: Entry): Promise<void> {
    for (const field of ['sha256', 'thumbnailSha256'] as const) {
      const value = entry.fields[field];
      if (value === undefined || (value === null && field === 'thumbnailSha256')) continue;
      if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw syncError('sync.invalid', `attachment ${field} is not a SHA-256`);
      const blob = await this.trx.selectFrom('blobs').select('sha256').where('sha256', '=', value).executeTakeFirst();
      if (!blob) throw syncError('sync.blob-missing', `Upload the file ${value} before the attachment that refers to it`, { sha256: value });
    }
  }

  private linkBlobs(entry: Entry): void {
    for (const field of ['sha256', 'thumbnailSha256'] as const) {
      const value = entry.fields[field];
      if (typeof value === 'string') this.blobLinks.push({ sha256: value, attachment_id: entry.id });
    }
  }

  private async isPeer(conflict: RecordRow): Promise<boolean> {
    const sides = Object.values((JSON.parse(conflict.fields) as { fields?: Record<string, { winner: { deviceId: string | null } }> }).fields ?? {});
    for (const side of sides) {
      if ((await this.userOf(side.winner.deviceId)) === this.session.user.id) return true;
    }
    return false;
  }

  // ------------------------------------------------------------ records

  private async record(entity: string, id: string): Promise<RecordRow | undefined> {
    const key = keyOf(entity, id);
    if (!this.records.has(key)) {
      const row = await this.trx.selectFrom('records').selectAll().where('entity', '=', entity).where('id', '=', id).executeTakeFirst();
      this.records.set(key, row ?? null);
    }
    return this.records.get(key) ?? undefined;
  }

  /** The record a reference points at: as this batch left it, else from the database (asked once per batch). */
  private async findRef(ref: PlacementRef): Promise<RecordRow | undefined> {
    for (const entity of ref.entities) {
      const known = this.records.get(keyOf(entity, ref.id));
      if (known) return known;
    }
    const cacheKey = `${ref.entities.join(',')}\u0000${ref.id}`;
    if (!this.refs.has(cacheKey)) {
      const row = await this.trx.selectFrom('records').selectAll().where('entity', 'in', [...ref.entities]).where('id', '=', ref.id).limit(1).executeTakeFirst();
      this.refs.set(cacheKey, row ?? null);
    }
    // A record this batch wrote since the lookup is newer than the cached one.
    const cached = this.refs.get(cacheKey);
    return (cached && this.records.get(keyOf(cached.entity, cached.id))) || cached || undefined;
  }

  /** See shared/sync/placement.ts: placed directly, or by the first reference the server knows. */
  private async placement(entity: PushableEntityName, id: string, fields: Record<string, Json>, before: Placement | null): Promise<Placement> {
    const source = placementSource(entity, id, fields);
    if (source.kind === 'fixed') return source.placement;
    if (source.kind === 'keep') return before ?? NOWHERE;
    for (const ref of source.refs) {
      const found = await this.findRef(ref);
      if (found) return { clientId: found.client_id, siteId: found.site_id };
    }
    return NOWHERE;
  }

  private async inheritedOwner(entity: PushableEntityName, fields: Record<string, Json>): Promise<string | null> {
    const parent = parentRef(entity, fields);
    return parent ? ((await this.findRef(parent))?.owner_user_id ?? null) : null;
  }

  private saveRecord(entity: string, id: string, state: RecordState, placement: Placement, owner: string, stored: RecordRow | undefined): void {
    this.keep({
      entity,
      id,
      fields: JSON.stringify(state.fields),
      field_meta: encodeMeta(state.meta),
      deleted: state.fields.deletedAt !== undefined && state.fields.deletedAt !== null ? 1 : 0,
      client_id: placement.clientId,
      site_id: placement.siteId,
      owner_user_id: owner,
      created_at: stored?.created_at ?? this.now,
      updated_at: this.now,
    });
  }

  private keep(row: RecordRow): void {
    const key = keyOf(row.entity, row.id);
    this.records.set(key, row);
    this.written.add(key);
  }

  /**
   * One conflict record per write that collided, with the winning and losing
   * value of each field. It reaches the loser's user, the other writer's user
   * and supervisors of the scope.
   */
  private async logConflict(entity: string, id: string, merged: MergeResult, placement: Placement): Promise<void> {
    const [first] = Object.values(merged.conflicts);
    if (!first) return;
    const loserUser = await this.userOf(first.loser.deviceId);
    const winnerUser = await this.userOf(first.winner.deviceId);
    const conflictId = uuidv7();
    const hlc = this.log.stamp();
    const fields: Record<string, Json> = {
      entity,
      entityId: id,
      fields: merged.conflicts as unknown as Json,
      detectedAt: this.now,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      createdAt: this.now,
      updatedAt: this.now,
    };
    const serverSeq = this.log.nextSeq;
    const meta = Object.fromEntries(Object.keys(fields).map((field) => [field, { hlc, deviceId: null, serverSeq } satisfies FieldMeta]));
    this.keep({
      entity: 'conflict',
      id: conflictId,
      fields: JSON.stringify(fields),
      field_meta: encodeMeta(meta),
      deleted: 0,
      client_id: placement.clientId,
      site_id: placement.siteId,
      owner_user_id: loserUser,
      created_at: this.now,
      updated_at: this.now,
    });
    this.log.append({
      entity: 'conflict',
      entity_id: conflictId,
      op: 'insert',
      fields: JSON.stringify(fields),
      hlc,
      origin_device_id: null,
      client_id: placement.clientId,
      site_id: placement.siteId,
      prev_client_id: null,
      prev_site_id: null,
      kind: 'work',
      owner_user_id: loserUser,
      peer_user_id: winnerUser,
    });
    this.conflictCount += 1;
  }

  private async userOf(deviceId: string | null): Promise<string | null> {
    if (deviceId === null) return null;
    if (!this.userOfDevice.has(deviceId)) {
      const row = await this.trx.selectFrom('devices').select('user_id').where('id', '=', deviceId).executeTakeFirst();
      this.userOfDevice.set(deviceId, row?.user_id ?? null);
    }
    return this.userOfDevice.get(deviceId) ?? null;
  }

  /** The newest cursor the device had applied before it stamped `hlc` (0 if it never pulled). */
  private seenSeq(hlc: string): number {
    let seen = 0;
    for (const point of this.checkpoints) {
      if (point.clock > hlc) break;
      seen = point.cursor;
    }
    return seen;
  }

  private recordTaken(entry: Entry): void {
    this.taken.push({ device_id: this.session.device.id, seq: entry.seq, hlc: entry.hlc, entity: entry.entity, entity_id: entry.id });
  }
}

function placementOf(row: Pick<RecordRow, 'client_id' | 'site_id'>): Placement {
  return { clientId: row.client_id, siteId: row.site_id };
}

/** Field meta as compact arrays: [hlc, device, seq] per field. */
function encodeMeta(meta: Record<string, FieldMeta>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(meta).map(([field, m]) => [field, [m.hlc, m.deviceId, m.serverSeq]])));
}

function decodeMeta(text: string): Record<string, FieldMeta> {
  const raw = JSON.parse(text) as Record<string, [string, string | null, number]>;
  return Object.fromEntries(Object.entries(raw).map(([field, [hlc, deviceId, serverSeq]]) => [field, { hlc, deviceId, serverSeq }]));
}
