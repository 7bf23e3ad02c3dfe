export interface BackoffPolicy {
  /** Delay ceiling after the first failure. */
  baseMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
}

/** 5 s, 10 s, 20 s … up to 15 minutes: a laptop offline for a week tries about 100 times a day. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };

/**
 * How long to wait after `failures` failures in a row (1 = the first):
 * exponential with a cap, and "equal jitter" (half fixed, half random), so
 * fifty consoles that lost the server at the same moment do not all come back
 * at the same moment, yet none retries sooner than half its step.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(failures, 1) - 1, 40));
  return Math.round(step / 2 + (random() * step) / 2);
}
