import { describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/hlc';
import type { Change } from '@shared/sync/messages';
import { manualClock, memoryDatabase, TEST_ACTOR } from '../testing/fixtures';
import { WritePath } from '../store/write-path';
import type { Profile } from '@shared/domain/profile';
import { ConflictLog } from './conflicts';
import { applyPullPage, type PullApplyContext } from './pull-apply';

const ME = '0193a1b2-aaaa-7000-8000-00000000000a';
const OTHER = '0193a1b2-bbbb-7000-8000-00000000000b';
const THIRD = '0193a1b2-cccc-7000-8000-00000000000c';
const CLIENT = '0193a1b2-0000-7000-8000-000000000001';
const CONFLICT = '0193a1b2-0000-7000-8000-0000000000f1';
const at = (ms: number, node: string) => formatHlc({ wallMs: Date.UTC(2026, 10, 27, 9, 0, 0) + ms, counter: 0, node });

function setup(options: { winner: string; loser: string }) {
  const db = memoryDatabase();
  const clock = manualClock();
  let actor: Profile | null = TEST_ACTOR;
  const writePath = new WritePath(db, () => ({ actor: actor ?? TEST_ACTOR, deviceId: ME, now: clock.now }));
  const context: PullApplyContext = { db, writePath, deviceId: ME, now: clock.now, hasBlob: () => false };
  const log = new ConflictLog(db, writePath, ME, clock.now, () => actor);
  let seq = 0;
  const change = (entity: string, id: string, fields: Record<string, unknown>, hlc: string, origin: string | null): Change => ({
    serverSeq: ++seq,
    entity,
    id,
    op: 'insert',
    fields: fields as Change['fields'],
    hlc,
    originDeviceId: origin,
  });
  // The record as the server holds it (the winner), and the server's conflict record.
  applyPullPage(context, {
    changes: [
      change('client', CLIENT, { name: 'winner', createdAt: 1, updatedAt: 1 }, at(20_000, options.winner), options.winner),
      change(
        'conflict',
        CONFLICT,
        {
          entity: 'client',
          entityId: CLIENT,
          fields: { name: { winner: { value: 'winner', hlc: at(20_000, options.winner), deviceId: options.winner }, loser: { value: 'loser', hlc: at(10_000, options.loser), deviceId: options.loser } } },
          detectedAt: 5,
          resolvedAt: null,
          resolvedBy: null,
          resolution: null,
          createdAt: 5,
          updatedAt: 5,
        },
        at(21_000, 'walkdown-server'),
        null,
      ),
    ],
    cursor: 2,
  });
  const outbox = () => (db.prepare('SELECT entity, op, fields FROM outbox ORDER BY seq').all() as { entity: string; op: string; fields: string }[]).map((r) => ({ ...r, fields: JSON.parse(r.fields) as Record<string, unknown> }));
  const name = () => (db.prepare('SELECT name FROM clients').get() as { name: string }).name;
  return { db, log, outbox, name, setActor: (next: Profile | null) => (actor = next) };
}

describe('the conflict log', () => {
  it("shows this console's own losing edit as local and the winner as remote", () => {
    const { log } = setup({ winner: OTHER, loser: ME });
    const [conflict] = log.list({ includeResolved: false, limit: 10 });
    expect(conflict).toMatchObject({ id: CONFLICT, origin: 'server', entity: 'client', entityId: CLIENT, label: 'winner', resolution: null });
    expect(conflict?.fields).toEqual([
      { field: 'name', local: { value: 'loser', hlc: at(10_000, ME), deviceId: ME }, remote: { value: 'winner', hlc: at(20_000, OTHER), deviceId: OTHER }, winner: 'remote' },
    ]);
    expect(log.openCount()).toBe(1);
  });

  it('keeping the local value that lost writes it again through the write path, and the resolution syncs', () => {
    const { log, outbox, name } = setup({ winner: OTHER, loser: ME });
    const resolved = log.resolve(CONFLICT, 'local');
    expect(resolved).toMatchObject({ resolution: 'kept-loser', resolvedBy: TEST_ACTOR.name });
    expect(name()).toBe('loser');
    expect(outbox().map((entry) => [entry.entity, entry.op, entry.fields.name ?? entry.fields.resolution])).toEqual([
      ['client', 'update', 'loser'],
      ['conflict', 'update', 'kept-loser'],
    ]);
    expect(outbox()[1]?.fields).toMatchObject({ resolvedBy: TEST_ACTOR.name });
    expect(log.openCount()).toBe(0);
    // Resolving again changes nothing.
    log.resolve(CONFLICT, 'remote');
    expect(outbox()).toHaveLength(2);
  });

  it('keeping the winner only records the resolution', () => {
    const { log, outbox, name } = setup({ winner: OTHER, loser: ME });
    expect(log.resolve(CONFLICT, 'remote').resolution).toBe('kept-winner');
    expect(name()).toBe('winner');
    expect(outbox().map((entry) => entry.entity)).toEqual(['conflict']);
  });

  it("on a console that was neither writer, local is the record's current value", () => {
    const { log, name } = setup({ winner: OTHER, loser: THIRD });
    const [conflict] = log.list({ includeResolved: false, limit: 10 });
    expect(conflict?.fields[0]).toMatchObject({ local: { value: 'winner' }, remote: { value: 'loser' }, winner: 'local' });
    log.resolve(CONFLICT, 'remote');
    expect(name()).toBe('loser');
  });

  it('refuses without a profile or for an unknown conflict, and changes nothing', () => {
    const { log, outbox, setActor } = setup({ winner: OTHER, loser: ME });
    expect(() => log.resolve('0193a1b2-0000-7000-8000-0000000000ff', 'local')).toThrow(expect.objectContaining({ code: 'sync.conflict-not-found' }));
    setActor(null);
    expect(() => log.resolve(CONFLICT, 'local')).toThrow(expect.objectContaining({ code: 'profile.required' }));
    expect(outbox()).toEqual([]);
  });
});
