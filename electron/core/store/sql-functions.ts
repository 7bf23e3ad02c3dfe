import type { Db } from './database';
import { searchGrams } from './search-grams';

/**
 * Functions the schema's triggers call. Registered on every connection before
 * anything touches the file: a trigger that fires on a connection without them
 * fails its statement (which is why only Walkdown may write the file).
 */
export function registerSqlFunctions(db: Db): void {
  db.function('walkdown_search_grams', { deterministic: true, varargs: true }, (...fields: unknown[]) =>
    searchGrams(...fields.map((field) => (typeof field === 'string' ? field : null))),
  );
}
