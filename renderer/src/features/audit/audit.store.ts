import { create } from 'zustand';
import type { AuditEntry } from '@shared/domain/audit';
import { api } from '../../api';

interface AuditState {
  entries: AuditEntry[] | null;
  loadError: unknown;
  load(limit?: number): Promise<void>;
}

export const useAudit = create<AuditState>()((set) => ({
  entries: null,
  loadError: null,
  async load(limit = 20) {
    try {
      set({ entries: await api.call('audit.list', { limit }), loadError: null });
    } catch (error) {
      set({ loadError: error });
    }
  },
}));
