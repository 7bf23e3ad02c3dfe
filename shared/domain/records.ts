import { z } from 'zod';
import { CHANGE_STATUSES, RISK_LEVELS } from './changes';
import { CHECK_KINDS } from './checks';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from './incidents';
import { PROBLEM_STATUSES, PROBLEM_TYPES } from './problems';
import type { Language } from './profile';
import { ROUND_STATUSES } from './rounds';
import { PRIORITIES, SLA_STATES } from './sla';
import { StatisticsScope } from './statistics';

/**
 * The consolidated views: one list per kind of record across engineers and
 * sites, filtered with the same scope as the dashboard and the service report.
 * Columns are declared here once; the table on screen and every exporter (CSV,
 * XLSX, PDF) read them, so a file always has the columns the screen shows.
 */
export const RECORD_KINDS = ['rounds', 'incidents', 'problems', 'changes', 'checkResults'] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

/**
 * How a value is typed in the row and in files: text; number; date-time (UTC
 * epoch ms, shown in the scope's zone); duration (ms); ratio (0–1).
 */
export const COLUMN_TYPES = ['text', 'number', 'dateTime', 'duration', 'ratio'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Both languages of a label: core writes files in either, whatever the UI's language. */
export type Bilingual = Readonly<Record<Language, string>>;

/** Fixed values (statuses, categories…) and their names, for the screen and for files. */
export const RECORD_VOCABULARIES = {
  incidentStatus: vocabulary(INCIDENT_STATUSES, {
    new: ['New', '新建'], acknowledged: ['Acknowledged', '已响应'], 'in-progress': ['In progress', '处理中'], pending: ['Pending', '挂起'],
    resolved: ['Resolved', '已解决'], closed: ['Closed', '已关闭'],
  }),
  incidentCategory: vocabulary(INCIDENT_CATEGORIES, {
    hardware: ['Hardware', '硬件'], software: ['Software', '软件'], network: ['Network', '网络'], security: ['Security', '安全'],
    environment: ['Environment', '环境'], other: ['Other', '其他'],
  }),
  priority: vocabulary(PRIORITIES, { P1: ['P1', 'P1'], P2: ['P2', 'P2'], P3: ['P3', 'P3'], P4: ['P4', 'P4'] }),
  slaState: vocabulary(SLA_STATES, {
    'on-track': ['On track', '正常'], 'at-risk': ['At risk', '即将超时'], paused: ['Paused', '已暂停'], breached: ['Breached', '已超时'],
    met: ['Met', '已达成'], missed: ['Missed', '未达成'],
  }),
  problemType: vocabulary(PROBLEM_TYPES, { consultation: ['Consultation', '咨询类'], defect: ['Defect', '缺陷类'] }),
  problemStatus: vocabulary(PROBLEM_STATUSES, {
    answered: ['Answered', '已解答'], submitted: ['Submitted', '已提交'], analysed: ['Analysed', '已分析'], confirmed: ['Confirmed', '已确认'],
    resolved: ['Resolved', '已解决'], 'fed-back': ['Fed back', '已回复'],
  }),
  changeStatus: vocabulary(CHANGE_STATUSES, {
    draft: ['Draft', '草稿'], submitted: ['Submitted', '已提交'], approved: ['Approved', '已批准'], rejected: ['Rejected', '已驳回'],
    'in-progress': ['In progress', '实施中'], completed: ['Completed', '已完成'], failed: ['Failed', '失败'], 'rolled-back': ['Rolled back', '已回退'],
    cancelled: ['Cancelled', '已取消'],
  }),
  riskLevel: vocabulary(RISK_LEVELS, { low: ['Low', '低'], medium: ['Medium', '中'], high: ['High', '高'] }),
  roundStatus: vocabulary(ROUND_STATUSES, { 'in-progress': ['In progress', '进行中'], paused: ['Paused', '已暂停'], signed: ['Signed', '已签字'] }),
  checkKind: vocabulary(CHECK_KINDS, {
    ping: ['Ping', 'Ping'], tcp: ['TCP ports', 'TCP 端口'], http: ['HTTP(S)', 'HTTP(S)'], snmp: ['SNMP', 'SNMP'], ssh: ['SSH commands', 'SSH 命令'],
    captured: ['Captured output', '采集的输出'],
  }),
  checkStatus: vocabulary(['ok', 'warning', 'failed', 'error', 'cancelled'] as const, {
    ok: ['OK', '正常'], warning: ['Warning', '警告'], failed: ['Failed', '故障'], error: ['Could not check', '无法检测'], cancelled: ['Cancelled', '已取消'],
  }),
} as const;
export type VocabularyName = keyof typeof RECORD_VOCABULARIES;

export interface RecordColumn {
  /** The property of RecordRow.values. */
  key: string;
  type: ColumnType;
  header: Bilingual;
  /** Text columns holding a fixed value: the name to show instead of the code. */
  vocabulary?: VocabularyName;
  /** Width in characters (XLSX column width; relative width on screen and in the PDF). */
  width: number;
  /** False for values computed after the query (SLA state), which SQL cannot order by. */
  sortable: boolean;
}

function column(key: string, type: ColumnType, en: string, zh: string, width: number, extra: Partial<Pick<RecordColumn, 'vocabulary' | 'sortable'>> = {}): RecordColumn {
  return { key, type, header: { en, 'zh-CN': zh }, width, sortable: extra.sortable ?? true, ...(extra.vocabulary ? { vocabulary: extra.vocabulary } : {}) };
}

const LOCATION_COLUMNS = [
  column('client', 'text', 'Client', '客户', 18),
  column('site', 'text', 'Site', '站点', 16),
  column('room', 'text', 'Room', '机房', 14),
];

export const RECORD_COLUMNS: Readonly<Record<RecordKind, readonly RecordColumn[]>> = {
  incidents: [
    column('number', 'text', 'Number', '编号', 18),
    column('title', 'text', 'Title', '标题', 36),
    column('category', 'text', 'Category', '类别', 10, { vocabulary: 'incidentCategory' }),
    column('priority', 'text', 'Priority', '优先级', 8, { vocabulary: 'priority' }),
    column('status', 'text', 'Status', '状态', 10, { vocabulary: 'incidentStatus' }),
    column('slaState', 'text', 'SLA', 'SLA', 10, { vocabulary: 'slaState', sortable: false }),
    ...LOCATION_COLUMNS,
    column('assignee', 'text', 'Assignee', '处理人', 12),
    column('reporter', 'text', 'Reporter', '报告人', 12),
    column('reportedAt', 'dateTime', 'Reported', '报告时间', 17),
    column('acknowledgedAt', 'dateTime', 'Acknowledged', '响应时间', 17),
    column('resolvedAt', 'dateTime', 'Resolved', '解决时间', 17),
    column('timeToResolve', 'duration', 'Time to resolve', '解决用时', 12),
    column('systemDown', 'number', 'System down', '系统停机', 8),
  ],
  rounds: [
    column('template', 'text', 'Checklist', '巡检模板', 24),
    column('status', 'text', 'Status', '状态', 10, { vocabulary: 'roundStatus' }),
    ...LOCATION_COLUMNS,
    column('startedBy', 'text', 'Engineer', '工程师', 12),
    column('startedAt', 'dateTime', 'Started', '开始时间', 17),
    column('signedBy', 'text', 'Signed by', '签字人', 12),
    column('signedAt', 'dateTime', 'Signed', '签字时间', 17),
    column('duration', 'duration', 'Duration', '用时', 10),
    column('assets', 'number', 'Devices', '设备数', 8),
    column('anomalies', 'number', 'Anomalies', '异常项', 8),
  ],
  problems: [
    column('title', 'text', 'Title', '标题', 36),
    column('type', 'text', 'Type', '类型', 10, { vocabulary: 'problemType' }),
    column('status', 'text', 'Status', '状态', 10, { vocabulary: 'problemStatus' }),
    column('reporter', 'text', 'Reporter', '提出人', 12),
    column('createdBy', 'text', 'Engineer', '工程师', 12),
    column('reportedAt', 'dateTime', 'Reported', '提出时间', 17),
    column('answeredAt', 'dateTime', 'Answered', '解答时间', 17),
    column('incidents', 'number', 'Incidents', '关联事件', 8),
  ],
  changes: [
    column('title', 'text', 'Title', '标题', 36),
    column('status', 'text', 'Status', '状态', 10, { vocabulary: 'changeStatus' }),
    column('risk', 'text', 'Risk', '风险', 8, { vocabulary: 'riskLevel' }),
    column('requester', 'text', 'Requester', '申请人', 12),
    column('implementer', 'text', 'Implementer', '实施人', 12),
    column('createdAt', 'dateTime', 'Created', '创建时间', 17),
    column('windowStart', 'dateTime', 'Window start', '窗口开始', 17),
    column('windowEnd', 'dateTime', 'Window end', '窗口结束', 17),
    column('decidedBy', 'text', 'Decided by', '审批人', 12),
  ],
  checkResults: [
    column('asset', 'text', 'Device', '设备', 24),
    column('target', 'text', 'Address', '地址', 16),
    column('kind', 'text', 'Check', '检查', 10, { vocabulary: 'checkKind' }),
    column('status', 'text', 'Result', '结果', 10, { vocabulary: 'checkStatus' }),
    ...LOCATION_COLUMNS,
    column('startedAt', 'dateTime', 'Checked at', '检查时间', 17),
    column('durationMs', 'duration', 'Took', '耗时', 8),
    column('error', 'text', 'Error', '错误', 30),
  ],
};

/** The name of a record kind, for tabs, file names and PDF titles. */
export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, Bilingual>> = {
  rounds: { en: 'Rounds', 'zh-CN': '巡检记录' },
  incidents: { en: 'Incidents', 'zh-CN': '事件' },
  problems: { en: 'Problems and consultations', 'zh-CN': '问题与咨询' },
  changes: { en: 'Changes', 'zh-CN': '变更' },
  checkResults: { en: 'Check results', 'zh-CN': '检查结果' },
};

/**
 * Which filters mean something for each kind (the UI shows only these; the
 * others are ignored). `category` is the incident category, the problem type
 * or the check kind; `engineer` matches who created, was assigned, started,
 * signed, requested or implemented. Check results record no person.
 */
export const RECORD_FILTERS = {
  incidents: { engineer: true, category: 'incidentCategory', priority: true, slaState: true, status: 'incidentStatus', search: true },
  rounds: { engineer: true, category: null, priority: false, slaState: false, status: 'roundStatus', search: false },
  problems: { engineer: true, category: 'problemType', priority: false, slaState: false, status: 'problemStatus', search: true },
  changes: { engineer: true, category: 'riskLevel', priority: false, slaState: false, status: 'changeStatus', search: true },
  checkResults: { engineer: false, category: 'checkKind', priority: false, slaState: false, status: 'checkStatus', search: false },
} as const satisfies Record<RecordKind, { engineer: boolean; category: VocabularyName | null; priority: boolean; slaState: boolean; status: VocabularyName; search: boolean }>;

/** The record's own date the period applies to. */
export const PERIOD_FIELD: Readonly<Record<RecordKind, string>> = {
  incidents: 'reportedAt',
  rounds: 'startedAt',
  problems: 'reportedAt',
  changes: 'createdAt',
  checkResults: 'startedAt',
};

const Codes = z.array(z.string().min(1).max(40)).max(20).default([]);

/**
 * What to list: the statistics scope (period, location subtree, engineer,
 * zone) plus the per-kind filters. Values that a kind does not know are
 * refused (records.invalid-filter) rather than silently matching nothing.
 */
export const RecordsFilter = z
  .object({
    ...StatisticsScope.shape,
    kind: RecordKind,
    categories: Codes,
    priorities: z.array(z.enum(PRIORITIES)).max(4).default([]),
    slaStates: z.array(z.enum(SLA_STATES)).max(6).default([]),
    statuses: Codes,
    search: z.string().trim().max(200).default(''),
  })
  .refine((s) => s.from < s.to, { message: 'The period must end after it starts', path: ['to'] });
export type RecordsFilter = z.infer<typeof RecordsFilter>;
export type RecordsFilterInput = z.input<typeof RecordsFilter>;

export const RecordsSort = z.object({
  /** A sortable column key of the kind; the period field when empty. */
  by: z.string().max(40).default(''),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type RecordsSort = z.infer<typeof RecordsSort>;

export const RecordValue = z.union([z.string(), z.number(), z.null()]);
export type RecordValue = z.infer<typeof RecordValue>;

/** Where a row leads in the app. */
export const RecordLink = z.object({ kind: z.enum(['incident', 'problem', 'change', 'round', 'asset']), id: z.string() });
export type RecordLink = z.infer<typeof RecordLink>;

export const RecordRow = z.object({
  id: z.string(),
  link: RecordLink.nullable(),
  values: z.record(z.string(), RecordValue),
});
export type RecordRow = z.infer<typeof RecordRow>;

export const RecordsPage = z.object({
  kind: RecordKind,
  total: z.number().int().nonnegative(),
  rows: z.array(RecordRow),
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type RecordsPage = z.infer<typeof RecordsPage>;

export function columnsOf(kind: RecordKind): readonly RecordColumn[] {
  return RECORD_COLUMNS[kind];
}

/** A fixed value's name in a language; the code itself when unknown (a newer device's value). */
export function vocabularyLabel(name: VocabularyName, code: string, language: Language): string {
  const entry = (RECORD_VOCABULARIES[name] as Readonly<Record<string, Bilingual>>)[code];
  return entry ? entry[language] : code;
}

/** The code → name table of a vocabulary. */
export function vocabularyCodes(name: VocabularyName): string[] {
  return Object.keys(RECORD_VOCABULARIES[name]);
}

function vocabulary<const C extends string>(codes: readonly C[], names: Record<C, readonly [string, string]>): Readonly<Record<C, Bilingual>> {
  return Object.fromEntries(codes.map((code) => [code, { en: names[code][0], 'zh-CN': names[code][1] }])) as Record<C, Bilingual>;
}
