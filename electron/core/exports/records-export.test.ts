import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, RecordsFilter, type RecordsFilterInput } from '@shared/domain/records';
import { DAY, openSeedStore, seedServiceData, type SeededServiceData, type SeedTarget } from '../statistics/testing/seed-service-data';
import type { ExportsService } from './exports.service';

let dir: string;
let target: SeedTarget;
let seeded: SeededServiceData;
let exportsService: ExportsService;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'walkdown-exports-'));
  target = await openSeedStore(dir);
  seeded = await seedServiceData(target, { days: 120 });
  exportsService = seeded.services.exports.exports;
}, 120_000);

afterAll(() => {
  target?.store.close();
  rmSync(dir, { recursive: true, force: true });
});

function filter(extra: Partial<RecordsFilterInput> = {}): RecordsFilter {
  return RecordsFilter.parse({ kind: 'incidents', from: seeded.from - DAY, to: seeded.now + DAY, timeZone: seeded.timeZone, ...extra });
}

async function exportFile(format: 'csv' | 'xlsx' | 'pdf', f: RecordsFilter, language: 'zh-CN' | 'en' = 'zh-CN') {
  const task = exportsService.start({ source: { type: 'records', filter: f, sort: { by: '', direction: 'desc' } }, format, language });
  const done = await exportsService.jobs.settled(task.taskId);
  expect(done.error).toBeNull();
  expect(done.state).toBe('done');
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await exportsService.read(task.taskId, offset);
    parts.push(Buffer.from(chunk.contentBase64, 'base64'));
    offset += Buffer.from(chunk.contentBase64, 'base64').length;
    if (chunk.eof) break;
  }
  return { task: done, bytes: Buffer.concat(parts), path: exportsService.jobs.filePath(task.taskId) };
}

function incidentCount(): number {
  return (target.store.db.prepare('SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL').get() as { n: number }).n;
}

describe('exporting a records list', () => {
  it('CSV: every matching row, the list order, with the BOM', async () => {
    const { task, bytes } = await exportFile('csv', filter());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows.length - 1).toBe(incidentCount());
    expect(task.file?.rows).toBe(incidentCount());
    expect(task.file?.fileName).toMatch(/^事件 \d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}\.csv$/);
    const list = seeded.services.records.records.list({ filter: filter(), sort: { by: '', direction: 'desc' }, after: null, limit: 3 });
    expect(rows.slice(1, 4).map((row) => row[0])).toEqual(list.rows.map((row) => row.values['number']));
  });

  it('XLSX: typed cells, bold frozen header with an auto filter', async () => {
    const f = filter({ categories: ['hardware'] });
    const { path, task } = await exportFile('xlsx', f, 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    const columns = RECORD_COLUMNS.incidents;
    expect(sheet.rowCount - 1).toBe(task.file?.rows);
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((column) => column.header.en)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const first = seeded.services.records.records.list({ filter: f, sort: { by: '', direction: 'desc' }, after: null, limit: 1 }).rows[0]!;
    const row = sheet.getRow(2);
    const cell = (key: string) => row.getCell(columns.findIndex((column) => column.key === key) + 1);
    expect(cell('number').value).toBe(first.values['number']);
    expect(cell('category').value).toBe('Hardware');
    // The reported time as a date holding the Shanghai wall clock (UTC+8).
    expect(cell('reportedAt').value).toEqual(new Date((first.values['reportedAt'] as number) + 8 * 3_600_000));
    expect(cell('reportedAt').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(typeof cell('systemDown').value).toBe('number');
  });

  it('PDF: Chinese title, the period, the header on every page, page numbers', async () => {
    const { path, task } = await exportFile('pdf', filter({ locationId: seeded.client.id }));
    expect(task.file?.mimeType).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('事件');
    expect(pages[0]).toContain('期间');
    expect(pages[0]).toContain(seeded.client.name);
    pages.forEach((page, index) => {
      expect(page).toContain('报告时间');
      // pdftotext drops the spaces around Chinese characters.
      expect(page.replace(/\s+/g, '')).toContain(`第${index + 1}页/共${pages.length}页`);
    });
  });

  it('cancelling deletes the partial file and changes nothing else', async () => {
    const db = target.store.db;
    const before = db.prepare('SELECT (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM incidents) AS incidents').get();
    const task = exportsService.start({ source: { type: 'records', filter: filter(), sort: { by: '', direction: 'desc' } }, format: 'pdf', language: 'zh-CN' });
    const cancelled = await exportsService.cancel(task.taskId);
    expect(cancelled?.state).toBe('cancelled');
    expect(existsSync(join(dir, 'exports', task.taskId))).toBe(false);
    expect(readdirSync(join(dir, 'exports'))).not.toContain(task.taskId);
    expect(db.prepare('SELECT (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM incidents) AS incidents').get()).toEqual(before);
  });

  it('a filter a kind cannot take fails the task with its code and leaves no file', async () => {
    const task = exportsService.start({ source: { type: 'records', filter: filter({ statuses: ['signed'] }), sort: { by: '', direction: 'desc' } }, format: 'csv', language: 'en' });
    const done = await exportsService.jobs.settled(task.taskId);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'records.invalid-filter' } });
    expect(existsSync(join(dir, 'exports', task.taskId))).toBe(false);
  });
});
