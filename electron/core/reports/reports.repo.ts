import type { FaultCandidate, ServiceReport } from '@shared/domain/reports';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

export interface ReportRow {
  id: string;
  client_id: string;
  client_name: string | null;
  period_kind: string;
  period_year: number;
  period_index: number;
  language: string;
  title: string;
  narrative: string;
  typical_faults: string;
  contract_items: string;
  drills: number;
  status: string;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
}

export function toReport(row: ReportRow): ServiceReport {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name ?? '',
    period: { kind: row.period_kind as ServiceReport['period']['kind'], year: row.period_year, index: row.period_index },
    language: row.language as ServiceReport['language'],
    title: row.title,
    narrative: JSON.parse(row.narrative) as ServiceReport['narrative'],
    typicalFaults: JSON.parse(row.typical_faults) as ServiceReport['typicalFaults'],
    contractItems: JSON.parse(row.contract_items) as ServiceReport['contractItems'],
    drills: row.drills,
    status: row.status as ServiceReport['status'],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

const SELECT_REPORT = `SELECT r.*, c.name AS client_name FROM service_reports r LEFT JOIN clients c ON c.id = r.client_id`;

/**
 * The rooms of a client: the one place that says which records belong to it.
 * Records name a client, site or room (incidents), a room (rounds) or only
 * assets (problems, changes); every query below comes back to these rooms.
 */
const CLIENT_ROOMS = `client_rooms AS (SELECT r.id FROM rooms r JOIN sites s ON s.id = r.site_id WHERE s.client_id = @clientId)`;
/** Assets in the client's rooms, and software installed on them (deleted ones too: old records still name them). */
const CLIENT_ASSETS = `client_assets AS (
  SELECT a.id FROM assets a
  LEFT JOIN assets h ON h.id = a.installed_on_id
  WHERE coalesce(a.room_id, h.room_id) IN (SELECT id FROM client_rooms))`;

/**
 * The client above an incident, the way incidents.repo finds it: the location
 * it names (client, site or room), else the room of its first asset or of
 * that asset's host.
 */
const INCIDENT_CLIENT = `
  FROM incidents i
  LEFT JOIN assets fa ON i.location_id IS NULL AND fa.id = json_extract(i.asset_ids, '$[0]')
  LEFT JOIN assets fh ON fh.id = fa.installed_on_id
  LEFT JOIN rooms pr ON pr.id = coalesce(i.location_id, fa.room_id, fh.room_id)
  LEFT JOIN sites ps ON ps.id = coalesce(pr.site_id, i.location_id)
  LEFT JOIN clients pc ON pc.id = coalesce(ps.client_id, i.location_id)`;

export interface PeriodQuery {
  clientId: string;
  from: number;
  to: number;
}

export class ReportsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): ServiceReport | null {
    const row = statement(this.db, `${SELECT_REPORT} WHERE r.id = ?`).get(id) as ReportRow | undefined;
    return row ? toReport(row) : null;
  }

  list(clientId: string | null): ServiceReport[] {
    const rows = statement(
      this.db,
      `${SELECT_REPORT} WHERE (@clientId IS NULL OR r.client_id = @clientId)
       ORDER BY r.period_year DESC, r.period_index DESC, r.updated_at DESC`,
    ).all({ clientId }) as ReportRow[];
    return rows.map(toReport);
  }

  insert(report: ServiceReport): void {
    statement(
      this.db,
      `INSERT INTO service_reports (id, client_id, period_kind, period_year, period_index, language, title, narrative, typical_faults, contract_items, drills, status, created_by, created_at, updated_by, updated_at)
       VALUES (@id, @clientId, @kind, @year, @index, @language, @title, @narrative, @typicalFaults, @contractItems, @drills, @status, @createdBy, @createdAt, @updatedBy, @updatedAt)`,
    ).run(params(report));
  }

  /** Writes the report only if nobody saved it since `expectedUpdatedAt`; false when someone did. */
  update(report: ServiceReport, expectedUpdatedAt: number): boolean {
    const result = statement(
      this.db,
      `UPDATE service_reports SET language = @language, title = @title, narrative = @narrative, typical_faults = @typicalFaults,
         contract_items = @contractItems, drills = @drills, status = @status, updated_by = @updatedBy, updated_at = @updatedAt
       WHERE id = @id AND updated_at = @expected`,
    ).run({ ...params(report), expected: expectedUpdatedAt });
    return result.changes === 1;
  }

  delete(id: string): boolean {
    return statement(this.db, 'DELETE FROM service_reports WHERE id = ?').run(id).changes === 1;
  }

  clientName(clientId: string): string | null {
    const row = statement(this.db, 'SELECT name FROM clients WHERE id = ? AND deleted_at IS NULL').get(clientId) as { name: string } | undefined;
    return row?.name ?? null;
  }

  /** Active devices of the client by asset type (retired ones are no longer maintained). */
  devicesByType(clientId: string): { type: string; n: number }[] {
    return statement(
      this.db,
      `WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS}
       SELECT a.type, count(*) AS n FROM assets a WHERE a.id IN (SELECT id FROM client_assets) AND a.deleted_at IS NULL AND a.status != 'retired' GROUP BY a.type`,
    ).all({ clientId }) as { type: string; n: number }[];
  }

  /** The client's incidents reported in the period, newest first: the typical-fault candidates. */
  candidates(q: PeriodQuery): FaultCandidate[] {
    const rows = statement(
      this.db,
      `SELECT i.id, i.number, i.title, i.description, i.category, i.priority, i.status, i.system_down, i.reported_at, i.resolution
       ${INCIDENT_CLIENT}
       WHERE i.deleted_at IS NULL AND pc.id = @clientId AND i.reported_at >= @from AND i.reported_at < @to
       ORDER BY i.system_down DESC, i.priority, i.reported_at DESC
       LIMIT 500`,
    ).all(q) as { id: string; number: string; title: string; description: string; category: string; priority: string; status: string; system_down: number; reported_at: number; resolution: string | null }[];
    return rows.map((row) => {
      const resolution = row.resolution ? (JSON.parse(row.resolution) as { cause?: string; method?: string }) : null;
      return {
        id: row.id,
        number: row.number,
        title: row.title,
        description: row.description,
        category: row.category as FaultCandidate['category'],
        priority: row.priority as FaultCandidate['priority'],
        status: row.status as FaultCandidate['status'],
        systemDown: row.system_down === 1,
        reportedAt: row.reported_at,
        cause: resolution?.cause ?? '',
        method: resolution?.method ?? '',
      };
    });
  }

  /** Ids among `ids` that are incidents of the client reported in the period. */
  incidentsInPeriod(q: PeriodQuery, ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const rows = statement(
      this.db,
      `SELECT i.id ${INCIDENT_CLIENT}
       WHERE i.id IN (SELECT value FROM json_each(@ids)) AND i.deleted_at IS NULL AND pc.id = @clientId AND i.reported_at >= @from AND i.reported_at < @to`,
    ).all({ ...q, ids: JSON.stringify(ids) }) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  // --- The XLSX appendix: the records behind the figures, a page at a time (no statement stays open while the
// export yields), each page starting after the last row of the one before (keyset: no OFFSET re-reading). ---

  countAppendix(q: PeriodQuery): { incidents: number; rounds: number; problems: number; changes: number } {
    const one = (sql: string) => (statement(this.db, sql).get(q) as { n: number }).n;
    return {
      incidents: one(`SELECT count(*) AS n ${INCIDENT_CLIENT} WHERE ${INCIDENTS_WHERE}`),
      rounds: one(`WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS} SELECT count(*) AS n FROM rounds r WHERE ${ROUNDS_WHERE}`),
      problems: one(`WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS} SELECT count(*) AS n FROM problems p WHERE ${PROBLEMS_WHERE}`),
      changes: one(`WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS} SELECT count(*) AS n FROM changes c WHERE ${CHANGES_WHERE}`),
    };
  }

  incidentRows(q: PeriodQuery, after: PageKey, limit: number): IncidentAppendixRow[] {
    return statement(
      this.db,
      `SELECT i.id AS key_id, i.reported_at AS key_at, i.number, i.title, i.category, i.priority, i.status, i.system_down, i.reporter_name, i.assignee, i.reported_at, i.acknowledged_at, i.resolved_at, i.closed_at,
              json_extract(i.resolution, '$.cause') AS cause, json_extract(i.resolution, '$.method') AS method,
              ps.name AS site_name, pr.name AS room_name
       ${INCIDENT_CLIENT} WHERE ${INCIDENTS_WHERE} AND (i.reported_at, i.id) > (@afterAt, @afterId) ORDER BY i.reported_at, i.id LIMIT @limit`,
    ).all({ ...q, afterAt: after.at, afterId: after.id, limit }) as IncidentAppendixRow[];
  }

  roundRows(q: PeriodQuery, after: PageKey, limit: number): RoundAppendixRow[] {
    return statement(
      this.db,
      `WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS}
       SELECT r.id AS key_id, r.started_at AS key_at, t.name AS template_name, rm.name AS room_name, r.status, r.started_by, r.started_at, r.signed_by, r.signed_at, r.period_start, r.summary
       FROM rounds r LEFT JOIN checklist_templates t ON t.id = r.template_id LEFT JOIN rooms rm ON rm.id = r.room_id
       WHERE ${ROUNDS_WHERE} AND (r.started_at, r.id) > (@afterAt, @afterId) ORDER BY r.started_at, r.id LIMIT @limit`,
    ).all({ ...q, afterAt: after.at, afterId: after.id, limit }) as RoundAppendixRow[];
  }

  problemRows(q: PeriodQuery, after: PageKey, limit: number): ProblemAppendixRow[] {
    return statement(
      this.db,
      `WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS}
       SELECT p.id AS key_id, p.reported_at AS key_at, p.type, p.status, p.title, p.reporter, p.question, p.answer, p.resolution, p.reported_at, p.answered_at, p.created_by
       FROM problems p WHERE ${PROBLEMS_WHERE} AND (p.reported_at, p.id) > (@afterAt, @afterId) ORDER BY p.reported_at, p.id LIMIT @limit`,
    ).all({ ...q, afterAt: after.at, afterId: after.id, limit }) as ProblemAppendixRow[];
  }

  changeRows(q: PeriodQuery, after: PageKey, limit: number): ChangeAppendixRow[] {
    return statement(
      this.db,
      `WITH ${CLIENT_ROOMS}, ${CLIENT_ASSETS}
       SELECT c.id AS key_id, c.created_at AS key_at, c.title, c.status, c.risk_level, c.requester, c.implementer, c.window_start, c.window_end, c.decided_by, c.result, c.created_at
       FROM changes c WHERE ${CHANGES_WHERE} AND (c.created_at, c.id) > (@afterAt, @afterId) ORDER BY c.created_at, c.id LIMIT @limit`,
    ).all({ ...q, afterAt: after.at, afterId: after.id, limit }) as ChangeAppendixRow[];
  }
}

const INCIDENTS_WHERE = `i.deleted_at IS NULL AND pc.id = @clientId AND i.reported_at >= @from AND i.reported_at < @to`;
const ROUNDS_WHERE = `r.deleted_at IS NULL AND r.started_at >= @from AND r.started_at < @to
  AND (r.room_id IN (SELECT id FROM client_rooms) OR (r.room_id IS NULL AND EXISTS (SELECT 1 FROM round_assets ra WHERE ra.round_id = r.id AND ra.asset_id IN (SELECT id FROM client_assets))))`;
/**
 * Problems and changes name only assets: they belong to the client of any of
 * them. A problem is in the period when it was reported or answered in it
 * (the statistics count consultations by answer, defects by report).
 */
const PROBLEMS_WHERE = `p.deleted_at IS NULL AND ((p.reported_at >= @from AND p.reported_at < @to) OR (p.answered_at >= @from AND p.answered_at < @to))
  AND EXISTS (SELECT 1 FROM json_each(p.asset_ids) j WHERE j.value IN (SELECT id FROM client_assets))`;
const CHANGES_WHERE = `c.deleted_at IS NULL AND c.created_at >= @from AND c.created_at < @to
  AND EXISTS (SELECT 1 FROM json_each(c.asset_ids) j WHERE j.value IN (SELECT id FROM client_assets))`;

/** Where the next page starts: after this time and id (the first page: after {at: -1, id: ''}). */
export interface PageKey {
  at: number;
  id: string;
}

export const FIRST_PAGE: PageKey = { at: -1, id: '' };

/** Every appendix row carries the key it is ordered by. */
interface Keyed {
  key_id: string;
  key_at: number;
}

export interface IncidentAppendixRow extends Keyed {
  number: string;
  title: string;
  category: string;
  priority: string;
  status: string;
  system_down: number;
  reporter_name: string;
  assignee: string;
  reported_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  cause: string | null;
  method: string | null;
  site_name: string | null;
  room_name: string | null;
}

export interface RoundAppendixRow extends Keyed {
  template_name: string | null;
  room_name: string | null;
  status: string;
  started_by: string;
  started_at: number;
  signed_by: string | null;
  signed_at: number | null;
  period_start: string | null;
  summary: string;
}

export interface ProblemAppendixRow extends Keyed {
  type: string;
  status: string;
  title: string;
  reporter: string;
  question: string;
  answer: string;
  resolution: string;
  reported_at: number;
  answered_at: number | null;
  created_by: string;
}

export interface ChangeAppendixRow extends Keyed {
  title: string;
  status: string;
  risk_level: string | null;
  requester: string;
  implementer: string;
  window_start: number | null;
  window_end: number | null;
  decided_by: string;
  result: string;
  created_at: number;
}

function params(report: ServiceReport) {
  return {
    id: report.id,
    clientId: report.clientId,
    kind: report.period.kind,
    year: report.period.year,
    index: report.period.index,
    language: report.language,
    title: report.title,
    narrative: JSON.stringify(report.narrative),
    typicalFaults: JSON.stringify(report.typicalFaults),
    contractItems: JSON.stringify(report.contractItems),
    drills: report.drills,
    status: report.status,
    createdBy: report.createdBy,
    createdAt: report.createdAt,
    updatedBy: report.updatedBy,
    updatedAt: report.updatedAt,
  };
}
