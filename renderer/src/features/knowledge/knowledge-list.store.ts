import { create } from 'zustand';
import type { AssetType } from '@shared/domain/assets';
import type { ArticleHit, ArticleStatus, LabelCount } from '@shared/domain/knowledge';
import type { Language } from '@shared/domain/profile';
import { api } from '../../api';

export interface KnowledgeListFilter {
  /** Already debounced: what the list shows. */
  query: string;
  tags: string[];
  assetTypes: AssetType[];
  vendors: string[];
  languages: Language[];
  statuses: ArticleStatus[];
}

export const EMPTY_FILTER: KnowledgeListFilter = { query: '', tags: [], assetTypes: [], vendors: [], languages: [], statuses: [] };
/** Rows per request; "Show more" asks for the next ones. */
export const PAGE_SIZE = 50;
/** Typing may pause this long before the list follows: instant to the eye, one request per burst of keys. */
export const SEARCH_DEBOUNCE_MS = 150;

interface KnowledgeListState {
  /** The search box as typed; `filter.query` follows it after a short pause. */
  searchText: string;
  filter: KnowledgeListFilter;
  rows: ArticleHit[];
  /** Matching articles; null before the first answer. */
  total: number | null;
  loading: boolean;
  error: unknown;
  tags: LabelCount[];
  vendors: LabelCount[];
  setSearchText(text: string): void;
  setFilter(change: Partial<KnowledgeListFilter>): void;
  clearFilters(): void;
  /** Loads the first page again (after a change of filter or of the records). */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  loadFacets(): Promise<void>;
}

export function filterIsActive(filter: KnowledgeListFilter): boolean {
  return Object.values(filter).some((value) => (Array.isArray(value) ? value.length > 0 : value.trim() !== ''));
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** Answers for an older filter are dropped, so a slow answer never replaces a newer one. */
let generation = 0;

/** The article list lives outside the page, so coming back from an article finds the search as it was left. */
export const useKnowledgeList = create<KnowledgeListState>()((set, get) => {
  async function fetch(offset: number): Promise<void> {
    const mine = offset === 0 ? ++generation : generation;
    set({ loading: true });
    try {
      const page = await api.call('knowledge.list', { filter: get().filter, offset, limit: PAGE_SIZE });
      if (mine !== generation) return;
      set((state) => ({ rows: offset === 0 ? page.rows : [...state.rows, ...page.rows], total: page.total, error: null, loading: false }));
    } catch (error) {
      if (mine === generation) set({ error, loading: false });
    }
  }

  return {
    searchText: '',
    filter: EMPTY_FILTER,
    rows: [],
    total: null,
    loading: false,
    error: null,
    tags: [],
    vendors: [],
    setSearchText(text) {
      set({ searchText: text });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (get().filter.query !== text.trim()) get().setFilter({ query: text.trim() });
      }, SEARCH_DEBOUNCE_MS);
    },
    setFilter(change) {
      set((state) => ({ filter: { ...state.filter, ...change } }));
      void fetch(0);
    },
    clearFilters() {
      clearTimeout(searchTimer);
      set({ searchText: '', filter: EMPTY_FILTER });
      void fetch(0);
    },
    reload: () => fetch(0),
    loadMore: () => fetch(get().rows.length),
    async loadFacets() {
      try {
        const [tags, vendors] = await Promise.all([api.call('knowledge.tags', {}), api.call('knowledge.vendors', {})]);
        set({ tags, vendors });
      } catch {
        // The chips are a convenience: the list itself reports failures.
      }
    },
  };
});
