import type { ServiceDeps } from '../services';

/** Reports over the open store. Stub: replaced by the reports implementation. */
export function createReportsServices(deps: ServiceDeps) {
  void deps;
  return {};
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
