import { describe, expect, it } from 'vitest';
import { parseHlc } from '@shared/hlc';
import { AppError } from '@shared/errors';
import { manualClock, memoryDatabase, TEST_ACTOR } from '../testing/fixtures';
import { WritePath } from './write-path';

function setup() {
  const db = memoryDatabase();
  const clock = manualClock();
  const writePath = new WritePath(db, () => ({ actor: TEST_ACTOR, deviceId: 'device-a', now: clock.now }));
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { db, clock, writePath, count };
}

const CLIENT_ID = '0193a1b2-0000-7000-8000-000000000001';

describe('WritePath', () => {
  it('writes the row, one outbox entry and one audit line together', () => {
    const { db, writePath, count } = setup();
    writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: '市人民医院' } }]);
    expect(db.prepare('SELECT name, deleted_at FROM clients WHERE id = ?').get(CLIENT_ID)).toEqual({ name: '市人民医院', deleted_at: null });
    const outbox = db.prepare('SELECT * FROM outbox').all() as Record<string, unknown>[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'client', entity_id: CLIENT_ID, op: 'insert' });
    expect(JSON.parse(outbox[0]?.['fields'] as string)).toMatchObject({ name: '市人民医院' });
    const audit = db.prepare('SELECT * FROM audit_log').get() as Record<string, unknown>;
    expect(audit).toMatchObject({ actor_name: '张工', actor_role: 'engineer', entity: 'client', action: 'create' });
    expect(JSON.parse(audit['changes'] as string)).toEqual({ name: [null, '市人民医院'] });
    expect(count('outbox')).toBe(1);
  });

  it('leaves neither row nor outbox entry nor audit line when the transaction fails midway', () => {
    const { writePath, count } = setup();
    const siteId = '0193a1b2-0000-7000-8000-000000000002';
    // The second mutation breaks the foreign key after the first one was applied.
    expect(() =>
      writePath.write([
        { entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A' } },
        { entity: 'site', op: 'insert', id: siteId, fields: { clientId: 'no-such-client', name: 'B' } },
      ]),
    ).toThrow(/FOREIGN KEY/);
    expect([count('clients'), count('sites'), count('outbox'), count('audit_log')]).toEqual([0, 0, 0, 0]);
  });

  it('rolls back when a check inside the transaction throws, and forgets the clock it advanced', () => {
    const { db, writePath, count } = setup();
    expect(() =>
      writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A' } }], () => {
        throw new AppError('locations.duplicate-name', 'taken');
      }),
    ).toThrow(AppError);
    expect([count('clients'), count('outbox'), count('audit_log')]).toEqual([0, 0, 0]);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'hlc.last'").get()).toBeUndefined();
  });

  it('records only changed fields on update, and tombstones on delete', () => {
    const { db, writePath, clock } = setup();
    writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A' } }]);
    clock.advance(1000);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT_ID, fields: { name: 'A' } }]);
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(1);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT_ID, fields: { name: 'B' } }]);
    clock.advance(1000);
    writePath.write([{ entity: 'client', op: 'delete', id: CLIENT_ID }]);
    const ops = db.prepare('SELECT op, fields FROM outbox ORDER BY seq').all() as { op: string; fields: string }[];
    expect(ops.map((o) => o.op)).toEqual(['insert', 'update', 'delete']);
    expect(JSON.parse(ops[1]?.fields as string)).toEqual({ name: 'B', updatedAt: clock.now() - 1000 });
    expect(JSON.parse(ops[2]?.fields as string)).toEqual({ deletedAt: clock.now(), updatedAt: clock.now() });
    expect(db.prepare('SELECT deleted_at FROM clients').get()).toEqual({ deleted_at: clock.now() });
  });

  it('stamps outbox entries with a clock that keeps increasing even when the wall clock goes back', () => {
    const { db, writePath, clock } = setup();
    writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A' } }]);
    clock.advance(-60_000);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT_ID, fields: { name: 'B' } }]);
    const stamps = (db.prepare('SELECT hlc FROM outbox ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);
    expect(stamps[1]! > stamps[0]!).toBe(true);
    expect(parseHlc(stamps[1]!).node).toBe('device-a');
    // A new write path over the same file continues from the stored clock.
    const again = new WritePath(db, () => ({ actor: TEST_ACTOR, deviceId: 'device-a', now: clock.now }));
    again.write([{ entity: 'client', op: 'update', id: CLIENT_ID, fields: { name: 'C' } }]);
    const last = (db.prepare('SELECT hlc FROM outbox ORDER BY seq DESC').get() as { hlc: string }).hlc;
    expect(last > stamps[1]!).toBe(true);
  });

  it('never reuses an outbox sequence number after entries are removed', () => {
    const { db, writePath } = setup();
    writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A' } }]);
    writePath.removeAcknowledged(1);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT_ID, fields: { name: 'B' } }]);
    expect(db.prepare('SELECT seq FROM outbox').all()).toEqual([{ seq: 2 }]);
  });

  it('keeps the clock moving forward after acknowledged entries leave the outbox', () => {
    const { db, writePath, clock } = setup();
    writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A' } }]);
    const sent = (db.prepare('SELECT hlc FROM outbox').get() as { hlc: string }).hlc;
    writePath.removeAcknowledged(1);
    clock.advance(-3_600_000);
    const restarted = new WritePath(db, () => ({ actor: TEST_ACTOR, deviceId: 'device-a', now: clock.now }));
    restarted.write([{ entity: 'client', op: 'update', id: CLIENT_ID, fields: { name: 'B' } }]);
    expect((db.prepare('SELECT hlc FROM outbox').get() as { hlc: string }).hlc > sent).toBe(true);
  });

  it('refuses fields the entity does not declare', () => {
    const { writePath, count } = setup();
    expect(() => writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: 'A', deleted_at: 1 } }])).toThrow(/no writable field/);
    expect(count('clients')).toBe(0);
  });

  it('keeps bulky evidence out of the audit line but not out of the outbox', () => {
    const { db, writePath } = setup();
    const raw = 'display version\n'.repeat(1000);
    writePath.write([
      {
        entity: 'checkResult',
        op: 'insert',
        id: '0193a1b2-0000-7000-8000-0000000000e1',
        fields: {
          runId: null, assetId: null, target: 'captured', kind: 'captured', profileId: 'huawei-vrp', step: 'version', method: 'pasted',
          rawOutput: raw, parsed: { version: 'V200R019' }, metrics: {}, status: 'ok', errorCode: null, errorMessage: null,
          durationMs: 1, startedAt: 1, finishedAt: 2,
        },
      },
    ]);
    const audit = JSON.parse((db.prepare('SELECT changes FROM audit_log').get() as { changes: string }).changes) as Record<string, unknown>;
    expect(Object.keys(audit)).toContain('status');
    expect(Object.keys(audit)).not.toContain('rawOutput');
    expect(JSON.parse((db.prepare('SELECT fields FROM outbox').get() as { fields: string }).fields).rawOutput).toBe(raw);
  });
});
