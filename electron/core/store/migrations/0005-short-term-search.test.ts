import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { shortTermsQuery } from '../search-grams';
import { migrations } from './index';

describe('migration 0005: short-term search', () => {
  it('indexes the assets already there and keeps up with changes', () => {
    const db = memoryDatabase(4);
    const insert = db.prepare("INSERT INTO assets (id, type, name, asset_tag, created_at, updated_at) VALUES (?, 'switch', ?, ?, 1, 1)");
    insert.run('a1', '核心交换机', 'ZC-7F');
    insert.run('a2', '接入交换机', '');

    runMigrations(db, migrations.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);

    const find = (...terms: string[]) =>
      (
        db
          .prepare('SELECT a.id FROM assets_grams JOIN assets a ON a.rowid = assets_grams.rowid WHERE assets_grams MATCH ? ORDER BY a.id')
          .all(shortTermsQuery(terms)) as { id: string }[]
      ).map((r) => r.id);
    expect(find('核心')).toEqual(['a1']);
    expect(find('交换')).toEqual(['a1', 'a2']);
    expect(find('7f')).toEqual(['a1']);
    expect(find('-7')).toEqual(['a1']);
    expect(find('机', '接')).toEqual(['a2']);

    insert.run('a3', '汇聚交换机', '');
    db.prepare("UPDATE assets SET name = '备用' WHERE id = 'a1'").run();
    expect(find('核心')).toEqual([]);
    expect(find('交换')).toEqual(['a2', 'a3']);
    db.prepare("DELETE FROM assets WHERE id = 'a3'").run();
    expect(find('汇聚')).toEqual([]);
  });
});
