import type { Client, LocationKind, LocationTree, Room, Site } from '@shared/domain/locations';
import type { Db } from '../store/database';

interface LocationRow {
  id: string;
  parent_id: string | null;
  name: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

const TABLES: Record<LocationKind, { table: string; parent: string | null }> = {
  client: { table: 'clients', parent: null },
  site: { table: 'sites', parent: 'client_id' },
  room: { table: 'rooms', parent: 'site_id' },
};

/** Child kind of each kind: what must be empty before a delete. */
export const CHILD_KIND: Record<LocationKind, LocationKind | null> = { client: 'site', site: 'room', room: null };
export const PARENT_KIND: Record<LocationKind, LocationKind | null> = { client: null, site: 'client', room: 'site' };

/** Reads of the location tree. Writes go through the write path. */
export class LocationsRepo {
  constructor(private readonly db: Db) {}

  tree(): LocationTree {
    const live = (kind: LocationKind) => {
      const { table, parent } = TABLES[kind];
      return this.db
        .prepare(`SELECT id, ${parent ?? 'NULL'} AS parent_id, name, created_at, updated_at FROM ${table} WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`)
        .all() as LocationRow[];
    };
    const roomsBySite = groupBy(live('room'), (row): Room => ({ ...base(row), siteId: row.parent_id as string }));
    const sitesByClient = groupBy(live('site'), (row): Site => ({ ...base(row), clientId: row.parent_id as string, rooms: roomsBySite.get(row.id) ?? [] }));
    const clients = live('client').map((row): Client => ({ ...base(row), sites: sitesByClient.get(row.id) ?? [] }));
    return { clients };
  }

  find(kind: LocationKind, id: string): LocationRow | undefined {
    const { table, parent } = TABLES[kind];
    return this.db.prepare(`SELECT id, ${parent ?? 'NULL'} AS parent_id, name, created_at, updated_at, deleted_at FROM ${table} WHERE id = ?`).get(id) as
      | LocationRow
      | undefined;
  }

  /** A live sibling with the same name (case-insensitive), other than `exceptId`. */
  siblingNamed(kind: LocationKind, parentId: string | null, name: string, exceptId?: string): string | undefined {
    const { table, parent } = TABLES[kind];
    const parentClause = parent ? `${parent} = @parentId` : '1 = 1';
    const row = this.db
      .prepare(`SELECT id FROM ${table} WHERE ${parentClause} AND deleted_at IS NULL AND name = @name COLLATE NOCASE AND id != @exceptId LIMIT 1`)
      .get({ parentId, name, exceptId: exceptId ?? '' }) as { id: string } | undefined;
    return row?.id;
  }

  liveChildCount(kind: LocationKind, id: string): number {
    const child = CHILD_KIND[kind];
    if (!child) return 0;
    const { table, parent } = TABLES[child];
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${parent} = ? AND deleted_at IS NULL`).get(id) as { n: number }).n;
  }
}

function base(row: LocationRow) {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

function groupBy<T>(rows: LocationRow[], map: (row: LocationRow) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.parent_id as string;
    const list = groups.get(key) ?? [];
    list.push(map(row));
    groups.set(key, list);
  }
  return groups;
}
