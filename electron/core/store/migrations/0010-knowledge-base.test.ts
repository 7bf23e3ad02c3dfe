import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { shortTermsQuery } from '../search-grams';
import { migrations } from './index';

describe('migration 0010: knowledge base', () => {
  it('adds the articles table and keeps both search indexes up to date', () => {
    const db = memoryDatabase(9);
    db.prepare("INSERT INTO assets (id, type, name, vendor, created_at, updated_at) VALUES ('a1', 'switch', '核心交换机', 'Huawei', 1, 1)").run();

    runMigrations(db, migrations.slice(0, 10));
    expect(schemaVersion(db)).toBe(10);
    // What was there before is untouched and still searchable.
    expect(db.prepare("SELECT name FROM assets WHERE id = 'a1'").get()).toEqual({ name: '核心交换机' });
    expect(db.prepare('SELECT rowid FROM assets_grams WHERE assets_grams MATCH ?').all(shortTermsQuery(['核心']))).toHaveLength(1);

    const insert = db.prepare(
      "INSERT INTO knowledge_articles (id, title, body, language, tags, vendors, author, created_at, updated_at) VALUES (?, ?, ?, 'zh-CN', ?, ?, '张工', 1, 1)",
    );
    // The pair 环路 sits at the very end of a long body: the grams index covers all of it, not a prefix.
    insert.run('k1', '核心交换机端口down', `${'正文'.repeat(10_000)} 环路`, '["STP"]', '["Huawei"]');
    insert.run('k2', 'Spanning tree loop', 'BPDU guard shut the port.', '["网络"]', '["Cisco"]');

    const trigram = (match: string) =>
      (db.prepare('SELECT a.id FROM knowledge_fts JOIN knowledge_articles a ON a.rowid = knowledge_fts.rowid WHERE knowledge_fts MATCH ? ORDER BY a.id').all(match) as { id: string }[]).map((r) => r.id);
    const grams = (...terms: string[]) =>
      (db.prepare('SELECT a.id FROM knowledge_grams JOIN knowledge_articles a ON a.rowid = knowledge_grams.rowid WHERE knowledge_grams MATCH ? ORDER BY a.id').all(shortTermsQuery(terms)) as { id: string }[]).map((r) => r.id);

    expect(trigram('"交换机"')).toEqual(['k1']);
    expect(trigram('"spanning"')).toEqual(['k2']);
    expect(trigram('"cisco"')).toEqual(['k2']);
    expect(trigram('{title} : "bpdu"')).toEqual([]);
    expect(grams('核心')).toEqual(['k1']);
    expect(grams('环路')).toEqual(['k1']);
    expect(grams('网络')).toEqual(['k2']);

    db.prepare("UPDATE knowledge_articles SET title = '机房空调告警', body = '' WHERE id = 'k1'").run();
    expect(trigram('"交换机"')).toEqual([]);
    expect(grams('核心')).toEqual([]);
    expect(grams('空调')).toEqual(['k1']);

    db.prepare("DELETE FROM knowledge_articles WHERE id = 'k2'").run();
    expect(trigram('"spanning"')).toEqual([]);
    expect(grams('网络')).toEqual([]);

    expect(() => db.prepare("UPDATE knowledge_articles SET tags = 'not json' WHERE id = 'k1'").run()).toThrow(/CHECK/);
  });
});
