import type { ServiceDeps } from '../services';
import type { SlaPolicySource } from '../incidents/incident-sla';
import { StatisticsService } from './statistics.service';

/** What statistics read of other domains: each client's SLA policy (the SLA services' `policies`). */
export interface StatisticsDomains {
  sla: { policies: SlaPolicySource };
}

/** Statistics over the open store. */
export function createStatisticsServices(deps: ServiceDeps, domains: StatisticsDomains) {
  return { statistics: new StatisticsService(deps.store, domains.sla.policies, deps.now) };
}

export type StatisticsServices = ReturnType<typeof createStatisticsServices>;
