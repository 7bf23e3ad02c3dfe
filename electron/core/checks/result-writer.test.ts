import { describe, expect, it, vi } from 'vitest';
import { CheckRunsRepo } from './check-runs.repo';
import { CheckResultsRepo } from './check-results.repo';
import { buildResult, type ResultDraft } from './result-recorder';
import { ResultWriter } from './result-writer';
import { checksSetup } from './testing/check-fixtures';

function draft(step: string, metrics: Record<string, number | string> = { 'ping.received': 1, 'ping.rtt-avg-ms': 0.3 }): ResultDraft {
  return {
    runId: 'run-1',
    assetId: null,
    target: '10.0.0.1',
    kind: 'ping',
    profileId: 'ping',
    step,
    method: 'fping',
    rawOutput: '',
    parsed: null,
    metrics,
    error: null,
    durationMs: 3,
    startedAt: 1,
    finishedAt: 4,
  };
}

const afterWindow = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('ResultWriter', () => {
  it('stores what finished within its window in one transaction, run counts included', async () => {
    const { store } = await checksSetup();
    const runs = new CheckRunsRepo(store.db);
    runs.create({ id: 'run-1', label: 'sweep', kinds: ['ping'], total: 3, startedAt: 1 });
    const write = vi.spyOn(store.writePath, 'write');
    const writer = new ResultWriter(store, () => {
      throw new Error('no error expected');
    });
    const results = ['a', 'b', 'c'].map((step) => buildResult(draft(step)));
    for (const result of results) writer.add(result);
    writer.setProgress('run-1', 2, 0);
    writer.setProgress('run-1', 3, 1);
    const stored = () => new CheckResultsRepo(store.db).results({ runId: 'run-1', limit: 10 });
    expect(stored()).toEqual([]);

    await afterWindow();
    expect(write).toHaveBeenCalledTimes(1);
    expect(stored().map((r) => r.step).sort()).toEqual(['a', 'b', 'c']);
    // Units go in with the metrics.
    expect(stored()[0]?.units).toEqual({ 'ping.received': 'count', 'ping.rtt-avg-ms': 'ms' });
    expect(runs.get('run-1')).toMatchObject({ done: 3, failed: 1 });
    expect(store.db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'checkResult'").get()).toEqual({ n: 3 });

    // Nothing waiting: no empty transaction.
    await afterWindow();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes at once on flush, and not again on the turn it had scheduled', async () => {
    const { store } = await checksSetup();
    const write = vi.spyOn(store.writePath, 'write');
    const writer = new ResultWriter(store, () => {});
    writer.add(buildResult(draft('a')));
    writer.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect(new CheckResultsRepo(store.db).results({ runId: 'run-1', limit: 10 })).toHaveLength(1);
    await afterWindow();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('tells the caller what a refused batch lost, keeps nothing of it, and goes on with the next', async () => {
    const { store } = await checksSetup();
    const lost: number[] = [];
    const writer = new ResultWriter(store, (_error, count) => lost.push(count));
    const bad = { ...buildResult(draft('bad')), status: 'bogus' as 'ok' };
    writer.add(buildResult(draft('a')));
    writer.add(bad);
    writer.flush();
    expect(lost).toEqual([2]);
    const repo = new CheckResultsRepo(store.db);
    expect(repo.results({ runId: 'run-1', limit: 10 })).toEqual([]);
    writer.add(buildResult(draft('b')));
    writer.flush();
    expect(repo.results({ runId: 'run-1', limit: 10 }).map((r) => r.step)).toEqual(['b']);
  });
});
