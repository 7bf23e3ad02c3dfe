import { SOFTWARE_TYPES } from '@shared/domain/assets';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { INCIDENT_PLACE, type EventRow, type IncidentRow } from '../incidents/incidents.repo';
import { CONNECTIVITY_CODES } from '../checks/check-failure';
import type { MonthBucket, ResolvedScope } from './statistics-scope';

/**
 * The SQL behind the service statistics. Every query takes the same named
 * parameters (see `params`), so a scope reads the same way everywhere:
 * @from/@to the period, @horizon the instant the figures stand at, @rooms the
 * rooms under the location as JSON (null: everywhere), @location the location
 * id, @engineer a name (null: everyone).
 */

/** Incidents of the scope, placed as the incident list places them (incidents.repo.ts). */
const INCIDENTS_IN_SCOPE = `${INCIDENT_PLACE}
  WHERE i.deleted_at IS NULL AND i.reported_at >= @from AND i.reported_at < @to
    AND (@location IS NULL OR @location IN (pc.id, ps.id, pr.id))
    AND (@engineer IS NULL OR i.created_by = @engineer OR i.assignee = @engineer)`;

/** An asset's room: its own, or its host's for software. */
const ASSET_ROOM = `coalesce(a.room_id, (SELECT h.room_id FROM assets h WHERE h.id = a.installed_on_id))`;

const ASSET_IN_SCOPE = `(@rooms IS NULL OR ${ASSET_ROOM} IN (SELECT value FROM json_each(@rooms)))`;

/** Some asset of a JSON id list (problems, changes) lies in the scope; with no location every record does. */
const linkedAssetInScope = (column: string) => `(@rooms IS NULL OR EXISTS (
    SELECT 1 FROM json_each(${column}) l JOIN assets a ON a.id = l.value WHERE ${ASSET_ROOM} IN (SELECT value FROM json_each(@rooms))))`;

/** A round's place: its room, or for a round of chosen assets the rooms of those assets. */
const ROUND_IN_SCOPE = `(@rooms IS NULL OR r.room_id IN (SELECT value FROM json_each(@rooms))
    OR (r.room_id IS NULL AND EXISTS (SELECT 1 FROM round_assets ra JOIN assets a ON a.id = ra.asset_id
      WHERE ra.round_id = r.id AND ${ASSET_ROOM} IN (SELECT value FROM json_each(@rooms)))))`;

const ROUNDS_IN_SCOPE = `FROM rounds r
  WHERE r.deleted_at IS NULL AND r.started_at >= @from AND r.started_at < @to AND ${ROUND_IN_SCOPE}
    AND (@engineer IS NULL OR r.started_by = @engineer)`;

/** Checks that say whether a device answers (DOMAIN.md, device checks): an HTTP or captured result does not. */
const REACHABILITY_KINDS = ['ping', 'tcp', 'snmp', 'ssh'];

/** The history entries the SLA clock reads (electron/core/incidents/incident-sla.ts, slaEventsOf). */
const SLA_EVENT_KINDS = ['created', 'status', 'priority', 'system-down', 'workaround', 'fault-report'];

/** The columns of an incident row the SLA timers and the breach list read. */
export type SlaIncidentRow = Pick<IncidentRow, 'id' | 'number' | 'title' | 'priority' | 'system_down' | 'reported_at' | 'client_id'>;

export interface IncidentTally {
  category: string;
  priority: string;
  n: number;
  resolved: number;
  system_down: number;
  responded: number;
  respond_ms: number | null;
  resolve_ms: number | null;
}

export interface ScheduleRow {
  id: string;
  frequency: string;
  start_date: string;
}

export interface PeriodRound {
  period_start: string;
  signed: number;
}

export class StatisticsRepo {
  constructor(private readonly db: Db) {}

  params(resolved: ResolvedScope) {
    const { scope, roomIds, horizon } = resolved;
    return {
      from: scope.from,
      to: scope.to,
      horizon,
      rooms: roomIds === null ? null : JSON.stringify(roomIds),
      location: scope.locationId,
      // A blank name filters nothing (a cleared field), as null does.
      engineer: scope.engineer === '' ? null : scope.engineer,
    };
  }

  /** Hardware in service (not retired) in the scope's rooms. */
  devicesCovered(resolved: ResolvedScope): number {
    const sql = `SELECT count(*) AS n FROM assets a WHERE a.deleted_at IS NULL AND a.status != 'retired'
      AND a.type NOT IN (SELECT value FROM json_each(@software)) AND ${ASSET_IN_SCOPE}`;
    return (statement(this.db, sql).get({ ...this.params(resolved), software: JSON.stringify(SOFTWARE_TYPES) }) as { n: number }).n;
  }

  /**
   * Incidents reported in the period by category and priority, with what the
   * other figures add up: resolved by the horizon, system down, and the sums
   * behind the mean times (acknowledged and resolved by the horizon).
   */
  incidentTally(resolved: ResolvedScope): IncidentTally[] {
    const sql = `SELECT i.category, i.priority, count(*) AS n,
        sum(i.resolved_at IS NOT NULL AND i.resolved_at < @horizon) AS resolved,
        sum(i.system_down) AS system_down,
        sum(i.acknowledged_at IS NOT NULL AND i.acknowledged_at < @horizon) AS responded,
        sum(CASE WHEN i.acknowledged_at < @horizon THEN i.acknowledged_at - i.reported_at END) AS respond_ms,
        sum(CASE WHEN i.resolved_at < @horizon THEN i.resolved_at - i.reported_at END) AS resolve_ms
      ${INCIDENTS_IN_SCOPE} GROUP BY i.category, i.priority`;
    return statement(this.db, sql).all(this.params(resolved)) as IncidentTally[];
  }

  incidentsByMonth(resolved: ResolvedScope): Map<string, number> {
    const sql = `SELECT json_extract(b.value, '$.month') AS month, count(i.id) AS n
      FROM json_each(@months) b
      LEFT JOIN (SELECT i.id, i.reported_at ${INCIDENTS_IN_SCOPE}) i
        ON i.reported_at >= json_extract(b.value, '$.start') AND i.reported_at < json_extract(b.value, '$.end')
      GROUP BY b.key ORDER BY b.key`;
    const rows = statement(this.db, sql).all({ ...this.params(resolved), months: JSON.stringify(resolved.months satisfies MonthBucket[]) }) as { month: string; n: number }[];
    return new Map(rows.map((row) => [row.month, row.n]));
  }

  /** The incidents of the scope with what their SLA timers are computed from (the policy's client, the opening facts). */
  incidentRows(resolved: ResolvedScope): SlaIncidentRow[] {
    const sql = `SELECT i.id, i.number, i.title, i.priority, i.system_down, i.reported_at, pc.id AS client_id
      ${INCIDENTS_IN_SCOPE} ORDER BY i.reported_at, i.id`;
    return statement(this.db, sql).all(this.params(resolved)) as SlaIncidentRow[];
  }

  /**
   * The history of the scope's incidents that the SLA clock reads, recorded
   * before the horizon, in time order per incident (ties in the order written).
   */
  slaEvents(resolved: ResolvedScope): Map<string, EventRow[]> {
    const sql = `SELECT e.id, e.incident_id, e.at, e.actor, e.kind, e.data FROM incident_events e
      WHERE e.incident_id IN (SELECT i.id ${INCIDENTS_IN_SCOPE}) AND e.deleted_at IS NULL AND e.at < @horizon
        AND e.kind IN (SELECT value FROM json_each(@kinds))
      ORDER BY e.incident_id, e.at, e.id`;
    const byIncident = new Map<string, EventRow[]>();
    for (const row of statement(this.db, sql).iterate({ ...this.params(resolved), kinds: JSON.stringify(SLA_EVENT_KINDS) }) as IterableIterator<EventRow>) {
      let list = byIncident.get(row.incident_id);
      if (!list) byIncident.set(row.incident_id, (list = []));
      list.push(row);
    }
    return byIncident;
  }

  /** Assets linked to the most incidents of the scope. */
  topFaultyAssets(resolved: ResolvedScope, limit: number): { assetId: string; name: string; incidents: number }[] {
    const sql = `SELECT a.id AS assetId, a.name, count(*) AS incidents
      FROM (SELECT i.id ${INCIDENTS_IN_SCOPE}) i
      JOIN incident_assets ia ON ia.incident_id = i.id
      JOIN assets a ON a.id = ia.asset_id AND a.deleted_at IS NULL
      GROUP BY a.id ORDER BY incidents DESC, a.name COLLATE NOCASE, a.id LIMIT @limit`;
    return statement(this.db, sql).all({ ...this.params(resolved), limit }) as { assetId: string; name: string; incidents: number }[];
  }

  roundTally(resolved: ResolvedScope): { done: number; in_progress: number } {
    const sql = `SELECT coalesce(sum(r.status = 'signed' AND r.signed_at < @horizon), 0) AS done,
        coalesce(sum(NOT (r.status = 'signed' AND r.signed_at < @horizon)), 0) AS in_progress
      ${ROUNDS_IN_SCOPE}`;
    return statement(this.db, sql).get(this.params(resolved)) as { done: number; in_progress: number };
  }

  /** Entries that came out warning or failed, in the rounds of the scope. */
  roundAnomalies(resolved: ResolvedScope): number {
    const sql = `SELECT count(*) AS n FROM round_entries e
      WHERE e.deleted_at IS NULL AND e.outcome IN ('warning', 'failed') AND e.round_id IN (SELECT r.id ${ROUNDS_IN_SCOPE})`;
    return (statement(this.db, sql).get(this.params(resolved)) as { n: number }).n;
  }

  /**
   * Active schedules of live, unarchived templates whose target lies in the
   * scope (a room, or some of the chosen assets) and, with an engineer,
   * assigned to them: the ones the rounds home lists.
   */
  schedules(resolved: ResolvedScope): ScheduleRow[] {
    const sql = `SELECT s.id, s.frequency, s.start_date FROM round_schedules s
      JOIN checklist_templates t ON t.id = s.template_id AND t.deleted_at IS NULL AND t.archived = 0
      WHERE s.deleted_at IS NULL AND s.active = 1
        AND (@engineer IS NULL OR s.assignee = @engineer)
        AND (@rooms IS NULL
          OR json_extract(s.target, '$.roomId') IN (SELECT value FROM json_each(@rooms))
          OR EXISTS (SELECT 1 FROM json_each(s.target, '$.assetIds') l JOIN assets a ON a.id = l.value
            WHERE ${ASSET_ROOM} IN (SELECT value FROM json_each(@rooms))))
      ORDER BY s.start_date, s.id`;
    return statement(this.db, sql).all(this.params(resolved)) as ScheduleRow[];
  }

  /** Rounds of a schedule for periods starting fromDate…toDate, as they stood at the horizon. */
  periodRounds(scheduleId: string, fromDate: string, toDate: string, horizon: number): PeriodRound[] {
    const sql = `SELECT period_start, (status = 'signed' AND signed_at < @horizon) AS signed FROM rounds
      WHERE schedule_id = @scheduleId AND period_start BETWEEN @fromDate AND @toDate AND deleted_at IS NULL AND started_at < @horizon`;
    return statement(this.db, sql).all({ scheduleId, fromDate, toDate, horizon }) as PeriodRound[];
  }

  /** Consultations answered and defects submitted in the period, by the engineer who recorded them. */
  problems(resolved: ResolvedScope): { consultations: number; defects: number } {
    const sql = `SELECT
        coalesce(sum(p.type = 'consultation' AND p.answered_at >= @from AND p.answered_at < @to), 0) AS consultations,
        coalesce(sum(p.type = 'defect' AND p.reported_at >= @from AND p.reported_at < @to), 0) AS defects
      FROM problems p
      WHERE p.deleted_at IS NULL AND (@engineer IS NULL OR p.created_by = @engineer) AND ${linkedAssetInScope('p.asset_ids')}
        AND ((p.answered_at >= @from AND p.answered_at < @to) OR (p.reported_at >= @from AND p.reported_at < @to))`;
    return statement(this.db, sql).get(this.params(resolved)) as { consultations: number; defects: number };
  }

  /** Changes created in the period, and those of them completed by the horizon. */
  changes(resolved: ResolvedScope): { created: number; implemented: number } {
    const sql = `SELECT count(*) AS created, coalesce(sum(c.status = 'completed' AND c.result_at < @horizon), 0) AS implemented
      FROM changes c
      WHERE c.deleted_at IS NULL AND c.created_at >= @from AND c.created_at < @to
        AND (@engineer IS NULL OR @engineer IN (c.created_by, c.requester, c.implementer)) AND ${linkedAssetInScope('c.asset_ids')}`;
    return statement(this.db, sql).get(this.params(resolved)) as { created: number; implemented: number };
  }

  /**
   * Reachability checks per asset in the period. A check counts when it says
   * whether the device answered: it ran (ok, warning, failed) or could not
   * reach the device (a connectivity error). A ping with no reply and a
   * connectivity error are "down"; anything else that ran means the device
   * answered. Cancelled checks and checks that broke for other reasons
   * (parse errors, missing profile) say nothing about the device.
   */
  availability(resolved: ResolvedScope): { assetId: string; name: string; checks: number; ok: number }[] {
    const sql = `SELECT a.id AS assetId, a.name, count(*) AS checks,
        sum(NOT ((c.kind = 'ping' AND c.status = 'failed') OR c.status = 'error')) AS ok
      FROM check_results c JOIN assets a ON a.id = c.asset_id AND a.deleted_at IS NULL
      WHERE c.deleted_at IS NULL AND c.started_at >= @from AND c.started_at < @to
        AND c.kind IN (SELECT value FROM json_each(@kinds))
        AND (c.status IN ('ok', 'warning', 'failed') OR (c.status = 'error' AND c.error_code IN (SELECT value FROM json_each(@down))))
        AND ${ASSET_IN_SCOPE}
      GROUP BY a.id ORDER BY CAST(ok AS REAL) / count(*), a.name COLLATE NOCASE, a.id`;
    return statement(this.db, sql).all({
      ...this.params(resolved),
      kinds: JSON.stringify(REACHABILITY_KINDS),
      down: JSON.stringify([...CONNECTIVITY_CODES]),
    }) as { assetId: string; name: string; checks: number; ok: number }[];
  }

  /** Assets in service in the scope whose warranty ends on or before the cutoff (or has ended), soonest first. */
  warrantyEndingBy(resolved: ResolvedScope, cutoff: string): { assetId: string; name: string; warrantyEnd: string }[] {
    const sql = `SELECT a.id AS assetId, a.name, a.warranty_end AS warrantyEnd FROM assets a
      WHERE a.deleted_at IS NULL AND a.status != 'retired' AND a.warranty_end IS NOT NULL AND a.warranty_end <= @cutoff AND ${ASSET_IN_SCOPE}
      ORDER BY a.warranty_end, a.name COLLATE NOCASE, a.id`;
    return statement(this.db, sql).all({ ...this.params(resolved), cutoff }) as { assetId: string; name: string; warrantyEnd: string }[];
  }

  /** Names on rounds, schedules and incidents, for the engineer filter. */
  engineers(): string[] {
    const sql = `SELECT name FROM (
        SELECT started_by AS name FROM rounds WHERE deleted_at IS NULL
        UNION SELECT assignee FROM round_schedules WHERE deleted_at IS NULL
        UNION SELECT created_by FROM incidents WHERE deleted_at IS NULL
        UNION SELECT assignee FROM incidents WHERE deleted_at IS NULL)
      WHERE trim(name) != '' ORDER BY name`;
    return (statement(this.db, sql).all() as { name: string }[]).map((row) => row.name);
  }
}
