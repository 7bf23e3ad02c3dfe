import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0014: sync state', () => {
  it('adds the sync tables beside existing records and unpushed work, which it leaves alone', () => {
    const db = memoryDatabase(13);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', '市人民医院', 1, 1)").run();
    db.prepare(`INSERT INTO outbox (entity, entity_id, op, fields, hlc, created_at) VALUES ('client', 'c1', 'insert', '{"name":"市人民医院"}', '000001764200000000-000000-dev', 1)`).run();

    runMigrations(db, migrations.slice(0, 14));
    expect(schemaVersion(db)).toBe(14);

    // One state row, not enrolled, starting from the first change.
    expect(db.prepare('SELECT id, server_url, token, cursor, acknowledged_seq FROM sync_state').all()).toEqual([
      { id: 1, server_url: null, token: null, cursor: 0, acknowledged_seq: 0 },
    ]);
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK constraint/);
    // The work done before enrolment is still there to be pushed.
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT name FROM clients').all()).toEqual([{ name: '市人民医院' }]);

    // Conflicts hold JSON fields and a known resolution only.
    const insertConflict = db.prepare(
      "INSERT INTO sync_conflicts (id, entity, entity_id, fields, detected_at, resolution, created_at, updated_at) VALUES (?, 'incident', 'i1', ?, 1, ?, 1, 1)",
    );
    insertConflict.run('k1', '{"title":{}}', null);
    expect(db.prepare('SELECT origin FROM sync_conflicts').get()).toEqual({ origin: 'server' });
    expect(() => insertConflict.run('k2', '[1]', null)).toThrow(/CHECK constraint/);
    expect(() => insertConflict.run('k3', '{}', 'kept-both')).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO sync_record_clocks (entity, entity_id, clocks) VALUES ('client', 'c1', 'not json')").run()).toThrow(/CHECK constraint/);
  });
});
