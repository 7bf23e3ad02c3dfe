import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, RECORD_KINDS, RecordsFilter, type RecordKind, type RecordsFilterInput } from '@shared/domain/records';
import type { Db } from '../store/database';
import { DAY, openSeedStore, seedServiceData, type SeededServiceData, type SeedTarget } from '../statistics/testing/seed-service-data';
import type { RecordsService } from './records.service';

let dir: string;
let target: SeedTarget;
let seeded: SeededServiceData;
let db: Db;
let records: RecordsService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'walkdown-records-'));
  target = await openSeedStore(dir);
  seeded = await seedServiceData(target, { days: 120 });
  db = target.store.db;
  records = seeded.services.records.records;
}, 120_000);

afterAll(() => {
  target?.store.close();
  rmSync(dir, { recursive: true, force: true });
});

function filter(kind: RecordKind, extra: Partial<RecordsFilterInput> = {}): RecordsFilter {
  return RecordsFilter.parse({ kind, from: seeded.from - DAY, to: seeded.now + DAY, timeZone: seeded.timeZone, ...extra });
}

function sqlCount(sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** The last 30 days of the seed: a period that leaves records out on both kinds of boundary. */
function lastMonth(): { from: number; to: number } {
  return { from: seeded.now - 30 * DAY, to: seeded.now };
}

const TABLE: Record<RecordKind, { table: string; period: string }> = {
  incidents: { table: 'incidents', period: 'reported_at' },
  rounds: { table: 'rounds', period: 'started_at' },
  problems: { table: 'problems', period: 'reported_at' },
  changes: { table: 'changes', period: 'created_at' },
  checkResults: { table: 'check_results', period: 'started_at' },
};

/** Rooms of the seeded main client, and every location id at or below it. */
function clientRooms(): string[] {
  return seeded.sites.flatMap((site) => site.rooms.map((room) => room.id));
}

describe('records filters agree with direct SQL counts on the seeded data', () => {
  it.each(RECORD_KINDS)('%s: the period', (kind) => {
    const { from, to } = lastMonth();
    const { table, period } = TABLE[kind];
    const expected = sqlCount(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL AND ${period} >= ? AND ${period} < ?`, from, to);
    expect(expected).toBeGreaterThan(0);
    expect(records.count(filter(kind, { from, to }))).toBe(expected);
    const all = sqlCount(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`);
    expect(records.count(filter(kind))).toBe(all);
  });

  it('incidents: the client (its whole subtree), a site, a room', () => {
    const rooms = clientRooms();
    // Incidents carry their place (location) or else take their first device's room.
    const placeRoom = `coalesce(
      (SELECT r.id FROM rooms r WHERE r.id = i.location_id),
      (SELECT a.room_id FROM assets a WHERE i.location_id IS NULL AND a.id = json_extract(i.asset_ids, '$[0]')))`;
    const inRooms = (ids: string[]) =>
      sqlCount(
        `SELECT count(*) AS n FROM incidents i WHERE i.deleted_at IS NULL AND (${placeRoom} IN (SELECT value FROM json_each(?))
          OR i.location_id IN (SELECT s.id FROM sites s JOIN rooms r ON r.site_id = s.id WHERE r.id IN (SELECT value FROM json_each(?)))
          OR i.location_id IN (SELECT s.client_id FROM sites s JOIN rooms r ON r.site_id = s.id WHERE r.id IN (SELECT value FROM json_each(?))))`,
        JSON.stringify(ids),
        JSON.stringify(ids),
        JSON.stringify(ids),
      );
    const clientCount = records.count(filter('incidents', { locationId: seeded.client.id }));
    expect(clientCount).toBeGreaterThan(0);
    expect(clientCount).toBe(inRooms(rooms));
    const otherCount = records.count(filter('incidents', { locationId: seeded.otherClient.id }));
    expect(otherCount).toBeGreaterThan(0);
    expect(clientCount + otherCount).toBe(records.count(filter('incidents')));
    const room = seeded.rooms[0]!;
    const roomCount = records.count(filter('incidents', { locationId: room.id }));
    expect(roomCount).toBe(sqlCount(`SELECT count(*) AS n FROM incidents i WHERE i.deleted_at IS NULL AND ${placeRoom} = ?`, room.id));
    const site = seeded.sites[0]!;
    const siteCount = records.count(filter('incidents', { locationId: site.id }));
    expect(siteCount).toBe(site.rooms.reduce((sum, r) => sum + records.count(filter('incidents', { locationId: r.id })), 0) + sqlCount('SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND location_id = ?', site.id));
  });

  it('rounds, check results: the client subtree by room', () => {
    const rooms = JSON.stringify(clientRooms());
    expect(records.count(filter('rounds', { locationId: seeded.client.id }))).toBe(
      sqlCount(
        `SELECT count(*) AS n FROM rounds r WHERE r.deleted_at IS NULL AND coalesce(r.room_id, (SELECT a.room_id FROM assets a WHERE a.id = json_extract(r.assets, '$[0].id'))) IN (SELECT value FROM json_each(?))`,
        rooms,
      ),
    );
    const checks = records.count(filter('checkResults', { locationId: seeded.client.id }));
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBe(
      sqlCount(`SELECT count(*) AS n FROM check_results k JOIN assets a ON a.id = k.asset_id WHERE k.deleted_at IS NULL AND a.room_id IN (SELECT value FROM json_each(?))`, rooms),
    );
    expect(records.count(filter('rounds', { locationId: seeded.otherRoom.id }))).toBe(sqlCount('SELECT count(*) AS n FROM rounds WHERE deleted_at IS NULL AND room_id = ?', seeded.otherRoom.id));
  });

  it('problems and changes: where any of their devices is', () => {
    const rooms = JSON.stringify(clientRooms());
    for (const [kind, table] of [['problems', 'problems'], ['changes', 'changes']] as const) {
      const expected = sqlCount(
        `SELECT count(*) AS n FROM ${table} t WHERE t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(t.asset_ids) j JOIN assets a ON a.id = j.value WHERE a.room_id IN (SELECT value FROM json_each(?)))`,
        rooms,
      );
      expect(records.count(filter(kind, { locationId: seeded.client.id }))).toBe(expected);
    }
  });

  it('the engineer', () => {
    const name = seeded.engineers[1]!;
    expect(records.count(filter('incidents', { engineer: name }))).toBe(sqlCount('SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND (assignee = ? OR created_by = ?)', name, name));
    const rounds = records.count(filter('rounds', { engineer: name }));
    expect(rounds).toBeGreaterThan(0);
    expect(rounds).toBe(sqlCount('SELECT count(*) AS n FROM rounds WHERE deleted_at IS NULL AND (started_by = ? OR signed_by = ?)', name, name));
    expect(records.count(filter('problems', { engineer: name }))).toBe(sqlCount('SELECT count(*) AS n FROM problems WHERE deleted_at IS NULL AND created_by = ?', name));
    expect(records.count(filter('changes', { engineer: name }))).toBe(
      sqlCount('SELECT count(*) AS n FROM changes WHERE deleted_at IS NULL AND (requester = ? OR implementer = ? OR created_by = ?)', name, name, name),
    );
    expect(records.count(filter('incidents', { engineer: 'nobody' }))).toBe(0);
  });

  it('category, priority and status', () => {
    const hardware = records.count(filter('incidents', { categories: ['hardware', 'network'] }));
    expect(hardware).toBeGreaterThan(0);
    expect(hardware).toBe(sqlCount(`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND category IN ('hardware', 'network')`));
    expect(records.count(filter('incidents', { priorities: ['P1'] }))).toBe(sqlCount(`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND priority = 'P1'`));
    expect(records.count(filter('incidents', { statuses: ['resolved', 'closed'] }))).toBe(sqlCount(`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND status IN ('resolved', 'closed')`));
    expect(records.count(filter('problems', { categories: ['consultation'] }))).toBe(sqlCount(`SELECT count(*) AS n FROM problems WHERE deleted_at IS NULL AND type = 'consultation'`));
    expect(records.count(filter('rounds', { statuses: ['signed'] }))).toBe(sqlCount(`SELECT count(*) AS n FROM rounds WHERE deleted_at IS NULL AND status = 'signed'`));
    expect(records.count(filter('changes', { statuses: ['completed'] }))).toBe(sqlCount(`SELECT count(*) AS n FROM changes WHERE deleted_at IS NULL AND status = 'completed'`));
    expect(records.count(filter('checkResults', { statuses: ['failed'] }))).toBe(sqlCount(`SELECT count(*) AS n FROM check_results WHERE deleted_at IS NULL AND status = 'failed'`));
    // Filters combine with AND.
    expect(records.count(filter('incidents', { categories: ['hardware'], priorities: ['P2'], engineer: seeded.engineers[0]! }))).toBe(
      sqlCount(`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND category = 'hardware' AND priority = 'P2' AND (assignee = ? OR created_by = ?)`, seeded.engineers[0], seeded.engineers[0]),
    );
  });

  it('the SLA state: the same incidents as the incident list finds', () => {
    const incidents = seeded.services.incidents.incidents;
    for (const states of [['breached', 'missed'], ['met'], ['on-track', 'at-risk', 'paused']] as const) {
      const mine = records.count(filter('incidents', { slaStates: [...states] }));
      const theirs = incidents.list({
        filter: { search: '', statuses: [], priorities: [], categories: [], slaStates: [...states], openOnly: false },
        sort: { by: 'reportedAt', direction: 'desc' },
        offset: 0,
        limit: 1,
      }).total;
      expect(mine).toBe(theirs);
      expect(mine).toBeGreaterThan(0);
    }
    const page = records.list({ filter: filter('incidents', { slaStates: ['met'] }), sort: { by: '', direction: 'desc' }, after: null, limit: 5 });
    expect(page.rows.map((row) => row.values['slaState'])).toEqual(['met', 'met', 'met', 'met', 'met']);
  });

  it('free text finds incidents by a two-character Chinese word', () => {
    expect(records.count(filter('incidents', { search: '故障' }))).toBeGreaterThan(0);
    expect(records.count(filter('incidents', { search: '故障' }))).toBe(sqlCount(`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL AND (title LIKE '%故障%' OR description LIKE '%故障%' OR number LIKE '%故障%' OR reporter_name LIKE '%故障%' OR assignee LIKE '%故障%')`));
  });
});

describe('records pages', () => {
  it('keyset pages walk every row once, in the order of one big page', () => {
    for (const sort of [{ by: '', direction: 'desc' as const }, { by: 'title', direction: 'asc' as const }, { by: 'resolvedAt', direction: 'asc' as const }]) {
      const all = records.list({ filter: filter('incidents'), sort, after: null, limit: 1000 });
      const walked: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = records.list({ filter: filter('incidents'), sort, after, limit: 17 });
        walked.push(...page.rows.map((row) => row.id));
        after = page.nextCursor;
        pages += 1;
      } while (after !== null && pages < 100);
      expect(walked).toEqual(all.rows.map((row) => row.id));
      expect(walked).toHaveLength(all.total);
    }
  });

  it('pages through SLA-filtered incidents too', () => {
    const f = filter('incidents', { slaStates: ['met'] });
    const total = records.count(f);
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page = records.list({ filter: f, sort: { by: '', direction: 'desc' }, after, limit: 9 });
      walked.push(...page.rows.map((row) => row.id));
      after = page.nextCursor;
    } while (after !== null);
    expect(new Set(walked).size).toBe(total);
  });

  it('rows carry every declared column and a link to the record', () => {
    for (const kind of RECORD_KINDS) {
      const page = records.list({ filter: filter(kind), sort: { by: '', direction: 'desc' }, after: null, limit: 3 });
      expect(page.rows.length).toBeGreaterThan(0);
      for (const row of page.rows) {
        expect(Object.keys(row.values).sort()).toEqual(RECORD_COLUMNS[kind].map((column) => column.key).sort());
        for (const column of RECORD_COLUMNS[kind]) {
          const value = row.values[column.key];
          if (value !== null && column.type !== 'text') expect(typeof value).toBe('number');
        }
      }
      const link = page.rows[0]!.link;
      expect(link?.id).toBeTruthy();
    }
    const incident = records.list({ filter: filter('incidents'), sort: { by: '', direction: 'desc' }, after: null, limit: 1 }).rows[0]!;
    const direct = db.prepare('SELECT number, reported_at FROM incidents WHERE id = ?').get(incident.id) as { number: string; reported_at: number };
    expect(incident.values['number']).toBe(direct.number);
    expect(incident.values['reportedAt']).toBe(direct.reported_at);
    expect(incident.link).toEqual({ kind: 'incident', id: incident.id });
  });

  it('refuses codes a kind does not have, an unsortable column and a forged cursor', () => {
    expect(() => records.count(filter('incidents', { statuses: ['signed'] }))).toThrow(expect.objectContaining({ code: 'records.invalid-filter' }));
    expect(() => records.count(filter('rounds', { categories: ['hardware'] }))).toThrow(expect.objectContaining({ code: 'records.invalid-filter' }));
    expect(() => records.list({ filter: filter('incidents'), sort: { by: 'slaState', direction: 'asc' }, after: null, limit: 5 })).toThrow(
      expect.objectContaining({ code: 'records.invalid-filter' }),
    );
    expect(() => records.list({ filter: filter('incidents'), sort: { by: '', direction: 'asc' }, after: 'not-a-cursor', limit: 5 })).toThrow(
      expect.objectContaining({ code: 'records.invalid-filter' }),
    );
  });

  it('lists the engineers named on records', () => {
    expect(records.engineers()).toEqual(expect.arrayContaining([...seeded.engineers]));
  });
});
