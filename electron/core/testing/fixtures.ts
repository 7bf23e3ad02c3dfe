import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Profile } from '@shared/domain/profile';
import { openDatabase, type Db } from '../store/database';
import { runMigrations } from '../store/migrate';
import { migrations, type Migration } from '../store/migrations';

export const TEST_ACTOR: Profile = { name: '张工', role: 'engineer' };

/** An in-memory database migrated to `upTo` (all steps by default): fast, and real SQLite. */
export function memoryDatabase(upTo: number = migrations.length, steps: readonly Migration[] = migrations): Db {
  const db = openDatabase(':memory:');
  runMigrations(db, steps.slice(0, upTo));
  return db;
}

/** A fresh data directory removed after the test, for tests that need a real file. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'walkdown-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 27, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}
