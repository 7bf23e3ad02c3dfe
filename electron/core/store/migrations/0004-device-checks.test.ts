import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0004: device checks', () => {
  it('upgrades a version-3 database with assets in it, keeping them', () => {
    const db = memoryDatabase(3);
    db.prepare("INSERT INTO assets (id, type, name, management_ips, created_at, updated_at) VALUES ('a1', 'switch', '核心交换机', '[\"10.1.1.1\"]', 1, 1)").run();
    db.prepare("INSERT INTO credentials (id, name, kind, secret, created_at, updated_at) VALUES ('c1', 'snmp', 'snmp-community', x'00', 1, 1)").run();

    runMigrations(db, migrations.slice(0, 4));

    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT name FROM assets').get()).toEqual({ name: '核心交换机' });
    expect(db.prepare('SELECT ip FROM asset_ips').get()).toEqual({ ip: '10.1.1.1' });
    db.prepare(
      "INSERT INTO check_results (id, asset_id, target, kind, profile_id, step, raw_output, status, duration_ms, started_at, finished_at, created_at, updated_at) VALUES ('r1', 'a1', '10.1.1.1', 'ping', 'ping', 'ping', '', 'ok', 3, 1, 2, 2, 2)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO check_results (id, asset_id, target, kind, profile_id, step, raw_output, status, duration_ms, started_at, finished_at, created_at, updated_at) VALUES ('r2', 'a1', 'x', 'ping', 'p', 's', '', 'fine', 1, 1, 1, 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO asset_check_settings (asset_id, updated_at) VALUES ('nobody', 1)").run()).toThrow(/FOREIGN KEY/);
  });
});
