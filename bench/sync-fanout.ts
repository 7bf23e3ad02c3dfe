import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { PostgresCluster } from '../tests/server/postgres-cluster';
import { incidentFields, seedPlace, type Place } from '../tests/server/fixtures';
import { report, round } from './report';
import { percentile } from './sync-console';
import type { FromChild, ToChild } from './sync-fanout-child';
import { startBenchServer, type BenchServer } from './sync-server';

export interface FanoutKnobs {
  consoles: number;
  /** Child processes the consoles are spread over. */
  processes: number;
  /** Incidents each console records per wave (two outbox entries each: the incident and its "created" event). */
  incidents: number;
  waves: number;
}

const CHILD = fileURLToPath(new URL('./sync-fanout-child.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  next(): Promise<FromChild>;
  send(message: ToChild): void;
}

/**
 * Part 2: many consoles, each a real core on its own SQLite file in child
 * processes, each enrolled as its own engineer, record a wave of incidents
 * while sync is held, then all call sync.now at the same moment against one
 * server on PostgreSQL. Push latency is timed per request on each console;
 * afterwards the server must hold every record exactly once.
 */
export async function fanoutBench(cluster: PostgresCluster, knobs: FanoutKnobs): Promise<void> {
  const server = await startBenchServer(cluster);
  const dirs: string[] = [];
  const children: Child[] = [];
  try {
    const place = await seedPlace(server.admin, '市第一人民医院');
    const plan: { dataDir: string; code: string; name: string }[][] = Array.from({ length: Math.min(knobs.processes, knobs.consoles) }, () => []);
    for (let i = 0; i < knobs.consoles; i++) {
      const name = `工程师${String(i + 1).padStart(2, '0')}`;
      const userId = await server.user(name, 'engineer', { clientIds: [place.clientId] });
      const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-sync-fanout-'));
      dirs.push(dataDir);
      plan[i % plan.length]!.push({ dataDir, code: await server.code(userId), name });
    }
    const setupStarted = performance.now();
    for (const consoles of plan) {
      const child = spawnChild();
      children.push(child);
      child.send({ type: 'setup', serverUrl: server.url, roomId: place.roomId, consoles });
    }
    await all(children, 'ready');
    process.stderr.write(`sync bench: ${knobs.consoles} consoles enrolled in ${children.length} processes (${round((performance.now() - setupStarted) / 1000, 1)} s)\n`);

    const keys = new Set<string>();
    const pushMs: number[] = [];
    const totals: number[] = [];
    const consoleMs: number[] = [];
    const failures: string[] = [];
    let entries = 0;
    for (let wave = 0; wave < knobs.waves; wave++) {
      for (const child of children) child.send({ type: 'record', wave, incidents: knobs.incidents });
      for (const recorded of await all(children, 'recorded')) {
        for (const key of recorded.keys) keys.add(key);
        entries += recorded.pending;
      }
      const started = performance.now();
      for (const child of children) child.send({ type: 'go' });
      const synced = await all(children, 'synced');
      totals.push(performance.now() - started);
      for (const answer of synced) {
        pushMs.push(...answer.pushMs);
        consoleMs.push(...answer.consoleMs);
        failures.push(...answer.errors, ...answer.failedRequests.map((request) => `${request.path}: HTTP ${request.status}`));
      }
      process.stderr.write(`sync bench: fan-out wave ${wave + 1}/${knobs.waves}: ${knobs.consoles} consoles synced in ${round(totals.at(-1)!, 0)} ms\n`);
    }
    const check = await checkServer(server, keys, place, Math.round(entries / (knobs.waves * knobs.consoles)));

    report({
      bench: 'sync',
      metric: 'fanout-push-p99-ms',
      value: round(percentile(pushMs, 99), 1),
      unit: 'ms',
      // No plain-way equivalent of many consoles at once: the baseline is one push of the same size with the server otherwise idle.
      baseline: round(check.singlePushMs, 1),
      ratio: round(percentile(pushMs, 99) / check.singlePushMs),
      targetOn: 'errors',
      target: 0,
      consoles: knobs.consoles,
      processes: children.length,
      waves: knobs.waves,
      incidentsPerConsolePerWave: knobs.incidents,
      outboxEntries: entries,
      pushBatches: pushMs.length,
      p50: round(percentile(pushMs, 50), 1),
      p99: round(percentile(pushMs, 99), 1),
      max: round(Math.max(...pushMs), 1),
      waveTotalMs: totals.map((ms) => round(ms, 0)),
      consoleSyncP50Ms: round(percentile(consoleMs, 50), 0),
      errors: failures.length,
      errorSamples: failures.slice(0, 5),
      lost: check.lost,
      duplicated: check.duplicated,
      deviceSeqMismatches: check.seqMismatches,
    });
    if (failures.length > 0 || check.lost > 0 || check.duplicated > 0) process.exitCode = 1;
  } finally {
    for (const child of children) child.send({ type: 'close' });
    await Promise.all(children.map((child) => new Promise((resolve) => (child.process.exitCode !== null ? resolve(null) : child.process.once('exit', resolve)))));
    await server.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

function spawnChild(): Child {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    // No background run of its own between waves: only the bench's "go" starts one.
    env: { ...process.env, WALKDOWN_SYNC_INTERVAL_MS: String(24 * 60 * 60 * 1000) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: FromChild[] = [];
  const waiting: ((message: FromChild) => void)[] = [];
  child.on('message', (message: FromChild) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  child.on('exit', (code) => {
    const failed: FromChild = { type: 'failed', error: `the child exited with ${code}` };
    for (const waiter of waiting.splice(0)) waiter(failed);
  });
  return {
    process: child,
    next: () => (queue.length > 0 ? Promise.resolve(queue.shift() as FromChild) : new Promise((resolve) => waiting.push(resolve))),
    send: (message) => {
      if (child.connected) child.send(message);
    },
  };
}

async function all<T extends FromChild['type']>(children: Child[], type: T): Promise<Extract<FromChild, { type: T }>[]> {
  const answers = await Promise.all(children.map((child) => child.next()));
  const failed = answers.find((answer) => answer.type !== type);
  if (failed) throw new Error(`A fan-out child failed: ${failed.type === 'failed' ? failed.error : failed.type}`);
  return answers as Extract<FromChild, { type: T }>[];
}

/** Every record the consoles pushed, once; every device's seq where its outbox ended; and one push of the same size alone, for scale. */
async function checkServer(server: BenchServer, keys: Set<string>, place: Place, entriesPerPush: number): Promise<{ lost: number; duplicated: number; seqMismatches: number; singlePushMs: number }> {
  const rows = await server.query<{ entity: string; id: string }>('SELECT entity, id FROM records');
  const stored = new Set(rows.map((row) => `${row.entity}/${row.id}`));
  const lost = [...keys].filter((key) => !stored.has(key)).length;
  const [inserts] = await server.query<{ n: number; distinct: number }>("SELECT count(*)::int AS n, count(DISTINCT (entity, entity_id))::int AS distinct FROM changes WHERE op = 'insert'");
  const duplicated = (inserts?.n ?? 0) - (inserts?.distinct ?? 0);
  // Per device: the ledger of taken entries is gap-free and ends at the device's last seq.
  const ledger = await server.query<{ n: number; min: number; max: number; last: number }>(
    'SELECT count(*)::int AS n, min(m.seq)::int AS min, max(m.seq)::int AS max, d.last_seq::int AS last FROM devices d JOIN device_mutations m ON m.device_id = d.id GROUP BY d.id, d.last_seq',
  );
  const seqMismatches = ledger.filter((device) => device.n !== device.max - device.min + 1 || device.max !== device.last).length;
  return { lost, duplicated, seqMismatches, singlePushMs: await singlePush(server, place, entriesPerPush) };
}

/** One console's worth of the same entries pushed by the admin with nothing else running: what a batch costs unloaded. */
async function singlePush(server: BenchServer, place: Place, size: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const entries = Array.from({ length: size }, (_, n) => server.admin.insert('incident', incidentFields(place, `单独推送 ${i}-${n}`)));
    const started = performance.now();
    const reply = await server.admin.push(entries);
    samples.push(performance.now() - started);
    if (reply.status !== 200) throw new Error(`the single push failed: ${JSON.stringify(reply.body)}`);
  }
  return samples.sort((a, b) => a - b)[1] as number;
}
