import type { ServiceDeps } from '../services';
import { SyncService } from './sync.service';

export function createSyncServices(deps: ServiceDeps): SyncService {
  return new SyncService({
    store: deps.store,
    events: deps.events,
    dataDir: deps.dataDir,
    now: deps.now,
    actor: deps.actor ?? (() => null),
    vaultKey: deps.vaultKey,
  });
}

export type SyncServices = ReturnType<typeof createSyncServices>;
