import { describe, expect, it } from 'vitest';
import { CheckResultsRepo } from './check-results.repo';
import { ResultRecorder, type ResultDraft } from './result-recorder';
import { checksSetup } from './testing/check-fixtures';

describe('check results: stored through the write path, read back as evidence', () => {
  async function setup() {
    const base = await checksSetup();
    const recorder = new ResultRecorder(base.store);
    const repo = new CheckResultsRepo(base.store.db);
    const sw = base.asset({ type: 'switch', name: 'S5720', vendor: 'Huawei', roomId: base.room.id, managementIps: ['10.1.1.1'] });
    const draft = (fields: Partial<ResultDraft>): ResultDraft => ({
      runId: null,
      assetId: sw,
      target: '10.1.1.1',
      kind: 'ssh',
      profileId: 'huawei-vrp',
      step: 'cpu',
      method: 'shell',
      rawOutput: 'CPU Usage            : 12% Max: 80%',
      parsed: { cpus: [] },
      metrics: {},
      error: null,
      durationMs: 120,
      startedAt: base.clock.now(),
      finishedAt: base.clock.now() + 120,
      ...fields,
    });
    return { ...base, recorder, repo, sw, draft };
  }

  it('writes each result with its outbox entry and reads it back whole, summaries without raw output', async () => {
    const { recorder, repo, store, draft, sw } = await setup();
    const stored = recorder.record(draft({ metrics: { 'cpu.percent': 12 } }));
    expect(stored.status).toBe('ok');
    expect(repo.result(stored.id)).toEqual(stored);
    const outbox = store.db.prepare("SELECT entity, entity_id, op, fields FROM outbox WHERE entity = 'checkResult'").all() as { entity_id: string; op: string; fields: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity_id: stored.id, op: 'insert' });
    expect(JSON.parse(outbox[0]!.fields)).toMatchObject({ assetId: sw, metrics: { 'cpu.percent': 12 }, rawOutput: stored.rawOutput });
    const [summary] = repo.results({ assetId: sw, limit: 10 });
    expect(summary).not.toHaveProperty('rawOutput');
    expect(summary).not.toHaveProperty('parsed');
    expect(summary).toMatchObject({ id: stored.id, metrics: { 'cpu.percent': 12 } });
  });

  it('filters by asset, run, kind and time, newest first', async () => {
    const { recorder, repo, draft, clock, sw } = await setup();
    const a = recorder.record(draft({ runId: '0190a000-0000-7000-8000-0000000000a1', kind: 'ping', profileId: 'ping', step: 'ping' }));
    clock.advance(1000);
    const b = recorder.record(draft({ runId: '0190a000-0000-7000-8000-0000000000a2', startedAt: clock.now(), finishedAt: clock.now() }));
    clock.advance(1000);
    const c = recorder.record(draft({ runId: '0190a000-0000-7000-8000-0000000000a2', startedAt: clock.now(), finishedAt: clock.now() }));
    expect(repo.results({ assetId: sw, limit: 10 }).map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(repo.results({ runId: '0190a000-0000-7000-8000-0000000000a2', limit: 10 }).map((r) => r.id)).toEqual([c.id, b.id]);
    expect(repo.results({ assetId: sw, kind: 'ping', limit: 10 }).map((r) => r.id)).toEqual([a.id]);
    expect(repo.results({ assetId: sw, before: c.startedAt, limit: 1 }).map((r) => r.id)).toEqual([b.id]);
  });

  it('gives the latest value of every metric across checks, with units, and a metric history oldest first', async () => {
    const { recorder, repo, draft, clock, sw } = await setup();
    const t0 = clock.now();
    recorder.record(draft({ kind: 'snmp', profileId: 'mib2-system', step: 'system', metrics: { 'uptime.seconds': 100, 'system.name': 'core-sw' }, startedAt: t0 }));
    clock.advance(60_000);
    const later = recorder.record(draft({ metrics: { 'cpu.percent': 30, 'uptime.seconds': 160 }, startedAt: clock.now() }));
    clock.advance(60_000);
    recorder.record(draft({ metrics: { 'cpu.percent': 45 }, startedAt: clock.now() }));
    clock.advance(60_000);
    // An error result measures nothing: it does not hide the last value.
    recorder.record(draft({ metrics: {}, error: { code: 'check.timeout', message: 'no answer' }, startedAt: clock.now() }));

    const latest = repo.latest(sw);
    expect(latest.map((m) => m.name)).toEqual(['cpu.percent', 'system.name', 'uptime.seconds']);
    expect(latest.find((m) => m.name === 'cpu.percent')).toMatchObject({ value: 45, unit: '%' });
    expect(latest.find((m) => m.name === 'uptime.seconds')).toMatchObject({ value: 160, unit: 's', resultId: later.id, profileId: 'huawei-vrp' });
    expect(latest.find((m) => m.name === 'system.name')).toMatchObject({ value: 'core-sw', unit: null, at: t0, profileId: 'mib2-system' });

    expect(repo.history(sw, 'cpu.percent', undefined, 500).map((p) => p.value)).toEqual([30, 45]);
    expect(repo.history(sw, 'cpu.percent', undefined, 1).map((p) => p.value)).toEqual([45]);
    expect(repo.history(sw, 'uptime.seconds', t0 + 1, 500)).toEqual([{ at: later.startedAt, value: 160 }]);
    // Text metrics have no chart.
    expect(repo.history(sw, 'system.name', undefined, 500)).toEqual([]);
  });
});
