import { create } from 'zustand';
import type { MethodInput } from '@shared/api';
import type { ProblemStatus, ProblemType } from '@shared/domain/problems';

export type ProblemTab = 'all' | ProblemType;

interface ProblemListState {
  tab: ProblemTab;
  search: string;
  statuses: ProblemStatus[];
  page: number;
  rowsPerPage: number;
  setTab(tab: ProblemTab): void;
  setSearch(search: string): void;
  toggleStatus(status: ProblemStatus): void;
  setPage(page: number): void;
  setRowsPerPage(rows: number): void;
  clear(): void;
}

/** The list's filter, kept while the user opens a record and comes back. */
export const useProblemList = create<ProblemListState>()((set) => ({
  tab: 'all',
  search: '',
  statuses: [],
  page: 0,
  rowsPerPage: 50,
  // A status of the other type would hide everything: switching tabs starts from all statuses.
  setTab: (tab) => set({ tab, statuses: [], page: 0 }),
  setSearch: (search) => set({ search, page: 0 }),
  toggleStatus: (status) =>
    set((state) => ({ statuses: state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : [...state.statuses, status], page: 0 })),
  setPage: (page) => set({ page }),
  setRowsPerPage: (rowsPerPage) => set({ rowsPerPage, page: 0 }),
  clear: () => set({ search: '', statuses: [], page: 0 }),
}));

export function listInput(state: Pick<ProblemListState, 'tab' | 'search' | 'statuses' | 'page' | 'rowsPerPage'>): MethodInput<'problems.list'> {
  return {
    filter: { search: state.search.trim(), type: state.tab === 'all' ? null : state.tab, statuses: state.statuses },
    offset: state.page * state.rowsPerPage,
    limit: state.rowsPerPage,
  };
}

export function filtering(state: Pick<ProblemListState, 'search' | 'statuses'>): boolean {
  return state.search.trim() !== '' || state.statuses.length > 0;
}
