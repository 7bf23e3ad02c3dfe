import { sql } from 'kysely';
import type { ServerStore } from '../db/database';
import { syncError } from '../http/sync-error';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counters kept in the database, so that several server
 * instances behind one load balancer share one budget per key (a client
 * address and an endpoint). One upsert per attempt.
 */
export class RateLimiter {
  constructor(
    private readonly store: ServerStore,
    private readonly now: () => number,
  ) {}

  /** Counts an attempt; refuses with sync.rate-limited (and when to retry) past the limit. */
  async hit(key: string, rule: RateLimit): Promise<void> {
    const now = this.now();
    const windowStart = now - (now % rule.windowMs);
    const row = await this.store.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((c) =>
        c.column('key').doUpdateSet({
          count: sql<number>`CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END`,
          window_start: sql<number>`excluded.window_start`,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    if (Number(row.count) > rule.limit) {
      const retryAfterMs = windowStart + rule.windowMs - now;
      throw syncError('sync.rate-limited', 'Too many attempts; try again later', { retryAfterMs }, true);
    }
  }

  /** Whether the key is over its limit now, without counting an attempt. */
  async exceeded(key: string, rule: RateLimit): Promise<boolean> {
    const now = this.now();
    const row = await this.store.db.selectFrom('rate_limits').select(['window_start', 'count']).where('key', '=', key).executeTakeFirst();
    return !!row && Number(row.window_start) === now - (now % rule.windowMs) && Number(row.count) >= rule.limit;
  }
}
