import { createAssetTransferServices } from './asset-transfer/asset-transfer.services';
import { AssetsService } from './assets/assets.service';
import type { EventBus } from './events/event-bus';
import { CredentialsService } from './credentials/credentials.service';
import { IpPlanService } from './ip-plan/ip-plan.service';
import { LocationsService } from './locations/locations.service';
import type { LocalStore } from './store/local-store';

/** What every domain service may depend on. */
export interface ServiceDeps {
  store: LocalStore;
  events: EventBus;
  dataDir: string;
  now: () => number;
  /** Raw 32-byte key for the credentials vault when Electron's safeStorage unwrapped it; a key file is used otherwise. */
  vaultKey?: Buffer;
}

/**
 * The services of every domain over one open store, built when the store opens
 * (and again after a restore). One line per domain.
 */
export function createServices(deps: ServiceDeps) {
  return {
    locations: new LocationsService(deps.store, deps.events),
    assets: new AssetsService(deps.store, deps.events, deps.now),
    credentials: new CredentialsService(deps),
    ipPlan: new IpPlanService(deps.store, deps.events),
    assetTransfer: createAssetTransferServices(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
