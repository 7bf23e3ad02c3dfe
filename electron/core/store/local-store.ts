import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '@shared/domain/backups';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import { BackupStore, DAY_MS } from './backups';
import { openDatabase, quickCheck, type Db } from './database';
import { newId } from './ids';
import { pendingMigrations, runMigrations, schemaVersion } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { readMeta, writeMeta } from './meta';
import { WritePath } from './write-path';

export const DATABASE_FILE = 'walkdown.sqlite3';

export interface StoreOptions {
  dataDir: string;
  nativeBinding?: string;
  now: () => number;
  /** Who is writing; read at each write so a profile change takes effect at once. */
  actor: () => Profile | null;
  migrations?: readonly Migration[];
}

/**
 * The local SQLite store: one file in the data directory, checked and migrated
 * on open, backed up before every migration and once a day.
 */
export class LocalStore {
  readonly writePath: WritePath;
  readonly deviceId: string;

  private constructor(
    readonly db: Db,
    readonly backups: BackupStore,
    private readonly options: StoreOptions,
  ) {
    this.deviceId = ensureDeviceId(db);
    this.writePath = new WritePath(db, () => {
      const actor = options.actor();
      if (!actor) throw new AppError('profile.required', 'Set your name and role before changing records');
      return { actor, deviceId: this.deviceId, now: options.now };
    });
  }

  /** Opens (creating if need be), checks and migrates. Throws `store.corrupt` or `store.migration-failed`; the caller shows recovery. */
  static async open(options: StoreOptions): Promise<LocalStore> {
    mkdirSync(options.dataDir, { recursive: true });
    const backups = new BackupStore(options.dataDir);
    const file = join(options.dataDir, DATABASE_FILE);
    let db: Db;
    try {
      db = openDatabase(file, { nativeBinding: options.nativeBinding });
    } catch (error) {
      throw new AppError('store.corrupt', `The database file cannot be opened: ${(error as Error).message}`, { cause: error });
    }
    try {
      const problems = quickCheck(db);
      if (problems.length > 0) {
        throw new AppError('store.corrupt', `The database failed its integrity check: ${problems.slice(0, 5).join('; ')}`, { details: { problems } });
      }
      const migrations = options.migrations ?? allMigrations;
      if (schemaVersion(db) > 0 && pendingMigrations(db, migrations).length > 0) {
        await backups.create(db, 'pre-migration', options.now());
      }
      runMigrations(db, migrations);
    } catch (error) {
      db.close();
      if (error instanceof AppError) throw error;
      throw new AppError('store.corrupt', `The database cannot be read: ${(error as Error).message}`, { cause: error });
    }
    const store = new LocalStore(db, backups, options);
    await store.backupIfDue();
    return store;
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  /** A daily backup when the newest is a day old or there is none. Cheap to call often. */
  async backupIfDue(): Promise<BackupInfo | null> {
    const latest = this.backups.latest('daily');
    const now = this.options.now();
    if (latest && now - latest.createdAt < DAY_MS) return null;
    return this.backups.create(this.db, 'daily', now);
  }

  readMeta<T>(key: string): T | undefined {
    return readMeta<T>(this.db, key);
  }

  writeMeta(key: string, value: unknown): void {
    writeMeta(this.db, key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Puts a backup in place of the database file. The backup is checked first; the
 * file it replaces is kept beside it (renamed, never deleted) so a wrong choice
 * can still be undone by hand. The caller closes any open store before and
 * reopens after.
 */
export function restoreDatabaseFile(dataDir: string, backupPath: string, nowMs: number, nativeBinding?: string): void {
  let candidate: Db;
  try {
    candidate = openDatabase(backupPath, { readonly: true, nativeBinding });
  } catch (error) {
    throw new AppError('store.corrupt', `The backup cannot be opened: ${(error as Error).message}`, { cause: error });
  }
  try {
    const problems = quickCheck(candidate);
    if (problems.length > 0) throw new AppError('store.corrupt', `The backup failed its integrity check: ${problems[0]}`);
  } finally {
    candidate.close();
  }
  const file = join(dataDir, DATABASE_FILE);
  const aside = `${file}.replaced-${new Date(nowMs).toISOString().replace(/[-:.]/g, '')}`;
  if (existsSync(file)) renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  copyFileSync(backupPath, file);
  rmSync(`${file}-journal`, { force: true });
}

function ensureDeviceId(db: Db): string {
  const existing = readMeta<string>(db, 'device.id');
  if (existing) return existing;
  const id = newId();
  writeMeta(db, 'device.id', id);
  return id;
}
