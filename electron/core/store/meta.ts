import type { Db } from './database';
import { statement } from './statements';

/** Small local key/value facts (device id, clock, settings): JSON values in the meta table. */
export function readMeta<T>(db: Db, key: string): T | undefined {
  const row = statement(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeMeta(db: Db, key: string, value: unknown): void {
  statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
