import { create } from 'zustand';
import type { ASSET_SORT_FIELDS, Asset, AssetFilterInput, AssetStatus, AssetType } from '@shared/domain/assets';
import type { LocationKind } from '@shared/domain/locations';
import { api } from '../../api';

export type AssetSortField = (typeof ASSET_SORT_FIELDS)[number];
export interface AssetListSort {
  field: AssetSortField;
  direction: 'asc' | 'desc';
}

export interface AssetListFilter {
  /** Already debounced: what the list is showing. */
  query: string;
  types: AssetType[];
  statuses: AssetStatus[];
  vendors: string[];
  location: { kind: LocationKind; id: string; path: string } | null;
  warrantyEndingSoon: boolean;
}

/** Rows per request: a screenful many times over, small enough to answer in milliseconds. */
export const PAGE_SIZE = 200;
/** Pages kept in memory (10,000 rows); the ones farthest from view go first. */
const MAX_CACHED_PAGES = 50;
/** The most assets a selection holds: what one label sheet request accepts. */
export const MAX_SELECTION = 5000;
/** Rows fetched per request when collecting ids for a selection. */
const ID_BATCH = 1000;

export const EMPTY_FILTER: AssetListFilter = { query: '', types: [], statuses: [], vendors: [], location: null, warrantyEndingSoon: false };

interface AssetListState {
  /** The search box as typed; `filter.query` follows it after a short pause. */
  searchText: string;
  filter: AssetListFilter;
  sort: AssetListSort;
  /** Matching assets, from the latest answer; null before the first one. */
  total: number | null;
  /** A vague search matched more than core counts; `total` is the cap. */
  totalCapped: boolean;
  /** Loaded pages by page number, with the generation each was loaded for. */
  pages: Record<number, { rows: Asset[]; generation: number }>;
  /**
   * Bumped on every change of filter or sort ('reset': old rows are wrong
   * rows) and on records.changed ('refresh': old rows are only old). Pages of
   * an older generation are shown until their fresh copy arrives.
   */
  generation: number;
  resetPending: boolean;
  /** Bumped on a reset so the table scrolls back to the top. */
  resetCount: number;
  loadError: unknown;
  inFlight: number;
  /** The rows the table shows, so a refresh reloads what is on screen. */
  visible: [number, number];
  scrollTop: number;
  vendors: string[];
  selection: ReadonlySet<string>;
  /** The row a shift-click extends from. */
  anchor: number | null;
  selecting: boolean;

  setSearchText(text: string): void;
  setFilter(change: Partial<AssetListFilter>): void;
  clearFilters(): void;
  setSort(sort: AssetListSort): void;
  /** Loads the pages that rows first…last fall in, unless loaded or on their way. */
  ensureRange(first: number, last: number): void;
  invalidate(kind: 'reset' | 'refresh'): void;
  loadVendors(): Promise<void>;
  rowAt(index: number): Asset | undefined;
  setScrollTop(top: number): void;
  /** A click on a row's checkbox; with Shift, everything from the last clicked row to this one. */
  toggleRow(index: number, id: string, extend: boolean): Promise<{ capped: boolean }>;
  selectAllMatching(): Promise<{ capped: boolean }>;
  clearSelection(): void;
}

/** The list's request for a filter, in the contract's shape. */
export function toApiFilter(filter: AssetListFilter): AssetFilterInput {
  return {
    query: filter.query,
    types: filter.types,
    statuses: filter.statuses,
    vendors: filter.vendors,
    location: filter.location ? { kind: filter.location.kind, id: filter.location.id } : null,
    warrantyEndingSoon: filter.warrantyEndingSoon,
  };
}

export function filterIsActive(filter: AssetListFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.types.length > 0 ||
    filter.statuses.length > 0 ||
    filter.vendors.length > 0 ||
    filter.location !== null ||
    filter.warrantyEndingSoon
  );
}

const inFlight = new Map<string, Promise<Asset[] | null>>();
let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** How long typing may pause before the list follows: instant to the eye, one request per burst of keys. */
export const SEARCH_DEBOUNCE_MS = 150;

export const useAssetList = create<AssetListState>()((set, get) => {
  /** Fetches one page for the current generation; resolves to its rows, or null if it was superseded or failed. */
  function fetchPage(page: number): Promise<Asset[] | null> {
    const { generation, filter, sort } = get();
    const key = `${generation}:${page}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    set((state) => ({ inFlight: state.inFlight + 1 }));
    const request = api
      .call('assets.list', { filter: toApiFilter(filter), sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then(
        (answer) => {
          if (get().generation !== generation) return null;
          set((state) => {
            const pages = state.resetPending ? {} : { ...state.pages };
            pages[page] = { rows: answer.rows, generation };
            return { pages: evict(pages, state.visible), total: answer.total, totalCapped: answer.totalCapped, resetPending: false, loadError: null };
          });
          return answer.rows;
        },
        (error: unknown) => {
          if (get().generation === generation) set({ loadError: error });
          return null;
        },
      )
      .finally(() => {
        inFlight.delete(key);
        set((state) => ({ inFlight: state.inFlight - 1 }));
      });
    inFlight.set(key, request);
    return request;
  }

  /** Ids of rows first…last (inclusive), loading what is not in the cache in larger requests. */
  async function idsInRange(first: number, last: number): Promise<string[] | null> {
    const ids: string[] = [];
    const { generation, filter, sort } = get();
    let index = first;
    while (index <= last) {
      const page = Math.floor(index / PAGE_SIZE);
      const cached = get().pages[page];
      let rows: Asset[];
      let offset: number;
      if (cached && cached.generation === generation) {
        rows = cached.rows;
        offset = page * PAGE_SIZE;
      } else {
        offset = index;
        const answer = await api.call('assets.list', { filter: toApiFilter(filter), sort, offset, limit: Math.min(ID_BATCH, last - index + 1) });
        // The list changed meanwhile: indices no longer mean what the user saw.
        if (get().generation !== generation) return null;
        rows = answer.rows;
      }
      const before = index;
      while (index <= last && index - offset < rows.length) {
        ids.push(rows[index - offset]!.id);
        index += 1;
      }
      if (index === before) break;
    }
    return ids;
  }

  return {
    searchText: '',
    filter: EMPTY_FILTER,
    sort: { field: 'name', direction: 'asc' },
    total: null,
    totalCapped: false,
    pages: {},
    generation: 0,
    resetPending: false,
    resetCount: 0,
    loadError: null,
    inFlight: 0,
    visible: [0, 40],
    scrollTop: 0,
    vendors: [],
    selection: new Set(),
    anchor: null,
    selecting: false,

    setSearchText(text) {
      set({ searchText: text });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (get().filter.query !== text.trim()) get().setFilter({ query: text.trim() });
      }, SEARCH_DEBOUNCE_MS);
    },
    setFilter(change) {
      set((state) => ({ filter: { ...state.filter, ...change } }));
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
        if (pages[page]?.generation !== generation) void fetchPage(page);
      }
    },
    invalidate(kind) {
      set((state) => ({
        generation: state.generation + 1,
        resetPending: kind === 'reset' ? true : state.resetPending,
        resetCount: kind === 'reset' ? state.resetCount + 1 : state.resetCount,
        anchor: kind === 'reset' ? null : state.anchor,
        ...(kind === 'reset' ? { visible: [0, state.visible[1] - state.visible[0]] as [number, number], scrollTop: 0 } : {}),
      }));
      const [first, last] = get().visible;
      get().ensureRange(first, last);
    },
    async loadVendors() {
      try {
        set({ vendors: await api.call('assets.vendors', {}) });
      } catch {
        // The filter still works without suggestions; the list shows any real failure.
      }
    },
    rowAt(index) {
      const page = get().pages[Math.floor(index / PAGE_SIZE)];
      return page?.rows[index % PAGE_SIZE];
    },
    setScrollTop(top) {
      set({ scrollTop: top });
    },
    async toggleRow(index, id, extend) {
      const { anchor, selection } = get();
      if (extend && anchor !== null && anchor !== index) {
        const [first, last] = anchor < index ? [anchor, index] : [index, anchor];
        const capped = last - first + 1 + selection.size > MAX_SELECTION;
        set({ selecting: true });
        try {
          const ids = await idsInRange(first, Math.min(last, first + MAX_SELECTION - 1));
          if (ids) {
            const next = new Set(get().selection);
            for (const rowId of ids) {
              if (next.size >= MAX_SELECTION) break;
              next.add(rowId);
            }
            set({ selection: next, anchor: index });
          }
        } finally {
          set({ selecting: false });
        }
        return { capped };
      }
      const next = new Set(selection);
      if (next.has(id)) next.delete(id);
      else if (next.size < MAX_SELECTION) next.add(id);
      else return { capped: true };
      set({ selection: next, anchor: index });
      return { capped: false };
    },
    async selectAllMatching() {
      const total = get().total ?? 0;
      set({ selecting: true });
      try {
        const ids = await idsInRange(0, Math.min(total, MAX_SELECTION) - 1);
        if (ids) set({ selection: new Set(ids), anchor: null });
      } finally {
        set({ selecting: false });
      }
      return { capped: total > MAX_SELECTION };
    },
    clearSelection() {
      set({ selection: new Set(), anchor: null });
    },
  };
});

/** Drops the pages farthest from what is on screen once more than the cache holds are loaded. */
function evict(pages: Record<number, { rows: Asset[]; generation: number }>, visible: [number, number]) {
  const numbers = Object.keys(pages).map(Number);
  if (numbers.length <= MAX_CACHED_PAGES) return pages;
  const centre = (visible[0] + visible[1]) / 2 / PAGE_SIZE;
  numbers.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  const kept = { ...pages };
  for (const page of numbers.slice(0, numbers.length - MAX_CACHED_PAGES)) delete kept[page];
  return kept;
}

/**
 * Whether a records.changed event concerns the list: assets themselves, or
 * the locations their rows name. '*' means everything (a restored backup).
 */
const LIST_ENTITIES = new Set(['*', 'asset', 'client', 'site', 'room', 'rack']);
export function touchesAssetList(entities: readonly string[]): boolean {
  return entities.some((entity) => LIST_ENTITIES.has(entity));
}
