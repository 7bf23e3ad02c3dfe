import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastFullPeriod, periodDates, periodLabel } from '@shared/domain/reports';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { ServiceReportPage } from './pages/ServiceReportPage';
import { ServiceReportsPage } from './pages/ServiceReportsPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];
const CLIENT = '市第二人民医院';
const OTHER_CLIENT = '港湾银行';
const FAULT_TITLE = '核心交换机上联端口闪断';
const CAUSE = '光模块老化导致链路闪断';
const METHOD = '更换光模块并清洁光纤接头';
/** What the supervisor writes over the generated cause. */
const EDITED_CAUSE = '光模块老化，且备件库存不足导致处理延迟';
const EDITED_CONCLUSION = '本月系统总体运行平稳，上联闪断问题已彻底排除。';

function pdfText(path: string): string {
  // Layout mode keeps lines together; runs of white space are one space here.
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Local YYYY-MM-DD of this computer, as the browser computes the default period. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The monthly service report in the Chinese UI as a supervisor: incidents of
 * the last full month recorded through the API, the report created for the
 * client, a typical fault picked and its cause edited, saved, reloaded, and
 * exported as PDF and XLSX through the background export (the downloads read
 * back with poppler and exceljs). The steps build on each other, in order.
 */
describe('service report: the monthly report for a client (zh-CN, supervisor)', () => {
  let session: AppSession;
  let shell: ShellPage;
  let list: ServiceReportsPage;
  let editor: ServiceReportPage;
  let files: string;
  let title: string;
  const month = lastFullPeriod('monthly', today());

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'walkdown-service-report-'));
    session = await openApp({ lang: 'zh-CN', profile: { name: '陈主管', role: 'supervisor' } });
    const call = async <T = { id: string }>(method: string, input: unknown) => (await callApi(session.app, method, input)) as T;
    const client = await call('locations.create', { kind: 'client', name: CLIENT });
    const site = await call('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    const room = await call('locations.create', { kind: 'room', siteId: site.id, name: '三楼核心机房' });
    const other = await call('locations.create', { kind: 'client', name: OTHER_CLIENT });
    const asset = await call('assets.create', { type: 'switch', name: '核心交换机-01', vendor: 'Huawei', roomId: room.id, managementIps: ['10.20.0.1'] });
    // Mid-month at 10:00 in Shanghai, so the incidents fall in the month in any zone the test runs in.
    const { start } = periodDates(month);
    const day = (n: number) => Date.parse(`${start.slice(0, 8)}${String(n).padStart(2, '0')}T02:00:00Z`);
    const fault = await call('incidents.create', {
      title: FAULT_TITLE, category: 'network', impact: 'high', urgency: 'high', assetIds: [asset.id], reporterName: '李护士长', reportedAt: day(10),
    });
    await call('incidents.transition', { id: fault.id, to: 'acknowledged', at: day(10) + 10 * 60_000 });
    await call('incidents.transition', { id: fault.id, to: 'resolved', at: day(10) + 3 * 3_600_000, resolution: { cause: CAUSE, method: METHOD } });
    await call('incidents.create', { title: '门诊打印机卡纸', category: 'hardware', impact: 'low', urgency: 'low', locationId: room.id, reporterName: '王医生', reportedAt: day(12) });
    await call('incidents.create', { title: '机房空调高温告警', category: 'environment', impact: 'medium', urgency: 'medium', locationId: room.id, reporterName: '值班员', reportedAt: day(14) });
    // Another client's incident: never in this client's report.
    await call('incidents.create', { title: '银行柜面网络中断', category: 'network', impact: 'high', urgency: 'medium', locationId: other.id, reporterName: '柜员', reportedAt: day(11) });
    shell = new ShellPage(session.page, zh);
    list = new ServiceReportsPage(session.page, zh);
    editor = new ServiceReportPage(session.page, zh);
    await shell.open('reports', zh.reports.title);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('creates the monthly report for the client for the last full month, with the figures of that month', async () => {
    await list.page.getByText(zh.reports.list.emptyTitle).waitFor();
    await list.create(CLIENT);
    title = `${CLIENT} ${periodLabel(month, 'zh-CN')} IT运维服务报告`;
    await editor.heading(title).waitFor();
    expect(session.page.url()).toMatch(/#\/reports\/[0-9a-f-]{36}$/);
    expect(await editor.figure(zh.reports.figures.incidents)).toBe(3);
    expect(await editor.figure(zh.reports.figures.rounds)).toBe(0);
    // The generated text is written from those figures.
    expect(await editor.paragraph(zh.reports.sections.byCategory).inputValue()).toContain('本月共完成例行巡检 0 次、故障处理 3 次');
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('picks the typical fault (its cause and fix filled from the resolution), edits the review and saves', async () => {
    await editor.addTypicalFault('闪断', FAULT_TITLE);
    const fault = editor.fault(new RegExp(FAULT_TITLE));
    await fault.waitFor();
    expect(await editor.faultField(fault, 'cause').inputValue()).toBe(CAUSE);
    expect(await editor.faultField(fault, 'fix').inputValue()).toBe(METHOD);
    await editor.faultField(fault, 'cause').fill(EDITED_CAUSE);
    await editor.unsavedNotice.waitFor();
    await editor.save();
    // Then a paragraph, saved from the keyboard.
    await editor.paragraph(zh.reports.chapters.conclusion).fill(EDITED_CONCLUSION);
    await editor.saveWithKeyboard();
    await editor.unsavedNotice.waitFor({ state: 'detached' });
  });

  it('keeps the edited text after a reload', async () => {
    await session.page.reload();
    await editor.heading(title).waitFor();
    const fault = editor.fault(new RegExp(FAULT_TITLE));
    expect(await editor.faultField(fault, 'cause').inputValue()).toBe(EDITED_CAUSE);
    expect(await editor.faultField(fault, 'fix').inputValue()).toBe(METHOD);
    expect(await editor.paragraph(zh.reports.chapters.conclusion).inputValue()).toBe(EDITED_CONCLUSION);
    // Regenerate recomputes the figures and leaves the edits alone.
    await session.page.getByRole('button', { name: zh.reports.actions.regenerate, exact: true }).click();
    await session.page.getByText(zh.reports.regenerated).waitFor();
    expect(await editor.paragraph(zh.reports.chapters.conclusion).inputValue()).toBe(EDITED_CONCLUSION);
    expect(await editor.unsavedNotice.count()).toBe(0);
  });

  it('exports the PDF: the Chinese headings, the figures and the edited review are in it', async () => {
    const download = await editor.export('pdf');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = join(files, 'report.pdf');
    await download.saveAs(saved);
    const text = pdfText(saved);
    for (const heading of ['服务报告概述', '维护服务统计', '维护服务汇总表', '系统风险分析', '典型故障处理回顾', '服务计划', '服务建议', '服务结论']) expect(text).toContain(heading);
    expect(text).toContain(CLIENT);
    expect(text).toContain('故障处理 3 次');
    expect(text).toContain(EDITED_CAUSE);
    expect(text).toContain(EDITED_CONCLUSION);
    expect(text).not.toContain('银行柜面网络中断');
  });

  it('exports the XLSX appendix, which opens with a sheet per kind of record', async () => {
    const download = await editor.export('xlsx');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = join(files, 'appendix.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['事件', '巡检', '问题与咨询', '变更', 'SLA超时']);
    const incidents = workbook.getWorksheet('事件')!;
    expect(incidents.actualRowCount).toBe(4);
    const titles = [2, 3, 4].map((row) => incidents.getRow(row).getCell(2).value);
    expect(titles).toContain(FAULT_TITLE);
    expect(titles).not.toContain('银行柜面网络中断');
    expect(session.pageErrors).toEqual([]);
  });

  it('lists the report with its client and period', async () => {
    await shell.open('reports', zh.reports.title);
    await list.reportLink(title).waitFor();
    const row = await list.reportRow(title).textContent();
    expect(row).toContain(CLIENT);
    expect(row).toContain(periodLabel(month, 'zh-CN'));
    expect(row).toContain(zh.reports.statuses.draft);
  });
});
