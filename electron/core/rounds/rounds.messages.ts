import type { Language } from '@shared/domain/profile';
import type { Outcome, RoundStatus } from '@shared/domain/rounds';

/** What core itself writes about rounds, in the round's template language: incident titles and texts, the PDF report. */
export interface RoundsMessages {
  assetGroup: (names: readonly string[], count: number) => string;
  outcomes: Record<Outcome, string>;
  statuses: Record<RoundStatus, string>;
  passed: string;
  failedCheck: string;
  changed: string;
  unchanged: string;
  notMeasured: string;
  notApplicable: string;
  photos: (n: number) => string;
  signatureGiven: string;
  /** Incident title: the item and what was read ("冷通道温度超限：31 °C"). */
  incidentTitle: (item: string, reading: string, numeric: boolean) => string;
  incidentDescription: (lines: { round: string; item: string; asset: string | null; reading: string; limits: string | null; note: string; at: string }) => string;
  limits: (parts: { warn: string | null; fail: string | null }) => string;
  range: (low: number | null, high: number | null, unit: string) => string | null;
  report: {
    title: string;
    client: string;
    site: string;
    room: string;
    assets: string;
    template: string;
    version: (n: number) => string;
    engineer: string;
    startedAt: string;
    signedAt: string;
    signedBy: string;
    status: string;
    summary: string;
    anomalies: string;
    noAnomalies: string;
    incidents: string;
    noIncidents: string;
    photos: string;
    amendments: string;
    amendment: (by: string, at: string, reason: string) => string;
    reading: string;
    outcome: string;
    note: string;
    none: string;
    timesIn: (zone: string) => string;
    generated: (at: string) => string;
    notSigned: string;
    signature: string;
  };
}

const zh: RoundsMessages = {
  assetGroup: (names, count) => (count <= 1 ? (names[0] ?? '1 台设备') : `${names[0] ?? ''} 等 ${count} 台设备`),
  outcomes: { ok: '正常', warning: '警告', failed: '异常', 'not-applicable': '不适用' },
  statuses: { 'in-progress': '进行中', paused: '已暂停', signed: '已签字' },
  passed: '通过',
  failedCheck: '不通过',
  changed: '配置已变更',
  unchanged: '配置未变更',
  notMeasured: '未读取到',
  notApplicable: '不适用',
  photos: (n) => `${n} 张照片`,
  signatureGiven: '已签名',
  incidentTitle: (item, reading, numeric) => (numeric ? `${item}超限：${reading}` : `${item}异常${reading ? `：${reading}` : ''}`),
  incidentDescription: (l) =>
    [`巡检：${l.round}`, `检查项：${l.item}`, l.asset ? `设备：${l.asset}` : null, `读数：${l.reading}`, l.limits ? `阈值：${l.limits}` : null, l.note ? `备注：${l.note}` : null, `记录时间：${l.at}`]
      .filter(Boolean)
      .join('\n'),
  limits: ({ warn, fail }) => [warn ? `正常 ${warn}` : null, fail ? `超出 ${fail} 为异常` : null].filter(Boolean).join('，'),
  range: (low, high, unit) => (low === null && high === null ? null : low === null ? `≤ ${high} ${unit}`.trim() : high === null ? `≥ ${low} ${unit}`.trim() : `${low}–${high} ${unit}`.trim()),
  report: {
    title: '巡检报告',
    client: '客户',
    site: '站点',
    room: '机房',
    assets: '设备',
    template: '巡检模板',
    version: (n) => `第 ${n} 版`,
    engineer: '巡检人',
    startedAt: '开始时间',
    signedAt: '签字时间',
    signedBy: '签字人',
    status: '状态',
    summary: '总结',
    anomalies: '异常项',
    noAnomalies: '无异常项。',
    incidents: '关联事件',
    noIncidents: '无。',
    photos: '照片',
    amendments: '更正记录',
    amendment: (by, at, reason) => `${at} ${by} 更正，原因：${reason}`,
    reading: '读数',
    outcome: '结果',
    note: '备注',
    none: '无',
    timesIn: (zone) => `时间为 ${zone} 时间`,
    generated: (at) => `生成于 ${at}`,
    notSigned: '尚未签字',
    signature: '签名',
  },
};

const en: RoundsMessages = {
  assetGroup: (names, count) => (count <= 1 ? (names[0] ?? '1 device') : `${names[0] ?? ''} and ${count - 1} more`),
  outcomes: { ok: 'OK', warning: 'Warning', failed: 'Failed', 'not-applicable': 'N/A' },
  statuses: { 'in-progress': 'In progress', paused: 'Paused', signed: 'Signed' },
  passed: 'Pass',
  failedCheck: 'Fail',
  changed: 'Configuration changed',
  unchanged: 'Configuration unchanged',
  notMeasured: 'Not measured',
  notApplicable: 'Not applicable',
  photos: (n) => `${n} photo${n === 1 ? '' : 's'}`,
  signatureGiven: 'Signed',
  incidentTitle: (item, reading, numeric) => (numeric ? `${item} out of range: ${reading}` : `${item} failed${reading ? `: ${reading}` : ''}`),
  incidentDescription: (l) =>
    [`Round: ${l.round}`, `Item: ${l.item}`, l.asset ? `Device: ${l.asset}` : null, `Reading: ${l.reading}`, l.limits ? `Limits: ${l.limits}` : null, l.note ? `Note: ${l.note}` : null, `Recorded: ${l.at}`]
      .filter(Boolean)
      .join('\n'),
  limits: ({ warn, fail }) => [warn ? `normal ${warn}` : null, fail ? `failed outside ${fail}` : null].filter(Boolean).join('; '),
  range: (low, high, unit) => (low === null && high === null ? null : low === null ? `≤ ${high} ${unit}`.trim() : high === null ? `≥ ${low} ${unit}`.trim() : `${low}–${high} ${unit}`.trim()),
  report: {
    title: 'Round report',
    client: 'Client',
    site: 'Site',
    room: 'Machine room',
    assets: 'Devices',
    template: 'Checklist',
    version: (n) => `version ${n}`,
    engineer: 'Engineer',
    startedAt: 'Started',
    signedAt: 'Signed',
    signedBy: 'Signed by',
    status: 'Status',
    summary: 'Summary',
    anomalies: 'Anomalies',
    noAnomalies: 'No anomalies.',
    incidents: 'Linked incidents',
    noIncidents: 'None.',
    photos: 'Photos',
    amendments: 'Amendments',
    amendment: (by, at, reason) => `${at} amended by ${by}: ${reason}`,
    reading: 'Reading',
    outcome: 'Result',
    note: 'Note',
    none: 'none',
    timesIn: (zone) => `Times in ${zone}`,
    generated: (at) => `Generated ${at}`,
    notSigned: 'Not signed yet',
    signature: 'Signature',
  },
};

export const ROUNDS_MESSAGES: Record<Language, RoundsMessages> = { 'zh-CN': zh, en };
