import Database from 'better-sqlite3';
import { registerSqlFunctions } from './sql-functions';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another ABI (Electron); the Node build is used otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens a database file with the pragmas the store relies on. `synchronous=FULL`
 * because this file holds work not yet synced: a save the engineer saw must
 * survive a power cut. WAL keeps readers from blocking the writer.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    applyPragmas(db);
    registerSqlFunctions(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function applyPragmas(db: Db): void {
  // The first statement that touches the file: a non-database file fails here with SQLITE_NOTADB.
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/** `PRAGMA quick_check`: cheap enough for every start; returns the problems found, empty when healthy. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  return problems;
}
