import { AppError } from '@shared/errors';
import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '@shared/hlc';
import type { Profile } from '@shared/domain/profile';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { readMeta, writeMeta } from './meta';
import { statement } from './statements';
import { syncedEntities, type SyncedEntity, type SyncedEntityName } from './synced-entities';

/** One change to a synced record, as a service asks for it. */
export type Mutation =
  | { entity: SyncedEntityName; op: 'insert'; id: string; fields: Record<string, unknown> }
  | { entity: SyncedEntityName; op: 'update'; id: string; fields: Record<string, unknown> }
  | { entity: SyncedEntityName; op: 'delete' | 'restore'; id: string };

export interface WriteContext {
  actor: Profile;
  deviceId: string;
  now: () => number;
}

type Row = Record<string, unknown>;

/** Who made a change that arrived from the sync server, for its audit line. */
export interface RemoteActor {
  name: string;
  role: string;
}

/**
 * The one way to change a synced table (SYNC.md, "Transactional outbox"): the
 * rows, their outbox entries and their audit lines commit together or not at
 * all. Callers may pass a function that runs further checks or reads inside
 * the same transaction; anything it throws rolls everything back.
 */
export class WritePath {
  private lastHlc: Hlc | null;

  constructor(
    private readonly db: Db,
    private readonly context: () => WriteContext,
  ) {
    // The clock is not saved on every write (one page fewer per save): the newest
    // stamp is either still in the outbox or was saved when entries left it.
    const stored = readMeta<string>(db, 'hlc.last');
    const queued = (db.prepare('SELECT max(hlc) AS hlc FROM outbox').get() as { hlc: string | null }).hlc;
    const newest = [stored, queued].filter((s): s is string => !!s).sort().pop();
    this.lastHlc = newest ? parseHlc(newest) : null;
  }

  write(mutations: Mutation[] | (() => Mutation[]), inTransaction?: () => void): void {
    const { actor, deviceId, now } = this.context();
    const hlcBefore = this.lastHlc;
    const run = this.db.transaction(() => {
      inTransaction?.();
      // Mutations given as a function are computed inside the transaction, from what it reads.
      const list = typeof mutations === 'function' ? mutations() : mutations;
      const at = now();
      for (const mutation of list) {
        const hlc = tickHlc(this.lastHlc, at, deviceId);
        this.lastHlc = hlc;
        this.apply(mutation, at, formatHlc(hlc), actor);
      }
    });
    try {
      run();
    } catch (error) {
      // The clock advanced in memory for rows that were rolled back: forget that too.
      this.lastHlc = hlcBefore;
      throw error;
    }
  }

  /**
   * Removes outbox entries the server acknowledged, up to and including `seq`,
   * saving the clock in the same transaction so it never runs backwards.
   */
  removeAcknowledged(seq: number): void {
    this.db.transaction(() => {
      if (this.lastHlc) writeMeta(this.db, 'hlc.last', formatHlc(this.lastHlc));
      this.prepare('DELETE FROM outbox WHERE seq <= ?').run(seq);
    })();
  }

  // ---------------------------------------------------------------- sync only
  // The three methods below are for the sync client (electron/core/sync/), which
  // applies what it pulled: records other devices changed, that must not go
  // back up. They write no outbox entry; everything else still passes here.

  /**
   * Sets a record's fields to values pulled from the server, inserting the row
   * when it is new here. The caller has already decided field by field that
   * these values win (last writer by HLC). `fields` use API names, bookkeeping
   * ones (createdAt, updatedAt, deletedAt) included. Writes an audit line naming
   * who made the change elsewhere. Call inside the pull's transaction.
   * Returns false when nothing changed.
   */
  applyRemote(entityName: SyncedEntityName, id: string, fields: Record<string, unknown>, actor: RemoteActor, at: number): boolean {
    const entity: SyncedEntity = syncedEntities[entityName];
    const { createdAt, updatedAt, deletedAt, ...data } = fields;
    const columns = this.columnsOf(entityName, data);
    if (deletedAt !== undefined) columns.push(['deletedAt', 'deleted_at', deletedAt]);
    const before = this.prepare(`SELECT * FROM ${entity.table} WHERE id = ?`).get(id) as Row | undefined;
    if (!before) {
      const names = ['id', ...columns.map(([, column]) => column), 'created_at', 'updated_at'];
      const values = [id, ...columns.map(([, , value]) => value), createdAt ?? updatedAt ?? at, updatedAt ?? createdAt ?? at];
      this.prepare(`INSERT INTO ${entity.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
      const changes = Object.fromEntries(columns.filter(([field]) => audited(entity, field)).map(([field]) => [field, [null, fields[field]]]));
      this.remoteAudit(actor, at, entityName, id, 'create', changes);
      return true;
    }
    const changed = columns.filter(([, column, value]) => before[column] !== value);
    // Two devices that inserted the same record (an id that follows from its content, like a round entry's slot)
    // each sent their own createdAt; the server keeps one by the clock, and every copy must end up with it.
    const recreated = createdAt !== undefined && before['created_at'] !== createdAt;
    if (changed.length === 0 && !recreated) return false;
    const sets = changed.map(([, column]) => `${column} = ?`);
    const values = changed.map(([, , value]) => value);
    if (recreated) {
      sets.push('created_at = ?');
      values.push(createdAt);
    }
    if (updatedAt !== undefined) {
      sets.push('updated_at = ?');
      values.push(updatedAt);
    }
    this.prepare(`UPDATE ${entity.table} SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    const changes = Object.fromEntries(
      changed.filter(([field]) => audited(entity, field)).map(([field, column]) => [field, [before[column], fields[field]]]),
    );
    const deletion = changed.some(([field]) => field === 'deletedAt');
    const action = !deletion ? 'update' : deletedAt === null ? 'restore' : 'delete';
    this.remoteAudit(actor, at, entityName, id, action, changes);
    return true;
  }

  /**
   * Drops the local copy of a record the user may no longer receive (a pulled
   * `evict`). Throws when other rows still refer to it (foreign keys); the
   * caller keeps the eviction and tries again later.
   */
  removeRemote(entityName: SyncedEntityName, id: string, actor: RemoteActor, at: number): boolean {
    const result = this.prepare(`DELETE FROM ${syncedEntities[entityName].table} WHERE id = ?`).run(id);
    if (result.changes === 0) return false;
    this.remoteAudit(actor, at, entityName, id, 'delete', {});
    return true;
  }

  /**
   * Moves the clock past stamps pulled from the server and saves it (call it
   * inside the pull's transaction), so that an edit made afterwards outranks
   * everything pulled, even after a restart. Returns a fresh local stamp: the
   * pull checkpoint the server uses to tell a concurrent edit from a later one.
   */
  receiveRemote(stamps: readonly string[], nowMs: number, deviceId: string): string {
    let hlc = this.lastHlc;
    for (const stamp of stamps) hlc = receiveHlc(hlc, parseHlc(stamp), nowMs, deviceId);
    hlc = tickHlc(hlc, nowMs, deviceId);
    this.lastHlc = hlc;
    const text = formatHlc(hlc);
    writeMeta(this.db, 'hlc.last', text);
    return text;
  }

  private remoteAudit(actor: RemoteActor, at: number, entity: string, id: string, action: 'create' | 'update' | 'delete' | 'restore', changes: Record<string, unknown>): void {
    this.prepare('INSERT INTO audit_log (at, actor_name, actor_role, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      at,
      actor.name,
      actor.role,
      entity,
      id,
      action,
      JSON.stringify(changes),
    );
  }

  private apply(mutation: Mutation, at: number, hlc: string, actor: Profile): void {
    const entity = syncedEntities[mutation.entity];
    // An insert needs no read: the primary key refuses a duplicate id.
    const before = mutation.op === 'insert' ? undefined : (this.prepare(`SELECT * FROM ${entity.table} WHERE id = ?`).get(mutation.id) as Row | undefined);
    let changes: Record<string, [unknown, unknown]> = {};
    let outboxFields: Record<string, unknown>;

    switch (mutation.op) {
      case 'insert': {
        const columns = this.columnsOf(mutation.entity, mutation.fields);
        const names = ['id', ...columns.map(([, column]) => column), 'created_at', 'updated_at'];
        const values = [mutation.id, ...columns.map(([, , value]) => value), at, at];
        this.prepare(`INSERT INTO ${entity.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
        outboxFields = { ...mutation.fields, createdAt: at, updatedAt: at };
        changes = Object.fromEntries(columns.filter(([field]) => audited(entity, field)).map(([field]) => [field, [null, mutation.fields[field]]]));
        break;
      }
      case 'update': {
        if (!before || before['deleted_at'] !== null) throw new AppError('store.record-not-found', `${mutation.entity} ${mutation.id} not found`);
        const columns = this.columnsOf(mutation.entity, mutation.fields).filter(([, column, value]) => before[column] !== value);
        if (columns.length === 0) return;
        const sets = [...columns.map(([, column]) => `${column} = ?`), 'updated_at = ?'];
        this.prepare(`UPDATE ${entity.table} SET ${sets.join(', ')} WHERE id = ?`).run(...columns.map(([, , value]) => value), at, mutation.id);
        outboxFields = { ...Object.fromEntries(columns.map(([field]) => [field, mutation.fields[field]])), updatedAt: at };
        changes = Object.fromEntries(
          columns.filter(([field]) => audited(entity, field)).map(([field, column]) => [field, [before[column], mutation.fields[field]]]),
        );
        break;
      }
      case 'delete':
      case 'restore': {
        if (!before) throw new AppError('store.record-not-found', `${mutation.entity} ${mutation.id} not found`);
        const deletedAt = mutation.op === 'delete' ? at : null;
        this.prepare(`UPDATE ${entity.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(deletedAt, at, mutation.id);
        outboxFields = { deletedAt, updatedAt: at };
        changes = { deletedAt: [before['deleted_at'], deletedAt] };
        break;
      }
    }

    this.prepare('INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      mutation.entity,
      mutation.id,
      mutation.op,
      JSON.stringify(outboxFields),
      hlc,
      at,
    );
    this.prepare(
      'INSERT INTO audit_log (at, actor_name, actor_role, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(at, actor.name, actor.role, mutation.entity, mutation.id, auditAction(mutation.op), JSON.stringify(changes));
  }

  /** [field, column, value as stored] for each field given; JSON fields are stored as text. */
  private columnsOf(entityName: SyncedEntityName, fields: Record<string, unknown>): [string, string, unknown][] {
    const entity: SyncedEntity = syncedEntities[entityName];
    return Object.keys(fields).map((field) => {
      const column = entity.fields[field];
      if (!column) throw new AppError('internal.error', `${entityName} has no writable field ${field}`);
      const value = fields[field];
      return [field, column, entity.json?.includes(field) ? JSON.stringify(value) : value];
    });
  }

  private prepare(sql: string): Statement<unknown[]> {
    return statement(this.db, sql);
  }
}

function audited(entity: SyncedEntity, field: string): boolean {
  return !entity.auditOmit?.includes(field);
}

function auditAction(op: Mutation['op']): 'create' | 'update' | 'delete' | 'restore' {
  return op === 'insert' ? 'create' : op;
}
