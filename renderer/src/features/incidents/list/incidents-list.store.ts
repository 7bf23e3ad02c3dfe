import { create } from 'zustand';
import type { Incident } from '@shared/domain/incidents';
import { api } from '../../../api';
import {
  DEFAULT_FILTER,
  DEFAULT_SORT,
  EMPTY_FILTER,
  filterForView,
  toApiFilter,
  type IncidentListFilter,
  type IncidentListSort,
  type IncidentListView,
} from './incident-list-filter';

/** Rows per request: many screens' worth, answered in milliseconds. */
export const PAGE_SIZE = 200;
/** Pages kept in memory; the ones farthest from view go first. */
const MAX_CACHED_PAGES = 20;
/** How long typing may pause before the list follows. */
export const SEARCH_DEBOUNCE_MS = 150;

export interface LoadedPage {
  rows: Incident[];
  generation: number;
  /** When the answer arrived: SLA remaining times count down from here. */
  fetchedAt: number;
}

interface IncidentListState {
  /** The search box as typed; `filter.search` follows it after a short pause. */
  searchText: string;
  filter: IncidentListFilter;
  sort: IncidentListSort;
  /** Matching incidents from the latest answer; null before the first one. */
  total: number | null;
  /** Whether there are any incidents at all (unfiltered), to tell "nothing yet" from "nothing matches". */
  anyAtAll: boolean | null;
  pages: Record<number, LoadedPage>;
  /**
   * Bumped on every change of filter or sort ('reset': old rows are wrong rows)
   * and on records.changed ('refresh': old rows are only old).
   */
  generation: number;
  resetPending: boolean;
  /** Bumped on a reset so the table scrolls back to the top. */
  resetCount: number;
  loadError: unknown;
  inFlight: number;
  visible: [number, number];
  scrollTop: number;

  setSearchText(text: string): void;
  setFilter(change: Partial<IncidentListFilter>): void;
  setView(view: IncidentListView): void;
  clearFilters(): void;
  setSort(sort: IncidentListSort): void;
  ensureRange(first: number, last: number): void;
  invalidate(kind: 'reset' | 'refresh'): void;
  setScrollTop(top: number): void;
}

const inFlight = new Map<string, Promise<void>>();
let searchTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The incident list, one window of rows at a time (the table is
 * virtualised). Same shape as the asset list: pages are fetched as they
 * scroll into view and older pages stay on screen until their fresh copy
 * arrives, so a refresh after an edit never blanks the table.
 */
export const useIncidentList = create<IncidentListState>()((set, get) => {
  function fetchPage(page: number): Promise<void> {
    const { generation, filter, sort } = get();
    const key = `${generation}:${page}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    set((state) => ({ inFlight: state.inFlight + 1 }));
    const request = api
      .call('incidents.list', { filter: toApiFilter(filter), sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then(
        (answer) => {
          if (get().generation !== generation) return;
          set((state) => {
            const pages = state.resetPending ? {} : { ...state.pages };
            pages[page] = { rows: answer.rows, generation, fetchedAt: Date.now() };
            return {
              pages: evict(pages, state.visible),
              total: answer.total,
              anyAtAll: answer.total > 0 ? true : state.anyAtAll,
              resetPending: false,
              loadError: null,
            };
          });
        },
        (error: unknown) => {
          if (get().generation === generation) set({ loadError: error });
        },
      )
      .finally(() => {
        inFlight.delete(key);
        set((state) => ({ inFlight: state.inFlight - 1 }));
      });
    inFlight.set(key, request);
    return request;
  }

  /** Whether anything was recorded at all, asked only when the filtered list is empty. */
  async function checkAnyAtAll(): Promise<void> {
    try {
      const answer = await api.call('incidents.list', { filter: toApiFilter(EMPTY_FILTER), limit: 1 });
      set({ anyAtAll: answer.total > 0 });
    } catch {
      // Not knowing, say "nothing matches" rather than wait: the list itself shows any failure.
      set({ anyAtAll: true });
    }
  }

  return {
    searchText: '',
    filter: DEFAULT_FILTER,
    sort: DEFAULT_SORT,
    total: null,
    anyAtAll: null,
    pages: {},
    generation: 0,
    resetPending: false,
    resetCount: 0,
    loadError: null,
    inFlight: 0,
    visible: [0, 40],
    scrollTop: 0,

    setSearchText(text) {
      set({ searchText: text });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (get().filter.search !== text.trim()) get().setFilter({ search: text.trim() });
      }, SEARCH_DEBOUNCE_MS);
    },
    setFilter(change) {
      set((state) => ({ filter: { ...state.filter, ...change } }));
      get().invalidate('reset');
    },
    setView(view) {
      set((state) => ({ filter: filterForView(state.filter, view) }));
      get().invalidate('reset');
    },
    clearFilters() {
      clearTimeout(searchTimer);
      set({ searchText: '', filter: EMPTY_FILTER });
      get().invalidate('reset');
    },
    setSort(sort) {
      set({ sort });
      get().invalidate('reset');
    },
    ensureRange(first, last) {
      set({ visible: [first, last] });
      const { total, pages, generation } = get();
      const lastRow = total === null ? last : Math.min(last, Math.max(total - 1, 0));
      for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(lastRow / PAGE_SIZE); page += 1) {
        if (pages[page]?.generation !== generation) {
          void fetchPage(page).then(() => {
            if (get().total === 0 && get().anyAtAll !== true) void checkAnyAtAll();
          });
        }
      }
    },
    invalidate(kind) {
      set((state) => ({
        generation: state.generation + 1,
        resetPending: kind === 'reset' ? true : state.resetPending,
        resetCount: kind === 'reset' ? state.resetCount + 1 : state.resetCount,
        ...(kind === 'reset' ? { visible: [0, state.visible[1] - state.visible[0]] as [number, number], scrollTop: 0 } : {}),
      }));
      const [first, last] = get().visible;
      get().ensureRange(first, last);
    },
    setScrollTop(top) {
      set({ scrollTop: top });
    },
  };
});

function evict(pages: Record<number, LoadedPage>, visible: [number, number]): Record<number, LoadedPage> {
  const numbers = Object.keys(pages).map(Number);
  if (numbers.length <= MAX_CACHED_PAGES) return pages;
  const centre = (visible[0] + visible[1]) / 2 / PAGE_SIZE;
  numbers.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  const kept = { ...pages };
  for (const page of numbers.slice(0, numbers.length - MAX_CACHED_PAGES)) delete kept[page];
  return kept;
}

/** records.changed entities that change what the list shows. '*' means everything (a restored backup). */
const LIST_ENTITIES = new Set(['*', 'incident', 'incidentWorkLog', 'slaPolicy']);
export function touchesIncidentList(entities: readonly string[]): boolean {
  return entities.some((entity) => LIST_ENTITIES.has(entity));
}
