import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { shortTermsQuery } from '../search-grams';
import { migrations } from './index';

describe('migration 0006: incidents', () => {
  it('adds incidents beside the existing inventory and keeps the asset index and search in step', () => {
    const db = memoryDatabase(5);
    db.exec(`
      INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', '市人民医院', 1, 1);
      INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES ('s1', 'c1', '门诊楼', 1, 1);
      INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES ('r1', 's1', '3F 核心机房', 1, 1);
      INSERT INTO assets (id, type, name, room_id, created_at, updated_at) VALUES ('a1', 'switch', '核心交换机', 'r1', 1, 1);
      INSERT INTO assets (id, type, name, room_id, created_at, updated_at) VALUES ('a2', 'server', 'HIS 数据库', 'r1', 1, 1);
    `);

    runMigrations(db, migrations.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    // What was there is untouched and still searchable.
    expect(db.prepare("SELECT count(*) AS n FROM assets_grams WHERE assets_grams MATCH ?").get(shortTermsQuery(['核心']))).toEqual({ n: 1 });

    const insert = db.prepare(`INSERT INTO incidents (id, number, title, description, category, impact, urgency, priority, status, asset_ids,
      reporter_name, assignee, reported_at, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'network', 'high', 'high', 'P1', 'new', ?, ?, ?, 1, '张工', 1, 1)`);
    insert.run('i1', 'INC-20261127-0001-AB12', '核心交换机端口故障', 'Uplink flapping on Gi0/0/1', '["a1","a2"]', '李护士长', 'Wang Wei');
    insert.run('i2', 'INC-20261127-0002-AB12', '打印机卡纸', '', '["a2"]', 'Dr. Smith', '');

    const assetsOf = (id: string) =>
      (db.prepare('SELECT asset_id FROM incident_assets WHERE incident_id = ? ORDER BY asset_id').all(id) as { asset_id: string }[]).map((r) => r.asset_id);
    const incidentsOf = (assetId: string) =>
      (db.prepare('SELECT incident_id FROM incident_assets WHERE asset_id = ? ORDER BY incident_id').all(assetId) as { incident_id: string }[]).map((r) => r.incident_id);
    expect(assetsOf('i1')).toEqual(['a1', 'a2']);
    expect(incidentsOf('a2')).toEqual(['i1', 'i2']);

    const trigram = (text: string) =>
      (db.prepare('SELECT i.id FROM incidents_fts JOIN incidents i ON i.rowid = incidents_fts.rowid WHERE incidents_fts MATCH ? ORDER BY i.id').all(`"${text}"`) as { id: string }[]).map(
        (r) => r.id,
      );
    const short = (...terms: string[]) =>
      (db.prepare('SELECT i.id FROM incidents_grams JOIN incidents i ON i.rowid = incidents_grams.rowid WHERE incidents_grams MATCH ? ORDER BY i.id').all(shortTermsQuery(terms)) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(trigram('交换机')).toEqual(['i1']);
    expect(trigram('flapping')).toEqual(['i1']);
    expect(trigram('0002')).toEqual(['i2']);
    expect(trigram('smith')).toEqual(['i2']);
    expect(trigram('wang')).toEqual(['i1']);
    expect(short('核心')).toEqual(['i1']);
    expect(short('卡纸')).toEqual(['i2']);
    expect(short('护士')).toEqual(['i1']);

    db.prepare(`UPDATE incidents SET title = '打印机故障', asset_ids = '["a1"]' WHERE id = 'i2'`).run();
    expect(short('卡纸')).toEqual([]);
    expect(trigram('打印机')).toEqual(['i2']);
    expect(incidentsOf('a1')).toEqual(['i1', 'i2']);
    expect(incidentsOf('a2')).toEqual(['i1']);

    // A tombstone takes the incident out of the asset index.
    db.prepare(`UPDATE incidents SET deleted_at = 2 WHERE id = 'i1'`).run();
    expect(incidentsOf('a1')).toEqual(['i2']);

    db.prepare(`INSERT INTO incident_events (id, incident_id, at, actor, kind, data, created_at, updated_at) VALUES ('e1', 'i2', 5, '张工', 'status', '{"from":"new","to":"acknowledged"}', 5, 5)`).run();
    expect(() => db.prepare(`INSERT INTO incident_events (id, incident_id, at, actor, kind, data, created_at, updated_at) VALUES ('e2', 'nope', 5, 'x', 'status', '{}', 5, 5)`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO incident_work_log (id, incident_id, at, author, text, minutes_spent, created_at, updated_at) VALUES ('w1', 'i2', 5, 'x', 'y', -1, 5, 5)`).run()).toThrow(/CHECK/);
  });
});
