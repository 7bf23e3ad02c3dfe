import { useCallback, useEffect, useRef, useState } from 'react';

interface Resource<T> {
  /** The latest answer for the current key; null before it arrives (or with no key). */
  data: T | null;
  /** The latest failure for the current key, cleared by the next success. */
  error: unknown;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload(): void;
}

/**
 * One API answer that a page shows, reloaded on demand (a records.changed
 * event, a retry). Answers for an older key (the page moved to another asset)
 * or an older request are dropped, so a slow answer never overwrites a newer
 * one. `key` null means "nothing to load".
 */
export function useApiResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown }>({ key: null, data: null, error: null });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    loadRef.current().then(
      (data) => {
        if (current) setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ key, data: previous.key === key ? previous.data : null, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const matches = state.key === key;
  return { data: matches ? state.data : null, error: matches ? state.error : null, reload };
}
