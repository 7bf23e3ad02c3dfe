import type { ServiceReportDetail } from '@shared/api/reports.contract';
import type { Language } from '@shared/domain/profile';
import { zoneOffsetMs } from '@shared/time/zoned-time';
import { REPORT_MESSAGES } from './report-messages';
import { FIRST_PAGE, type PageKey, type PeriodQuery, type ReportsRepo } from './reports.repo';

type Kind = 'text' | 'number' | 'date-time';
interface Column {
  zh: string;
  en: string;
  kind: Kind;
  width: number;
}
type Cell = string | number | null;

const col = (zh: string, en: string, kind: Kind = 'text', width = 14): Column => ({ zh, en, kind, width });

const INCIDENT_COLUMNS = [
  col('编号', 'Number', 'text', 24),
  col('标题', 'Title', 'text', 40),
  col('类别', 'Category', 'text', 10),
  col('优先级', 'Priority', 'text', 8),
  col('状态', 'Status', 'text', 10),
  col('系统瘫痪', 'System down', 'text', 10),
  col('站点', 'Site', 'text', 16),
  col('机房', 'Room', 'text', 16),
  col('报告人', 'Reporter', 'text', 12),
  col('处理人', 'Assignee', 'text', 12),
  col('报告时间', 'Reported', 'date-time', 17),
  col('响应时间', 'Acknowledged', 'date-time', 17),
  col('解决时间', 'Resolved', 'date-time', 17),
  col('关闭时间', 'Closed', 'date-time', 17),
  col('故障原因', 'Cause', 'text', 40),
  col('处理方法', 'Fix', 'text', 40),
];
const ROUND_COLUMNS = [
  col('巡检模板', 'Checklist', 'text', 28),
  col('机房', 'Room', 'text', 16),
  col('状态', 'Status', 'text', 10),
  col('工程师', 'Engineer', 'text', 12),
  col('开始时间', 'Started', 'date-time', 17),
  col('签字人', 'Signed by', 'text', 12),
  col('签字时间', 'Signed', 'date-time', 17),
  col('计划周期', 'Scheduled period', 'text', 12),
  col('总结', 'Summary', 'text', 40),
];
const PROBLEM_COLUMNS = [
  col('类型', 'Type', 'text', 10),
  col('状态', 'Status', 'text', 10),
  col('标题', 'Title', 'text', 36),
  col('提出人', 'Reporter', 'text', 12),
  col('问题', 'Question', 'text', 36),
  col('答复', 'Answer', 'text', 36),
  col('解决方案', 'Resolution', 'text', 36),
  col('提出时间', 'Reported', 'date-time', 17),
  col('答复时间', 'Answered', 'date-time', 17),
  col('记录人', 'Recorded by', 'text', 12),
];
const CHANGE_COLUMNS = [
  col('标题', 'Title', 'text', 36),
  col('状态', 'Status', 'text', 12),
  col('风险', 'Risk', 'text', 8),
  col('申请人', 'Requester', 'text', 12),
  col('实施人', 'Implementer', 'text', 12),
  col('窗口开始', 'Window start', 'date-time', 17),
  col('窗口结束', 'Window end', 'date-time', 17),
  col('审批人', 'Decided by', 'text', 12),
  col('结果', 'Result', 'text', 36),
  col('创建时间', 'Created', 'date-time', 17),
];
const BREACH_COLUMNS = [
  col('编号', 'Number', 'text', 24),
  col('标题', 'Title', 'text', 40),
  col('优先级', 'Priority', 'text', 8),
  col('时限', 'Timer', 'text', 14),
  col('到期时间', 'Due', 'date-time', 17),
];

const TIMERS: Record<Language, Record<string, string>> = {
  'zh-CN': { response: '响应', resolution: '解决', workaround: '应急处理', 'fault-report': '故障报告' },
  en: { response: 'Response', resolution: 'Resolution', workaround: 'Workaround', 'fault-report': 'Fault report' },
};

export interface AppendixProgress {
  /** Rows written so far, of `total`; awaited every chunk (the job yields and checks for cancel there). */
  (done: number, total: number): Promise<void>;
}

/** Rows between two turns of the event loop. */
const CHUNK = 500;

/**
 * The XLSX appendix: the records behind the report's figures, a sheet per
 * kind (incidents, rounds, problems and consultations, changes, SLA
 * breaches) with typed cells, a bold frozen header and an auto filter.
 * Written with exceljs's streaming writer straight to `file`, so memory
 * stays flat for a year of a big client. Returns the data rows written.
 */
export async function writeReportAppendix(
  detail: ServiceReportDetail,
  repo: ReportsRepo,
  query: PeriodQuery,
  file: string,
  onProgress: AppendixProgress,
): Promise<number> {
  const language = detail.report.language;
  const m = REPORT_MESSAGES[language];
  const zh = language === 'zh-CN';
  const timeZone = detail.range.timeZone;
  const counts = repo.countAppendix(query);
  const total = counts.incidents + counts.rounds + counts.problems + counts.changes + detail.statistics.sla.breaches.length;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Walkdown';
  let written = 0;

  /** Excel has no time zones: a time is written as the wall clock of the contract's zone. */
  const when = (ms: number | null): Date | null => (ms === null ? null : new Date(ms + zoneOffsetMs(ms, timeZone)));
  const yesNo = (flag: number) => (flag === 1 ? (zh ? '是' : 'Yes') : zh ? '否' : 'No');

  const sheet = async (name: string, columns: Column[], rows: Iterable<Cell[] | (Cell | Date)[]>) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: zh ? c.zh : c.en,
      width: c.width,
      style: c.kind === 'date-time' ? { numFmt: 'yyyy-mm-dd hh:mm' } : c.kind === 'number' ? { numFmt: '0' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    ws.getRow(1).commit();
    let inChunk = 0;
    for (const row of rows) {
      ws.addRow(row).commit();
      written += 1;
      inChunk += 1;
      if (inChunk === CHUNK) {
        inChunk = 0;
        await onProgress(written, total);
      }
    }
    ws.commit();
    await onProgress(written, total);
  };

  await sheet(m.sheets.incidents, INCIDENT_COLUMNS, mapRows(paged((after, limit) => repo.incidentRows(query, after, limit)), (r) => [
    r.number,
    r.title,
    m.categories[r.category as keyof typeof m.categories] ?? r.category,
    r.priority,
    m.statuses[r.status as keyof typeof m.statuses] ?? r.status,
    yesNo(r.system_down),
    r.site_name,
    r.room_name,
    r.reporter_name,
    r.assignee,
    when(r.reported_at),
    when(r.acknowledged_at),
    when(r.resolved_at),
    when(r.closed_at),
    r.cause,
    r.method,
  ]));
  await sheet(m.sheets.rounds, ROUND_COLUMNS, mapRows(paged((after, limit) => repo.roundRows(query, after, limit)), (r) => [
    r.template_name,
    r.room_name,
    r.status,
    r.started_by,
    when(r.started_at),
    r.signed_by,
    when(r.signed_at),
    r.period_start,
    r.summary,
  ]));
  await sheet(m.sheets.problems, PROBLEM_COLUMNS, mapRows(paged((after, limit) => repo.problemRows(query, after, limit)), (r) => [
    r.type === 'consultation' ? (zh ? '咨询' : 'Consultation') : zh ? '缺陷' : 'Defect',
    r.status,
    r.title,
    r.reporter,
    r.question,
    r.answer,
    r.resolution,
    when(r.reported_at),
    when(r.answered_at),
    r.created_by,
  ]));
  await sheet(m.sheets.changes, CHANGE_COLUMNS, mapRows(paged((after, limit) => repo.changeRows(query, after, limit)), (r) => [
    r.title,
    r.status,
    r.risk_level,
    r.requester,
    r.implementer,
    when(r.window_start),
    when(r.window_end),
    r.decided_by,
    r.result,
    when(r.created_at),
  ]));
  await sheet(m.sheets.breaches, BREACH_COLUMNS, detail.statistics.sla.breaches.map((b) => [b.number, b.title, b.priority, TIMERS[language][b.timer] ?? b.timer, when(b.dueAt)]));
  await workbook.commit();
  return written;
}

/** Rows a page at a time: each page is read whole, so no query is left open across the job's pauses. */
function* paged<T extends { key_id: string; key_at: number }>(page: (after: PageKey, limit: number) => T[]): Generator<T> {
  let after = FIRST_PAGE;
  for (;;) {
    const rows = page(after, PAGE);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { at: last.key_at, id: last.key_id };
  }
}

const PAGE = 2000;

function* mapRows<T, R>(rows: Iterable<T>, map: (row: T) => R): Generator<R> {
  for (const row of rows) yield map(row);
}
