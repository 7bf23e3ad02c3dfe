import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '@shared/api/sync.contract';
import { api } from '../../api';

interface SyncStatusState {
  /** Null until the first answer. */
  status: SyncStatus | null;
  error: unknown;
  load(): Promise<void>;
  /** Enrol, sync now, un-enrol: each answers with the new status. */
  apply(status: SyncStatus): void;
}

/** Where sync stands, shared by the top-bar indicator and the Sync page. Core pushes every change as `sync.status`. */
export const useSyncStatus = create<SyncStatusState>()((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      const status = await api.call('sync.status', {});
      useSyncStatus.getState().apply(status);
    } catch (error) {
      set({ error });
    }
  },
  apply(status) {
    // An answer can arrive after a newer pushed status (or the reverse): keep the newest.
    set((current) => (current.status && current.status.revision > status.revision ? { error: null } : { status, error: null }));
  },
}));

/** Keeps the store current while mounted (the top bar is, for the life of the window). */
export function useSyncStatusFeed(): void {
  useEffect(() => {
    const store = useSyncStatus.getState();
    void store.load();
    return api.on('sync.status', (status) => useSyncStatus.getState().apply(status));
  }, []);
}
