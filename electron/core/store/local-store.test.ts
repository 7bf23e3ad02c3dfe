import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { DAY_MS } from './backups';
import { openDatabase } from './database';
import { DATABASE_FILE, LocalStore, restoreDatabaseFile } from './local-store';
import { migrations } from './migrations';

const CLIENT_ID = '0193a1b2-0000-7000-8000-0000000000c1';

async function open(dataDir: string, clock = manualClock(), steps = migrations) {
  return LocalStore.open({ dataDir, now: clock.now, actor: () => TEST_ACTOR, migrations: steps });
}

describe('LocalStore', () => {
  it('creates the file with the pragmas the store relies on', async () => {
    const dir = tempDataDir();
    const store = await open(dir);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.schemaVersion).toBe(migrations.length);
    store.close();
  });

  it('keeps its device id across restarts', async () => {
    const dir = tempDataDir();
    const first = await open(dir);
    const id = first.deviceId;
    first.close();
    const second = await open(dir);
    expect(second.deviceId).toBe(id);
    second.close();
  });

  it('backs the file up before migrating an existing database, with the data in the backup', async () => {
    const dir = tempDataDir();
    const clock = manualClock();
    const old = await open(dir, clock, migrations.slice(0, 1));
    old.writeMeta('marker', 'before-upgrade');
    old.close();
    clock.advance(1000);
    const upgraded = await open(dir, clock);
    const backup = upgraded.backups.latest('pre-migration');
    expect(backup).toBeDefined();
    upgraded.close();
    const copy = openDatabase(join(dir, 'backups', backup!.file), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'marker'").get()).toEqual({ value: '"before-upgrade"' });
    copy.close();
  });

  it('makes a daily backup on open when the last one is a day old, and prunes old ones', async () => {
    const dir = tempDataDir();
    const clock = manualClock();
    const store = await open(dir, clock);
    expect(store.backups.list().filter((b) => b.reason === 'daily')).toHaveLength(1);
    expect(await store.backupIfDue()).toBeNull();
    for (let day = 0; day < 9; day++) {
      clock.advance(DAY_MS);
      expect(await store.backupIfDue()).not.toBeNull();
    }
    expect(store.backups.list().filter((b) => b.reason === 'daily')).toHaveLength(7);
    store.close();
  });

  it('refuses a file that is not a database with store.corrupt, without changing it', async () => {
    const dir = tempDataDir();
    const garbage = Buffer.from('this is not an SQLite database, it was overwritten by something '.repeat(100));
    writeFileSync(join(dir, DATABASE_FILE), garbage);
    await expect(open(dir)).rejects.toMatchObject({ code: 'store.corrupt' });
    expect(readdirSync(dir)).toContain(DATABASE_FILE);
  });

  it('restores a backup in place of a damaged file and keeps the damaged one aside', async () => {
    const dir = tempDataDir();
    const clock = manualClock();
    const store = await open(dir, clock);
    store.writePath.write([{ entity: 'client', op: 'insert', id: CLIENT_ID, fields: { name: '市人民医院' } }]);
    const backup = await store.backups.create(store.db, 'manual', clock.now());
    store.close();
    writeFileSync(join(dir, DATABASE_FILE), Buffer.alloc(8192, 7));
    for (const suffix of ['-wal', '-shm']) writeFileSync(join(dir, DATABASE_FILE + suffix), Buffer.alloc(10));
    await expect(open(dir, clock)).rejects.toMatchObject({ code: 'store.corrupt' });

    restoreDatabaseFile(dir, store.backups.resolve(backup.file), clock.now());
    const restored = await open(dir, clock);
    expect(restored.db.prepare('SELECT name FROM clients').get()).toEqual({ name: '市人民医院' });
    expect(readdirSync(dir).some((f) => f.startsWith(`${DATABASE_FILE}.replaced-`))).toBe(true);
    restored.close();
  });

  it('refuses to restore from a damaged backup and leaves the database alone', async () => {
    const dir = tempDataDir();
    const store = await open(dir);
    store.close();
    const fake = join(dir, 'backups', 'walkdown-20260101T000000000Z-manual.sqlite3');
    writeFileSync(fake, 'garbage'.repeat(1000));
    expect(() => restoreDatabaseFile(dir, fake, Date.now())).toThrow(/backup cannot be opened|integrity/);
    const again = await open(dir);
    expect(again.schemaVersion).toBe(migrations.length);
    again.close();
  });

  it('resolves only backup names it made, never a path', async () => {
    const dir = tempDataDir();
    const store = await open(dir);
    expect(() => store.backups.resolve('../walkdown.sqlite3')).toThrow(expect.objectContaining({ code: 'store.backup-not-found' }));
    expect(() => store.backups.resolve('walkdown-20990101T000000000Z-manual.sqlite3')).toThrow(expect.objectContaining({ code: 'store.backup-not-found' }));
    store.close();
  });
});
