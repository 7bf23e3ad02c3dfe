import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordRow, RecordsFilterInput, RecordsSort } from '@shared/domain/records';
import { api } from '../../api';

export const PAGE_SIZE = 200;

export interface RecordsListState {
  rows: RecordRow[];
  total: number | null;
  /** More rows follow the loaded ones. */
  hasMore: boolean;
  loading: boolean;
  error: unknown;
}

const EMPTY: RecordsListState = { rows: [], total: null, hasMore: false, loading: true, error: null };

/**
 * The rows of a view, a keyset page at a time: the first page when the view
 * changes, the next ones as the table scrolls near the end, and the first
 * page again when records change elsewhere (debounced: an import is one
 * reload, not thousands).
 */
export function useRecordsList(filter: RecordsFilterInput, sort: RecordsSort) {
  const [state, setState] = useState<RecordsListState>(EMPTY);
  const key = JSON.stringify([filter, sort]);
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(
    async (reset: boolean) => {
      const [currentFilter, currentSort] = JSON.parse(key) as [RecordsFilterInput, RecordsSort];
      if (reset) generation.current += 1;
      else if (busy.current || cursor.current === null) return;
      const mine = generation.current;
      busy.current = true;
      setState((previous) => ({ ...(reset ? { ...previous, rows: previous.rows } : previous), loading: true, error: null }));
      try {
        const page = await api.call('records.list', { filter: currentFilter, sort: currentSort, after: reset ? null : cursor.current, limit: PAGE_SIZE });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setState((previous) => ({
          rows: reset ? page.rows : [...previous.rows, ...page.rows],
          total: page.total,
          hasMore: page.nextCursor !== null,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (mine !== generation.current) return;
        setState((previous) => ({ ...previous, loading: false, error }));
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [key],
  );

  useEffect(() => {
    cursor.current = null;
    busy.current = false;
    setState(EMPTY);
    void load(true);
  }, [load]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('records.changed', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(true), 400);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  return { ...state, loadMore: useCallback(() => void load(false), [load]), reload: useCallback(() => void load(true), [load]) };
}
