import { SEARCH_COUNT_CAP } from '@shared/api/assets.contract';
import type { Asset, AssetFields, AssetFilter, AssetStatus, AssetType } from '@shared/domain/assets';
import type { LocationKind } from '@shared/domain/locations';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { assetWhere } from './asset-query';

export interface AssetRow {
  id: string;
  type: AssetType;
  name: string;
  vendor: string;
  model: string;
  serial_number: string;
  asset_tag: string;
  status: AssetStatus;
  owner: string;
  contact: string;
  purchase_date: string | null;
  warranty_end: string | null;
  management_ips: string;
  version: string;
  patch_level: string;
  notes: string;
  custom_fields: string;
  room_id: string | null;
  rack_id: string | null;
  rack_u_start: number | null;
  rack_u_height: number | null;
  installed_on_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  loc_room_id: string | null;
  loc_rack_id: string | null;
  room_name: string | null;
  rack_name: string | null;
  site_id: string | null;
  site_name: string | null;
  client_id: string | null;
  client_name: string | null;
}

const SORT_COLUMNS: Record<string, string> = {
  name: 'a.name COLLATE NOCASE',
  type: 'a.type',
  vendor: 'a.vendor COLLATE NOCASE',
  model: 'a.model COLLATE NOCASE',
  status: 'a.status',
  assetTag: 'a.asset_tag COLLATE NOCASE',
  warrantyEnd: 'a.warranty_end',
  updatedAt: 'a.updated_at',
};

/** Software sits where the hardware it is installed on sits. */
const FROM = `
  FROM assets a
  LEFT JOIN assets h ON h.id = a.installed_on_id
  LEFT JOIN racks k ON k.id = coalesce(a.rack_id, h.rack_id)
  LEFT JOIN rooms r ON r.id = coalesce(a.room_id, h.room_id)
  LEFT JOIN sites s ON s.id = r.site_id
  LEFT JOIN clients c ON c.id = s.client_id`;

const selectFrom = (from: string) => `SELECT a.*, coalesce(a.room_id, h.room_id) AS loc_room_id, coalesce(a.rack_id, h.rack_id) AS loc_rack_id,
  r.name AS room_name, k.name AS rack_name, s.id AS site_id, s.name AS site_name, c.id AS client_id, c.name AS client_name ${from}`;
const SELECT = selectFrom(FROM);

/** Above this many search hits the name index is walked instead of sorting the hits (measured on 100,000 assets). */
const DENSE_SEARCH_HITS = 2000;

/** rowid breaks ties: it follows insertion like the UUIDv7 ids and rides along in every index, so the name index can serve the order. */
function orderBy(sort: { field: string; direction: 'asc' | 'desc' }): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `${SORT_COLUMNS[sort.field] ?? SORT_COLUMNS.name} ${direction}, a.rowid ${direction}`;
}

export interface ListQuery {
  filter: AssetFilter;
  sort: { field: string; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  warrantyCutoff: string;
}

/** Reads of the asset register. Writes go through the write path. */
export class AssetsRepo {
  constructor(private readonly db: Db) {}

  list(query: ListQuery): { total: number; totalCapped: boolean; rows: AssetRow[] } {
    const { where, params } = this.where(query.filter, query.warrantyCutoff);
    // Only a location filter looks past the asset itself (at its host): count without the display joins.
    const countFrom = query.filter.location ? 'FROM assets a LEFT JOIN assets h ON h.id = a.installed_on_id' : 'FROM assets a';
    // Counting every hit of a vague search costs as much as the search; past the cap the user narrows it.
    const searching = query.filter.query !== '';
    const countSql = searching
      ? `SELECT count(*) AS n FROM (SELECT 1 ${countFrom} WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1})`
      : `SELECT count(*) AS n ${countFrom} WHERE ${where}`;
    const counted = (statement(this.db, countSql).get(...params) as { n: number }).n;
    const totalCapped = searching && counted > SEARCH_COUNT_CAP;
    // Many hits in name order: walking the name index and stopping at the page beats sorting them all.
    const walkNameIndex = searching && query.sort.field === 'name' && counted > DENSE_SEARCH_HITS;
    const from = walkNameIndex ? FROM.replace('FROM assets a', 'FROM assets a INDEXED BY assets_name') : FROM;
    const rows = statement(this.db, `${selectFrom(from)} WHERE ${where} ORDER BY ${orderBy(query.sort)} LIMIT ? OFFSET ?`).all(
      ...params,
      query.limit,
      query.offset,
    ) as AssetRow[];
    return { total: totalCapped ? SEARCH_COUNT_CAP : counted, totalCapped, rows };
  }

  /** Every live asset matching a filter, in list order, for exports (iterated, not loaded at once). */
  *iterate(query: Omit<ListQuery, 'offset' | 'limit'>): IterableIterator<AssetRow> {
    const { where, params } = this.where(query.filter, query.warrantyCutoff);
    yield* statement(this.db, `${SELECT} WHERE ${where} ORDER BY ${orderBy(query.sort)}`).iterate(...params) as IterableIterator<AssetRow>;
  }

  get(id: string): AssetRow | undefined {
    return statement(this.db, `${SELECT} WHERE a.id = ?`).get(id) as AssetRow | undefined;
  }

  byIds(ids: readonly string[]): AssetRow[] {
    return statement(this.db, `${SELECT} WHERE a.id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL ORDER BY a.name COLLATE NOCASE, a.id`).all(JSON.stringify(ids)) as AssetRow[];
  }

  installedOn(hostId: string): AssetRow[] {
    return statement(this.db, `${SELECT} WHERE a.installed_on_id = ? AND a.deleted_at IS NULL ORDER BY a.name COLLATE NOCASE`).all(hostId) as AssetRow[];
  }

  /** A live asset with this tag (case-insensitive) or serial number, tag first. */
  exact(text: string): AssetRow | undefined {
    const byTag = statement(this.db, `${SELECT} WHERE a.deleted_at IS NULL AND a.asset_tag = ? COLLATE NOCASE LIMIT 1`).get(text) as AssetRow | undefined;
    return byTag ?? (statement(this.db, `${SELECT} WHERE a.deleted_at IS NULL AND a.serial_number = ? LIMIT 1`).get(text) as AssetRow | undefined);
  }

  tagOwner(tag: string, exceptId: string | null): string | undefined {
    const row = this.db
      .prepare("SELECT id FROM assets WHERE asset_tag = ? COLLATE NOCASE AND asset_tag != '' AND deleted_at IS NULL AND id != ? LIMIT 1")
      .get(tag, exceptId ?? '') as { id: string } | undefined;
    return row?.id;
  }

  /** Live devices in a rack, bottom up. */
  rackOccupants(rackId: string): Pick<AssetRow, 'id' | 'name' | 'type' | 'status' | 'rack_u_start' | 'rack_u_height'>[] {
    return this.db
      .prepare('SELECT id, name, type, status, rack_u_start, rack_u_height FROM assets WHERE rack_id = ? AND deleted_at IS NULL ORDER BY rack_u_start')
      .all(rackId) as Pick<AssetRow, 'id' | 'name' | 'type' | 'status' | 'rack_u_start' | 'rack_u_height'>[];
  }

  vendors(): string[] {
    return (
      statement(this.db, "SELECT DISTINCT vendor FROM assets WHERE deleted_at IS NULL AND vendor != '' ORDER BY vendor COLLATE NOCASE").all() as { vendor: string }[]
    ).map((row) => row.vendor);
  }

  /** The rooms under a client or site (for the location filter). */
  roomsUnder(kind: Exclude<LocationKind, 'rack'>, id: string): string[] {
    const sql = {
      client: 'SELECT r.id FROM rooms r JOIN sites s ON s.id = r.site_id WHERE s.client_id = ?',
      site: 'SELECT r.id FROM rooms r WHERE r.site_id = ?',
      room: 'SELECT r.id FROM rooms r WHERE r.id = ?',
    }[kind];
    return (statement(this.db, sql).all(id) as { id: string }[]).map((row) => row.id);
  }

  private where(filter: AssetFilter, warrantyCutoff: string) {
    const location = filter.location;
    const rackId = location?.kind === 'rack' ? location.id : null;
    const roomIds = location && location.kind !== 'rack' ? this.roomsUnder(location.kind, location.id) : null;
    return assetWhere(filter, { roomIds, rackId, warrantyCutoff });
  }
}

/** A row as the API shows it. */
export function toAsset(row: AssetRow, warrantyCutoff: string): Asset {
  return {
    id: row.id,
    ...rowFields(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    location: {
      clientId: row.client_id,
      clientName: row.client_name,
      siteId: row.site_id,
      siteName: row.site_name,
      roomId: row.loc_room_id,
      roomName: row.room_name,
      rackId: row.loc_rack_id,
      rackName: row.rack_name,
    },
    warrantyEndingSoon: row.warranty_end !== null && row.warranty_end <= warrantyCutoff,
  };
}

/** The editable fields of a stored row: what validation and updates work on. */
export function rowFields(row: AssetRow): AssetFields {
  return {
    type: row.type,
    name: row.name,
    vendor: row.vendor,
    model: row.model,
    serialNumber: row.serial_number,
    assetTag: row.asset_tag,
    status: row.status,
    owner: row.owner,
    contact: row.contact,
    purchaseDate: row.purchase_date,
    warrantyEnd: row.warranty_end,
    managementIps: JSON.parse(row.management_ips) as string[],
    version: row.version,
    patchLevel: row.patch_level,
    notes: row.notes,
    customFields: JSON.parse(row.custom_fields) as Record<string, string>,
    roomId: row.room_id,
    rackId: row.rack_id,
    rackUStart: row.rack_u_start,
    rackUHeight: row.rack_u_height,
    installedOnId: row.installed_on_id,
  };
}
