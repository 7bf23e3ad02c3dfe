import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0001: device, outbox and audit log', () => {
  it('creates its tables on an empty database', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(0);
    runMigrations(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['meta', 'outbox', 'audit_log']));
    db.prepare("INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES ('client', 'x', 'insert', '{}', 'h', 1)").run();
    expect(() => db.prepare("INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES ('client', 'x', 'merge', '{}', 'h', 1)").run()).toThrow(/CHECK/);
  });
});
