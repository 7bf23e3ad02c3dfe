import { create } from 'zustand';
import type { SyncConflict } from '@shared/api/sync.contract';
import { api } from '../../api';

interface ConflictsState {
  includeResolved: boolean;
  /** Null until loaded. */
  conflicts: SyncConflict[] | null;
  error: unknown;
  load(): Promise<void>;
  showResolved(include: boolean): Promise<void>;
}

/** The conflict review list; reloaded when conflicts change (a pull, a resolution here). */
export const useSyncConflicts = create<ConflictsState>()((set, get) => ({
  includeResolved: false,
  conflicts: null,
  error: null,
  async load() {
    const includeResolved = get().includeResolved;
    try {
      const conflicts = await api.call('sync.conflicts', { includeResolved });
      // A toggle while this was loading wins.
      if (get().includeResolved === includeResolved) set({ conflicts, error: null });
    } catch (error) {
      set({ error });
    }
  },
  async showResolved(include) {
    set({ includeResolved: include });
    await get().load();
  },
}));
