/**
 * The periodic service report through the core API (createCore, as either
 * transport calls it) over a real SQLite file seeded with the statistics
 * helper's service data: figures equal to direct SQL counts, the PDF read
 * back with poppler (Chinese headings, the figures, page numbers), the XLSX
 * appendix read back with exceljs, "Regenerate" keeping edited text, and
 * refused calls changing nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceReportDetail } from '@shared/api/reports.contract';
import type { ExportTask, ExportChunk } from '@shared/domain/exports';
import type { ServiceReport, ServiceReportSummary } from '@shared/domain/reports';
import { createCore, type Core } from '../../electron/core/core';
import { openSeedStore, seedServiceData, SEED_NOW, type SeededServiceData } from '../../electron/core/statistics/testing/seed-service-data';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** October 2026 in Shanghai: the last full month before the seed's "now" (27 November). */
const OCT_FROM = Date.UTC(2026, 8, 30, 16, 0, 0);
const OCT_TO = Date.UTC(2026, 9, 31, 16, 0, 0);

describe('service reports through the core API', () => {
  let core: Core;
  let dataDir: string;
  let seeded: SeededServiceData;
  let sql: Database.Database;
  let report: ServiceReport;

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string; message: string }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  /** Waits for an export task and reads its file slice by slice, as the renderer does. */
  async function download(taskId: string): Promise<{ task: ExportTask; bytes: Buffer }> {
    let task = await call<ExportTask>('exports.status', { taskId });
    for (let i = 0; task.state === 'running' && i < 600; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      task = await call<ExportTask>('exports.status', { taskId });
    }
    expect(task.state, JSON.stringify(task.error)).toBe('done');
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const chunk = await call<ExportChunk>('exports.read', { taskId, offset });
      parts.push(Buffer.from(chunk.contentBase64, 'base64'));
      offset += chunk.size;
      if (chunk.eof) break;
    }
    await call('exports.release', { taskId });
    return { task, bytes: Buffer.concat(parts) };
  }

  function pdfText(bytes: Buffer): string {
    const file = join(dataDir, `report-${Date.now()}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  }

  /** Direct SQL over the same file: the client's incidents (by the place they name, else their first asset's room). */
  const count = (query: string, params: Record<string, unknown> = {}) =>
    (sql.prepare(query).get({ client: seeded.client.id, from: OCT_FROM, to: OCT_TO, ...params }) as { n: number }).n;
  const CLIENT_ROOMS = `(SELECT r.id FROM rooms r JOIN sites s ON s.id = r.site_id WHERE s.client_id = @client)`;
  const CLIENT_PLACES = `(SELECT @client UNION SELECT id FROM sites WHERE client_id = @client UNION SELECT id FROM ${CLIENT_ROOMS})`;
  const CLIENT_ASSETS = `(SELECT a.id FROM assets a LEFT JOIN assets h ON h.id = a.installed_on_id WHERE coalesce(a.room_id, h.room_id) IN ${CLIENT_ROOMS})`;
  const incidentCount = () =>
    count(`SELECT count(*) AS n FROM incidents i WHERE i.deleted_at IS NULL AND i.reported_at >= @from AND i.reported_at < @to
      AND (i.location_id IN ${CLIENT_PLACES} OR (i.location_id IS NULL AND json_extract(i.asset_ids, '$[0]') IN ${CLIENT_ASSETS}))`);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-reports-'));
    const target = await openSeedStore(dataDir);
    seeded = await seedServiceData(target, { seed: 8, size: { incidents: 160, rounds: 80, problems: 40, changes: 16 } });
    target.store.close();
    core = createCore({ dataDir, transport: 'web', resourcesDir: join(REPO, 'resources'), now: () => SEED_NOW });
    await core.ready;
    await call('profile.save', { name: '陈主管', role: 'supervisor' });
    sql = new Database(join(dataDir, 'walkdown.sqlite3'), { readonly: true });
  }, 180_000);

  afterAll(async () => {
    sql?.close();
    await core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a monthly report whose figures equal counts taken straight from the database', async () => {
    report = await call<ServiceReport>('reports.create', { clientId: seeded.client.id, periodKind: 'monthly', year: 2026, index: 10, language: 'zh-CN' });
    expect(report.title).toBe(`${seeded.client.name} 2026年10月 IT运维服务报告`);
    expect(report.status).toBe('draft');
    expect(report.createdBy).toBe('陈主管');

    const detail = await call<ServiceReportDetail>('reports.get', { id: report.id });
    expect(detail.range).toEqual({ from: OCT_FROM, to: OCT_TO, timeZone: 'Asia/Shanghai' });
    const s = detail.statistics;

    const incidents = incidentCount();
    expect(incidents).toBeGreaterThan(10);
    expect(s.incidents.total).toBe(incidents);
    const roundsDone = count(`SELECT count(*) AS n FROM rounds r WHERE r.deleted_at IS NULL AND r.status = 'signed' AND r.signed_at < @horizon
      AND r.started_at >= @from AND r.started_at < @to AND r.room_id IN ${CLIENT_ROOMS}`, { horizon: SEED_NOW });
    expect(roundsDone).toBeGreaterThan(0);
    expect(s.rounds.done).toBe(roundsDone);
    const changes = count(`SELECT count(*) AS n FROM changes c WHERE c.deleted_at IS NULL AND c.created_at >= @from AND c.created_at < @to
      AND EXISTS (SELECT 1 FROM json_each(c.asset_ids) j WHERE j.value IN ${CLIENT_ASSETS})`);
    expect(s.changes).toBe(changes);
    const consultations = count(`SELECT count(*) AS n FROM problems p WHERE p.deleted_at IS NULL AND p.type = 'consultation'
      AND p.answered_at >= @from AND p.answered_at < @to AND EXISTS (SELECT 1 FROM json_each(p.asset_ids) j WHERE j.value IN ${CLIENT_ASSETS})`);
    expect(s.consultations).toBe(consultations);

    // The generated text is written from those figures, in Chinese.
    expect(detail.defaults['statistics']).toContain(`本月共完成例行巡检 ${roundsDone} 次、故障处理 ${incidents} 次`);
    expect(detail.defaults['scope']).toContain('2026-10-01 至 2026-10-31');
    // The typical-fault candidates are exactly the client's incidents of the month.
    expect(detail.candidates).toHaveLength(incidents);
    expect(detail.candidates.every((c) => c.reportedAt >= OCT_FROM && c.reportedAt < OCT_TO)).toBe(true);
  });

  it('saves edited text and typical faults, keeps them through regenerate, and refuses a stale save', async () => {
    const detail = await call<ServiceReportDetail>('reports.get', { id: report.id });
    const resolved = detail.candidates.find((c) => c.cause !== '') ?? detail.candidates[0]!;
    const saved = await call<ServiceReport>('reports.save', {
      id: report.id,
      updatedAt: report.updatedAt,
      edit: {
        narrative: { conclusion: '本月系统运行平稳，核心交换机端口故障已彻底排除。', statistics: null },
        typicalFaults: [{ incidentId: resolved.id, happened: `${resolved.title}：门诊挂号中断 20 分钟`, cause: resolved.cause || '光模块老化', fix: '更换光模块并调整链路聚合' }],
        drills: 1,
      },
    });
    expect(saved.updatedAt).toBeGreaterThan(report.updatedAt);
    // A second window still holding the old version cannot overwrite it.
    expect((await callError('reports.save', { id: report.id, updatedAt: report.updatedAt, edit: { narrative: { conclusion: '覆盖' } } })).code).toBe('reports.stale');

    // Regenerate (get again): figures recomputed, generated paragraphs follow them, edited text stays as typed.
    const again = await call<ServiceReportDetail>('reports.get', { id: report.id });
    expect(again.report.narrative).toEqual({ conclusion: '本月系统运行平稳，核心交换机端口故障已彻底排除。' });
    expect(again.report.typicalFaults[0]!.fix).toBe('更换光模块并调整链路聚合');
    expect(again.defaults['statistics']).toContain('应急演练 1 次');
    report = again.report;
  });

  it('exports the PDF with the Chinese headings, the figures, the edited text and page numbers', async () => {
    const { taskId } = await call<{ taskId: string }>('reports.exportPdf', { id: report.id });
    const { task, bytes } = await download(taskId);
    expect(task.file?.mimeType).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes).replace(/[ \t]+/g, ' ');
    for (const heading of ['第一章 服务报告概述', '第二章 维护服务统计', '维护服务汇总表', '第三章 系统风险分析', '第四章 典型故障处理回顾', '第五章 服务计划', '第六章 服务建议', '第七章 服务结论']) {
      expect(text).toContain(heading);
    }
    // A monthly report has no contract chapter.
    expect(text).not.toContain('维护服务与合同要求对照表');
    const detail = await call<ServiceReportDetail>('reports.get', { id: report.id });
    expect(text).toContain(`例行巡检 ${detail.statistics.rounds.done} 次`);
    expect(text).toContain(`故障处理 ${detail.statistics.incidents.total} 次`);
    expect(text).toContain('核心交换机端口故障已彻底排除');
    expect(text).toContain('更换光模块并调整链路聚合');
    expect(text).toContain(report.title);
    // Numbered from the first page after the cover; the cover has none.
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    // (pdftotext drops the spaces between Chinese and digits.)
    const squeezed = pages.map((page) => page.replace(/\s+/g, ''));
    expect(squeezed[0]).not.toMatch(/第\d+页/);
    expect(squeezed[1]).toContain(`第2页/共${pages.length}页`);
    expect(squeezed.at(-1)).toContain(`第${pages.length}页/共${pages.length}页`);
  });

  it('exports the XLSX appendix with a sheet per kind whose rows equal the database', async () => {
    const { taskId } = await call<{ taskId: string }>('reports.exportXlsx', { id: report.id });
    const { task, bytes } = await download(taskId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual(['事件', '巡检', '问题与咨询', '变更', 'SLA超时']);
    const rows = (name: string) => workbook.getWorksheet(name)!.actualRowCount - 1;
    expect(rows('事件')).toBe(incidentCount());
    expect(rows('巡检')).toBe(
      count(`SELECT count(*) AS n FROM rounds r WHERE r.deleted_at IS NULL AND r.started_at >= @from AND r.started_at < @to AND r.room_id IN ${CLIENT_ROOMS}`),
    );
    expect(rows('变更')).toBe(
      count(`SELECT count(*) AS n FROM changes c WHERE c.deleted_at IS NULL AND c.created_at >= @from AND c.created_at < @to
        AND EXISTS (SELECT 1 FROM json_each(c.asset_ids) j WHERE j.value IN ${CLIENT_ASSETS})`),
    );
    const detail = await call<ServiceReportDetail>('reports.get', { id: report.id });
    expect(rows('SLA超时')).toBe(detail.statistics.sla.breaches.length);
    expect(task.file?.rows).toBe(rows('事件') + rows('巡检') + rows('问题与咨询') + rows('变更') + rows('SLA超时'));

    // Typed cells, a bold frozen header and a filter.
    const sheet = workbook.getWorksheet('事件')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(2).getCell(11).value).toBeInstanceOf(Date);
  });

  it('refuses engineers, bad periods and unknown clients, changing nothing', async () => {
    const before = await call<ServiceReportSummary[]>('reports.list', {});
    expect((await callError('reports.create', { clientId: seeded.client.id, periodKind: 'quarterly', year: 2026, index: 5, language: 'zh-CN' })).code).toBe('reports.invalid-period');
    expect((await callError('reports.create', { clientId: seeded.client.id, periodKind: 'monthly', year: 2027, index: 1, language: 'zh-CN' })).code).toBe('reports.invalid-period');
    expect((await callError('reports.create', { clientId: '01890000-0000-7000-8000-000000000000', periodKind: 'monthly', year: 2026, index: 10, language: 'zh-CN' })).code).toBe('reports.client-not-found');
    // A typical fault must be one of the period's incidents of this client.
    const other = sql.prepare('SELECT id FROM incidents WHERE reported_at >= ? LIMIT 1').get(OCT_TO) as { id: string };
    expect((await callError('reports.save', { id: report.id, updatedAt: report.updatedAt, edit: { typicalFaults: [{ incidentId: other.id, happened: 'x', cause: 'y', fix: 'z' }] } })).code).toBe(
      'reports.incident-not-found',
    );

    await call('profile.save', { name: '张伟', role: 'engineer' });
    try {
      expect((await callError('reports.list', {})).code).toBe('reports.forbidden-role');
      expect((await callError('reports.create', { clientId: seeded.client.id, periodKind: 'monthly', year: 2026, index: 9, language: 'zh-CN' })).code).toBe('reports.forbidden-role');
      expect((await callError('reports.save', { id: report.id, updatedAt: report.updatedAt, edit: { drills: 5 } })).code).toBe('reports.forbidden-role');
      expect((await callError('reports.exportPdf', { id: report.id })).code).toBe('reports.forbidden-role');
      expect((await callError('reports.remove', { id: report.id })).code).toBe('reports.forbidden-role');
    } finally {
      await call('profile.save', { name: '陈主管', role: 'supervisor' });
    }
    expect(await call<ServiceReportSummary[]>('reports.list', {})).toEqual(before);
    const kept = await call<ServiceReportDetail>('reports.get', { id: report.id });
    expect(kept.report).toEqual(report);
  });

  it('writes the annual report with the contract chapter, its delivered figures from the data', async () => {
    const annual = await call<ServiceReport>('reports.create', { clientId: seeded.client.id, periodKind: 'annual', year: 2026, index: 1, language: 'en' });
    expect(annual.contractItems.map((item) => item.measure)).toEqual(['rounds', 'incidents', 'drills']);
    const detail = await call<ServiceReportDetail>('reports.get', { id: annual.id });
    expect(detail.contractDelivered).toEqual([String(detail.statistics.rounds.done), String(detail.statistics.incidents.total), '0']);
    const { bytes } = await download((await call<{ taskId: string }>('reports.exportPdf', { id: annual.id })).taskId);
    const text = pdfText(bytes).replace(/[ \t]+/g, ' ');
    expect(text).toContain('6. Service delivered against the contract');
    expect(text).toContain('8. Conclusion');
    expect(text).toMatch(/Page 2 of \d+/);
    await call('reports.remove', { id: annual.id });
    expect((await callError('reports.get', { id: annual.id })).code).toBe('reports.not-found');
  });
});
