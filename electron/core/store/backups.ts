import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo, BackupReason } from '@shared/domain/backups';
import { AppError } from '@shared/errors';
import type { Db } from './database';

const FILE_PATTERN = /^walkdown-(\d{8}T\d{6}\d{3}Z)-(pre-migration|daily|manual|pre-restore)\.sqlite3$/;
/** How many backups of each reason are kept; older ones are pruned after each new backup. */
export const DEFAULT_KEEP = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Backups of the store in `<dataDir>/backups`, made with SQLite's online backup
 * API (better-sqlite3 `.backup()`), which copies a consistent snapshot even
 * while the app keeps writing.
 */
export class BackupStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly keep = DEFAULT_KEEP,
  ) {
    this.dir = join(dataDir, 'backups');
  }

  async create(db: Db, reason: BackupReason, nowMs: number): Promise<BackupInfo> {
    mkdirSync(this.dir, { recursive: true });
    let at = nowMs;
    // Two backups in the same millisecond (tests, a double click) get distinct names.
    while (existsSync(join(this.dir, fileName(at, reason)))) at += 1;
    const file = fileName(at, reason);
    await db.backup(join(this.dir, file));
    this.prune(reason);
    return this.info(file);
  }

  list(): BackupInfo[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((file) => FILE_PATTERN.test(file))
      .map((file) => this.info(file))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The newest backup of one reason, if any. */
  latest(reason: BackupReason): BackupInfo | undefined {
    return this.list().find((backup) => backup.reason === reason);
  }

  /** Absolute path of a backup named by the user; only names this store made are accepted. */
  resolve(file: string): string {
    if (basename(file) !== file || !FILE_PATTERN.test(file)) {
      throw new AppError('store.backup-not-found', `Not a Walkdown backup name: ${file}`);
    }
    const path = join(this.dir, file);
    if (!existsSync(path)) throw new AppError('store.backup-not-found', `No backup named ${file}`);
    return path;
  }

  private prune(reason: BackupReason): void {
    const old = this.list()
      .filter((backup) => backup.reason === reason)
      .slice(this.keep);
    for (const backup of old) unlinkSync(join(this.dir, backup.file));
  }

  private info(file: string): BackupInfo {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Not a backup file: ${file}`);
    return {
      file,
      createdAt: parseStamp(match[1] as string),
      reason: match[2] as BackupReason,
      sizeBytes: statSync(join(this.dir, file)).size,
    };
  }
}

function fileName(nowMs: number, reason: BackupReason): string {
  return `walkdown-${stamp(nowMs)}-${reason}.sqlite3`;
}

/** 20261127T210130123Z: sortable, and legal in file names on every OS. */
function stamp(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): number {
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}.${text.slice(15, 18)}Z`;
  return Date.parse(iso);
}
