import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0015: service reports', () => {
  it('adds the local report table beside existing records and unpushed work, which it leaves alone', () => {
    const db = memoryDatabase(14);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', '市人民医院', 1, 1)").run();
    db.prepare(`INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES ('client', 'c1', 'insert', '{"name":"市人民医院"}', '000001764200000000-000000-dev', 1)`).run();
    db.prepare("UPDATE sync_state SET cursor = 42 WHERE id = 1").run();

    runMigrations(db, migrations.slice(0, 15));
    expect(schemaVersion(db)).toBe(15);

    expect(db.prepare('SELECT name FROM clients').all()).toEqual([{ name: '市人民医院' }]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT cursor FROM sync_state').get()).toEqual({ cursor: 42 });

    const insert = db.prepare(
      `INSERT INTO service_reports (id, client_id, period_kind, period_year, period_index, language, title, narrative, typical_faults, created_by, created_at, updated_by, updated_at)
       VALUES (?, 'c1', ?, 2026, ?, 'zh-CN', '市人民医院 2026年11月 IT运维服务报告', ?, ?, '王主管', 1, '王主管', 1)`,
    );
    insert.run('r1', 'monthly', 11, '{"conclusion":"运行平稳"}', '[]');
    expect(db.prepare('SELECT narrative, typical_faults, contract_items, drills, status FROM service_reports').get()).toEqual({
      narrative: '{"conclusion":"运行平稳"}',
      typical_faults: '[]',
      contract_items: '[]',
      drills: 0,
      status: 'draft',
    });
    // Only the four period kinds, a real period index, and JSON of the right shape.
    expect(() => insert.run('r2', 'weekly', 1, '{}', '[]')).toThrow(/CHECK constraint/);
    expect(() => insert.run('r3', 'monthly', 13, '{}', '[]')).toThrow(/CHECK constraint/);
    expect(() => insert.run('r4', 'monthly', 1, '[]', '[]')).toThrow(/CHECK constraint/);
    expect(() => insert.run('r5', 'monthly', 1, '{}', '{}')).toThrow(/CHECK constraint/);
    // Not a synced entity: writing a report leaves the outbox alone.
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });
});
