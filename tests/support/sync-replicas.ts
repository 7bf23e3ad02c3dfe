import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { apiValue } from '../../electron/core/sync/pull-apply';
import { syncedEntities, type SyncedEntity, type SyncedEntityName } from '../../electron/core/store/synced-entities';
import { queryRows } from '../server/stack';

/** The entities the sync tests write, directly or as a side effect (incident events, conflicts). */
export const WATCHED_ENTITIES = ['client', 'site', 'room', 'checklistTemplate', 'incident', 'incidentWorkLog', 'incidentEvent', 'attachment', 'round', 'roundEntry', 'conflict'] as const;
export type WatchedEntity = (typeof WATCHED_ENTITIES)[number];

/** Which field of a record carries the unique tag the test wrote into it: two records with one tag are one write applied twice. */
const TAG_FIELDS: Partial<Record<WatchedEntity, string>> = { incident: 'reporterContact', incidentWorkLog: 'text', attachment: 'note', roundEntry: 'note' };

export interface ReplicaRecord {
  deleted: boolean;
  fields: Record<string, unknown>;
}

/** Every watched record of one side (the server or a console), by entity and id, and the attachment files it holds. */
export interface Replica {
  name: string;
  records: Map<WatchedEntity, Map<string, ReplicaRecord>>;
  /** SHA-256 named → SHA-256 of the bytes actually held (null: not there). */
  blob(sha256: string): string | null;
  /** Push entries the server applied more than once (server only). */
  duplicateChanges: number;
}

export interface ReplicaComparison {
  /** (side, record) pairs: a record that exists somewhere, or whose write was answered, but is missing on this side. */
  lost: number;
  /** Records whose unique tag appears more than once on a side, plus push entries the server applied twice. */
  duplicated: number;
  /** (side, record) pairs whose fields differ from the server's copy. */
  mismatched: number;
  /** (side, file) pairs: an attachment's file missing on a side. */
  blobsMissing: number;
  /** (side, file) pairs: an attachment's file whose bytes do not hash to its name. */
  blobsCorrupt: number;
  /** Live (not deleted) records per entity on the server. */
  counts: Record<string, number>;
  /** The first few differences, for the failure message. */
  problems: string[];
}

/** The server's side: its `records` table and its blob store (files are in the database). */
export async function serverReplica(server: { dataDir: string; databaseUrl?: string }): Promise<Replica> {
  const records = emptyRecords();
  const rows = await queryRows(server, `SELECT entity, id, fields, deleted FROM records WHERE entity IN (${WATCHED_ENTITIES.map((e) => `'${e}'`).join(', ')})`);
  for (const row of rows) {
    const fields = JSON.parse(row.fields as string) as Record<string, unknown>;
    records.get(row.entity as WatchedEntity)!.set(row.id as string, { deleted: Number(row.deleted) === 1, fields: normaliseFields(fields) });
  }
  const blobs = new Map<string, string>();
  for (const row of await queryRows(server, 'SELECT sha256, data FROM blobs')) blobs.set(row.sha256 as string, sha256Hex(row.data as Buffer));
  const duplicates = await queryRows(
    server,
    `SELECT count(*) AS n FROM (SELECT origin_device_id, entity_id, hlc FROM changes
       WHERE origin_device_id IS NOT NULL AND entity <> 'conflict' GROUP BY origin_device_id, entity_id, hlc HAVING count(*) > 1) d`,
  );
  return { name: 'server', records, blob: (sha) => blobs.get(sha) ?? null, duplicateChanges: Number(duplicates[0]?.n ?? 0) };
}

/** A console's side: its SQLite file (read while the backend may run: WAL lets us) and its attachments folder. */
export function consoleReplica(name: string, dataDir: string): Replica {
  const records = emptyRecords();
  const db = new Database(join(dataDir, 'walkdown.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    for (const entityName of WATCHED_ENTITIES) {
      const entity: SyncedEntity = syncedEntities[entityName as SyncedEntityName];
      for (const row of db.prepare(`SELECT * FROM ${entity.table}`).all() as Record<string, unknown>[]) {
        // A console's own note of a collision it saw while pulling: replaced by the server's record, or kept only here.
        if (entityName === 'conflict' && row.origin === 'local') continue;
        const fields: Record<string, unknown> = { createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at };
        for (const [field, column] of Object.entries(entity.fields)) fields[field] = apiValue(entity, field, row[column]);
        records.get(entityName)!.set(row.id as string, { deleted: row.deleted_at !== null, fields: normaliseFields(fields) });
      }
    }
  } finally {
    db.close();
  }
  const root = join(dataDir, 'attachments');
  return {
    name,
    records,
    blob: (sha) => {
      const path = join(root, sha.slice(0, 2), sha);
      return existsSync(path) ? sha256Hex(readFileSync(path)) : null;
    },
    duplicateChanges: 0,
  };
}

/**
 * Compares every side with the server's copy (all consoles are expected to
 * receive everything: supervisors with every client in scope). `answered`
 * lists, per entity, the ids whose write the console confirmed: those must be
 * everywhere even if no side has them.
 */
export function compareReplicas(server: Replica, consoles: readonly Replica[], answered: ReadonlyMap<WatchedEntity, ReadonlySet<string>> = new Map()): ReplicaComparison {
  const result: ReplicaComparison = { lost: 0, duplicated: server.duplicateChanges, mismatched: 0, blobsMissing: 0, blobsCorrupt: 0, counts: {}, problems: [] };
  const note = (problem: string) => {
    if (result.problems.length < 20) result.problems.push(problem);
  };
  if (server.duplicateChanges > 0) note(`server: ${server.duplicateChanges} push entries applied more than once`);
  const sides = [server, ...consoles];

  for (const entity of WATCHED_ENTITIES) {
    const ids = new Set<string>(answered.get(entity) ?? []);
    for (const side of sides) for (const id of side.records.get(entity)!.keys()) ids.add(id);
    result.counts[entity] = [...server.records.get(entity)!.values()].filter((record) => !record.deleted).length;
    for (const id of ids) {
      const reference = server.records.get(entity)!.get(id);
      for (const side of sides) {
        const record = side.records.get(entity)!.get(id);
        if (!record) {
          result.lost += 1;
          note(`${side.name}: ${entity} ${id} is missing`);
          continue;
        }
        if (!reference || side === server) continue;
        const differences = differingFields(reference, record);
        if (differences.length > 0) {
          result.mismatched += 1;
          note(`${side.name}: ${entity} ${id} differs from the server in ${differences.join(', ')}`);
        }
      }
    }
    const tagField = TAG_FIELDS[entity];
    if (tagField) {
      for (const side of sides) {
        const seen = new Map<string, number>();
        for (const record of side.records.get(entity)!.values()) {
          const tag = record.fields[tagField];
          if (typeof tag === 'string' && tag.startsWith('tag:')) seen.set(tag, (seen.get(tag) ?? 0) + 1);
        }
        for (const [tag, count] of seen) {
          if (count < 2) continue;
          result.duplicated += count - 1;
          note(`${side.name}: ${count} ${entity} records carry ${tag}`);
        }
      }
    }
  }

  const files = new Set<string>();
  for (const side of sides) {
    for (const record of side.records.get('attachment')!.values()) {
      for (const key of ['sha256', 'thumbnailSha256']) if (typeof record.fields[key] === 'string') files.add(record.fields[key] as string);
    }
  }
  for (const sha of files) {
    for (const side of sides) {
      const actual = side.blob(sha);
      if (actual === null) {
        result.blobsMissing += 1;
        note(`${side.name}: file ${sha.slice(0, 12)}… is missing`);
      } else if (actual !== sha) {
        result.blobsCorrupt += 1;
        note(`${side.name}: file ${sha.slice(0, 12)}… hashes to ${actual.slice(0, 12)}…`);
      }
    }
  }
  return result;
}

/** Fields the server holds for a record that the console has otherwise (missing on the console counts as null). */
function differingFields(reference: ReplicaRecord, record: ReplicaRecord): string[] {
  const differing: string[] = [];
  if (reference.deleted !== record.deleted) differing.push('deleted');
  for (const [field, value] of Object.entries(reference.fields)) {
    if (!Object.hasOwn(record.fields, field)) continue;
    if (JSON.stringify(value) !== JSON.stringify(record.fields[field] ?? null)) differing.push(`${field} (${short(value)} ≠ ${short(record.fields[field])})`);
  }
  return differing;
}

/** SQLite keeps booleans as 0/1 and JSON columns as text; the server keeps the API's values. One form for both. */
function normaliseFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) out[field] = typeof value === 'boolean' ? Number(value) : value === undefined ? null : canonical(value);
  return out;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function emptyRecords(): Map<WatchedEntity, Map<string, ReplicaRecord>> {
  return new Map(WATCHED_ENTITIES.map((entity) => [entity, new Map()]));
}

function sha256Hex(bytes: Buffer | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
