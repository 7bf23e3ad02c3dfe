import { describe, expect, it } from 'vitest';
import { manualClock, memoryDatabase, TEST_ACTOR } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { WritePath } from '../write-path';
import { migrations } from './index';

const SHA = 'ab'.repeat(32);

describe('migration 0008: attachments', () => {
  it('upgrades a version-7 database with records in it, keeping them, and takes attachment rows through the write path', () => {
    const db = memoryDatabase(7);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', '华东数据中心', 1, 1)").run();
    db.prepare("INSERT INTO assets (id, type, name, created_at, updated_at) VALUES ('a1', 'switch', '核心交换机', 1, 1)").run();
    const outboxBefore = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

    runMigrations(db, migrations.slice(0, 8));

    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare('SELECT name FROM clients').get()).toEqual({ name: '华东数据中心' });
    expect(db.prepare('SELECT name FROM assets').get()).toEqual({ name: '核心交换机' });
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });

    const clock = manualClock();
    const writePath = new WritePath(db, () => ({ actor: TEST_ACTOR, deviceId: 'device-a', now: clock.now }));
    writePath.write([
      {
        entity: 'attachment',
        op: 'insert',
        id: 'f1',
        fields: { ownerType: 'incident', ownerId: 'i1', fileName: '机房.jpg', mimeType: 'image/jpeg', sizeBytes: 1234, sha256: SHA, thumbnailSha256: null, width: 640, height: 480, note: '' },
      },
    ]);
    expect(db.prepare('SELECT owner_type, owner_id, file_name, size_bytes, deleted_at FROM attachments').get()).toEqual({
      owner_type: 'incident',
      owner_id: 'i1',
      file_name: '机房.jpg',
      size_bytes: 1234,
      deleted_at: null,
    });
    expect(db.prepare("SELECT entity, op FROM outbox WHERE entity_id = 'f1'").all()).toEqual([{ entity: 'attachment', op: 'insert' }]);
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(outboxBefore + 1);

    writePath.write([{ entity: 'attachment', op: 'delete', id: 'f1' }]);
    expect(db.prepare("SELECT deleted_at FROM attachments WHERE id = 'f1'").get()).toEqual({ deleted_at: clock.now() });

    const insert = db.prepare(
      'INSERT INTO attachments (id, owner_type, owner_id, file_name, mime_type, size_bytes, sha256, thumbnail_sha256, width, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)',
    );
    expect(() => insert.run('f2', 'incident', 'i1', 'a.png', 'image/png', 1, 'short', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('f3', 'incident', 'i1', '', 'image/png', 1, SHA, null, null)).toThrow(/CHECK/);
    expect(() => insert.run('f4', 'incident', 'i1', 'a.png', 'image/png', -1, SHA, null, null)).toThrow(/CHECK/);
    expect(() => insert.run('f5', 'incident', 'i1', 'a.png', 'image/png', 1, SHA, 'x', null)).toThrow(/CHECK/);
    expect(() => insert.run('f6', 'incident', 'i1', 'a.png', 'image/png', 1, SHA, null, 0)).toThrow(/CHECK/);

    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM attachments WHERE owner_type = 'incident' AND owner_id = 'i1' AND deleted_at IS NULL ORDER BY created_at").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('attachments_owner');
  });
});
