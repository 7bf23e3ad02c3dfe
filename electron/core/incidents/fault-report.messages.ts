import type { IncidentCategory, IncidentStatus, PendingReason } from '@shared/domain/incidents';
import type { Language } from '@shared/domain/profile';

/** The words of the fault report (故障处理报告). Core renders the PDF, so they live here, not in the renderer's locales. */
export interface FaultReportMessages {
  title: string;
  number: string;
  incidentTitle: string;
  client: string;
  site: string;
  room: string;
  assets: string;
  priority: string;
  systemDown: string;
  yes: string;
  no: string;
  reportedAt: string;
  resolvedAt: string;
  reporter: string;
  assignee: string;
  faultType: string;
  cause: string;
  method: string;
  losses: string;
  workaround: string;
  timeline: string;
  totalTime: string;
  minutes: (n: number) => string;
  none: string;
  timesIn: (zone: string) => string;
  engineerSignature: string;
  clientSignature: string;
  date: string;
  generated: (when: string) => string;
  categories: Record<IncidentCategory, string>;
  statuses: Record<IncidentStatus, string>;
  pendingReasons: Record<PendingReason, string>;
  events: {
    created: string;
    status: string;
    reopened: string;
    priority: string;
    assignee: string;
    workaround: string;
    resolution: string;
    workLog: string;
    evidence: string;
    faultReport: string;
    systemDown: string;
    attachment: string;
  };
}

export const FAULT_REPORT_MESSAGES: Record<Language, FaultReportMessages> = {
  'zh-CN': {
    title: '故障处理报告',
    number: '事件编号',
    incidentTitle: '事件标题',
    client: '客户单位',
    site: '站点',
    room: '机房',
    assets: '涉及设备',
    priority: '优先级',
    systemDown: '系统瘫痪',
    yes: '是',
    no: '否',
    reportedAt: '报告时间',
    resolvedAt: '解决时间',
    reporter: '报告人',
    assignee: '处理人',
    faultType: '故障类型',
    cause: '故障原因',
    method: '处理方法',
    losses: '损失情况',
    workaround: '应急措施',
    timeline: '处理过程',
    totalTime: '累计处理用时',
    minutes: (n) => `${n} 分钟`,
    none: '无',
    timesIn: (zone) => `（时间均为 ${zone} 时区）`,
    engineerSignature: '工程师签字：',
    clientSignature: '客户确认签字：',
    date: '日期：',
    generated: (when) => `生成时间：${when}`,
    categories: { hardware: '硬件故障', software: '软件故障', network: '网络故障', security: '安全事件', environment: '机房环境故障', other: '其他' },
    statuses: { new: '新建', acknowledged: '已确认', 'in-progress': '处理中', pending: '挂起', resolved: '已解决', closed: '已关闭' },
    pendingReasons: { client: '等待客户', vendor: '等待厂商', parts: '等待备件' },
    events: {
      created: '事件登记',
      status: '状态',
      reopened: '重新打开',
      priority: '优先级调整',
      assignee: '处理人变更',
      workaround: '提供应急措施',
      resolution: '解决',
      workLog: '处理记录',
      evidence: '关联证据',
      faultReport: '出具故障报告',
      systemDown: '系统瘫痪标记',
      attachment: '附件',
    },
  },
  en: {
    title: 'Fault report',
    number: 'Incident number',
    incidentTitle: 'Title',
    client: 'Client',
    site: 'Site',
    room: 'Machine room',
    assets: 'Assets affected',
    priority: 'Priority',
    systemDown: 'System down',
    yes: 'Yes',
    no: 'No',
    reportedAt: 'Reported',
    resolvedAt: 'Resolved',
    reporter: 'Reported by',
    assignee: 'Assignee',
    faultType: 'Fault type',
    cause: 'Cause',
    method: 'Method used',
    losses: 'Losses',
    workaround: 'Emergency workaround',
    timeline: 'Timeline',
    totalTime: 'Total time spent',
    minutes: (n) => `${n} min`,
    none: 'None',
    timesIn: (zone) => `(all times ${zone})`,
    engineerSignature: 'Engineer signature:',
    clientSignature: 'Client acknowledgement:',
    date: 'Date:',
    generated: (when) => `Generated ${when}`,
    categories: { hardware: 'Hardware fault', software: 'Software fault', network: 'Network fault', security: 'Security incident', environment: 'Machine room environment', other: 'Other' },
    statuses: { new: 'New', acknowledged: 'Acknowledged', 'in-progress': 'In progress', pending: 'Pending', resolved: 'Resolved', closed: 'Closed' },
    pendingReasons: { client: 'waiting for the client', vendor: 'waiting for a vendor', parts: 'waiting for parts' },
    events: {
      created: 'Incident recorded',
      status: 'Status',
      reopened: 'Reopened',
      priority: 'Priority changed',
      assignee: 'Assignee changed',
      workaround: 'Workaround given',
      resolution: 'Resolved',
      workLog: 'Work',
      evidence: 'Evidence linked',
      faultReport: 'Fault report issued',
      systemDown: 'System down',
      attachment: 'File attached',
    },
  },
};
