import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgresCluster } from '../tests/server/postgres-cluster';
import { REPO_ROOT } from '../tests/server/server-process';
import { fanoutBench } from './sync-fanout';
import { faultKinds, faultsBench } from './sync-faults';
import { throughputBench } from './sync-throughput';

/**
 * `sync`: the console's sync client (electron/core/sync, through core's API)
 * against the real server process (out/server/cli.cjs) on a private
 * PostgreSQL cluster this suite starts and drops. Three parts, each one
 * JSON line or more (bench/README.md "sync"): a big backlog from one console
 * against the floor of bulk-inserting the same rows and copying the same
 * files; many consoles syncing at once; randomised kill -9 runs.
 * `WALKDOWN_BENCH_SYNC_PARTS` (throughput,fanout,faults) picks parts.
 */
export async function syncBench(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'out', 'server', 'cli.cjs'))) throw new Error('bench sync: out/server/cli.cjs is missing: run "npm run build" first');
  const parts = new Set((process.env.WALKDOWN_BENCH_SYNC_PARTS ?? 'throughput,fanout,faults').split(',').map((part) => part.trim()));
  const unknown = [...parts].filter((part) => !['throughput', 'fanout', 'faults'].includes(part));
  if (unknown.length > 0) throw new Error(`WALKDOWN_BENCH_SYNC_PARTS: unknown ${unknown.join(', ')}; parts: throughput, fanout, faults`);
  if (parts.has('throughput') || parts.has('fanout')) {
    const cluster = await startPostgresCluster();
    const stop = () => void cluster.stop();
    process.once('SIGINT', stop);
    try {
      if (parts.has('throughput')) {
        await throughputBench(cluster, {
          results: knob('WALKDOWN_BENCH_SYNC_RESULTS', 10_000),
          incidents: knob('WALKDOWN_BENCH_SYNC_INCIDENTS', 1_000),
          photos: knob('WALKDOWN_BENCH_SYNC_PHOTOS', 200),
          photoBytes: knob('WALKDOWN_BENCH_SYNC_PHOTO_BYTES', 1024 * 1024),
          rounds: Math.max(1, knob('WALKDOWN_BENCH_SYNC_ROUNDS', 3)),
        });
      }
      if (parts.has('fanout')) {
        await fanoutBench(cluster, {
          consoles: Math.max(1, knob('WALKDOWN_BENCH_SYNC_CONSOLES', 50)),
          processes: Math.max(1, knob('WALKDOWN_BENCH_SYNC_PROCESSES', 10)),
          incidents: Math.max(1, knob('WALKDOWN_BENCH_SYNC_CONSOLE_INCIDENTS', 150)),
          waves: Math.max(1, knob('WALKDOWN_BENCH_SYNC_WAVES', 3)),
        });
      }
    } finally {
      process.off('SIGINT', stop);
      await cluster.stop();
    }
  }
  if (parts.has('faults')) {
    if (!existsSync(join(REPO_ROOT, 'out', 'web', 'cli.cjs'))) throw new Error('bench sync: out/web/cli.cjs is missing (the fault runs start console backends): run "npm run build" first');
    const database = process.env.WALKDOWN_BENCH_FAULT_DATABASE ?? 'mixed';
    if (!['postgres', 'sqlite', 'mixed'].includes(database)) throw new Error(`WALKDOWN_BENCH_FAULT_DATABASE must be postgres, sqlite or mixed, not "${database}"`);
    await faultsBench({
      runs: Math.max(1, knob('WALKDOWN_BENCH_FAULT_RUNS', 500)),
      firstSeed: knob('WALKDOWN_BENCH_FAULT_SEED', Date.now() % 1_000_000),
      database: database as 'postgres' | 'sqlite' | 'mixed',
      kinds: faultKinds(process.env.WALKDOWN_BENCH_FAULT_KINDS),
      parallel: Math.max(1, knob('WALKDOWN_BENCH_FAULT_PARALLEL', 1)),
      deadline: Date.now() + knob('WALKDOWN_BENCH_FAULT_MAX_MINUTES', 24 * 60) * 60_000,
    });
  }
}

function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}
