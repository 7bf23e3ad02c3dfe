import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { SyncStatus } from '@shared/api/sync.contract';
import { ATTACHMENTS_FOLDER } from '../electron/core/attachments/attachments.service';
import { DATABASE_FILE } from '../electron/core/store/local-store';
import type { PostgresCluster } from '../tests/server/postgres-cluster';
import { median, report, round } from './report';
import { createPlace, FetchMeter, openConsole, percentile, recordIncidents, recordRoundEntries, roundTemplate } from './sync-console';
import { makePhotos } from './sync-photos';
import { bulkInsert, createServerSchemaDatabase, startBenchServer, type BenchServer } from './sync-server';

export interface ThroughputKnobs {
  results: number;
  incidents: number;
  photos: number;
  photoBytes: number;
  rounds: number;
}

const RECORD_COLUMNS = ['entity', 'id', 'fields', 'field_meta', 'deleted', 'client_id', 'site_id', 'owner_user_id', 'created_at', 'updated_at'] as const;

interface Prepared {
  dataDir: string;
  outboxEntries: number;
  /** Every record the outbox names, `entity/id`. */
  keys: Set<string>;
  /** The attachment files (photos and thumbnails) under the console's data directory. */
  blobFiles: string[];
  blobBytes: number;
}

interface SyncSample {
  ms: number;
  records: unknown[][];
  pushMs: number[];
  serverPushMs: number[];
  blobPutMs: number;
  pullMs: number;
  requests: number;
  /** Sum of every request's time as the console saw it (they run one after the other). */
  requestMs: number;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const floorMs = (sample: FloorSample) => sample.rowsMs + sample.copyMs;
const dbFloorMs = (sample: FloorSample) => sample.rowsMs + sample.blobRowsMs;

/**
 * Part 1: one console's backlog (inspection results, incidents, photos) to the
 * server on PostgreSQL, against the floor of putting the same rows into the
 * same kind of database and copying the same files.
 */
export async function throughputBench(cluster: PostgresCluster, knobs: ThroughputKnobs): Promise<void> {
  const prepared = await prepareConsole(knobs);
  try {
    let rows: unknown[][] | null = null;
    const sync: SyncSample[] = [];
    const floor: FloorSample[] = [];
    for (let r = 0; r < knobs.rounds; r++) {
      // The floor needs the rows the server stored, so the first round syncs first; then the order alternates.
      const order: ('sync' | 'floor')[] = r % 2 === 0 ? ['sync', 'floor'] : ['floor', 'sync'];
      for (const side of order) {
        if (side === 'sync') {
          const sample = await syncSide(cluster, prepared);
          rows ??= sample.records;
          sync.push(sample);
        } else {
          floor.push(await floorSide(cluster, rows as unknown[][], prepared.blobFiles));
        }
      }
      process.stderr.write(`sync bench: throughput round ${r + 1}/${knobs.rounds}: console→server ${round(sync.at(-1)!.ms, 0)} ms, floor ${round(floorMs(floor.at(-1)!), 0)} ms (files into the database instead: ${round(dbFloorMs(floor.at(-1)!), 0)} ms)\n`);
    }
    const value = median(sync.map((s) => s.ms));
    const baseline = median(floor.map(floorMs));
    const dbBaseline = median(floor.map(dbFloorMs));
    const records = (rows as unknown[][]).length;
    const all = (pick: (s: SyncSample) => number[]) => sync.flatMap(pick);
    report({
      bench: 'sync',
      metric: 'push-backlog-ms',
      value: round(value, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(value / baseline),
      target: 3.0,
      path: 'core.call sync.enrol + sync.now until pending = 0 → out/server/cli.cjs on PostgreSQL',
      inspectionResults: knobs.results,
      incidents: knobs.incidents,
      photos: knobs.photos,
      photoBytes: knobs.photoBytes,
      outboxEntries: prepared.outboxEntries,
      serverRecords: records,
      blobFiles: prepared.blobFiles.length,
      blobMB: round(prepared.blobBytes / 1e6, 1),
      rowsPerSecond: round(prepared.outboxEntries / (value / 1000), 0),
      mbPerSecond: round(prepared.blobBytes / 1e6 / (value / 1000), 2),
      baselineRowsPerSecond: round(records / (baseline / 1000), 0),
      pushBatches: median(sync.map((s) => s.pushMs.length)),
      pushBatchP50Ms: round(percentile(all((s) => s.pushMs), 50), 1),
      pushBatchP99Ms: round(percentile(all((s) => s.pushMs), 99), 1),
      serverPushP50Ms: round(percentile(all((s) => s.serverPushMs), 50), 1),
      blobUploadMs: round(median(sync.map((s) => s.blobPutMs)), 0),
      pullMs: round(median(sync.map((s) => s.pullMs)), 0),
      requests: median(sync.map((s) => s.requests)),
      rounds: knobs.rounds,
      roundsMs: sync.map((s) => round(s.ms, 0)),
      baselineRoundsMs: floor.map((sample) => round(floorMs(sample), 0)),
      floorRowsMs: round(median(floor.map((f) => f.rowsMs)), 0),
      floorCopyMs: round(median(floor.map((f) => f.copyMs)), 0),
      pushRequestsMs: round(median(sync.map((s) => sum(s.pushMs))), 0),
      clientOtherMs: round(median(sync.map((s) => s.ms - s.requestMs)), 0),
    });
    report({
      bench: 'sync',
      metric: 'push-backlog-ms-vs-database-floor',
      value: round(value, 0),
      unit: 'ms',
      baseline: round(dbBaseline, 0),
      ratio: round(value / dbBaseline),
      note: 'the same sync against a floor that stores the files where the server does: bytea rows of its blobs table, inserted in one transaction',
      floorRowsMs: round(median(floor.map((f) => f.rowsMs)), 0),
      floorBlobRowsMs: round(median(floor.map((f) => f.blobRowsMs)), 0),
      baselineRoundsMs: floor.map((sample) => round(dbFloorMs(sample), 0)),
    });
  } finally {
    rmSync(prepared.dataDir, { recursive: true, force: true });
  }
}

/** Set-up, not timed: the console's records made through its API, then the core closed; each round syncs a copy. */
async function prepareConsole(knobs: ThroughputKnobs): Promise<Prepared> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-sync-console-'));
  const started = performance.now();
  const console = await openConsole(dataDir, { name: '李主管', role: 'supervisor' });
  try {
    const place = await createPlace(console.call, '市人民医院');
    const template = await console.call<{ id: string }>('templates.save', { content: roundTemplate() });
    await recordRoundEntries(console.call, template.id, place.roomId, knobs.results);
    process.stderr.write(`sync bench: ${knobs.results} inspection results recorded (${round((performance.now() - started) / 1000, 1)} s)\n`);
    const incidentIds = await recordIncidents(console.call, place.roomId, knobs.incidents, '门诊楼');
    const photos = await makePhotos(knobs.photos, knobs.photoBytes);
    for (const [i, bytes] of photos.entries()) {
      await console.call('attachments.upload', {
        ownerType: 'incident',
        ownerId: incidentIds[i % Math.max(1, incidentIds.length)],
        fileName: `现场照片-${i + 1}.jpg`,
        contentBase64: bytes.toString('base64'),
      });
    }
    process.stderr.write(`sync bench: console ready: ${knobs.incidents} incidents, ${knobs.photos} photos (${round((performance.now() - started) / 1000, 1)} s)\n`);
  } finally {
    console.close();
  }
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const outboxEntries = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const keys = new Set((db.prepare('SELECT DISTINCT entity, entity_id FROM outbox').all() as { entity: string; entity_id: string }[]).map((row) => `${row.entity}/${row.entity_id}`));
    const shas = db.prepare('SELECT sha256 AS sha FROM attachments UNION SELECT thumbnail_sha256 FROM attachments WHERE thumbnail_sha256 IS NOT NULL').all() as { sha: string }[];
    const blobFiles = shas.map(({ sha }) => join(dataDir, ATTACHMENTS_FOLDER, sha.slice(0, 2), sha));
    const blobBytes = blobFiles.reduce((sum, file) => sum + readFileSync(file).length, 0);
    return { dataDir, outboxEntries, keys, blobFiles, blobBytes };
  } finally {
    db.close();
  }
}

/** A copy of the prepared console enrolled with a fresh server; timed from the first request after enrolment until nothing is pending. */
async function syncSide(cluster: PostgresCluster, prepared: Prepared): Promise<SyncSample> {
  const server = await startBenchServer(cluster);
  const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-sync-round-'));
  let meter: FetchMeter | null = null;
  try {
    cpSync(prepared.dataDir, dataDir, { recursive: true });
    const userId = await server.user('李主管', 'supervisor', { all: true });
    const code = await server.code(userId);
    meter = new FetchMeter(() => server.url);
    const console = await openConsole(dataDir);
    try {
      // Enrolment starts background sync at once; hold its requests so the clock starts with the first of them.
      meter.hold();
      await console.call('sync.enrol', { serverUrl: server.url, code, deviceName: '李主管的笔记本' });
      meter.reset();
      const profile = await startProfile();
      const started = performance.now();
      meter.open();
      let status = await console.call<SyncStatus>('sync.now');
      for (let tries = 0; status.pending > 0 && tries < 10; tries++) status = await console.call<SyncStatus>('sync.now');
      const ms = performance.now() - started;
      await profile.stop();
      if (status.pending > 0 || status.lastError) throw new Error(`The console did not finish syncing: ${JSON.stringify(status)}`);
      if (status.setAside > 0) throw new Error(`${status.setAside} entries were set aside`);
      const records = await checkServer(server, prepared);
      return {
        ms,
        records,
        pushMs: meter.take('/v1/push'),
        serverPushMs: serverRequestMs(server, '/v1/push'),
        blobPutMs: sum(meter.samples.filter((s) => s.path.startsWith('/v1/blobs/')).map((s) => s.ms)),
        pullMs: sum(meter.take('/v1/pull')),
        requests: meter.samples.length,
        requestMs: sum(meter.samples.map((sample) => sample.ms)),
      };
    } finally {
      console.close();
    }
  } finally {
    meter?.uninstall();
    await server.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every record of the outbox on the server exactly once, every file stored; returns the stored rows for the floor. */
async function checkServer(server: BenchServer, prepared: Prepared): Promise<unknown[][]> {
  const rows = await server.query<Record<string, unknown>>(`SELECT ${RECORD_COLUMNS.join(', ')} FROM records`);
  const stored = new Set(rows.map((row) => `${row.entity as string}/${row.id as string}`));
  const missing = [...prepared.keys].filter((key) => !stored.has(key));
  if (missing.length > 0) throw new Error(`${missing.length} records did not reach the server, e.g. ${missing.slice(0, 3).join(', ')}`);
  const [inserts] = await server.query<{ n: number; distinct: number }>("SELECT count(*)::int AS n, count(DISTINCT (entity, entity_id))::int AS distinct FROM changes WHERE op = 'insert'");
  if (inserts && inserts.n !== inserts.distinct) throw new Error(`${inserts.n - inserts.distinct} records were inserted twice`);
  const [blobs] = await server.query<{ n: number }>('SELECT count(*)::int AS n FROM blobs');
  if (blobs?.n !== prepared.blobFiles.length) throw new Error(`The server holds ${blobs?.n} files, not ${prepared.blobFiles.length}`);
  // Only the rows this console pushed (the admin's user record is the server's own).
  return rows.filter((row) => prepared.keys.has(`${row.entity as string}/${row.id as string}`)).map((row) => RECORD_COLUMNS.map((column) => row[column]));
}

interface FloorSample {
  /** The records rows, multi-row INSERTs in one transaction. */
  rowsMs: number;
  /** The attachment files copied to another folder of the same disk. */
  copyMs: number;
  /** The same files as bytea rows of the server's `blobs` table (where the server keeps them), one transaction. */
  blobRowsMs: number;
}

/**
 * The floor: the same records rows by multi-row INSERT into a fresh database
 * with the server's schema, and the same files copied (the floor);
 * and, separately timed, the same files inserted into that database, which is
 * where the server keeps them.
 */
async function floorSide(cluster: PostgresCluster, rows: unknown[][], blobFiles: string[]): Promise<FloorSample> {
  const databaseUrl = await createServerSchemaDatabase(cluster);
  const target = mkdtempSync(join(tmpdir(), 'walkdown-bench-sync-floor-'));
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    let started = performance.now();
    await bulkInsert(client, 'records', RECORD_COLUMNS, rows);
    const rowsMs = performance.now() - started;
    started = performance.now();
    for (const file of blobFiles) {
      const sha = file.slice(file.lastIndexOf('/') + 1);
      await mkdir(join(target, sha.slice(0, 2)), { recursive: true });
      await copyFile(file, join(target, sha.slice(0, 2), sha));
    }
    const copyMs = performance.now() - started;
    started = performance.now();
    await client.query('BEGIN');
    for (const file of blobFiles) {
      const data = await readFile(file);
      await client.query('INSERT INTO blobs (sha256, size, data, created_at) VALUES ($1, $2, $3, $4)', [file.slice(file.lastIndexOf('/') + 1), data.length, data, Date.now()]);
    }
    await client.query('COMMIT');
    const blobRowsMs = performance.now() - started;
    return { rowsMs, copyMs, blobRowsMs };
  } finally {
    await client.end().catch(() => undefined);
    rmSync(target, { recursive: true, force: true });
  }
}

/**
 * `WALKDOWN_BENCH_SYNC_PROFILE=<dir>`: a CPU profile of the console's side of
 * each sync (this process only; the server is another process) written there,
 * to open in Chrome DevTools.
 */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.WALKDOWN_BENCH_SYNC_PROFILE;
  if (!dir) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `sync-console-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Server-side durations of one route, from its request log (one JSON line per request on stderr). */
function serverRequestMs(server: BenchServer, path: string): number[] {
  return server.process
    .stderr()
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        const entry = JSON.parse(line) as { msg?: string; path?: string; ms?: number };
        return entry.msg === 'request' && entry.path === path && typeof entry.ms === 'number' ? [entry.ms] : [];
      } catch {
        return [];
      }
    });
}
