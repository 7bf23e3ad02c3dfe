import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0002: location tree', () => {
  it('upgrades a version-1 database with data in it, keeping that data', () => {
    const db = memoryDatabase(1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device.id', '\"dev-1\"')").run();
    db.prepare("INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES ('client', 'c1', 'insert', '{}', 'h1', 1)").run();
    db.prepare("INSERT INTO audit_log (at, actor_name, actor_role, entity, entity_id, action, changes) VALUES (1, '张工', 'engineer', 'client', 'c1', 'create', '{}')").run();

    runMigrations(db, migrations.slice(0, 2));

    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device.id'").get()).toEqual({ value: '"dev-1"' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT actor_name FROM audit_log').get()).toEqual({ actor_name: '张工' });
  });

  it('enforces unique live sibling names and the parent links', () => {
    const db = memoryDatabase(2);
    const insertClient = db.prepare('INSERT INTO clients (id, name, created_at, updated_at, deleted_at) VALUES (?, ?, 1, 1, ?)');
    insertClient.run('c1', 'Hospital', null);
    expect(() => insertClient.run('c2', 'HOSPITAL', null)).toThrow(/UNIQUE/);
    // A deleted client no longer holds its name.
    insertClient.run('c3', 'Clinic', 5);
    insertClient.run('c4', 'Clinic', null);
    expect(() => db.prepare("INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES ('s1', 'nobody', 'A', 1, 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES ('s1', 'c1', 'A', 1, 1)").run();
    db.prepare("INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES ('r1', 's1', '1F 机房', 1, 1)").run();
    expect(() => db.prepare("INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES ('r2', 's1', '1f 机房', 1, 1)").run()).toThrow(/UNIQUE/);
  });
});
