import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { runMigrations, schemaVersion } from './migrate';
import type { Migration } from './migrations';

const good: Migration = { version: 1, name: 'good', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') };
const bad: Migration = {
  version: 2,
  name: 'bad',
  up: (db) => {
    db.exec('CREATE TABLE b (x INTEGER)');
    db.exec('THIS IS NOT SQL');
  },
};

describe('runMigrations', () => {
  it('rolls back a failing step entirely and stays at the last good version', () => {
    const db = openDatabase(':memory:');
    expect(() => runMigrations(db, [good, bad])).toThrow(/Migration 2 \(bad\) failed/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('does nothing when up to date, and refuses a database from a newer Walkdown', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, [good]);
    expect(runMigrations(db, [good])).toBe(1);
    db.pragma('user_version = 9');
    expect(() => runMigrations(db, [good])).toThrow(/newer than this Walkdown/);
  });

  it('refuses steps that are not numbered 1, 2, 3, ...', () => {
    expect(() => runMigrations(openDatabase(':memory:'), [{ ...good, version: 2 }])).toThrow(/expected 1/);
  });
});
