import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { ExportTask } from '@shared/domain/exports';
import { RecordsFilter, type RecordColumn } from '@shared/domain/records';
import type * as CoreModule from '../electron/core/core';
import type { Core } from '../electron/core/core';
import { insertBulkIncidents } from '../electron/core/exports/testing/bulk-incidents';
import { openDatabase } from '../electron/core/store/database';
import { DATABASE_FILE } from '../electron/core/store/local-store';
import { median, report, round } from './report';

const ROWS = Number(process.env.WALKDOWN_BENCH_XLSX_ROWS ?? 100_000);
const ROUNDS = Number(process.env.WALKDOWN_BENCH_ROUNDS ?? 3);
const SELF = fileURLToPath(import.meta.url);
const CHILD_ENV = 'WALKDOWN_BENCH_XLSX_SIDE';

/** Core reads __dirname (resources/ beside it); tsx runs this file as an ES module, which has none. */
async function loadCore(): Promise<typeof CoreModule> {
  const global = globalThis as { __dirname?: string };
  global.__dirname ??= fileURLToPath(new URL('../electron/core', import.meta.url));
  return import('../electron/core/core');
}

type Side = 'service' | 'exceljs';
interface SideResult {
  ms: number;
  maxRssMb: number;
  /** RSS when the timed work starts: the process as loaded (the bundled bench, core or exceljs, the side's data). */
  startRssMb: number;
  bytes: number;
  rows: number;
}

/**
 * `reports` part 1: XLSX of ROWS incidents. Ours: `exports.start` through
 * core's API (createCore, as both transports call it) over a real SQLite
 * file, timed from the call until `exports.status` says done — the query in
 * chunks, SLA states, vocabularies, zone conversion, the typed streaming
 * workbook on disk. Baseline: exceljs's streaming WorkbookWriter alone
 * writing the very same cells (made beforehand, untimed) with the same sheet
 * setup (header style, frozen row, auto filter, widths, number formats).
 * Each side runs in its own child process, so its peak RSS is its own.
 */
export async function xlsxExportBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-xlsx-'));
  try {
    const { createCore } = await loadCore();
    const core = createCore({ dataDir, transport: 'web' });
    await core.ready;
    core.close();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    const seedStarted = performance.now();
    const bulk = insertBulkIncidents(db, ROWS);
    db.close();
    process.stderr.write(`reports bench: ${ROWS} incidents written in ${round((performance.now() - seedStarted) / 1000, 1)} s\n`);
    const filter = { kind: 'incidents', from: bulk.from, to: bulk.to + 1, timeZone: 'Asia/Shanghai' };

    const results: Record<Side, SideResult[]> = { service: [], exceljs: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order: Side[] = r % 2 === 0 ? ['service', 'exceljs'] : ['exceljs', 'service'];
      for (const side of order) results[side].push(await runChild(side, dataDir, filter));
      process.stderr.write(
        `reports bench: round ${r + 1}/${ROUNDS}: export ${round(results.service.at(-1)!.ms, 0)} ms (peak ${results.service.at(-1)!.maxRssMb} MB, ${results.service.at(-1)!.startRssMb} MB at start), exceljs alone ${round(results.exceljs.at(-1)!.ms, 0)} ms (peak ${results.exceljs.at(-1)!.maxRssMb} MB, ${results.exceljs.at(-1)!.startRssMb} MB at start)\n`,
      );
    }
    for (const side of ['service', 'exceljs'] as const) {
      if (results[side].some((result) => result.rows !== ROWS)) throw new Error(`reports bench: the ${side} side wrote ${results[side].map((result) => result.rows).join(', ')} rows, not ${ROWS}`);
    }
    const value = median(results.service.map((result) => result.ms));
    const baseline = median(results.exceljs.map((result) => result.ms));
    report({
      bench: 'reports',
      metric: 'xlsx-100k-ms',
      value: round(value, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(value / baseline, 2),
      target: 1.5,
      rows: ROWS,
      roundsMs: results.service.map((result) => round(result.ms, 0)),
      baselineRoundsMs: results.exceljs.map((result) => round(result.ms, 0)),
      fileBytes: results.service[0]!.bytes,
      baselineFileBytes: results.exceljs[0]!.bytes,
    });
    const rss = Math.max(...results.service.map((result) => result.maxRssMb));
    const baselineRss = Math.max(...results.exceljs.map((result) => result.maxRssMb));
    report({
      bench: 'reports',
      metric: 'xlsx-100k-peak-rss-mb',
      value: rss,
      unit: 'MB',
      baseline: baselineRss,
      ratio: round(rss / baselineRss, 2),
      target: 300,
      targetOn: 'value',
      startRssMb: Math.max(...results.service.map((result) => result.startRssMb)),
      baselineStartRssMb: Math.max(...results.exceljs.map((result) => result.startRssMb)),
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The children run this file bundled by esbuild into bench/results/ (two
 * levels below the repository, like out/core/utility-entry.cjs, so core finds
 * resources/), as the product ships core, not under tsx: tsx's loader and its
 * transpile caches added ~150 MB to every child's RSS, which is not the
 * export's memory.
 */
function bundleChild(): string {
  const outfile = fileURLToPath(new URL('./results/reports-xlsx-child.cjs', import.meta.url));
  buildSync({
    entryPoints: [SELF],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'cpu-features', '*.node', 'esbuild'],
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(SELF).href) },
  });
  return outfile;
}

let childEntry: string | null = null;

function runChild(side: Side, dataDir: string, filter: unknown): Promise<SideResult> {
  childEntry ??= bundleChild();
  const entry = childEntry;
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], {
      execArgv: [],
      env: { ...process.env, [CHILD_ENV]: JSON.stringify({ side, dataDir, filter }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.on('message', (message: { ok: true; result: SideResult } | { ok: false; error: string }) => {
      answered = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`reports bench, ${side} side: ${message.error}`));
    });
    child.on('exit', (code) => {
      if (!answered) reject(new Error(`reports bench, ${side} side: the child exited with ${code}`));
    });
  });
}

/** In the child: one side, once, then the peak RSS of this process. */
async function childMain(spec: { side: Side; dataDir: string; filter: unknown }): Promise<SideResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-xlsx-out-'));
  try {
    const measured = spec.side === 'service' ? await serviceSide(spec.dataDir, spec.filter) : await exceljsSide(spec.dataDir, spec.filter, join(outDir, 'alone.xlsx'));
    return { ...measured, maxRssMb: round(process.resourceUsage().maxRSS / 1024, 0) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function serviceSide(dataDir: string, filter: unknown): Promise<Omit<SideResult, 'maxRssMb'>> {
  const { createCore } = await loadCore();
  const core: Core = createCore({ dataDir, transport: 'web' });
  await core.ready;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  try {
    await call('profile.save', { name: 'bench', role: 'supervisor' });
    // Loaded before the clock starts, as on the exceljs side: both sides time the writing, not module loading.
    await import('exceljs');
    const startRssMb = round(process.memoryUsage().rss / 1048576, 0);
    const started = performance.now();
    const task = await call<ExportTask>('exports.start', { source: { type: 'records', filter }, format: 'xlsx', language: 'zh-CN' });
    let status = task;
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await call<ExportTask>('exports.status', { taskId: task.taskId });
    }
    const ms = performance.now() - started;
    if (status.state !== 'done' || !status.file) throw new Error(`the export ended ${status.state}: ${status.error?.message ?? ''}`);
    return { ms, bytes: status.file.size, rows: status.file.rows, startRssMb };
  } finally {
    core.close();
  }
}

/** The same cells as the export writes, made first (untimed), then written by exceljs alone. */
async function exceljsSide(dataDir: string, filterInput: unknown, path: string): Promise<Omit<SideResult, 'maxRssMb'>> {
  await loadCore();
  const { LocalStore } = await import('../electron/core/store/local-store');
  const { createServices } = await import('../electron/core/services');
  const { EventBus } = await import('../electron/core/events/event-bus');
  const { RecordTable } = await import('../electron/core/exports/record-table');
  const store = await LocalStore.open({ dataDir, now: Date.now, actor: () => null });
  const services = createServices({ store, events: new EventBus(), dataDir: join(dataDir, 'bench-side'), now: Date.now, actor: () => null });
  const filter = RecordsFilter.parse(filterInput);
  const table = new RecordTable(filter, 'zh-CN');
  const rows: unknown[][] = [];
  const sample = [];
  for (const chunk of services.records.records.chunks(filter, { by: '', direction: 'desc' })) {
    if (sample.length === 0) sample.push(...chunk);
    for (const row of chunk) {
      rows.push(
        table.cells(row).map((cell, i) => {
          const type = (table.columns[i] as RecordColumn).type;
          if (typeof cell !== 'number') return cell;
          return type === 'dateTime' ? table.clock.wallDate(cell) : type === 'duration' ? cell / 86_400_000 : cell;
        }),
      );
    }
  }
  const widths = table.widths(sample);
  store.close();

  const { default: ExcelJS } = await import('exceljs');
  const startRssMb = round(process.memoryUsage().rss / 1048576, 0);
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.title(), { views: [{ state: 'frozen', ySplit: 1 }] });
  const formats: Partial<Record<RecordColumn['type'], string>> = { dateTime: 'yyyy-mm-dd hh:mm', duration: '[h]:mm', ratio: '0.0%' };
  sheet.columns = table.columns.map((column, i) => ({ header: table.headers[i], key: column.key, width: widths[i], ...(formats[column.type] ? { style: { numFmt: formats[column.type] } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  header.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  const ms = performance.now() - started;
  return { ms, bytes: statSync(path).size, rows: rows.length, startRssMb };
}

const childSpec = process.env[CHILD_ENV];
if (childSpec) {
  childMain(JSON.parse(childSpec) as { side: Side; dataDir: string; filter: unknown })
    .then((result) => process.send?.({ ok: true, result }))
    .catch((error: unknown) => process.send?.({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    .finally(() => process.disconnect?.());
}
