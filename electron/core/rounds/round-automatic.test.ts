import { describe, expect, it } from 'vitest';
import type { CheckResultSummary, ConfigBackupSummary } from '@shared/domain/checks';
import { AppError } from '@shared/errors';
import { newId } from '../store/ids';
import { insertResult } from '../checks/check-results.repo';
import { insertBackup } from '../checks/config-backups.repo';
import { automaticValue, RoundAutomatic, type RoundChecks } from './round-automatic';
import { roundsSetup } from './testing/rounds-setup';
import { TemplateContent } from '@shared/domain/rounds';

function result(fields: Partial<CheckResultSummary> & Pick<CheckResultSummary, 'assetId' | 'kind' | 'profileId' | 'metrics'>): CheckResultSummary {
  return { id: newId(), runId: 'run', target: '10.0.0.1', step: 's', method: null, units: {}, status: 'ok', errorCode: null, errorMessage: null, durationMs: 1, startedAt: 1, finishedAt: 2, ...fields };
}

describe('automaticValue', () => {
  it('takes the metric from the bound profile, or any profile of the kind, else says why not', () => {
    const a = 'asset-a';
    const results = [
      result({ assetId: a, kind: 'snmp', profileId: 'mib2-system', metrics: { 'uptime.seconds': 9 } }),
      result({ assetId: a, kind: 'snmp', profileId: 'ups-mib', metrics: { 'battery.runtime-minutes': 37, 'output.source': 'battery' } }),
      result({ assetId: 'other', kind: 'snmp', profileId: 'ups-mib', metrics: { 'battery.runtime-minutes': 99 } }),
      result({ assetId: a, kind: 'ssh', profileId: 'huawei-vrp', metrics: {}, status: 'error', errorCode: 'check.auth-failed' }),
    ];
    expect(automaticValue({ kind: 'snmp', profileId: 'ups-mib', metric: 'battery.runtime-minutes' }, a, results)).toEqual({ type: 'auto', value: 37, checkResultId: results[1]!.id });
    expect(automaticValue({ kind: 'snmp', profileId: null, metric: 'output.source' }, a, results)).toMatchObject({ value: 'battery' });
    expect(automaticValue({ kind: 'snmp', profileId: 'mib2-system', metric: 'battery.runtime-minutes' }, a, results)).toEqual({ type: 'auto', value: null, checkResultId: results[0]!.id });
    expect(automaticValue({ kind: 'ssh', profileId: null, metric: 'cpu.percent' }, a, results)).toEqual({ type: 'auto', value: null, checkResultId: results[3]!.id });
    expect(automaticValue({ kind: 'ping', profileId: null, metric: 'ping.loss-percent' }, a, results)).toEqual({ type: 'auto', value: null, checkResultId: null });
  });
});

/** A checks service that answers from a script: the run's results are stored (as the runner would) when it settles. */
function fakeChecks(store: Awaited<ReturnType<typeof roundsSetup>>['store'], script: { results: (runId: string) => CheckResultSummary[]; configs: Map<string, string[]> }) {
  const started: { assetIds: string[]; kinds: string[] }[] = [];
  const made = new Map<string, CheckResultSummary[]>();
  const resultsOf = (runId: string) => made.get(runId) ?? made.set(runId, script.results(runId).map((r) => ({ ...r, runId }))).get(runId)!;
  const backups: ConfigBackupSummary[] = [];
  let at = 1000;
  const checks = {
    runner: {
      start: (scope: { assetIds: string[] }, kinds: string[]) => {
        started.push({ assetIds: scope.assetIds, kinds });
        return { runId: newId(), total: scope.assetIds.length * kinds.length };
      },
      settled: async (runId: string) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        store.writePath.write(resultsOf(runId).map((r) => insertResult({ ...r, rawOutput: '', parsed: null })));
      },
    },
    results: {
      list: (query: { runId: string }) => {
        const stored = new Set((store.db.prepare('SELECT id FROM check_results WHERE run_id = ?').all(query.runId) as { id: string }[]).map((row) => row.id));
        return resultsOf(query.runId).filter((r) => stored.has(r.id));
      },
    },
    configBackups: {
      fetch: async (assetId: string) => {
        const next = script.configs.get(assetId)?.shift();
        if (next === undefined) throw new AppError('check.unreachable', 'down');
        const backup = { id: newId(), assetId, fetchedAt: (at += 1000), command: 'display current-configuration', sha256: 'x'.repeat(64), content: next, changed: false };
        store.writePath.write([insertBackup(backup)]);
        backups.unshift({ ...backup, sizeBytes: next.length });
        return backups[0]!;
      },
      list: (assetId: string) => backups.filter((b) => b.assetId === assetId),
      get: (id: string) => ({ ...backups.find((b) => b.id === id)!, content: (store.db.prepare('SELECT content FROM config_backups WHERE id = ?').get(id) as { content: string }).content }),
    },
  };
  return { checks: checks as unknown as RoundChecks, started };
}

const DRIFT_TEMPLATE = TemplateContent.parse({
  name: '网络设备巡检',
  language: 'zh-CN',
  scope: { kind: 'asset-type', assetTypes: ['switch'] },
  sections: [
    {
      key: 'health',
      title: '运行状态',
      items: [
        { key: 'cpu', label: 'CPU 使用率', perAsset: true, spec: { type: 'auto', unit: '%', binding: { kind: 'ssh', profileId: null, metric: 'cpu.percent' }, thresholds: { warnAbove: 70, failAbove: 90 } } },
        { key: 'config-drift', label: '配置未变更', perAsset: true, spec: { type: 'config-drift' } },
      ],
    },
  ],
});

describe('RoundAutomatic', () => {
  it('runs the checks the automatic items need and fills them with value and evidence, keeping a hand reading over "not measured"', async () => {
    const setup = await roundsSetup();
    const { store, rounds, ups, start, save, seen } = setup;
    const script = {
      results: () => [result({ assetId: ups, kind: 'snmp', profileId: 'ups-mib', metrics: { 'battery.runtime-minutes': 8 } })],
      configs: new Map<string, string[]>(),
    };
    const { checks, started } = fakeChecks(store, script);
    const automatic = new RoundAutomatic(store, setup.events, rounds, checks);
    const { round } = start();
    save(round.id, 'ups', 'ups-mode', { type: 'auto', value: 'normal', checkResultId: null }, { assetId: ups });

    const task = automatic.start({ roundId: round.id });
    expect(task).toEqual({ runId: expect.any(String), total: 1 });
    expect(started).toEqual([{ assetIds: [ups], kinds: ['snmp'] }]);
    await automatic.settled(task.runId!);

    const entries = rounds.get(round.id).entries;
    const runtime = entries.find((e) => e.itemKey === 'ups-runtime');
    expect(runtime).toMatchObject({ assetId: ups, value: { type: 'auto', value: 8, checkResultId: expect.any(String) }, outcome: 'failed', filled: true });
    // ups-mode was not measured by the run: the engineer's reading stays.
    expect(entries.find((e) => e.itemKey === 'ups-mode')).toMatchObject({ value: { value: 'normal', checkResultId: null }, outcome: 'ok' });
    const progress = seen.filter((e) => e.name === 'task.progress' && (e.payload as { taskId: string }).taskId === task.runId).map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1, label: '机房日常巡检' });
    expect(progress.slice(0, -1).every((p) => (p as { done: number }).done < 1)).toBe(true);

    // Nothing automatic to do for a template without such items.
    expect(automatic.start({ roundId: round.id, itemKeys: ['temperature'] })).toEqual({ runId: null, total: 0 });
  });

  it('fills config drift from a fresh backup against the last signed round, with both versions as evidence', async () => {
    const setup = await roundsSetup();
    const { store, rounds, templates, coreSwitch, photo } = setup;
    const configs = new Map([[coreSwitch, ['sysname A\n', 'sysname A\n', 'sysname B\n']]]);
    const { checks } = fakeChecks(store, { results: () => [result({ assetId: coreSwitch, kind: 'ssh', profileId: 'huawei-vrp', metrics: { 'cpu.percent': 12 } })], configs });
    const automatic = new RoundAutomatic(store, setup.events, rounds, checks);
    const template = templates.save(undefined, DRIFT_TEMPLATE);
    const roundOf = () => rounds.start({ templateId: template.id, target: { kind: 'assets', assetIds: [coreSwitch] } }).round;
    const drift = (roundId: string) => rounds.get(roundId).entries.find((e) => e.itemKey === 'config-drift');

    const first = roundOf();
    await automatic.settled(automatic.start({ roundId: first.id }).runId!);
    const baseline = drift(first.id)!;
    expect(baseline).toMatchObject({ value: { type: 'config-drift', changed: false, previousBackupId: null }, outcome: 'ok' });
    expect(rounds.get(first.id).entries.find((e) => e.itemKey === 'cpu')).toMatchObject({ value: { value: 12 }, outcome: 'ok' });
    rounds.sign({ id: first.id, signerName: '张工', signatureAttachmentId: await photo(first.id), summary: '' });

    const second = roundOf();
    await automatic.settled(automatic.start({ roundId: second.id, itemKeys: ['config-drift'] }).runId!);
    expect(drift(second.id)).toMatchObject({ value: { changed: false, previousBackupId: (baseline.value as { configBackupId: string }).configBackupId }, outcome: 'ok' });

    const third = roundOf();
    await automatic.settled(automatic.start({ roundId: third.id, itemKeys: ['config-drift'] }).runId!);
    expect(drift(third.id)).toMatchObject({ value: { changed: true, previousBackupId: (baseline.value as { configBackupId: string }).configBackupId }, outcome: 'failed' });

    // The device unreachable and nothing fetched since the round started: the item is left for the engineer.
    const fourth = roundOf();
    await automatic.settled(automatic.start({ roundId: fourth.id, itemKeys: ['config-drift'] }).runId!);
    expect(drift(fourth.id)).toBeUndefined();
  });

  it('refuses a signed round', async () => {
    const setup = await roundsSetup();
    const { checks } = fakeChecks(setup.store, { results: () => [], configs: new Map() });
    const automatic = new RoundAutomatic(setup.store, setup.events, setup.rounds, checks);
    const { round } = setup.start();
    setup.fillAll(round.id);
    setup.rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: await setup.photo(round.id), summary: '' });
    expect(() => automatic.start({ roundId: round.id })).toThrow(expect.objectContaining({ code: 'rounds.read-only' }));
  });
});
