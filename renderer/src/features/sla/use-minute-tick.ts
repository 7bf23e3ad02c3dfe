import { useSyncExternalStore } from 'react';

const MINUTE_MS = 60_000;

/**
 * One clock for every SLA chip on screen: a list of a thousand incidents runs
 * one timer, not a thousand, and every chip shows the same minute. It ticks on
 * the minute boundary and stops when the last chip goes away.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  timer = setTimeout(() => {
    now = Date.now();
    for (const listener of listeners) listener();
    schedule();
  }, MINUTE_MS - (Date.now() % MINUTE_MS) + 50);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

/** The current time, re-rendering the caller each minute. */
export function useMinuteTick(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}
