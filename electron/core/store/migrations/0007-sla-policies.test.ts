import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0007: sla policies', () => {
  it('adds the policy table beside existing clients, tied to them', () => {
    const db = memoryDatabase(6);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', '市人民医院', 1, 1)").run();

    runMigrations(db, migrations.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT name FROM clients').all()).toEqual([{ name: '市人民医院' }]);

    const insert = db.prepare(
      `INSERT INTO sla_policies (id, name, client_id, calendar, targets, pause_while_pending, at_risk_percent, system_down, created_at, updated_at)
       VALUES (?, ?, ?, ?, '{}', ?, ?, '{"fixHours":12}', 1, 1)`,
    );
    insert.run('p1', '医院合同', 'c1', '{"kind":"24x7"}', 1, 75);
    insert.run('p0', 'Default', null, '{"kind":"24x7"}', 0, 75);
    expect(db.prepare('SELECT id, client_id AS clientId FROM sla_policies ORDER BY id').all()).toEqual([
      { id: 'p0', clientId: null },
      { id: 'p1', clientId: 'c1' },
    ]);

    expect(() => insert.run('p2', 'x', 'no-such-client', '{"kind":"24x7"}', 1, 75)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('p3', 'x', 'c1', 'not json', 1, 75)).toThrow(/CHECK/);
    expect(() => insert.run('p4', 'x', 'c1', '{}', 2, 75)).toThrow(/CHECK/);
    expect(() => insert.run('p5', 'x', 'c1', '{}', 1, 100)).toThrow(/CHECK/);
  });
});
