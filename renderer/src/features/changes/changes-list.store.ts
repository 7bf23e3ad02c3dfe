import { create } from 'zustand';
import type { MethodInput } from '@shared/api';
import type { ChangeStatus, RiskLevel } from '@shared/domain/changes';

interface ChangeListState {
  search: string;
  statuses: ChangeStatus[];
  riskLevels: RiskLevel[];
  page: number;
  rowsPerPage: number;
  setSearch(search: string): void;
  toggleStatus(status: ChangeStatus): void;
  toggleRisk(level: RiskLevel): void;
  setPage(page: number): void;
  setRowsPerPage(rows: number): void;
  clear(): void;
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** The list's filter, kept while the user opens a change and comes back. */
export const useChangeList = create<ChangeListState>()((set) => ({
  search: '',
  statuses: [],
  riskLevels: [],
  page: 0,
  rowsPerPage: 50,
  setSearch: (search) => set({ search, page: 0 }),
  toggleStatus: (status) => set((state) => ({ statuses: toggle(state.statuses, status), page: 0 })),
  toggleRisk: (level) => set((state) => ({ riskLevels: toggle(state.riskLevels, level), page: 0 })),
  setPage: (page) => set({ page }),
  setRowsPerPage: (rowsPerPage) => set({ rowsPerPage, page: 0 }),
  clear: () => set({ search: '', statuses: [], riskLevels: [], page: 0 }),
}));

export function changeListInput(state: Pick<ChangeListState, 'search' | 'statuses' | 'riskLevels' | 'page' | 'rowsPerPage'>): MethodInput<'changes.list'> {
  return {
    filter: { search: state.search.trim(), statuses: state.statuses, riskLevels: state.riskLevels },
    offset: state.page * state.rowsPerPage,
    limit: state.rowsPerPage,
  };
}

export function changeFiltering(state: Pick<ChangeListState, 'search' | 'statuses' | 'riskLevels'>): boolean {
  return state.search.trim() !== '' || state.statuses.length > 0 || state.riskLevels.length > 0;
}
