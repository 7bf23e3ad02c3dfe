import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/core/store/database';
import { newId } from '../electron/core/store/ids';
import { LocalStore } from '../electron/core/store/local-store';
import { runMigrations } from '../electron/core/store/migrate';
import { migrations } from '../electron/core/store/migrations';
import { median, report, round } from './report';

const RECORDS = Number(process.env.WALKDOWN_BENCH_RECORDS ?? 10_000);
const ROUNDS = Number(process.env.WALKDOWN_BENCH_ROUNDS ?? 3);

/**
 * `store`: records saved one per transaction, as the UI saves them, through the
 * write path (row + outbox entry + audit line + clock) versus plain
 * better-sqlite3 inserts of the same rows into the same schema with the same
 * pragmas (WAL, synchronous=FULL). Rounds alternate so drift in the machine's
 * load falls on both sides alike; the median of the rounds is reported.
 */
export async function storeBench(): Promise<void> {
  const names = Array.from({ length: RECORDS }, (_, i) => `客户 ${i} 市第${i % 97}人民医院`);
  const baselineMs: number[] = [];
  const writePathMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baselineMs.push(rawInserts(names));
    writePathMs.push(await writePathInserts(names));
  }
  const baseline = median(baselineMs);
  const value = median(writePathMs);
  report({
    bench: 'store',
    metric: 'write-path-inserts-ms',
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    ratio: round(value / baseline),
    target: 2.0,
    records: RECORDS,
    rounds: ROUNDS,
    perRecordUs: round((value * 1000) / RECORDS, 1),
    baselinePerRecordUs: round((baseline * 1000) / RECORDS, 1),
  });
}

function rawInserts(names: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'walkdown-bench-raw-'));
  try {
    const db = openDatabase(join(dir, 'raw.sqlite3'));
    runMigrations(db, migrations);
    const insert = db.prepare('INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const save = db.transaction((name: string) => {
      const now = Date.now();
      insert.run(newId(), name, now, now);
    });
    const start = performance.now();
    for (const name of names) save(name);
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function writePathInserts(names: string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'walkdown-bench-store-'));
  try {
    const store = await LocalStore.open({ dataDir: dir, now: Date.now, actor: () => ({ name: 'bench', role: 'engineer' }) });
    const start = performance.now();
    for (const name of names) store.writePath.write([{ entity: 'client', op: 'insert', id: newId(), fields: { name } }]);
    const elapsed = performance.now() - start;
    store.close();
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
