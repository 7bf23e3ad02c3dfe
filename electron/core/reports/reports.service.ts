import type { ServiceReportDetail } from '@shared/api/reports.contract';
import type { Profile } from '@shared/domain/profile';
import type { Language } from '@shared/domain/profile';
import {
  isValidPeriod,
  measureValue,
  periodDates,
  periodHasStarted,
  periodLabel,
  type ContractItem,
  type ReportPeriod,
  type ReportPeriodKind,
  type ServiceReport,
  type ServiceReportEdit,
} from '@shared/domain/reports';
import type { ServiceStatistics, StatisticsScopeInput } from '@shared/domain/statistics';
import { localDate, addDays } from '@shared/rounds/schedule-periods';
import { dayOfIsoDate, zonedInstant } from '@shared/time/zoned-time';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { REPORT_MESSAGES, deviceDomainOf, type DeviceDomain } from './report-messages';
import { generateNarrative } from './report-text';
import { ReportsRepo, type PeriodQuery } from './reports.repo';

export interface ReportsServiceDeps {
  store: LocalStore;
  events: EventBus;
  now: () => number;
  actor: () => Profile | null;
  /** Every figure of a scope, from the one statistics implementation (the dashboard's). */
  figures: (scope: StatisticsScopeInput) => ServiceStatistics | Promise<ServiceStatistics>;
  /** The client's contract time zone: months and quarters are cut there. */
  timeZoneOf: (clientId: string) => string;
}

export interface CreateReportInput {
  clientId: string;
  periodKind: ReportPeriodKind;
  year: number;
  index: number;
  language: Language;
}

/** Contract lines an annual report starts with; the supervisor edits them to the real contract. */
function defaultContractItems(language: Language): ContractItem[] {
  const m = REPORT_MESSAGES[language];
  const zh = language === 'zh-CN';
  return [
    { item: m.measures.rounds, commitment: zh ? '每季度1次定期巡检' : 'One routine inspection per quarter', measure: 'rounds', delivered: '', note: '' },
    { item: m.measures.incidents, commitment: zh ? '按合同约定的响应和解决时限处理' : 'Within the contracted response and resolution times', measure: 'incidents', delivered: '', note: '' },
    { item: m.measures.drills, commitment: zh ? '每年1次应急演练' : 'One emergency drill per year', measure: 'drills', delivered: '', note: '' },
  ];
}

/**
 * Service reports: the supervisor's text kept on this console, the figures
 * computed from the data on every read. Only supervisors and admins write
 * them; every refusal happens before anything is written.
 */
export class ReportsService {
  private readonly repo: ReportsRepo;

  constructor(private readonly deps: ReportsServiceDeps) {
    this.repo = new ReportsRepo(deps.store.db);
  }

  /** The profile, if it may work on reports. */
  assertAllowed(): Profile {
    const actor = this.deps.actor();
    if (!actor) throw new AppError('profile.required', 'Set up your profile first');
    if (actor.role !== 'supervisor' && actor.role !== 'admin') {
      throw new AppError('reports.forbidden-role', `A ${actor.role} may not work on service reports`, { details: { role: actor.role } });
    }
    return actor;
  }

  list(clientId: string | null): ServiceReport[] {
    this.assertAllowed();
    return this.repo.list(clientId);
  }

  create(input: CreateReportInput): ServiceReport {
    const actor = this.assertAllowed();
    const clientName = this.repo.clientName(input.clientId);
    if (clientName === null) throw new AppError('reports.client-not-found', `No client ${input.clientId}`, { details: { clientId: input.clientId } });
    const period: ReportPeriod = { kind: input.periodKind, year: input.year, index: input.index };
    const today = localDate(this.deps.now(), this.deps.timeZoneOf(input.clientId));
    if (!isValidPeriod(period) || !periodHasStarted(period, today)) {
      throw new AppError('reports.invalid-period', `No ${period.kind} period ${period.year}/${period.index} to report on`, { details: { period } });
    }
    const at = this.deps.now();
    const report: ServiceReport = {
      id: newId(),
      clientId: input.clientId,
      clientName,
      period,
      language: input.language,
      title: REPORT_MESSAGES[input.language].reportTitle(clientName, periodLabel(period, input.language)),
      narrative: {},
      typicalFaults: [],
      contractItems: period.kind === 'annual' ? defaultContractItems(input.language) : [],
      drills: 0,
      status: 'draft',
      createdBy: actor.name,
      createdAt: at,
      updatedBy: actor.name,
      updatedAt: at,
    };
    this.repo.insert(report);
    this.changed();
    return report;
  }

  async get(id: string): Promise<ServiceReportDetail> {
    this.assertAllowed();
    return this.detail(this.load(id));
  }

  /** Everything the page and the exports show; figures computed now. */
  async detail(report: ServiceReport): Promise<ServiceReportDetail> {
    const range = this.rangeOf(report);
    const statistics = await this.deps.figures({ locationId: report.clientId, engineer: null, from: range.from, to: range.to, timeZone: range.timeZone });
    const devicesByDomain: Partial<Record<DeviceDomain, number>> = {};
    for (const { type, n } of this.repo.devicesByType(report.clientId)) {
      const domain = deviceDomainOf(type);
      devicesByDomain[domain] = (devicesByDomain[domain] ?? 0) + n;
    }
    const { start, end } = periodDates(report.period);
    const defaults = generateNarrative(
      { clientName: report.clientName, period: report.period, firstDay: start, lastDay: addDays(end, -1), drills: report.drills, statistics, devicesByDomain },
      report.language,
    );
    return {
      report,
      range,
      statistics,
      defaults,
      contractDelivered: report.contractItems.map((item) => (item.measure ? String(measureValue(item.measure, statistics, report.drills)) : null)),
      candidates: this.repo.candidates(this.periodQuery(report, range)),
      devicesByDomain,
    };
  }

  /**
   * Saves what the supervisor changed. `updatedAt` is the version they edited:
   * if another window saved since, nothing is written and they are told.
   */
  save(input: { id: string; updatedAt: number; edit: ServiceReportEdit }): ServiceReport {
    const actor = this.assertAllowed();
    const current = this.load(input.id);
    if (current.updatedAt !== input.updatedAt) {
      throw new AppError('reports.stale', 'The report was saved elsewhere since it was opened', { details: { updatedAt: current.updatedAt } });
    }
    const { edit } = input;
    if (edit.typicalFaults) {
      const ids = edit.typicalFaults.map((fault) => fault.incidentId);
      const known = this.repo.incidentsInPeriod(this.periodQuery(current, this.rangeOf(current)), ids);
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new AppError('reports.incident-not-found', `Not incidents of this client in the period: ${unknown.join(', ')}`, { details: { incidentIds: unknown } });
    }
    const narrative = edit.narrative ? Object.fromEntries(Object.entries(edit.narrative).filter(([, text]) => text !== null && text !== undefined)) : current.narrative;
    const next: ServiceReport = {
      ...current,
      title: edit.title ?? current.title,
      language: edit.language ?? current.language,
      narrative,
      typicalFaults: edit.typicalFaults ?? current.typicalFaults,
      contractItems: edit.contractItems ?? current.contractItems,
      drills: edit.drills ?? current.drills,
      status: edit.status ?? current.status,
      updatedBy: actor.name,
      // Strictly later than the version replaced, so the next optimistic check cannot match a stale copy.
      updatedAt: Math.max(this.deps.now(), current.updatedAt + 1),
    };
    if (!this.repo.update(next, input.updatedAt)) {
      throw new AppError('reports.stale', 'The report was saved elsewhere since it was opened', { details: { updatedAt: this.repo.get(input.id)?.updatedAt ?? null } });
    }
    this.changed();
    return next;
  }

  remove(id: string): { id: string } {
    this.assertAllowed();
    if (!this.repo.delete(id)) throw new AppError('reports.not-found', `No report ${id}`, { details: { id } });
    this.changed();
    return { id };
  }

  load(id: string): ServiceReport {
    const report = this.repo.get(id);
    if (!report) throw new AppError('reports.not-found', `No report ${id}`, { details: { id } });
    return report;
  }

  get repository(): ReportsRepo {
    return this.repo;
  }

  rangeOf(report: ServiceReport): { from: number; to: number; timeZone: string } {
    const timeZone = this.deps.timeZoneOf(report.clientId);
    const { start, end } = periodDates(report.period);
    return { from: zonedInstant(dayOfIsoDate(start), 0, timeZone), to: zonedInstant(dayOfIsoDate(end), 0, timeZone), timeZone };
  }

  periodQuery(report: ServiceReport, range: { from: number; to: number }): PeriodQuery {
    return { clientId: report.clientId, from: range.from, to: range.to };
  }

  private changed(): void {
    this.deps.events.emit('records.changed', { entities: ['serviceReport'] });
  }
}
