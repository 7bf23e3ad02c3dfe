import { useCallback, useEffect, useRef, useState } from 'react';

interface ListPage<T> {
  /** The latest answer, kept on screen while the next one loads (a search being typed must not blank the list). */
  data: T | null;
  error: unknown;
  /** True while an answer for the current key is awaited. */
  loading: boolean;
  reload(): void;
}

/**
 * A list page loaded for a key (the filter and page as JSON). Unlike a detail
 * resource, the previous rows stay until the new ones arrive; answers for an
 * older key are dropped so a slow answer never overwrites a newer one.
 */
export function useListPage<T>(key: string, load: () => Promise<T>): ListPage<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; doneFor: string | null }>({ data: null, error: null, doneFor: null });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  const request = `${key}#${version}`;
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (data) => {
        if (current) setState({ data, error: null, doneFor: request });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ data: previous.data, error, doneFor: request }));
      },
    );
    return () => {
      current = false;
    };
  }, [request]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.doneFor !== request, reload };
}
