import type { SyncConflict } from '@shared/api/sync.contract';
import { AppError } from '@shared/errors';
import type { ConflictFields } from '@shared/sync/messages';
import type { Profile } from '@shared/domain/profile';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { syncedEntities, type SyncedEntityName } from '../store/synced-entities';
import type { Mutation, WritePath } from '../store/write-path';
import type { ConflictRow } from './pull-apply';

type Side = ConflictFields['fields'][string]['winner'];
type ConflictFieldMap = Record<string, { winner: Side; loser: Side }>;

/** Columns that name a record for people, by preference. */
const LABEL_COLUMNS = ['title', 'name', 'file_name', 'item_label'];

/**
 * The conflict log as people see it: per field, this console's value and the
 * other one side by side. "Local" is this console's own edit when it was one of
 * the two writers; on a console that was neither (a supervisor's), it is the
 * value the record holds now, which is the winner.
 */
export class ConflictLog {
  constructor(
    private readonly db: Db,
    private readonly writePath: WritePath,
    private readonly deviceId: string,
    private readonly now: () => number,
    private readonly actor: () => Profile | null,
  ) {}

  openCount(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL AND deleted_at IS NULL').get() as { n: number }).n;
  }

  list(options: { includeResolved: boolean; limit: number }): SyncConflict[] {
    const rows = statement(
      this.db,
      `SELECT * FROM sync_conflicts WHERE deleted_at IS NULL AND (? OR resolved_at IS NULL) ORDER BY detected_at DESC, id DESC LIMIT ?`,
    ).all(options.includeResolved ? 1 : 0, options.limit) as ConflictRow[];
    return rows.map((row) => this.view(row));
  }

  get(id: string): SyncConflict {
    return this.view(this.row(id));
  }

  /**
   * Keeps one side. Where the kept side is the value that lost, it is written
   * again through the write path: a new edit with a new stamp, so it syncs and
   * wins on every replica. The resolution of a server conflict is written
   * through the write path too (it syncs; other consoles see it settled); a
   * conflict only this console knows of is marked here and its resolution
   * travels once the server's record of it arrives. All in one transaction.
   */
  resolve(id: string, keep: 'local' | 'remote'): SyncConflict {
    const actor = this.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before resolving conflicts');
    this.writePath.write(
      () => {
        const row = this.row(id);
        if (row.resolved_at !== null) return [];
        const fields = JSON.parse(row.fields) as ConflictFieldMap;
        const rewrite: Record<string, unknown> = {};
        for (const [field, sides] of Object.entries(fields)) {
          const keptSide = this.localIsLoser(sides) === (keep === 'local') ? 'loser' : 'winner';
          if (keptSide === 'loser') rewrite[field] = sides.loser.value;
        }
        const resolution = Object.keys(rewrite).length > 0 ? 'kept-loser' : 'kept-winner';
        const mutations: Mutation[] = [];
        if (Object.keys(rewrite).length > 0) {
          if (!Object.hasOwn(syncedEntities, row.entity)) throw new AppError('sync.conflict-not-found', `This console does not hold ${row.entity} records`);
          const entity = row.entity as SyncedEntityName;
          const known = Object.keys(rewrite).filter((field) => Object.hasOwn(syncedEntities[entity].fields, field));
          mutations.push({ entity, op: 'update', id: row.entity_id, fields: Object.fromEntries(known.map((field) => [field, rewrite[field]])) });
        }
        const at = this.now();
        if (row.origin === 'server') {
          mutations.push({ entity: 'conflict', op: 'update', id, fields: { resolvedAt: at, resolvedBy: actor.name, resolution } });
        } else {
          statement(this.db, 'UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?, updated_at = ? WHERE id = ?').run(at, actor.name, resolution, at, id);
        }
        return mutations;
      },
    );
    return this.get(id);
  }

  private row(id: string): ConflictRow {
    const row = statement(this.db, 'SELECT * FROM sync_conflicts WHERE id = ? AND deleted_at IS NULL').get(id) as ConflictRow | undefined;
    if (!row) throw new AppError('sync.conflict-not-found', `No conflict ${id}`);
    return row;
  }

  private localIsLoser(sides: { winner: Side; loser: Side }): boolean {
    return sides.loser.deviceId === this.deviceId && sides.winner.deviceId !== this.deviceId;
  }

  private view(row: ConflictRow): SyncConflict {
    const fields = JSON.parse(row.fields) as ConflictFieldMap;
    return {
      id: row.id,
      origin: row.origin,
      entity: row.entity,
      entityId: row.entity_id,
      label: this.label(row.entity, row.entity_id),
      fields: Object.entries(fields).map(([field, sides]) => {
        const localIsLoser = this.localIsLoser(sides);
        return {
          field,
          local: localIsLoser ? sides.loser : sides.winner,
          remote: localIsLoser ? sides.winner : sides.loser,
          winner: localIsLoser ? ('remote' as const) : ('local' as const),
        };
      }),
      detectedAt: row.detected_at,
      resolvedAt: row.resolved_at,
      resolvedBy: row.resolved_by,
      resolution: row.resolution,
    };
  }

  private label(entity: string, id: string): string | null {
    if (!Object.hasOwn(syncedEntities, entity)) return null;
    const { table, fields } = syncedEntities[entity as SyncedEntityName];
    const columns: string[] = Object.values(fields);
    const column = LABEL_COLUMNS.find((name) => columns.includes(name));
    if (!column) return null;
    const row = statement(this.db, `SELECT ${column} AS label FROM ${table} WHERE id = ?`).get(id) as { label: unknown } | undefined;
    return typeof row?.label === 'string' ? row.label : null;
  }
}
