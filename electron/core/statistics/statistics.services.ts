import type { ServiceDeps } from '../services';

/** Statistics over the open store. Stub: replaced by the statistics implementation. */
export function createStatisticsServices(deps: ServiceDeps) {
  void deps;
  return {};
}

export type StatisticsServices = ReturnType<typeof createStatisticsServices>;
