import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { shortTermsQuery } from '../search-grams';
import { migrations } from './index';

describe('migration 0009: problems and changes', () => {
  function migrated() {
    const db = memoryDatabase(8);
    db.prepare("INSERT INTO assets (id, type, name, created_at, updated_at) VALUES ('a1', 'server', '数据库服务器', 1, 1)").run();
    runMigrations(db, migrations.slice(0, 9));
    return db;
  }

  it('adds the tables next to the data already there', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT name FROM assets').all()).toEqual([{ name: '数据库服务器' }]);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['problems', 'problem_steps', 'problem_incidents', 'changes', 'problems_fts', 'problems_grams', 'changes_fts', 'changes_grams']));
  });

  it('keeps both search indexes of problems in step with inserts, updates and deletes', () => {
    const db = migrated();
    const insert = db.prepare(
      "INSERT INTO problems (id, type, status, title, description, reporter, reported_at, created_by, created_at, updated_at) VALUES (?, 'defect', 'submitted', ?, ?, '李主任', 1, '张工', 1, 1)",
    );
    insert.run('p1', '数据库备份失败', 'RMAN backup job failed');
    insert.run('p2', '打印机卡纸', '');
    const trigram = (term: string) =>
      (db.prepare('SELECT p.id FROM problems_fts JOIN problems p ON p.rowid = problems_fts.rowid WHERE problems_fts MATCH ? ORDER BY p.id').all(`"${term}"`) as { id: string }[]).map(
        (r) => r.id,
      );
    const short = (term: string) =>
      (
        db.prepare('SELECT p.id FROM problems_grams JOIN problems p ON p.rowid = problems_grams.rowid WHERE problems_grams MATCH ? ORDER BY p.id').all(shortTermsQuery([term])) as {
          id: string;
        }[]
      ).map((r) => r.id);
    expect(trigram('数据库')).toEqual(['p1']);
    expect(trigram('backup')).toEqual(['p1']);
    expect(short('备份')).toEqual(['p1']);
    expect(short('卡纸')).toEqual(['p2']);

    db.prepare("UPDATE problems SET resolution = '更换备份磁带' WHERE id = 'p2'").run();
    expect(short('备份')).toEqual(['p1', 'p2']);
    db.prepare("UPDATE problems SET title = '恢复演练', description = '' WHERE id = 'p1'").run();
    expect(trigram('数据库')).toEqual([]);
    expect(short('备份')).toEqual(['p2']);
    db.prepare("DELETE FROM problems WHERE id = 'p2'").run();
    expect(short('备份')).toEqual([]);
    expect(short('卡纸')).toEqual([]);
  });

  it('indexes changes for search and refuses values outside the vocabularies', () => {
    const db = migrated();
    db.prepare("INSERT INTO changes (id, title, plan, requester, status, created_by, created_at, updated_at) VALUES ('c1', '核心交换机升级', 'Upgrade firmware', '张工', 'draft', '张工', 1, 1)").run();
    expect(db.prepare('SELECT count(*) AS n FROM changes_fts WHERE changes_fts MATCH ?').get('"firmware"')).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM changes_grams WHERE changes_grams MATCH ?').get(shortTermsQuery(['升级']))).toEqual({ n: 1 });
    expect(() => db.prepare("UPDATE changes SET status = 'done' WHERE id = 'c1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE changes SET risk_level = 'extreme' WHERE id = 'c1'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO problems (id, type, status, title, reporter, reported_at, created_by, created_at, updated_at) VALUES ('p', 'question', 'answered', 't', 'r', 1, 'c', 1, 1)").run(),
    ).toThrow(/CHECK/);
  });

  it('ties steps and links to an existing problem', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO problem_steps (id, problem_id, step, actor, at, created_at, updated_at) VALUES ('s1', 'missing', 'submitted', '张工', 1, 1, 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare("INSERT INTO problem_incidents (id, problem_id, incident_id, created_at, updated_at) VALUES ('l1', 'missing', 'i1', 1, 1)").run()).toThrow(/FOREIGN KEY/);
  });
});
