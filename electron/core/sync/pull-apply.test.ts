import { describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/hlc';
import type { Change } from '@shared/sync/messages';
import { manualClock, memoryDatabase, TEST_ACTOR } from '../testing/fixtures';
import { WritePath } from '../store/write-path';
import { applyPullPage, retryParked, type PullApplyContext } from './pull-apply';
import { acknowledgeOutbox } from './push-outbox';

const ME = '0193a1b2-aaaa-7000-8000-00000000000a';
const OTHER = '0193a1b2-bbbb-7000-8000-00000000000b';
const CLIENT = '0193a1b2-0000-7000-8000-000000000001';
const SITE = '0193a1b2-0000-7000-8000-000000000002';

function setup() {
  const db = memoryDatabase();
  const clock = manualClock();
  const writePath = new WritePath(db, () => ({ actor: TEST_ACTOR, deviceId: ME, now: clock.now }));
  const context: PullApplyContext = { db, writePath, deviceId: ME, now: clock.now, hasBlob: () => false };
  let serverSeq = 0;
  const change = (entity: string, id: string, op: Change['op'], fields: Record<string, unknown>, hlc: string, origin: string | null = OTHER): Change => ({
    serverSeq: ++serverSeq,
    entity,
    id,
    op,
    fields: fields as Change['fields'],
    hlc,
    originDeviceId: origin,
  });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const state = () => db.prepare('SELECT cursor, cursor_clock FROM sync_state').get() as { cursor: number; cursor_clock: string | null };
  const clientName = () => (db.prepare('SELECT name FROM clients WHERE id = ?').get(CLIENT) as { name: string } | undefined)?.name;
  const conflicts = () =>
    (db.prepare('SELECT origin, entity, entity_id, fields FROM sync_conflicts ORDER BY detected_at').all() as { origin: string; entity: string; entity_id: string; fields: string }[]).map(
      (row) => ({ ...row, fields: JSON.parse(row.fields) as Record<string, { winner: { value: unknown; hlc: string }; loser: { value: unknown; hlc: string } }> }),
    );
  return { db, clock, writePath, context, change, count, state, clientName, conflicts };
}

/** A stamp `ms` after the test clock's start: later stamps compare greater, as the server compares them. */
const at = (ms: number, node = OTHER) => formatHlc({ wallMs: Date.UTC(2026, 10, 27, 9, 0, 0) + ms, counter: 0, node });

describe('applying a pulled page', () => {
  it('inserts records made elsewhere with an audit line and no outbox entry, and stores the cursor and a clock past every stamp', () => {
    const { db, context, change, count, state, clientName } = setup();
    const outcome = applyPullPage(context, {
      changes: [change('client', CLIENT, 'insert', { name: '市人民医院', createdAt: 5, updatedAt: 6 }, at(60_000))],
      cursor: 17,
    });

    expect(outcome).toMatchObject({ applied: 1, parked: 0, conflicts: 0 });
    expect([...outcome.entities]).toEqual(['client']);
    expect(clientName()).toBe('市人民医院');
    expect(db.prepare('SELECT created_at, updated_at, deleted_at FROM clients').get()).toEqual({ created_at: 5, updated_at: 6, deleted_at: null });
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(0);
    expect(db.prepare('SELECT actor_name, actor_role, entity, action FROM audit_log').all()).toEqual([
      { actor_name: `sync:${OTHER}`, actor_role: 'sync', entity: 'client', action: 'create' },
    ]);
    const { cursor, cursor_clock } = state();
    expect(cursor).toBe(17);
    // The local clock moved past the pulled stamp (60 s ahead of this laptop) and is saved.
    expect(cursor_clock && cursor_clock > at(60_000, ME)).toBe(true);
    expect(JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'hlc.last'").get() as { value: string }).value)).toBe(cursor_clock);
  });

  it('takes the later createdAt of a record both sides inserted under the same id, like every other field', () => {
    const { db, context, change } = setup();
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: '市人民医院', createdAt: 5, updatedAt: 5 }, at(1_000))], cursor: 1 });
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: '市人民医院', createdAt: 9, updatedAt: 9 }, at(2_000))], cursor: 2 });
    expect(db.prepare('SELECT created_at, updated_at FROM clients WHERE id = ?').get(CLIENT)).toEqual({ created_at: 9, updated_at: 9 });
  });

  it('keeps, field by field, whichever value has the later stamp, against the stamps of acknowledged local edits', () => {
    const { context, change, writePath, clock, db, clientName } = setup();
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0))], cursor: 1 });
    clock.advance(10_000);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT, fields: { name: 'mine at 10 s' } }]);
    acknowledgeOutbox({ db, writePath, now: clock.now }, 1_000);

    // Older than the local edit (it reached the server first, but was stamped before): it loses here too.
    applyPullPage(context, { changes: [change('client', CLIENT, 'update', { name: 'theirs at 5 s', updatedAt: 5 }, at(5_000))], cursor: 2 });
    expect(clientName()).toBe('mine at 10 s');
    // Newer: it wins.
    applyPullPage(context, { changes: [change('client', CLIENT, 'update', { name: 'theirs at 20 s', updatedAt: 20 }, at(20_000))], cursor: 3 });
    expect(clientName()).toBe('theirs at 20 s');
    // No unpushed edit was involved: nothing to log.
    expect(db.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });
  });

  it('counts unpushed edits as local values: the later stamp wins, and both cases go to the conflict log', () => {
    const { context, change, writePath, clock, db, clientName, conflicts, count } = setup();
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0))], cursor: 1 });
    clock.advance(10_000);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT, fields: { name: 'mine' } }]);
    const mine = (db.prepare('SELECT hlc FROM outbox').get() as { hlc: string }).hlc;

    // Concurrent and older: the unpushed edit stays.
    const first = applyPullPage(context, { changes: [change('client', CLIENT, 'update', { name: 'theirs, older' }, at(5_000))], cursor: 2 });
    expect(first.conflicts).toBe(1);
    expect(clientName()).toBe('mine');
    // Concurrent and newer: it wins, the unpushed edit is the loser (still in the outbox: the server logs the same conflict when it arrives).
    applyPullPage(context, { changes: [change('client', CLIENT, 'update', { name: 'theirs, newer' }, at(20_000))], cursor: 3 });
    expect(clientName()).toBe('theirs, newer');
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(1);

    const logged = conflicts();
    expect(logged.map((c) => [c.origin, c.entity, c.entity_id])).toEqual([
      ['local', 'client', CLIENT],
      ['local', 'client', CLIENT],
    ]);
    expect(logged[0]?.fields.name).toMatchObject({ winner: { value: 'mine', hlc: mine }, loser: { value: 'theirs, older', hlc: at(5_000) } });
    expect(logged[1]?.fields.name).toMatchObject({ winner: { value: 'theirs, newer', hlc: at(20_000) }, loser: { value: 'mine', hlc: mine } });

    // The same value from both sides is no conflict; a page pulled again logs nothing twice.
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT, fields: { name: 'same' } }]);
    const same = applyPullPage(context, { changes: [change('client', CLIENT, 'update', { name: 'same' }, at(30_000))], cursor: 4 });
    expect(same.conflicts).toBe(0);
  });

  it('never logs a conflict for append-only records or bookkeeping fields', () => {
    const { context, change, writePath, db } = setup();
    const resultId = '0193a1b2-0000-7000-8000-0000000000c1';
    writePath.write([
      {
        entity: 'checkResult',
        op: 'insert',
        id: resultId,
        fields: { runId: null, assetId: null, target: '10.0.0.1', kind: 'ping', profileId: 'ping', step: 'ping', method: null, rawOutput: '', parsed: null, metrics: {}, units: {}, status: 'ok', errorCode: null, errorMessage: null, durationMs: 3, startedAt: 1, finishedAt: 2 },
      },
    ]);
    writePath.write([{ entity: 'checkResult', op: 'delete', id: resultId }]);
    const outcome = applyPullPage(context, { changes: [change('checkResult', resultId, 'restore', { deletedAt: null, updatedAt: 99 }, at(60_000))], cursor: 1 });
    expect(outcome.conflicts).toBe(0);
    expect(db.prepare('SELECT deleted_at FROM check_results').get()).toEqual({ deleted_at: null });
  });

  it('applies tombstones and restores as field changes', () => {
    const { context, change, db } = setup();
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0))], cursor: 1 });
    applyPullPage(context, { changes: [change('client', CLIENT, 'delete', { deletedAt: 50, updatedAt: 50 }, at(1_000))], cursor: 2 });
    expect(db.prepare('SELECT deleted_at, updated_at FROM clients').get()).toEqual({ deleted_at: 50, updated_at: 50 });
    applyPullPage(context, { changes: [change('client', CLIENT, 'restore', { deletedAt: null, updatedAt: 60 }, at(2_000))], cursor: 3 });
    expect(db.prepare('SELECT deleted_at FROM clients').get()).toEqual({ deleted_at: null });
    expect((db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('commits nothing, not even the cursor, when the transaction dies midway', () => {
    const { context, change, count, state, clientName, db } = setup();
    const before = state();
    const dying: PullApplyContext = {
      ...context,
      afterChange: (index) => {
        if (index === 1) throw new Error('killed');
      },
    };
    expect(() =>
      applyPullPage(dying, {
        changes: [
          change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0)),
          change('site', SITE, 'insert', { clientId: CLIENT, name: 'B', createdAt: 1, updatedAt: 1 }, at(1)),
        ],
        cursor: 2,
      }),
    ).toThrow('killed');
    expect(clientName()).toBeUndefined();
    expect(state()).toEqual(before);
    expect([count('SELECT count(*) AS n FROM audit_log'), count('SELECT count(*) AS n FROM sync_record_clocks')]).toEqual([0, 0]);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'hlc.last'").get()).toBeUndefined();

    // The same page again, without the fault, applies whole.
    applyPullPage(context, {
      changes: [
        change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0)),
        change('site', SITE, 'insert', { clientId: CLIENT, name: 'B', createdAt: 1, updatedAt: 1 }, at(1)),
      ],
      cursor: 2,
    });
    expect(count('SELECT count(*) AS n FROM sites')).toBe(1);
    expect(state().cursor).toBe(2);
  });

  it('parks a change whose parent has not arrived, moves on, and applies it once the parent is here', () => {
    const { context, change, count, state } = setup();
    const site = change('site', SITE, 'insert', { clientId: CLIENT, name: '门诊楼', createdAt: 1, updatedAt: 1 }, at(1));
    const parked = applyPullPage(context, { changes: [site], cursor: 1 });
    expect(parked).toMatchObject({ applied: 0, parked: 1 });
    expect(state().cursor).toBe(1);
    expect(count('SELECT count(*) AS n FROM sync_parked')).toBe(1);
    expect(retryParked(context).parked).toBe(1);

    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: '市人民医院', createdAt: 1, updatedAt: 1 }, at(0))], cursor: 2 });
    const retried = retryParked(context);
    expect(retried.applied).toBe(1);
    expect(count('SELECT count(*) AS n FROM sites')).toBe(1);
    expect(count('SELECT count(*) AS n FROM sync_parked')).toBe(0);
  });

  it("replaces its own record of a conflict with the server's, carrying a resolution already chosen", () => {
    const { context, change, writePath, clock, db, conflicts } = setup();
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0))], cursor: 1 });
    clock.advance(10_000);
    writePath.write([{ entity: 'client', op: 'update', id: CLIENT, fields: { name: 'mine' } }]);
    const mine = (db.prepare('SELECT hlc FROM outbox').get() as { hlc: string }).hlc;
    applyPullPage(context, { changes: [change('client', CLIENT, 'update', { name: 'theirs' }, at(20_000))], cursor: 2 });
    expect(conflicts().map((c) => c.origin)).toEqual(['local']);
    db.prepare("UPDATE sync_conflicts SET resolved_at = 1, resolved_by = '张工', resolution = 'kept-loser'").run();

    const conflictId = '0193a1b2-0000-7000-8000-0000000000f1';
    const serverConflict = {
      entity: 'client',
      entityId: CLIENT,
      fields: { name: { winner: { value: 'theirs', hlc: at(20_000), deviceId: OTHER }, loser: { value: 'mine', hlc: mine, deviceId: ME } } },
      detectedAt: 100,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      createdAt: 100,
      updatedAt: 100,
    };
    applyPullPage(context, { changes: [change('conflict', conflictId, 'insert', serverConflict, at(21_000, 'walkdown-server'), null)], cursor: 3 });
    expect(db.prepare('SELECT id, origin, resolution, resolved_by FROM sync_conflicts').all()).toEqual([
      { id: conflictId, origin: 'server', resolution: 'kept-loser', resolved_by: '张工' },
    ]);
    // The carried resolution syncs.
    const queued = db.prepare("SELECT op, fields FROM outbox WHERE entity = 'conflict'").get() as { op: string; fields: string };
    expect(queued.op).toBe('update');
    expect(JSON.parse(queued.fields)).toMatchObject({ resolution: 'kept-loser', resolvedBy: '张工' });
  });

  it('drops the local copy of an evicted record', () => {
    const { context, change, count } = setup();
    applyPullPage(context, { changes: [change('client', CLIENT, 'insert', { name: 'A', createdAt: 1, updatedAt: 1 }, at(0))], cursor: 1 });
    applyPullPage(context, { changes: [change('client', CLIENT, 'evict', {}, at(1))], cursor: 2 });
    expect(count('SELECT count(*) AS n FROM clients')).toBe(0);
    expect(count('SELECT count(*) AS n FROM sync_record_clocks')).toBe(0);
  });

  it('keeps users for assignees and leaves entities it does not know alone', () => {
    const { context, change, db } = setup();
    const outcome = applyPullPage(context, {
      changes: [
        change('user', 'u1', 'insert', { name: '李主管', role: 'supervisor', revokedAt: null }, at(0, 'walkdown-server'), null),
        change('spaceship', 's1', 'insert', { name: 'x' }, at(1)),
      ],
      cursor: 2,
    });
    expect(outcome.unknown).toBe(1);
    expect(db.prepare('SELECT id, name, role, revoked_at FROM sync_users').all()).toEqual([{ id: 'u1', name: '李主管', role: 'supervisor', revoked_at: null }]);
  });
});
