import type { Client, LocationKind, LocationTree, Rack, Room, Site } from '@shared/domain/locations';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

interface LocationRow {
  id: string;
  parent_id: string | null;
  name: string;
  height_u: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

const TABLES: Record<LocationKind, { table: string; parent: string | null }> = {
  client: { table: 'clients', parent: null },
  site: { table: 'sites', parent: 'client_id' },
  room: { table: 'rooms', parent: 'site_id' },
  rack: { table: 'racks', parent: 'room_id' },
};

export const PARENT_KIND: Record<LocationKind, LocationKind | null> = { client: null, site: 'client', room: 'site', rack: 'room' };

/** What must be gone (deleted) before a node can be deleted: [label, live rows under the node]. */
const CONTENTS: Record<LocationKind, [string, string][]> = {
  // A client's SLA policy and emergency plans would be left pointing at nothing (and keep syncing), so they count too.
  client: [
    ['sites', 'SELECT count(*) AS n FROM sites WHERE client_id = ? AND deleted_at IS NULL'],
    ['emergency plans', 'SELECT count(*) AS n FROM emergency_plans WHERE client_id = ? AND deleted_at IS NULL'],
    ['SLA policies', 'SELECT count(*) AS n FROM sla_policies WHERE client_id = ? AND deleted_at IS NULL'],
  ],
  site: [
    ['rooms', 'SELECT count(*) AS n FROM rooms WHERE site_id = ? AND deleted_at IS NULL'],
    ['subnets', 'SELECT count(*) AS n FROM subnets WHERE site_id = ? AND deleted_at IS NULL'],
    ['emergency plans', 'SELECT count(*) AS n FROM emergency_plans WHERE site_id = ? AND deleted_at IS NULL'],
  ],
  room: [
    ['racks', 'SELECT count(*) AS n FROM racks WHERE room_id = ? AND deleted_at IS NULL'],
    ['assets', 'SELECT count(*) AS n FROM assets WHERE room_id = ? AND deleted_at IS NULL'],
  ],
  rack: [['assets', 'SELECT count(*) AS n FROM assets WHERE rack_id = ? AND deleted_at IS NULL']],
};

/** Reads of the location tree. Writes go through the write path. */
export class LocationsRepo {
  constructor(private readonly db: Db) {}

  tree(): LocationTree {
    const live = (kind: LocationKind) => {
      const { table, parent } = TABLES[kind];
      const height = kind === 'rack' ? 'height_u' : 'NULL';
      const sql = `SELECT id, ${parent ?? 'NULL'} AS parent_id, name, ${height} AS height_u, created_at, updated_at FROM ${table} WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`;
      return statement(this.db, sql).all() as LocationRow[];
    };
    const racksByRoom = groupBy(live('rack'), (row): Rack => ({ ...base(row), roomId: row.parent_id as string, heightU: row.height_u as number }));
    const roomsBySite = groupBy(live('room'), (row): Room => ({ ...base(row), siteId: row.parent_id as string, racks: racksByRoom.get(row.id) ?? [] }));
    const sitesByClient = groupBy(live('site'), (row): Site => ({ ...base(row), clientId: row.parent_id as string, rooms: roomsBySite.get(row.id) ?? [] }));
    const clients = live('client').map((row): Client => ({ ...base(row), sites: sitesByClient.get(row.id) ?? [] }));
    return { clients };
  }

  find(kind: LocationKind, id: string): LocationRow | undefined {
    const { table, parent } = TABLES[kind];
    const height = kind === 'rack' ? 'height_u' : 'NULL';
    return statement(this.db, `SELECT id, ${parent ?? 'NULL'} AS parent_id, name, ${height} AS height_u, created_at, updated_at, deleted_at FROM ${table} WHERE id = ?`)
      .get(id) as LocationRow | undefined;
  }

  /** A live sibling with the same name (case-insensitive), other than `exceptId`. */
  siblingNamed(kind: LocationKind, parentId: string | null, name: string, exceptId?: string): string | undefined {
    const { table, parent } = TABLES[kind];
    const parentClause = parent ? `${parent} = @parentId` : '1 = 1';
    const row = statement(this.db, `SELECT id FROM ${table} WHERE ${parentClause} AND deleted_at IS NULL AND name = @name COLLATE NOCASE AND id != @exceptId LIMIT 1`)
      .get({ parentId, name, exceptId: exceptId ?? '' }) as { id: string } | undefined;
    return row?.id;
  }

  /** What still lives under a node, by kind of content; empty when it may be deleted. */
  liveContents(kind: LocationKind, id: string): Record<string, number> {
    const contents: Record<string, number> = {};
    for (const [label, sql] of CONTENTS[kind]) {
      const n = (statement(this.db, sql).get(id) as { n: number }).n;
      if (n > 0) contents[label] = n;
    }
    return contents;
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
