import type { ServiceDeps } from '../services';
import { ChangesService } from './changes.service';

export function createChangesServices(deps: ServiceDeps) {
  return new ChangesService({ store: deps.store, events: deps.events, now: deps.now, actor: deps.actor ?? (() => null) });
}

export type ChangesServices = ReturnType<typeof createChangesServices>;
