import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FAULT_KINDS, runFaultScenario, setUpFaultLab, tearDownFaultLab, type FaultDatabase, type FaultKind, type FaultScenarioResult } from '../tests/support/sync-faults';
import { report, round } from './report';

export interface FaultKnobs {
  runs: number;
  firstSeed: number;
  /** 'postgres', 'sqlite', or 'mixed' (every other run on each). */
  database: FaultDatabase | 'mixed';
  kinds: readonly FaultKind[];
  /** Child processes running runs at the same time (1: all in this process). */
  parallel: number;
  /** No run starts after this (epoch ms); the runs done so far are reported. */
  deadline: number;
}

export interface FaultRun {
  seed: number;
  database: FaultDatabase;
}

/** What the report needs of one run: its result, or why it threw. */
export type FaultOutcome = FaultRun & ({ result: Omit<FaultScenarioResult, 'counts'> } | { error: string });

const CHILD = fileURLToPath(new URL('./sync-faults-child.ts', import.meta.url));

/**
 * Part 3: randomised fault runs through the test suite's harness
 * (tests/support/sync-faults.ts, the same code as
 * tests/integration/sync-faults.test.ts): each a fresh server in a network
 * namespace and two console backends (out/web/cli.cjs) doing random work while
 * a console or the server is killed with SIGKILL at a chosen moment of a push,
 * a pull, an upload or a download; then every side is compared. A run that
 * throws (did not settle, timed out) is counted and its seed printed, not
 * hidden. `parallel` > 1 spreads the runs over child processes, each with its
 * own namespace and cluster (a run spends most of its time waiting for
 * processes to start, die and settle).
 */
export async function faultsBench(knobs: FaultKnobs): Promise<void> {
  const runs: FaultRun[] = Array.from({ length: knobs.runs }, (_, i) => ({
    seed: knobs.firstSeed + i,
    database: knobs.database === 'mixed' ? (i % 2 === 0 ? 'postgres' : 'sqlite') : knobs.database,
  }));
  const outcomes: FaultOutcome[] = [];
  const onOutcome = (outcome: FaultOutcome) => {
    outcomes.push(outcome);
    process.stderr.write(`sync bench: fault run ${outcomes.length}/${knobs.runs} ${describeOutcome(outcome)}\n`);
  };
  const started = performance.now();
  const parallel = Math.max(1, Math.min(knobs.parallel, runs.length));
  if (parallel === 1) await runFaults(runs, knobs.kinds, knobs.deadline, onOutcome);
  else await Promise.all(Array.from({ length: parallel }, (_, k) => runInChild(runs.filter((_, i) => i % parallel === k), knobs.kinds, knobs.deadline, onOutcome)));
  reportFaults(knobs, outcomes, performance.now() - started, parallel);
}

/** Runs in this process, one after the other, in one lab. */
export async function runFaults(runs: readonly FaultRun[], kinds: readonly FaultKind[], deadline: number, onOutcome: (outcome: FaultOutcome) => void): Promise<void> {
  const lab = await setUpFaultLab({ postgres: runs.some((run) => run.database === 'postgres') });
  try {
    for (const run of runs) {
      if (Date.now() > deadline) break;
      try {
        const { counts: _counts, ...result } = await runFaultScenario({ ...run, lab, faultKinds: kinds });
        onOutcome({ ...run, result });
      } catch (error) {
        onOutcome({ ...run, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await tearDownFaultLab(lab);
  }
}

function runInChild(runs: FaultRun[], kinds: readonly FaultKind[], deadline: number, onOutcome: (outcome: FaultOutcome) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    child.on('message', (message: { type: 'outcome'; outcome: FaultOutcome } | { type: 'done' }) => {
      if (message.type === 'outcome') onOutcome(message.outcome);
      else done = true;
    });
    child.once('exit', (code) => (done ? resolve() : reject(new Error(`a fault-run child exited with ${code} before it finished`))));
    child.send({ runs, kinds, deadline });
  });
}

function describeOutcome(outcome: FaultOutcome): string {
  const head = `seed ${outcome.seed} (${outcome.database})`;
  if ('error' in outcome) return `${head} FAILED: ${outcome.error}`;
  const { result } = outcome;
  const bad = result.lost + result.duplicated + result.mismatched + result.blobsMissing + result.blobsCorrupt > 0;
  return `${head}: ${result.faults.map((f) => `${f.kind}@${f.phase}`).join(', ')}: lost ${result.lost}, duplicated ${result.duplicated}${bad ? ` — ${result.problems.slice(0, 3).join('; ')}` : ''} (${result.durationMs} ms)`;
}

function reportFaults(knobs: FaultKnobs, outcomes: readonly FaultOutcome[], timeMs: number, parallel: number): void {
  const totals = { lost: 0, duplicated: 0, mismatched: 0, blobsMissing: 0, blobsCorrupt: 0, setAside: 0, parked: 0 };
  const struck: Record<string, number> = {};
  const durations: number[] = [];
  const badSeeds: number[] = [];
  const failed: { seed: number; database: FaultDatabase; error: string }[] = [];
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      failed.push({ seed: outcome.seed, database: outcome.database, error: outcome.error.split('\n')[0] as string });
      continue;
    }
    const { result } = outcome;
    durations.push(result.durationMs);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
    for (const fault of result.faults) struck[`${fault.kind}/${fault.phase}`] = (struck[`${fault.kind}/${fault.phase}`] ?? 0) + 1;
    if (result.lost + result.duplicated + result.mismatched + result.blobsMissing + result.blobsCorrupt > 0) badSeeds.push(outcome.seed);
  }
  durations.sort((a, b) => a - b);
  report({
    bench: 'sync',
    metric: 'fault-runs-lost',
    value: totals.lost,
    unit: 'records',
    baseline: 0,
    ratio: 0,
    targetOn: 'value',
    target: 0,
    runs: outcomes.length,
    requestedRuns: knobs.runs,
    completedRuns: durations.length,
    failedRuns: failed.length,
    ...totals,
    faults: struck,
    kinds: knobs.kinds,
    database: knobs.database,
    parallel,
    firstSeed: knobs.firstSeed,
    badSeeds: badSeeds.slice(0, 20),
    failedSeeds: failed.slice(0, 20),
    runMsP50: durations.length > 0 ? durations[Math.floor(durations.length / 2)] : null,
    timeMs: round(timeMs, 0),
  });
  if (totals.lost > 0 || totals.duplicated > 0 || failed.length > 0) process.exitCode = 1;
}

/** `WALKDOWN_BENCH_FAULT_KINDS`: a comma list of FAULT_KINDS, or `all`; default the two kill -9 faults. */
export function faultKinds(raw: string | undefined): readonly FaultKind[] {
  if (!raw) return ['kill-console', 'kill-server'];
  if (raw === 'all') return FAULT_KINDS;
  const kinds = raw.split(',').map((kind) => kind.trim()) as FaultKind[];
  const unknown = kinds.filter((kind) => !FAULT_KINDS.includes(kind));
  if (unknown.length > 0) throw new Error(`WALKDOWN_BENCH_FAULT_KINDS: unknown ${unknown.join(', ')}; known: ${FAULT_KINDS.join(', ')}, all`);
  return kinds;
}
