import { AppError } from '@shared/errors';
import type { Db } from './database';
import type { Migration } from './migrations';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function pendingMigrations(db: Db, all: readonly Migration[]): Migration[] {
  const current = schemaVersion(db);
  return all.filter((migration) => migration.version > current);
}

/**
 * Runs the pending steps, each in its own transaction together with the
 * user_version bump, so a failure leaves the file at the last good version.
 * Refuses a database written by a newer Walkdown rather than guess at it.
 */
export function runMigrations(db: Db, all: readonly Migration[]): number {
  all.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  });
  const current = schemaVersion(db);
  if (current > all.length) {
    throw new AppError('store.migration-failed', `The database is at schema version ${current}, newer than this Walkdown (${all.length}). Update Walkdown.`);
  }
  for (const migration of all.slice(current)) {
    const step = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      step();
    } catch (error) {
      throw new AppError('store.migration-failed', `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return schemaVersion(db);
}
