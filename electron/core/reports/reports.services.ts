import { StatisticsScope } from '@shared/domain/statistics';
import type { ExportJobs } from '../exports/export-jobs';
import { timeZoneOf, type SlaPolicySource } from '../incidents/incident-sla';
import type { ServiceDeps } from '../services';
import { createStatisticsServices } from '../statistics/statistics.services';
import { ReportExports } from './report-exports';
import { ReportsService } from './reports.service';

/** What reports take from other domains: the SLA policies (for statistics and each client's time zone) and the one export runner. */
export interface ReportsDomains {
  sla: { policies: SlaPolicySource };
  jobs: ExportJobs;
}

/** Periodic service reports over the open store. Figures come from the statistics domain, as on the dashboard. */
export function createReportsServices(deps: ServiceDeps, domains: ReportsDomains) {
  const { statistics } = createStatisticsServices(deps, { sla: domains.sla });
  const reports = new ReportsService({
    store: deps.store,
    events: deps.events,
    now: deps.now,
    actor: deps.actor ?? (() => null),
    figures: (scope) => statistics.compute(StatisticsScope.parse(scope)),
    timeZoneOf: (clientId) => timeZoneOf(domains.sla.policies.effectivePolicy(clientId)),
  });
  return { reports, exports: new ReportExports(reports, domains.jobs, deps.now) };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
