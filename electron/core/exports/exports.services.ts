import type { ServiceDeps } from '../services';

/** Exports over the open store. Stub: replaced by the exports implementation. */
export function createExportsServices(deps: ServiceDeps) {
  void deps;
  return {};
}

export type ExportsServices = ReturnType<typeof createExportsServices>;
