import { create } from 'zustand';
import type { MethodInput } from '@shared/api';
import type { LocationRef, LocationTree } from '@shared/domain/locations';
import { api } from '../../api';

interface LocationsState {
  tree: LocationTree | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: unknown;
  load(): Promise<void>;
  /** What the caller passes, before the contract's defaults (a rack's height) apply. */
  create(input: MethodInput<'locations.create'>): Promise<string>;
  rename(ref: LocationRef, name: string): Promise<void>;
  remove(ref: LocationRef): Promise<void>;
  restore(ref: LocationRef): Promise<void>;
}

// Loads can overlap (our own write, then the records.changed event it
// causes); only the latest request may write the tree, or an older answer
// could overwrite a newer one.
let latestLoad = 0;

export const useLocations = create<LocationsState>()((set, get) => ({
  tree: null,
  status: 'idle',
  loadError: null,
  async load() {
    const request = ++latestLoad;
    // Keep showing the current tree while refreshing; only the first load shows a spinner.
    if (get().tree === null) set({ status: 'loading' });
    try {
      const tree = await api.call('locations.tree', {});
      if (request === latestLoad) set({ tree, status: 'ready', loadError: null });
    } catch (error) {
      if (request === latestLoad) set({ status: 'failed', loadError: error });
    }
  },
  async create(input) {
    const { id } = await api.call('locations.create', input);
    await get().load();
    return id;
  },
  async rename(ref, name) {
    await api.call('locations.rename', { ...ref, name });
    await get().load();
  },
  async remove(ref) {
    await api.call('locations.delete', ref);
    await get().load();
  },
  async restore(ref) {
    await api.call('locations.restore', ref);
    await get().load();
  },
}));

/**
 * Whether a records.changed event concerns the tree. Core names the node kinds
 * ('client', 'site', 'room', 'rack'); '*' means everything changed (a backup was restored).
 */
const LOCATION_ENTITIES = new Set(['*', 'client', 'site', 'room', 'rack']);

export function touchesLocations(entities: readonly string[]): boolean {
  return entities.some((entity) => LOCATION_ENTITIES.has(entity));
}
