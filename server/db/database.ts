import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import type { ServerDatabase } from './schema';

export type DatabaseDialect = 'sqlite' | 'postgres';
export type Db = Kysely<ServerDatabase>;

export interface ServerStore {
  db: Db;
  dialect: DatabaseDialect;
  /** For the start-up line and logs: never the password. */
  description: string;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'walkdown-server.sqlite';

/**
 * Opens the server's database, migrated: PostgreSQL when a URL is given,
 * otherwise an embedded SQLite file in the data directory, so a fresh machine
 * needs nothing else installed.
 */
export async function openStore(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<ServerStore> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openSqlite(options.dataDir);
  try {
    await migrateToLatest(store.db as unknown as Kysely<unknown>, store.dialect);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(dataDir: string): ServerStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SQLITE_FILE_NAME);
  const sqlite = new Database(file);
  // WAL lets readers run beside the writer; FULL makes an acknowledged push survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 10000');
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', description: `sqlite:${file}`, close: () => db.destroy() };
}

const INT8_OID = 20;

function openPostgres(url: string, poolSize: number): ServerStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Sequences and epoch ms are bigint columns; they stay far below 2^53, so numbers are exact.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', description: `postgres:${redact(url)}`, close: () => db.destroy() };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** A cheap round trip for /health. */
export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
