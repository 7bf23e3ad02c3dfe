import type { EventBus } from './events/event-bus';
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
  };
}

export type Services = ReturnType<typeof createServices>;
