import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentFilter } from '@shared/api/incidents.contract';
import { INCIDENT_CATEGORIES } from '@shared/domain/incidents';
import { PRIORITIES, type SlaState } from '@shared/domain/sla';
import { StatisticsScope, type ServiceStatistics, type StatisticsScopeInput } from '@shared/domain/statistics';
import { localDate, periodsFor } from '@shared/rounds/schedule-periods';
import { dayOfIsoDate, zonedInstant } from '@shared/time/zoned-time';
import { tempDataDir } from '../../electron/core/testing/fixtures';
import { DAY, openSeedStore, seedServiceData, type SeededServiceData, type SeedTarget } from '../../electron/core/statistics/testing/seed-service-data';

/*
 * Every figure of the service statistics over a seeded data set equals the
 * same figure counted here straight from the tables, with plain SQL and a
 * walk over the rows (written apart from the statistics' SQL: places are
 * resolved in JavaScript from the location tables).
 */

type Row = Record<string, unknown>;

let target: SeedTarget;
let data: SeededServiceData;

beforeAll(async () => {
  target = await openSeedStore(tempDataDir());
  data = await seedServiceData(target, { seed: 11, days: 120 });
}, 120_000);

afterAll(() => target?.store.close());

const all = (sql: string, ...params: unknown[]) => target.store.db.prepare(sql).all(...params) as Row[];

/** The client, site and room ids a record sits under, from the location tables (software: its host's room). */
function placeIndex() {
  const siteOf = new Map(all('SELECT id, client_id FROM sites').map((row) => [row['id'] as string, row['client_id'] as string]));
  const roomSite = new Map(all('SELECT id, site_id FROM rooms').map((row) => [row['id'] as string, row['site_id'] as string]));
  const assets = new Map(all('SELECT id, room_id, installed_on_id FROM assets').map((row) => [row['id'] as string, row]));
  const assetRoom = (id: string): string | null => {
    const asset = assets.get(id);
    if (!asset) return null;
    if (asset['room_id']) return asset['room_id'] as string;
    return asset['installed_on_id'] ? assetRoom(asset['installed_on_id'] as string) : null;
  };
  /** A location id and the levels above it. */
  const chain = (id: string | null): string[] => {
    if (id === null) return [];
    if (roomSite.has(id)) {
      const site = roomSite.get(id) as string;
      return [id, site, siteOf.get(site) as string];
    }
    if (siteOf.has(id)) return [id, siteOf.get(id) as string];
    return [id];
  };
  return { assetRoom, chain };
}

/** YYYY-MM of every month from one date's to another's. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  while (`${year}-${String(month).padStart(2, '0')}` <= last.slice(0, 7)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

function scopeOf(input: Partial<StatisticsScopeInput>): StatisticsScope {
  return StatisticsScope.parse({ from: data.from, to: data.now + DAY, ...input });
}

function expected(scope: StatisticsScope) {
  const { assetRoom, chain } = placeIndex();
  const horizon = Math.min(data.now, scope.to);
  const inPeriod = (at: unknown) => typeof at === 'number' && at >= scope.from && at < scope.to;
  const atLocation = (chainIds: string[]) => scope.locationId === null || chainIds.includes(scope.locationId);
  const roomInScope = (room: string | null) => scope.locationId === null || (room !== null && chain(room).includes(scope.locationId));
  const byEngineer = (...names: unknown[]) => scope.engineer === null || names.includes(scope.engineer);

  const incidents = all('SELECT * FROM incidents WHERE deleted_at IS NULL').filter((row) => {
    const assetIds = JSON.parse(row['asset_ids'] as string) as string[];
    const place = (row['location_id'] as string | null) ?? (assetIds[0] ? assetRoom(assetIds[0]) : null);
    return inPeriod(row['reported_at']) && atLocation(chain(place)) && byEngineer(row['created_by'], row['assignee']);
  });
  const count = (rows: Row[], column: string, values: readonly string[]) => Object.fromEntries(values.map((value) => [value, rows.filter((row) => row[column] === value).length]));
  const before = (column: string) => incidents.filter((row) => typeof row[column] === 'number' && (row[column] as number) < horizon);
  const mean = (rows: Row[], column: string) => (rows.length === 0 ? null : rows.reduce((sum, row) => sum + (row[column] as number) - (row['reported_at'] as number), 0) / rows.length);
  const months = new Map<string, number>();
  for (const row of incidents) {
    const month = localDate(row['reported_at'] as number, scope.timeZone).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  const resolved = before('resolved_at');

  const faults = new Map<string, number>();
  for (const row of incidents) for (const id of JSON.parse(row['asset_ids'] as string) as string[]) faults.set(id, (faults.get(id) ?? 0) + 1);
  const names = new Map(all('SELECT id, name FROM assets').map((row) => [row['id'] as string, row['name'] as string]));
  const topFaultyAssets = [...faults]
    .map(([assetId, n]) => ({ assetId, name: names.get(assetId) as string, incidents: n }))
    .sort((a, b) => b.incidents - a.incidents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.assetId < b.assetId ? -1 : 1))
    .slice(0, 10);

  const rounds = all('SELECT r.*, (SELECT count(*) FROM round_entries e WHERE e.round_id = r.id AND e.outcome IN (?, ?) AND e.deleted_at IS NULL) AS anomalies FROM rounds r WHERE r.deleted_at IS NULL', 'warning', 'failed').filter(
    (row) => inPeriod(row['started_at']) && roomInScope(row['room_id'] as string) && byEngineer(row['started_by']),
  );
  const signed = rounds.filter((row) => row['status'] === 'signed' && (row['signed_at'] as number) < horizon);
  const fromDate = localDate(scope.from, scope.timeZone);
  const lastDate = localDate(scope.to - 1, scope.timeZone);
  const today = localDate(horizon, scope.timeZone);
  let scheduled = 0;
  let overdue = 0;
  for (const schedule of all('SELECT * FROM round_schedules WHERE deleted_at IS NULL AND active = 1')) {
    const room = (JSON.parse(schedule['target'] as string) as { roomId: string }).roomId;
    if (!roomInScope(room) || !byEngineer(schedule['assignee'])) continue;
    const periods = periodsFor({ frequency: schedule['frequency'] as 'daily', startDate: schedule['start_date'] as string }, fromDate, lastDate).filter((period) => period.start >= fromDate);
    scheduled += periods.length;
    for (const period of periods) {
      const started = all('SELECT id FROM rounds WHERE schedule_id = ? AND period_start = ? AND started_at < ? AND deleted_at IS NULL', schedule['id'], period.start, horizon);
      if (started.length === 0 && period.end < today) overdue += 1;
    }
  }

  const liveAssets = all("SELECT * FROM assets WHERE deleted_at IS NULL AND status != 'retired'").filter((row) => roomInScope(assetRoom(row['id'] as string)));
  const hardware = liveAssets.filter((row) => !['os', 'database', 'middleware', 'application'].includes(row['type'] as string));
  const linkedInScope = (row: Row) => scope.locationId === null || (JSON.parse(row['asset_ids'] as string) as string[]).some((id) => roomInScope(assetRoom(id)));
  const problems = all('SELECT * FROM problems WHERE deleted_at IS NULL').filter((row) => linkedInScope(row) && byEngineer(row['created_by']));
  const changes = all('SELECT * FROM changes WHERE deleted_at IS NULL').filter((row) => linkedInScope(row) && inPeriod(row['created_at']) && byEngineer(row['created_by'], row['requester'], row['implementer']));

  const checks = new Map<string, { checks: number; ok: number }>();
  for (const row of all("SELECT * FROM check_results WHERE deleted_at IS NULL AND kind IN ('ping', 'tcp', 'snmp', 'ssh') AND status != 'cancelled'")) {
    const asset = row['asset_id'] as string;
    if (!inPeriod(row['started_at']) || !roomInScope(assetRoom(asset))) continue;
    const down = (row['kind'] === 'ping' && row['status'] === 'failed') || row['status'] === 'error';
    const tally = checks.get(asset) ?? { checks: 0, ok: 0 };
    checks.set(asset, { checks: tally.checks + 1, ok: tally.ok + (down ? 0 : 1) });
  }

  return {
    devicesCovered: hardware.length,
    rounds: {
      scheduled,
      done: signed.length,
      overdue,
      inProgress: rounds.length - signed.length,
      anomalies: rounds.reduce((sum, row) => sum + (row['anomalies'] as number), 0),
    },
    incidents: {
      total: incidents.length,
      byCategory: count(incidents, 'category', INCIDENT_CATEGORIES),
      byPriority: count(incidents, 'priority', PRIORITIES),
      byMonth: monthsBetween(fromDate, lastDate).map((month) => ({ month, count: months.get(month) ?? 0 })),
      open: incidents.length - resolved.length,
      resolved: resolved.length,
      systemDown: incidents.filter((row) => row['system_down'] === 1).length,
      meanTimeToRespondMs: mean(before('acknowledged_at'), 'acknowledged_at'),
      meanTimeToResolveMs: mean(resolved, 'resolved_at'),
    },
    consultations: problems.filter((row) => row['type'] === 'consultation' && inPeriod(row['answered_at'])).length,
    problems: problems.filter((row) => row['type'] === 'defect' && inPeriod(row['reported_at'])).length,
    changes: changes.length,
    changesImplemented: changes.filter((row) => row['status'] === 'completed' && (row['result_at'] as number) < horizon).length,
    availability: Object.fromEntries([...checks].map(([asset, tally]) => [asset, { ...tally, availability: tally.ok / tally.checks }])),
    topFaultyAssets,
    warranty: liveAssets.filter((row) => row['warranty_end'] !== null).map((row) => row['warranty_end'] as string),
  };
}

/** SLA timers as the incident list shows them (now), for the incidents of the scope. */
function listedTimers(scope: StatisticsScope): { met: number; breached: number } {
  const { rows } = data.services.incidents.incidents.list({
    filter: IncidentFilter.parse(scope.locationId === null ? {} : { locationId: scope.locationId }),
    sort: { by: 'reportedAt', direction: 'desc' },
    offset: 0,
    limit: 100_000,
  });
  const states = rows
    .filter((incident) => incident.reportedAt >= scope.from && incident.reportedAt < scope.to)
    .filter((incident) => scope.engineer === null || incident.createdBy === scope.engineer || incident.assignee === scope.engineer)
    .flatMap((incident) => incident.sla.timers.map((timer) => timer.state));
  const n = (wanted: SlaState[]) => states.filter((state) => wanted.includes(state)).length;
  return { met: n(['met']), breached: n(['missed', 'breached']) };
}

function assertFigures(stats: ServiceStatistics, scope: StatisticsScope) {
  const want = expected(scope);
  expect(stats.devicesCovered).toBe(want.devicesCovered);
  expect(stats.rounds).toEqual(want.rounds);
  expect(stats.incidents).toEqual(want.incidents);
  expect({ consultations: stats.consultations, problems: stats.problems, changes: stats.changes, changesImplemented: stats.changesImplemented }).toEqual({
    consultations: want.consultations,
    problems: want.problems,
    changes: want.changes,
    changesImplemented: want.changesImplemented,
  });
  expect(Object.fromEntries(stats.availability.map(({ assetId, checks, ok, availability }) => [assetId, { checks, ok, availability }]))).toEqual(want.availability);
  expect(stats.topFaultyAssets).toEqual(want.topFaultyAssets);
  const cutoff = localDate(Math.min(data.now, scope.to) + 90 * DAY);
  expect(stats.warrantyEndingSoon.map((asset) => asset.warrantyEnd)).toEqual(want.warranty.filter((end) => end <= cutoff).sort());
  return want;
}

describe('service statistics over seeded data', () => {
  it('seeds every kind of record and state', () => {
    const counts = all(`SELECT
        (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM rounds) AS rounds,
        (SELECT count(*) FROM rounds WHERE status = 'signed') AS signed, (SELECT count(*) FROM rounds WHERE status != 'signed') AS open,
        (SELECT count(*) FROM problems WHERE type = 'consultation') AS consultations, (SELECT count(*) FROM problems WHERE type = 'defect') AS defects,
        (SELECT count(*) FROM changes) AS changes, (SELECT count(*) FROM check_results) AS checks,
        (SELECT count(DISTINCT started_by) FROM rounds) AS engineers`)[0];
    expect(counts).toMatchObject({ incidents: 120, rounds: 60, changes: 12, checks: 400, engineers: 3 });
    expect(counts?.['signed']).toBeGreaterThan(0);
    expect(counts?.['open']).toBeGreaterThan(0);
    expect(counts?.['consultations']).toBeGreaterThan(0);
    expect(counts?.['defects']).toBeGreaterThan(0);
    const worst = new Set(data.services.incidents.incidents.list({ filter: IncidentFilter.parse({}), sort: { by: 'reportedAt', direction: 'desc' }, offset: 0, limit: 1000 }).rows.flatMap((i) => i.sla.timers.map((t) => t.state)));
    for (const state of ['met', 'missed', 'breached', 'at-risk', 'paused', 'on-track'] as const) expect(worst, state).toContain(state);
  });

  it('equals direct counts for everything, a client, a site, a room, the other client and an engineer', () => {
    const scopes = [
      scopeOf({}),
      scopeOf({ locationId: data.client.id }),
      scopeOf({ locationId: data.sites[1]?.id }),
      scopeOf({ locationId: data.rooms[0]?.id }),
      scopeOf({ locationId: data.otherClient.id }),
      scopeOf({ engineer: data.engineers[1] }),
      scopeOf({ locationId: data.client.id, engineer: data.engineers[2] }),
    ];
    const totals = scopes.map((scope) => {
      const stats = data.services.statistics.statistics.compute(scope);
      const want = assertFigures(stats, scope);
      // The SLA figures are the incident list's own timers (the horizon is now).
      const listed = listedTimers(scope);
      expect({ met: stats.sla.met, breached: stats.sla.breached, measured: stats.sla.measured }).toEqual({ ...listed, measured: listed.met + listed.breached });
      expect(stats.sla.breaches).toHaveLength(listed.breached);
      expect(stats.sla.compliance).toBe(listed.met + listed.breached === 0 ? null : listed.met / (listed.met + listed.breached));
      return want.incidents.total;
    });
    // The scopes really differ: a filter that matched everything would prove nothing.
    expect(totals[1]).toBeLessThan(totals[0] as number);
    expect(totals[3]).toBeLessThan(totals[2] as number);
    expect((totals[1] as number) + (totals[4] as number)).toBe(totals[0]);
  });

  it('equals direct counts for a finished month, as it stood at the month’s end', () => {
    const month = localDate(data.now - 35 * DAY, data.timeZone).slice(0, 7);
    const from = zonedInstant(dayOfIsoDate(`${month}-01`), 0, data.timeZone);
    const next = localDate(from + 32 * DAY, data.timeZone).slice(0, 7);
    const scope = scopeOf({ from, to: zonedInstant(dayOfIsoDate(`${next}-01`), 0, data.timeZone), locationId: data.client.id });
    const stats = data.services.statistics.statistics.compute(scope);
    const want = assertFigures(stats, scope);
    expect(want.incidents.total).toBeGreaterThan(0);
    expect(want.rounds.scheduled).toBeGreaterThan(0);
    expect(stats.incidents.byMonth).toEqual([{ month, count: want.incidents.total }]);
  });
});
