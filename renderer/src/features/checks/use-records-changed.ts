import { useEffect, useRef } from 'react';
import { api } from '../../api';

/**
 * Calls `onChange` when core reports a change of one of `entities` ('*' always
 * counts), at most once per `intervalMs`: a sweep stores a result every few
 * milliseconds and the views only need to catch up, not to follow each one.
 */
export function useRecordsChanged(entities: readonly string[], onChange: () => void, intervalMs = 300): void {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  const key = entities.join(',');

  useEffect(() => {
    const wanted = new Set(['*', ...key.split(',')]);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = api.on('records.changed', ({ entities: changed }) => {
      if (!changed.some((entity) => wanted.has(entity)) || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        callback.current();
      }, intervalMs);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [key, intervalMs]);
}
