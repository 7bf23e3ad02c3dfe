import type { ServiceDeps } from '../services';

/** Records over the open store. Stub: replaced by the records implementation. */
export function createRecordsServices(deps: ServiceDeps) {
  void deps;
  return {};
}

export type RecordsServices = ReturnType<typeof createRecordsServices>;
