import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/**
 * A prepared statement for this SQL on this connection, prepared once.
 * Preparing costs tens of microseconds: on paths that run per row (imports,
 * validation, the write path) that is most of the work.
 */
export function statement(db: Db, sql: string): Statement<unknown[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
