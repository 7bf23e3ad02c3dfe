import type { IncidentFilter } from '@shared/api/incidents.contract';
import type { Db } from '../store/database';
import { shortTermsQuery } from '../store/search-grams';
import { statement } from '../store/statements';

export interface IncidentRow {
  id: string;
  number: string;
  title: string;
  description: string;
  category: string;
  impact: string;
  urgency: string;
  priority: string;
  priority_override: string | null;
  priority_reason: string;
  system_down: number;
  status: string;
  pending_reason: string | null;
  asset_ids: string;
  location_id: string | null;
  reporter_name: string;
  reporter_contact: string;
  assignee: string;
  reported_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  workaround: string;
  workaround_at: number | null;
  resolution: string | null;
  fault_report: string | null;
  fault_report_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  /** The place, resolved from location_id or else the first asset's room (software: its host's room). */
  client_id: string | null;
  client_name: string | null;
  site_id: string | null;
  site_name: string | null;
  room_id: string | null;
  room_name: string | null;
}

export interface EventRow {
  id: string;
  incident_id: string;
  at: number;
  actor: string;
  kind: string;
  data: string;
}

export interface WorkLogRow {
  id: string;
  incident_id: string;
  at: number;
  author: string;
  text: string;
  minutes_spent: number;
  created_at: number;
}

export interface AttachmentRow {
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  mime_type: string;
  created_at: number;
  actor: string | null;
}

export interface EvidenceRow {
  id: string;
  incident_id: string;
  kind: string;
  target_id: string;
  label: string;
  created_at: number;
}

/**
 * The place of an incident. Location ids are UUIDs unique across the three
 * tables, so a location_id that is a site matches no room and one that is a
 * client matches neither: each join picks up the level the id names and the
 * levels above it. The service statistics place incidents with the same joins.
 */
export const INCIDENT_PLACE = `
  FROM incidents i
  LEFT JOIN assets fa ON i.location_id IS NULL AND fa.id = json_extract(i.asset_ids, '$[0]')
  LEFT JOIN assets fh ON fh.id = fa.installed_on_id
  LEFT JOIN rooms pr ON pr.id = coalesce(i.location_id, fa.room_id, fh.room_id)
  LEFT JOIN sites ps ON ps.id = coalesce(pr.site_id, i.location_id)
  LEFT JOIN clients pc ON pc.id = coalesce(ps.client_id, i.location_id)`;

const SELECT = `SELECT i.*, pc.id AS client_id, pc.name AS client_name, ps.id AS site_id, ps.name AS site_name, pr.id AS room_id, pr.name AS room_name ${INCIDENT_PLACE}`;

const STATUS_ORDER = `CASE i.status WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'in-progress' THEN 2 WHEN 'pending' THEN 3 WHEN 'resolved' THEN 4 ELSE 5 END`;

export const SQL_SORTS = {
  reportedAt: 'i.reported_at',
  priority: 'i.priority',
  status: STATUS_ORDER,
  updatedAt: 'i.updated_at',
  number: 'i.number',
} as const;
export type SqlSort = keyof typeof SQL_SORTS;

/** Trigram FTS needs three characters; shorter terms (two Chinese characters, say) use the 1–2 character gram index. */
const TRIGRAM = 3;

/** SQL for every part of the filter except the SLA states, which are computed, not stored. */
export function incidentWhere(filter: IncidentFilter): { where: string; params: unknown[] } {
  const clauses = ['i.deleted_at IS NULL'];
  const params: unknown[] = [];
  const terms = filter.search.split(/\s+/).filter(Boolean);
  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  const short = terms.filter((term) => [...term].length < TRIGRAM);
  if (long.length > 0) {
    clauses.push('i.rowid IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)');
    params.push(long.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND '));
  }
  if (short.length > 0) {
    clauses.push('i.rowid IN (SELECT rowid FROM incidents_grams WHERE incidents_grams MATCH ?)');
    params.push(shortTermsQuery(short));
  }
  const inList = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  inList('i.status', filter.statuses);
  inList('i.priority', filter.priorities);
  inList('i.category', filter.categories);
  if (filter.openOnly) clauses.push(`i.status NOT IN ('resolved', 'closed')`);
  if (filter.assetId) {
    clauses.push('i.id IN (SELECT incident_id FROM incident_assets WHERE asset_id = ?)');
    params.push(filter.assetId);
  }
  if (filter.locationId) {
    clauses.push('? IN (pc.id, ps.id, pr.id)');
    params.push(filter.locationId);
  }
  return { where: clauses.join(' AND '), params };
}

/** The SQL of incidents and their children; rules live in the service. */
export class IncidentsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): IncidentRow | undefined {
    return statement(this.db, `${SELECT} WHERE i.id = ?`).get(id) as IncidentRow | undefined;
  }

  count(filter: IncidentFilter): number {
    const { where, params } = incidentWhere(filter);
    return (this.db.prepare(`SELECT count(*) AS n ${INCIDENT_PLACE} WHERE ${where}`).get(...params) as { n: number }).n;
  }

  /** Matching rows in SQL order; a window when `page` is given. */
  list(filter: IncidentFilter, sort: { by: SqlSort; direction: 'asc' | 'desc' }, page?: { offset: number; limit: number }): IncidentRow[] {
    const { where, params } = incidentWhere(filter);
    const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
    const window = page ? ' LIMIT ? OFFSET ?' : '';
    return this.db
      .prepare(`${SELECT} WHERE ${where} ORDER BY ${SQL_SORTS[sort.by]} ${direction}, i.reported_at DESC, i.rowid ${direction}${window}`)
      .all(...params, ...(page ? [page.limit, page.offset] : [])) as IncidentRow[];
  }

  /** Every incident not yet resolved or closed, for the counts. */
  open(): IncidentRow[] {
    return statement(this.db, `${SELECT} WHERE i.deleted_at IS NULL AND i.status NOT IN ('resolved', 'closed')`).all() as IncidentRow[];
  }

  /** History of many incidents at once, in time order per incident (ties in the order written: ids are UUIDv7). */
  eventsOf(incidentIds: readonly string[]): Map<string, EventRow[]> {
    const rows = statement(
      this.db,
      `SELECT id, incident_id, at, actor, kind, data FROM incident_events
       WHERE incident_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY incident_id, at, id`,
    ).all(JSON.stringify(incidentIds)) as EventRow[];
    const byIncident = new Map<string, EventRow[]>(incidentIds.map((id) => [id, []]));
    for (const row of rows) byIncident.get(row.incident_id)?.push(row);
    return byIncident;
  }

  workLog(incidentId: string): WorkLogRow[] {
    return statement(
      this.db,
      'SELECT id, incident_id, at, author, text, minutes_spent, created_at FROM incident_work_log WHERE incident_id = ? AND deleted_at IS NULL ORDER BY at, id',
    ).all(incidentId) as WorkLogRow[];
  }

  workLogEntry(id: string): WorkLogRow | undefined {
    return statement(this.db, 'SELECT id, incident_id, at, author, text, minutes_spent, created_at FROM incident_work_log WHERE id = ?').get(id) as WorkLogRow | undefined;
  }

  evidence(incidentId: string): EvidenceRow[] {
    return statement(
      this.db,
      'SELECT id, incident_id, kind, target_id, label, created_at FROM incident_evidence WHERE incident_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
    ).all(incidentId) as EvidenceRow[];
  }

  evidenceLink(id: string): EvidenceRow | undefined {
    return statement(this.db, 'SELECT id, incident_id, kind, target_id, label, created_at FROM incident_evidence WHERE id = ? AND deleted_at IS NULL').get(id) as
      | EvidenceRow
      | undefined;
  }

  liveEvidenceTo(incidentId: string, kind: string, targetId: string): EvidenceRow | undefined {
    return statement(
      this.db,
      'SELECT id, incident_id, kind, target_id, label, created_at FROM incident_evidence WHERE incident_id = ? AND kind = ? AND target_id = ? AND deleted_at IS NULL',
    ).get(incidentId, kind, targetId) as EvidenceRow | undefined;
  }

  /** The highest sequence number this device used on this day, 0 when none. A range, not LIKE, so the number index is used. */
  lastNumberSeq(prefix: string, suffix: string): number {
    const row = statement(
      this.db,
      `SELECT max(CAST(substr(number, length(?) + 1, length(number) - length(?) - length(?)) AS INTEGER)) AS seq
       FROM incidents WHERE number >= ? AND number < ? AND substr(number, -length(?)) = ?`,
    ).get(prefix, prefix, suffix, prefix, `${prefix}\uffff`, suffix, suffix) as { seq: number | null };
    return row.seq ?? 0;
  }

  /** The client, site or room with this id (null when none is live). */
  locationKind(id: string): 'client' | 'site' | 'room' | null {
    const row = statement(
      this.db,
      `SELECT 'client' AS kind FROM clients WHERE id = ? AND deleted_at IS NULL
       UNION ALL SELECT 'site' FROM sites WHERE id = ? AND deleted_at IS NULL
       UNION ALL SELECT 'room' FROM rooms WHERE id = ? AND deleted_at IS NULL`,
    ).get(id, id, id) as { kind: 'client' | 'site' | 'room' } | undefined;
    return row?.kind ?? null;
  }

  /** The client above a location id, or above the first asset's room: what the SLA policy is chosen by. */
  clientOf(locationId: string | null, assetIds: readonly string[]): string | null {
    const row = statement(
      this.db,
      `SELECT pc.id AS client_id FROM (SELECT ? AS location_id, ? AS asset_id) i
       LEFT JOIN assets fa ON i.location_id IS NULL AND fa.id = i.asset_id
       LEFT JOIN assets fh ON fh.id = fa.installed_on_id
       LEFT JOIN rooms pr ON pr.id = coalesce(i.location_id, fa.room_id, fh.room_id)
       LEFT JOIN sites ps ON ps.id = coalesce(pr.site_id, i.location_id)
       LEFT JOIN clients pc ON pc.id = coalesce(ps.client_id, i.location_id)`,
    ).get(locationId, assetIds[0] ?? null) as { client_id: string | null };
    return row.client_id;
  }

  /** Which of these ids are live assets, with their names, in the order given. */
  liveAssets(ids: readonly string[]): { id: string; name: string; type: string }[] {
    const rows = statement(this.db, 'SELECT id, name, type FROM assets WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(JSON.stringify(ids)) as {
      id: string;
      name: string;
      type: string;
    }[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is { id: string; name: string; type: string } => row !== undefined);
  }

  /**
   * Files attached to the incident or to its work log, for the timeline. The
   * attachments table belongs to the attachments domain (a later migration);
   * who attached a file is read from this laptop's audit log, so a file
   * attached on another laptop shows without a name.
   */
  attachmentsOf(incidentId: string): AttachmentRow[] {
    if (!this.tableExists('attachments')) return [];
    return statement(
      this.db,
      `SELECT a.id, a.owner_type, a.owner_id, a.file_name, a.mime_type, a.created_at,
         (SELECT l.actor_name FROM audit_log l WHERE l.entity_id = a.id AND l.entity = 'attachment' AND l.action = 'create' LIMIT 1) AS actor
       FROM attachments a
       WHERE a.deleted_at IS NULL
         AND ((a.owner_type = 'incident' AND a.owner_id = ?)
           OR (a.owner_type = 'work-log' AND a.owner_id IN (SELECT id FROM incident_work_log WHERE incident_id = ?)))
       ORDER BY a.created_at, a.id`,
    ).all(incidentId, incidentId) as AttachmentRow[];
  }

  tableExists(name: string): boolean {
    return statement(this.db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }
}
