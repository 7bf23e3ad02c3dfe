import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ServiceReportDetail } from '@shared/api/reports.contract';
import type { ExportTask } from '@shared/domain/exports';
import type { ServiceReport } from '@shared/domain/reports';
import type { createCore } from '../electron/core/core';
import { median, report, round } from './report';

const INCIDENTS = Number(process.env.WALKDOWN_BENCH_REPORT_INCIDENTS ?? 20_000);
const ROUNDS_SEEDED = Number(process.env.WALKDOWN_BENCH_REPORT_ROUNDS ?? 5_000);
const REPEATS = Number(process.env.WALKDOWN_BENCH_ROUNDS ?? 3);
const RESOURCES_DIR = fileURLToPath(new URL('../resources', import.meta.url));
/** 2026-11-27 09:00 in Shanghai (the seed's "now"); 330 days back keeps every record inside 2026. */
const DAYS = 330;

/**
 * The annual half of `reports`: one client with INCIDENTS incidents and
 * ROUNDS_SEEDED rounds over 2026 (the statistics helper's seed, through the
 * real services), its annual service report created through core.call, then
 * timed: `reports.get` (every figure computed from the database, the
 * generated text, the typical-fault candidates), the PDF and the XLSX
 * appendix as background exports from start to the finished file. There is
 * no plain-way baseline for a report, so the lines are report-only
 * (`targetOn: "value"`, no target); the median of REPEATS runs is reported.
 */
export async function annualReportBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-annual-'));
  const global = globalThis as { __dirname?: string };
  global.__dirname ??= fileURLToPath(new URL('../electron/core', import.meta.url));
  const { openSeedStore, seedServiceData, SEED_NOW } = await import('../electron/core/statistics/testing/seed-service-data');
  try {
    process.stderr.write(`bench reports (annual): seeding ${INCIDENTS} incidents and ${ROUNDS_SEEDED} rounds…\n`);
    const seedStart = performance.now();
    const target = await openSeedStore(dataDir, SEED_NOW);
    const seeded = await seedServiceData(target, {
      seed: 2026,
      days: DAYS,
      size: { sites: 4, roomsPerSite: 5, assetsPerRoom: 12, incidents: INCIDENTS, rounds: ROUNDS_SEEDED, problems: 2_000, changes: 500, checkResults: 20_000 },
    });
    target.store.close();
    const seedMs = performance.now() - seedStart;
    process.stderr.write(`bench reports (annual): seeded in ${round(seedMs / 1000, 1)} s\n`);

    const createCoreFn: typeof createCore = (await import('../electron/core/core')).createCore;
    const core = createCoreFn({ dataDir, transport: 'web', resourcesDir: RESOURCES_DIR, now: () => SEED_NOW });
    try {
      await core.ready;
      const call = async <T>(method: string, input: unknown): Promise<T> => {
        const result = await core.call(method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
        return result.value as T;
      };
      await call('profile.save', { name: '陈主管', role: 'supervisor' });
      const annual = await call<ServiceReport>('reports.create', { clientId: seeded.client.id, periodKind: 'annual', year: 2026, index: 1, language: 'zh-CN' });

      /** Start → finished file, polling the task as the renderer does (every 10 ms here). */
      const timeExport = async (method: 'reports.exportPdf' | 'reports.exportXlsx') => {
        const start = performance.now();
        const { taskId } = await call<{ taskId: string }>(method, { id: annual.id });
        let task = await call<ExportTask>('exports.status', { taskId });
        while (task.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 10));
          task = await call<ExportTask>('exports.status', { taskId });
        }
        const ms = performance.now() - start;
        if (task.state !== 'done' || !task.file) throw new Error(`${method}: ${task.state} ${task.error?.message ?? ''}`);
        await call('exports.release', { taskId });
        return { ms, size: task.file.size, rows: task.file.rows };
      };

      // Warm-up: statement caches, the font, exceljs loaded.
      const first = await call<ServiceReportDetail>('reports.get', { id: annual.id });
      await timeExport('reports.exportPdf');

      const figuresMs: number[] = [];
      const pdfMs: number[] = [];
      const xlsxMs: number[] = [];
      let pdf = { size: 0, rows: 0 };
      let xlsx = { size: 0, rows: 0 };
      let peakRss = process.memoryUsage().rss;
      for (let r = 0; r < REPEATS; r++) {
        let start = performance.now();
        await call<ServiceReportDetail>('reports.get', { id: annual.id });
        figuresMs.push(performance.now() - start);
        const p = await timeExport('reports.exportPdf');
        pdfMs.push(p.ms);
        pdf = p;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        start = performance.now();
        const x = await timeExport('reports.exportXlsx');
        xlsxMs.push(x.ms);
        xlsx = x;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      const common = {
        bench: 'reports',
        targetOn: 'value',
        baseline: 0,
        ratio: 0,
        report: 'annual 2026, zh-CN',
        incidents: first.statistics.incidents.total,
        roundsDone: first.statistics.rounds.done,
        candidates: first.candidates.length,
        seededIncidents: seeded.made.incidents,
        seededRounds: seeded.made.rounds,
        seedSeconds: round(seedMs / 1000, 1),
        repeats: REPEATS,
        rssMb: round(peakRss / 1024 / 1024, 0),
      };
      report({ ...common, metric: 'annual-figures-ms', value: round(median(figuresMs), 1), unit: 'ms', call: 'reports.get (figures + generated text + candidates)', runs: figuresMs.map((ms) => round(ms, 1)) });
      report({ ...common, metric: 'annual-pdf-ms', value: round(median(pdfMs), 1), unit: 'ms', call: 'reports.exportPdf → file done', pdfBytes: pdf.size, runs: pdfMs.map((ms) => round(ms, 1)) });
      report({ ...common, metric: 'annual-xlsx-ms', value: round(median(xlsxMs), 1), unit: 'ms', call: 'reports.exportXlsx → file done', xlsxBytes: xlsx.size, appendixRows: xlsx.rows, runs: xlsxMs.map((ms) => round(ms, 1)) });
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
