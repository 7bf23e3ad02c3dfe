import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0003: asset inventory', () => {
  it('upgrades a version-2 database with a location tree in it, keeping it', () => {
    const db = memoryDatabase(2);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', '市人民医院', 1, 1)").run();
    db.prepare("INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES ('s1', 'c1', '门诊楼', 1, 1)").run();
    db.prepare("INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES ('r1', 's1', '3F 核心机房', 1, 1)").run();
    db.prepare("INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES ('room', 'r1', 'insert', '{}', 'h', 1)").run();

    runMigrations(db, migrations.slice(0, 3));

    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT name FROM rooms').get()).toEqual({ name: '3F 核心机房' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    // The new tables hang off the old ones.
    db.prepare("INSERT INTO racks (id, room_id, name, height_u, created_at, updated_at) VALUES ('k1', 'r1', 'A01', 42, 1, 1)").run();
    expect(() => db.prepare("INSERT INTO racks (id, room_id, name, height_u, created_at, updated_at) VALUES ('k2', 'nowhere', 'A02', 42, 1, 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('keeps the IP table and the trigram index in step with the assets', () => {
    const db = memoryDatabase(3);
    const insert = db.prepare(
      "INSERT INTO assets (id, type, name, serial_number, management_ips, created_at, updated_at) VALUES (?, 'switch', ?, ?, ?, 1, 1)",
    );
    insert.run('a1', '核心交换机 S12700', 'SN-0001', '["10.1.1.1","2001:DB8::1"]');
    insert.run('a2', '接入交换机', 'SN-0002', '["10.1.1.2"]');
    const ips = () => db.prepare('SELECT ip, asset_id FROM asset_ips ORDER BY ip').all();
    expect(ips()).toEqual([
      { ip: '10.1.1.1', asset_id: 'a1' },
      { ip: '10.1.1.2', asset_id: 'a2' },
      { ip: '2001:db8::1', asset_id: 'a1' },
    ]);
    const search = (q: string) =>
      (db.prepare('SELECT a.id FROM assets_fts JOIN assets a ON a.rowid = assets_fts.rowid WHERE assets_fts MATCH ? ORDER BY a.id').all(q) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(search('"核心交换"')).toEqual(['a1']);
    expect(search('"交换机"')).toEqual(['a1', 'a2']);

    db.prepare("UPDATE assets SET name = '汇聚交换机', management_ips = '[\"10.1.1.9\"]' WHERE id = 'a1'").run();
    expect(search('"核心交换"')).toEqual([]);
    expect(search('"汇聚交换"')).toEqual(['a1']);
    expect(ips()).toContainEqual({ ip: '10.1.1.9', asset_id: 'a1' });
    // A deleted asset holds no address.
    db.prepare("UPDATE assets SET deleted_at = 5 WHERE id = 'a2'").run();
    expect(ips()).toEqual([{ ip: '10.1.1.9', asset_id: 'a1' }]);
    expect(() => db.prepare("UPDATE assets SET rack_id = NULL, rack_u_start = 3 WHERE id = 'a1'").run()).toThrow(/CHECK/);
  });
});
