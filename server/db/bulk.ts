import type { Insertable, Transaction } from 'kysely';
import type { ServerDatabase } from './schema';

/** Rows per INSERT: well under both dialects' limits on bound parameters (SQLite 32766, PostgreSQL 65535). */
const ROWS_PER_STATEMENT = 400;

/** Multi-row inserts: a push of a thousand entries costs a handful of statements, not thousands of round trips. */
export async function insertInChunks<T extends keyof ServerDatabase>(trx: Transaction<ServerDatabase>, table: T, rows: Insertable<ServerDatabase[T]>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + ROWS_PER_STATEMENT) as never)
      .execute();
  }
}
