/**
 * Exports of a filtered records list through the core API (createCore, as
 * either transport calls it) over a real SQLite file: 100,000 incidents to
 * XLSX read back with exceljs, the same to CSV, and a cancel mid-way that
 * leaves no file while the API keeps answering.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportChunk, ExportTask } from '@shared/domain/exports';
import { RECORD_COLUMNS, type RecordsPage } from '@shared/domain/records';
import { createCore, type Core } from '../../electron/core/core';
import { insertBulkIncidents, isOpenBulkIncident, type BulkIncidents } from '../../electron/core/exports/testing/bulk-incidents';
import { openDatabase } from '../../electron/core/store/database';
import { DATABASE_FILE } from '../../electron/core/store/local-store';

const ROWS = 100_000;

describe('exports of 100,000 incidents through the core API', () => {
  let dataDir: string;
  let core: Core;
  let bulk: BulkIncidents;
  const progress: { taskId: string; done: number; total: number | null }[] = [];

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  async function settle(taskId: string): Promise<ExportTask> {
    for (;;) {
      const task = await call<ExportTask>('exports.status', { taskId });
      if (task.state !== 'running') return task;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The file as the renderer gets it: slice after slice until the end. */
  async function download(taskId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const chunk = await call<ExportChunk>('exports.read', { taskId, offset });
      const bytes = Buffer.from(chunk.contentBase64, 'base64');
      parts.push(bytes);
      offset += bytes.length;
      if (chunk.eof) return Buffer.concat(parts);
    }
  }

  function filter() {
    return { kind: 'incidents', from: bulk.from, to: bulk.to + 1, timeZone: 'Asia/Shanghai' };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-exports-it-'));
    core = createCore({ dataDir, transport: 'web' });
    await core.ready;
    core.close();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    bulk = insertBulkIncidents(db, ROWS);
    db.close();
    core = createCore({ dataDir, transport: 'web' });
    await core.ready;
    core.onEvent((name, payload) => {
      if (name === 'task.progress') progress.push(payload as (typeof progress)[number]);
    });
    await call('profile.save', { name: '陈主管', role: 'supervisor' });
  }, 120_000);

  afterAll(() => {
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('XLSX: every row, typed cells, bold frozen header with an auto filter', async () => {
    const started = await call<ExportTask>('exports.start', { source: { type: 'records', filter: filter() }, format: 'xlsx', language: 'zh-CN' });
    expect(started.state).toBe('running');
    const done = await settle(started.taskId);
    expect(done).toMatchObject({ state: 'done', done: ROWS, total: ROWS, file: { rows: ROWS } });
    expect(progress.filter((event) => event.taskId === started.taskId).length).toBeGreaterThan(1);
    const path = join(dataDir, 'read-back.xlsx');
    writeFileSync(path, await download(started.taskId));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(ROWS + 1);
    const columns = RECORD_COLUMNS.incidents;
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((column) => column.header['zh-CN'])]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const at = (key: string) => columns.findIndex((column) => column.key === key) + 1;
    // Newest first: data row r holds incident ROWS - r.
    for (const r of [2, 3, 50_001, ROWS + 1]) {
      const i = ROWS - (r - 1);
      const row = sheet.getRow(r);
      expect(row.getCell(at('number')).value).toBe(`INC-${String(i).padStart(6, '0')}`);
      const reportedAt = bulk.from + Math.floor((i / ROWS) * (bulk.to - bulk.from));
      expect(row.getCell(at('reportedAt')).value).toEqual(new Date(reportedAt + 8 * 3_600_000));
      expect(typeof row.getCell(at('systemDown')).value).toBe('number');
      expect(row.getCell(at('client')).value).toBe('批量测试医院');
      // A time span in days; exceljs reads a cell with a time format back as a Date from Excel's epoch.
      const resolved = row.getCell(at('timeToResolve')).value;
      if (!isOpenBulkIncident(i, ROWS)) expect(((resolved as Date).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000).toBeCloseTo(((i % 48) + 1) / 24, 6);
      else expect(resolved).toBeNull();
    }
    await call('exports.release', { taskId: started.taskId });
    expect(readdirSync(join(dataDir, 'exports'))).not.toContain(started.taskId);
  }, 300_000);

  it('CSV: the same rows, UTF-8 with a BOM', async () => {
    const started = await call<ExportTask>('exports.start', { source: { type: 'records', filter: filter() }, format: 'csv', language: 'zh-CN' });
    const done = await settle(started.taskId);
    expect(done.state).toBe('done');
    const bytes = await download(started.taskId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^编号,标题,类别,优先级,状态,SLA,/);
    expect(lines.filter((line) => line !== '')).toHaveLength(ROWS + 1);
    // A title starting with "=" is written so that Excel shows it as text.
    expect(lines.filter((line) => /,"?'=1\+1 looks like a formula/.test(line))).toHaveLength(Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 6 === 4).length);
    expect(lines.some((line) => /,"?=1\+1/.test(line))).toBe(false);
  }, 300_000);

  it('cancelling mid-way deletes the partial file while the API keeps answering', async () => {
    const started = await call<ExportTask>('exports.start', { source: { type: 'records', filter: filter() }, format: 'xlsx', language: 'en' });
    // Other calls answer while the export runs.
    const page = await call<RecordsPage>('records.list', { filter: filter(), limit: 5 });
    expect(page.total).toBe(ROWS);
    while (!progress.some((event) => event.taskId === started.taskId && event.done > 0)) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await call<ExportTask>('exports.status', { taskId: started.taskId })).state).toBe('running');
    const cancelled = await call<ExportTask | null>('exports.cancel', { taskId: started.taskId });
    expect(cancelled?.state).toBe('cancelled');
    expect(cancelled?.done).toBeLessThan(ROWS);
    expect(readdirSync(join(dataDir, 'exports'))).not.toContain(started.taskId);
    const gone = await core.call('exports.status', { taskId: started.taskId });
    expect(gone.ok ? null : gone.error.code).toBe('exports.not-found');
  }, 120_000);
});
