import type { IncidentCategory, IncidentStatus } from '@shared/domain/incidents';
import type { Language } from '@shared/domain/profile';
import type { ContractMeasure, ReportPeriodKind } from '@shared/domain/reports';

/**
 * The words of the service report. Core renders the PDF and the XLSX, so they
 * live here, not in the renderer's locales. The Chinese headings follow the
 * ITSS report template (服务报告模板) the clients know.
 */
export interface ReportMessages {
  reportTitle: (client: string, period: string) => string;
  coverSubtitle: string;
  client: string;
  period: string;
  periodRange: string;
  supervisor: string;
  date: string;
  page: (n: number, of: number) => string;
  chapter: (n: number, title: string) => string;
  chapters: {
    overview: string;
    statistics: string;
    risks: string;
    typicalFaults: string;
    plan: string;
    contract: string;
    recommendations: string;
    conclusion: string;
  };
  sections: {
    purpose: string;
    scope: string;
    devices: string;
    byCategory: string;
    summaryTable: string;
    availability: string;
    capacity: string;
    condition: string;
    recommendNetwork: string;
    recommendHosts: string;
    recommendStorage: string;
    recommendDatabase: string;
    recommendMachineRoom: string;
  };
  serviceCategories: { rounds: string; incidents: string; consultations: string; problems: string; changes: string; drills: string };
  table: {
    category: string;
    count: string;
    detail: string;
    item: string;
    commitment: string;
    delivered: string;
    note: string;
    domain: string;
    devices: string;
    asset: string;
    checks: string;
    availability: string;
    incidents: string;
  };
  roundsDetail: (scheduled: number, overdue: number) => string;
  incidentsDetail: (resolved: number, open: number) => string;
  changesDetail: (implemented: number) => string;
  charts: { byCategory: string; byMonth: string; sla: string; met: string; breached: string };
  fault: { happened: string; cause: string; fix: string; none: string };
  noContractItems: string;
  noDevices: string;
  notMeasured: string;
  domains: Record<DeviceDomain, string>;
  categories: Record<IncidentCategory, string>;
  statuses: Record<IncidentStatus, string>;
  periodKinds: Record<ReportPeriodKind, string>;
  measures: Record<ContractMeasure, string>;
  /** "本月" / "this month": how the generated text names the period. */
  thisPeriod: Record<ReportPeriodKind, string>;
  list: string;
  percent: (ratio: number) => string;
  hours: (ms: number) => string;
  sheets: { incidents: string; rounds: string; problems: string; changes: string; breaches: string };
}

/** Where a device belongs in the recommendations and the device table. */
export const DEVICE_DOMAINS = ['network', 'hosts', 'storage', 'database', 'machineRoom', 'terminals', 'other'] as const;
export type DeviceDomain = (typeof DEVICE_DOMAINS)[number];

export function deviceDomainOf(assetType: string): DeviceDomain {
  switch (assetType) {
    case 'switch':
    case 'router':
    case 'firewall':
      return 'network';
    case 'server':
    case 'os':
    case 'middleware':
    case 'application':
      return 'hosts';
    case 'storage':
      return 'storage';
    case 'database':
      return 'database';
    case 'ups':
    case 'pdu':
    case 'air-conditioner':
    case 'environment-sensor':
      return 'machineRoom';
    case 'pc':
      return 'terminals';
    default:
      return 'other';
  }
}

const ZH: ReportMessages = {
  reportTitle: (client, period) => `${client} ${period} IT运维服务报告`,
  coverSubtitle: 'IT 服务报告',
  client: '客户单位',
  period: '报告期',
  periodRange: '服务期间',
  supervisor: '报告人',
  date: '日期',
  page: (n, of) => `第 ${n} 页 / 共 ${of} 页`,
  chapter: (n, title) => `第${'一二三四五六七八九十'[n - 1] ?? n}章 ${title}`,
  chapters: {
    overview: '服务报告概述',
    statistics: '维护服务统计',
    risks: '系统风险分析',
    typicalFaults: '典型故障处理回顾',
    plan: '服务计划',
    contract: '维护服务与合同要求对照表',
    recommendations: '服务建议',
    conclusion: '服务结论',
  },
  sections: {
    purpose: '报告目的',
    scope: '服务概述',
    devices: '维护设备范围',
    byCategory: '服务分类统计',
    summaryTable: '维护服务汇总表',
    availability: '可用性情况',
    capacity: '系统能力情况',
    condition: '设备运行状况',
    recommendNetwork: '网络设备服务建议',
    recommendHosts: '主机服务建议',
    recommendStorage: '存储设备服务建议',
    recommendDatabase: '数据库服务建议',
    recommendMachineRoom: '机房环境服务建议',
  },
  serviceCategories: { rounds: '例行巡检', incidents: '故障处理', consultations: '服务请求/咨询', problems: '问题处理', changes: '变更', drills: '应急演练' },
  table: {
    category: '服务类别',
    count: '次数',
    detail: '说明',
    item: '合同条款',
    commitment: '合同要求',
    delivered: '实际完成',
    note: '备注',
    domain: '设备类别',
    devices: '数量',
    asset: '设备',
    checks: '检测次数',
    availability: '可用率',
    incidents: '故障次数',
  },
  roundsDetail: (scheduled, overdue) => `计划 ${scheduled} 次，逾期 ${overdue} 次`,
  incidentsDetail: (resolved, open) => `已解决 ${resolved} 起，未关闭 ${open} 起`,
  changesDetail: (implemented) => `已实施 ${implemented} 项`,
  charts: { byCategory: '故障按类别分布', byMonth: '故障按月分布', sla: 'SLA 达标情况', met: '达标', breached: '超时' },
  fault: { happened: '故障现象', cause: '故障原因', fix: '处理方法', none: '本期未选取典型故障。' },
  noContractItems: '尚未填写合同条款。',
  noDevices: '该客户尚未登记设备。',
  notMeasured: '无数据',
  domains: { network: '网络设备', hosts: '主机', storage: '存储', database: '数据库', machineRoom: '机房环境', terminals: '终端', other: '其他' },
  categories: { hardware: '硬件', software: '软件', network: '网络', security: '安全', environment: '环境', other: '其他' },
  statuses: { new: '新建', acknowledged: '已响应', 'in-progress': '处理中', pending: '挂起', resolved: '已解决', closed: '已关闭' },
  periodKinds: { monthly: '月度', quarterly: '季度', 'half-year': '半年', annual: '年度' },
  measures: { rounds: '例行巡检次数', incidents: '故障处理次数', consultations: '咨询次数', problems: '问题处理次数', changes: '变更次数', drills: '演练次数' },
  thisPeriod: { monthly: '本月', quarterly: '本季度', 'half-year': '本半年', annual: '本年度' },
  list: '、',
  percent: (ratio) => `${(ratio * 100).toFixed(1)}%`,
  hours: (ms) => `${(ms / 3_600_000).toFixed(1)} 小时`,
  sheets: { incidents: '事件', rounds: '巡检', problems: '问题与咨询', changes: '变更', breaches: 'SLA超时' },
};

const EN: ReportMessages = {
  reportTitle: (client, period) => `${client} IT Operations Service Report ${period}`,
  coverSubtitle: 'IT service report',
  client: 'Client',
  period: 'Period',
  periodRange: 'Service period',
  supervisor: 'Prepared by',
  date: 'Date',
  page: (n, of) => `Page ${n} of ${of}`,
  chapter: (n, title) => `${n}. ${title}`,
  chapters: {
    overview: 'Overview',
    statistics: 'Service statistics',
    risks: 'Risk analysis',
    typicalFaults: 'Review of typical faults',
    plan: 'Plan for the next period',
    contract: 'Service delivered against the contract',
    recommendations: 'Recommendations',
    conclusion: 'Conclusion',
  },
  sections: {
    purpose: 'Purpose of the report',
    scope: 'Service scope and period',
    devices: 'Devices covered',
    byCategory: 'Services by category',
    summaryTable: 'Summary table',
    availability: 'Availability',
    capacity: 'Capacity',
    condition: 'Device condition',
    recommendNetwork: 'Network devices',
    recommendHosts: 'Hosts',
    recommendStorage: 'Storage',
    recommendDatabase: 'Databases',
    recommendMachineRoom: 'Machine room',
  },
  serviceCategories: { rounds: 'Routine inspections', incidents: 'Fault handling', consultations: 'Requests / consultations', problems: 'Problems', changes: 'Changes', drills: 'Drills' },
  table: {
    category: 'Category',
    count: 'Count',
    detail: 'Detail',
    item: 'Contract item',
    commitment: 'Commitment',
    delivered: 'Delivered',
    note: 'Note',
    domain: 'Domain',
    devices: 'Devices',
    asset: 'Device',
    checks: 'Checks',
    availability: 'Availability',
    incidents: 'Faults',
  },
  roundsDetail: (scheduled, overdue) => `${scheduled} scheduled, ${overdue} overdue`,
  incidentsDetail: (resolved, open) => `${resolved} resolved, ${open} open`,
  changesDetail: (implemented) => `${implemented} carried out`,
  charts: { byCategory: 'Faults by category', byMonth: 'Faults by month', sla: 'SLA compliance', met: 'Met', breached: 'Breached' },
  fault: { happened: 'What happened', cause: 'Cause', fix: 'Fix', none: 'No typical fault was selected for this period.' },
  noContractItems: 'No contract items entered yet.',
  noDevices: 'No devices are registered for this client.',
  notMeasured: 'no data',
  domains: { network: 'Network', hosts: 'Hosts', storage: 'Storage', database: 'Databases', machineRoom: 'Machine room', terminals: 'Terminals', other: 'Other' },
  categories: { hardware: 'Hardware', software: 'Software', network: 'Network', security: 'Security', environment: 'Environment', other: 'Other' },
  statuses: { new: 'New', acknowledged: 'Acknowledged', 'in-progress': 'In progress', pending: 'Pending', resolved: 'Resolved', closed: 'Closed' },
  periodKinds: { monthly: 'Monthly', quarterly: 'Quarterly', 'half-year': 'Half-year', annual: 'Annual' },
  measures: { rounds: 'Routine inspections', incidents: 'Faults handled', consultations: 'Consultations', problems: 'Problems handled', changes: 'Changes', drills: 'Drills' },
  thisPeriod: { monthly: 'this month', quarterly: 'this quarter', 'half-year': 'this half-year', annual: 'this year' },
  list: ', ',
  percent: (ratio) => `${(ratio * 100).toFixed(1)} %`,
  hours: (ms) => `${(ms / 3_600_000).toFixed(1)} h`,
  sheets: { incidents: 'Incidents', rounds: 'Rounds', problems: 'Problems and consultations', changes: 'Changes', breaches: 'SLA breaches' },
};

export const REPORT_MESSAGES: Readonly<Record<Language, ReportMessages>> = { 'zh-CN': ZH, en: EN };
