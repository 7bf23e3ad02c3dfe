import type { Language } from '@shared/domain/profile';
import { nextPeriod, periodLabel, type FullNarrative, type ReportPeriod } from '@shared/domain/reports';
import type { ServiceStatistics } from '@shared/domain/statistics';
import { REPORT_MESSAGES, type DeviceDomain } from './report-messages';

export interface NarrativeFacts {
  clientName: string;
  period: ReportPeriod;
  /** Local dates of the period's first and last day. */
  firstDay: string;
  lastDay: string;
  drills: number;
  statistics: ServiceStatistics;
  devicesByDomain: Partial<Record<DeviceDomain, number>>;
}

/** Availability below this is named in the risk analysis. */
const AVAILABILITY_WATCH = 0.99;
/** The paragraph names at most this many devices; the table under it lists more. */
const NAMED_DEVICES = 5;

function lowest<T extends { availability: number | null }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.availability ?? 0) - (b.availability ?? 0)).slice(0, NAMED_DEVICES);
}

/**
 * The text each paragraph starts with, written from the figures (as the
 * template's "整个年度提供了64次的定期巡检服务工作" is). Regenerated on every
 * read, so a paragraph the supervisor has not touched follows the data.
 */
export function generateNarrative(facts: NarrativeFacts, language: Language): FullNarrative {
  return language === 'zh-CN' ? chinese(facts) : english(facts);
}

function chinese(f: NarrativeFacts): FullNarrative {
  const m = REPORT_MESSAGES['zh-CN'];
  const s = f.statistics;
  const when = m.thisPeriod[f.period.kind];
  const compliance = s.sla.compliance === null ? '无可计算的 SLA 时限' : `SLA 达标率 ${m.percent(s.sla.compliance)}`;
  const measured = s.availability.filter((a) => a.availability !== null);
  const low = measured.filter((a) => (a.availability ?? 1) < AVAILABILITY_WATCH);
  const mean = measured.length === 0 ? null : measured.reduce((sum, a) => sum + (a.availability ?? 0), 0) / measured.length;
  const domainCount = (domain: DeviceDomain) => f.devicesByDomain[domain] ?? 0;
  const categoryCount = (category: keyof ServiceStatistics['incidents']['byCategory']) => s.incidents.byCategory[category] ?? 0;
  return {
    purpose:
      '本服务报告作为一种有效的沟通方式，其目的是对系统运维管理情况进行总结，对出现的问题给予说明，以方便客户、用户、公司领导等相关人员对系统状况和项目情况的了解，并为领导决策提供依据。',
    scope: `本报告覆盖${f.clientName}${periodLabel(f.period, 'zh-CN')}（${f.firstDay} 至 ${f.lastDay}）的 IT 运维服务，维护设备共 ${s.devicesCovered} 台。`,
    statistics:
      `${when}共完成例行巡检 ${s.rounds.done} 次、故障处理 ${s.incidents.total} 次、服务请求/咨询 ${s.consultations} 次、变更 ${s.changes} 次、应急演练 ${f.drills} 次。` +
      `例行巡检计划 ${s.rounds.scheduled} 次，逾期 ${s.rounds.overdue} 次；故障中已解决 ${s.incidents.resolved} 起，${compliance}。`,
    availability:
      mean === null
        ? `${when}没有设备可用性检测数据。`
        : `${when}对 ${measured.length} 台设备进行了可用性检测，平均可用率 ${m.percent(mean)}。` +
          (low.length === 0 ? '所有设备可用率均不低于 99%。' : `可用率低于 99% 的设备 ${low.length} 台，最低的是：${lowest(low).map((a) => `${a.name}（${m.percent(a.availability ?? 0)}）`).join('、')}。`),
    capacity: `${when}巡检记录告警或不合格项 ${s.rounds.anomalies} 项，涉及 CPU、内存、磁盘、表空间等容量的读数详见附录巡检记录。`,
    condition:
      (s.topFaultyAssets.length === 0 ? `${when}没有设备发生故障。` : `故障较多的设备：${s.topFaultyAssets.slice(0, 5).map((a) => `${a.name}（${a.incidents} 次）`).join('、')}。`) +
      (s.warrantyEndingSoon.length === 0 ? '' : `维保即将到期的设备 ${s.warrantyEndingSoon.length} 台：${s.warrantyEndingSoon.slice(0, 5).map((a) => `${a.name}（${a.warrantyEnd}）`).join('、')}。`),
    plan: `下一期（${periodLabel(nextPeriod(f.period), 'zh-CN')}）将按巡检计划完成例行巡检，跟踪 ${s.incidents.open} 起尚未关闭的事件直至解决，并针对本期发现的问题落实整改。`,
    contract: '本年度维护服务与合同要求逐项对照如下表。',
    recommendNetwork: `网络设备 ${domainCount('network')} 台，${when}网络类故障 ${categoryCount('network')} 起。建议定期备份交换机、路由器和防火墙配置，核查端口错误计数和安全日志。`,
    recommendHosts: `主机 ${domainCount('hosts')} 台，${when}硬件类故障 ${categoryCount('hardware')} 起、软件类故障 ${categoryCount('software')} 起。建议关注 CPU、内存和文件系统使用率，及时安装补丁。`,
    recommendStorage: `存储设备 ${domainCount('storage')} 台。建议定期检查磁盘、RAID 和控制器状态，关注容量增长趋势。`,
    recommendDatabase: `数据库 ${domainCount('database')} 套。建议核查备份作业结果、表空间使用率和告警日志。`,
    recommendMachineRoom: `机房环境设备 ${domainCount('machineRoom')} 台，${when}环境类故障 ${categoryCount('environment')} 起。建议保持冷通道温度 18–27 °C、相对湿度 40–60 %，定期检查 UPS 电池和消防系统。`,
    conclusion: `${when}共处理故障 ${s.incidents.total} 起，已解决 ${s.incidents.resolved} 起，${compliance}；例行巡检完成 ${s.rounds.done} 次。系统总体运行情况${s.incidents.systemDown > 0 ? `良好，期间发生系统瘫痪类故障 ${s.incidents.systemDown} 起，均已按应急预案处理` : '平稳'}。`,
  };
}

function english(f: NarrativeFacts): FullNarrative {
  const m = REPORT_MESSAGES.en;
  const s = f.statistics;
  const when = m.thisPeriod[f.period.kind];
  const When = when.charAt(0).toUpperCase() + when.slice(1);
  const compliance = s.sla.compliance === null ? 'no SLA timer could be measured' : `SLA compliance was ${m.percent(s.sla.compliance)}`;
  const measured = s.availability.filter((a) => a.availability !== null);
  const low = measured.filter((a) => (a.availability ?? 1) < AVAILABILITY_WATCH);
  const mean = measured.length === 0 ? null : measured.reduce((sum, a) => sum + (a.availability ?? 0), 0) / measured.length;
  const domainCount = (domain: DeviceDomain) => f.devicesByDomain[domain] ?? 0;
  const categoryCount = (category: keyof ServiceStatistics['incidents']['byCategory']) => s.incidents.byCategory[category] ?? 0;
  return {
    purpose:
      'This report sums up how the systems were operated and maintained and explains the problems that arose, so that the client, its users and management understand the state of the systems and of the project and can base decisions on it.',
    scope: `This report covers the IT operations service for ${f.clientName} in ${periodLabel(f.period, 'en')} (${f.firstDay} to ${f.lastDay}); ${s.devicesCovered} devices are maintained.`,
    statistics:
      `${When}: ${s.rounds.done} routine inspections, ${s.incidents.total} fault-handling services, ${s.consultations} requests / consultations, ${s.changes} changes and ${f.drills} drills. ` +
      `${s.rounds.scheduled} inspections were scheduled and ${s.rounds.overdue} overdue; ${s.incidents.resolved} faults were resolved and ${compliance}.`,
    availability:
      mean === null
        ? `No availability checks were recorded ${when}.`
        : `${measured.length} devices were checked for availability ${when}; mean availability ${m.percent(mean)}. ` +
          (low.length === 0 ? 'Every device was at or above 99 %.' : `${low.length} devices were below 99 %; the lowest: ${lowest(low).map((a) => `${a.name} (${m.percent(a.availability ?? 0)})`).join(', ')}.`),
    capacity: `Rounds recorded ${s.rounds.anomalies} warning or failed items ${when}; the capacity readings (CPU, memory, disk, tablespace) are in the appendix.`,
    condition:
      (s.topFaultyAssets.length === 0 ? `No device had a fault ${when}. ` : `Devices with the most faults: ${s.topFaultyAssets.slice(0, 5).map((a) => `${a.name} (${a.incidents})`).join(', ')}. `) +
      (s.warrantyEndingSoon.length === 0 ? '' : `${s.warrantyEndingSoon.length} devices reach the end of their warranty soon: ${s.warrantyEndingSoon.slice(0, 5).map((a) => `${a.name} (${a.warrantyEnd})`).join(', ')}.`),
    plan: `In ${periodLabel(nextPeriod(f.period), 'en')} routine inspections continue as scheduled, the ${s.incidents.open} open incidents are followed until resolved, and the issues found this period are remedied.`,
    contract: 'The service delivered this year against each contract item is listed below.',
    recommendNetwork: `${domainCount('network')} network devices; ${categoryCount('network')} network faults ${when}. Back up switch, router and firewall configurations regularly and review port error counters and security logs.`,
    recommendHosts: `${domainCount('hosts')} hosts; ${categoryCount('hardware')} hardware and ${categoryCount('software')} software faults ${when}. Watch CPU, memory and filesystem use and keep patches current.`,
    recommendStorage: `${domainCount('storage')} storage devices. Check disks, RAID and controllers regularly and watch capacity growth.`,
    recommendDatabase: `${domainCount('database')} databases. Review backup job results, tablespace use and alert logs.`,
    recommendMachineRoom: `${domainCount('machineRoom')} machine-room devices; ${categoryCount('environment')} environment faults ${when}. Keep the cold aisle at 18–27 °C and 40–60 % RH, and test UPS batteries and fire suppression regularly.`,
    conclusion: `${When} ${s.incidents.total} faults were handled and ${s.incidents.resolved} resolved; ${compliance}; ${s.rounds.done} routine inspections were completed. ${s.incidents.systemDown > 0 ? `${s.incidents.systemDown} system-down faults occurred and were handled under the emergency plan.` : 'The systems ran steadily overall.'}`,
  };
}
