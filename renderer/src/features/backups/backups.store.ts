import { create } from 'zustand';
import type { BackupInfo } from '@shared/domain/backups';
import { api } from '../../api';

interface BackupsState {
  backups: BackupInfo[] | null;
  loadError: unknown;
  creating: boolean;
  load(): Promise<void>;
  createNow(): Promise<BackupInfo>;
  restore(file: string): Promise<void>;
}

export const useBackups = create<BackupsState>()((set, get) => ({
  backups: null,
  loadError: null,
  creating: false,
  async load() {
    try {
      set({ backups: await api.call('backups.list', {}), loadError: null });
    } catch (error) {
      set({ loadError: error });
    }
  },
  async createNow() {
    set({ creating: true });
    try {
      const backup = await api.call('backups.create', {});
      await get().load();
      return backup;
    } finally {
      set({ creating: false });
    }
  },
  async restore(file) {
    await api.call('backups.restore', { file });
  },
}));
