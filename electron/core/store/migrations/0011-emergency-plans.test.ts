import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { shortTermsQuery } from '../search-grams';
import { migrations } from './index';

const STEPS = JSON.stringify([
  { title: '确认市电中断范围', instructions: '查看配电柜与 UPS 面板', responsibleRole: '值班工程师', expectedMinutes: 5, checkItem: 'UPS 已转电池供电' },
  { title: 'Notify the client', instructions: '', responsibleRole: 'Project manager', expectedMinutes: null, checkItem: '' },
]);
const CONTACTS = JSON.stringify([
  { key: 'c1', name: '李主任', role: '信息科主任', organisation: '市人民医院', phones: ['0571-8888 1234', '13800138000'], escalationLevel: 2, notes: '' },
]);

describe('migration 0011: emergency plans', () => {
  it('adds the plans table next to the data already there, with search over steps and contacts', () => {
    const db = memoryDatabase(10);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c-1', '市人民医院', 1, 1)").run();
    db.prepare("INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES ('s-1', 'c-1', '门诊楼', 1, 1)").run();
    db.prepare("INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES ('r-1', 's-1', '3F 核心机房', 1, 1)").run();
    db.prepare("INSERT INTO assets (id, type, name, room_id, created_at, updated_at) VALUES ('a-1', 'ups', 'UPS 主机', 'r-1', 1, 1)").run();

    runMigrations(db, migrations.slice(0, 11));
    expect(schemaVersion(db)).toBe(11);
    // Nothing already there was touched.
    expect(db.prepare('SELECT name FROM assets').all()).toEqual([{ name: 'UPS 主机' }]);

    const insert = db.prepare(
      `INSERT INTO emergency_plans (id, client_id, site_id, title, scenario, severity, objective, steps, contacts, strategies, language, created_at, updated_at)
       VALUES (?, 'c-1', ?, ?, ?, 'critical', ?, ?, ?, ?, ?, 1, 1)`,
    );
    insert.run('p-1', 's-1', '机房市电中断应急预案', 'power-failure', '保障核心业务不中断', STEPS, CONTACTS, '## 预防措施\n定期放电测试', 'zh-CN');
    insert.run('p-2', null, 'Core switch failure', 'network-failure', 'Restore the core', '[{"title":"Check the standby switch"}]', '[]', '', 'en');

    const find = (terms: string[]) => {
      const long = terms.filter((term) => [...term].length >= 3);
      const short = terms.filter((term) => [...term].length < 3);
      const clauses = ['1'];
      const params: string[] = [];
      if (long.length > 0) {
        clauses.push('rowid IN (SELECT rowid FROM emergency_plans_fts WHERE emergency_plans_fts MATCH ?)');
        params.push(long.map((term) => `"${term}"`).join(' AND '));
      }
      if (short.length > 0) {
        clauses.push('rowid IN (SELECT rowid FROM emergency_plans_grams WHERE emergency_plans_grams MATCH ?)');
        params.push(shortTermsQuery(short));
      }
      return (db.prepare(`SELECT id FROM emergency_plans WHERE ${clauses.join(' AND ')} ORDER BY id`).all(...params) as { id: string }[]).map((r) => r.id);
    };

    expect(find(['市电中断'])).toEqual(['p-1']);
    expect(find(['电池'])).toEqual(['p-1']); // a step's check item, two characters
    expect(find(['李主任'])).toEqual(['p-1']); // a contact
    expect(find(['8888 1234'])).toEqual(['p-1']); // a second-level field: a phone number
    expect(find(['standby'])).toEqual(['p-2']);
    expect(find(['预防措施'])).toEqual(['p-1']); // strategies
    // JSON keys are not text: "responsibleRole" is in every step of p-1 but not searchable.
    expect(find(['responsibleRole'])).toEqual([]);

    db.prepare("UPDATE emergency_plans SET steps = '[{\"title\":\"Fail over to the standby switch\"}]' WHERE id = 'p-1'").run();
    expect(find(['电池'])).toEqual([]);
    expect(find(['standby'])).toEqual(['p-1', 'p-2']);
    db.prepare("DELETE FROM emergency_plans WHERE id = 'p-2'").run();
    expect(find(['standby'])).toEqual(['p-1']);
  });

  it('refuses lists that are not JSON arrays and plans for a client that does not exist', () => {
    const db = memoryDatabase(11);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c-1', 'Client', 1, 1)").run();
    const insert = (clientId: string, steps: string) =>
      db
        .prepare("INSERT INTO emergency_plans (id, client_id, title, scenario, severity, steps, language, created_at, updated_at) VALUES (?, ?, 'T', 'fire', 'minor', ?, 'en', 1, 1)")
        .run(`p-${Math.random()}`, clientId, steps);
    expect(() => insert('c-1', '{"title":"not a list"}')).toThrow(/CHECK constraint/);
    expect(() => insert('c-1', 'not json')).toThrow(/CHECK constraint/);
    expect(() => insert('c-missing', '[]')).toThrow(/FOREIGN KEY/);
    expect(() => insert('c-1', '[]')).not.toThrow();
  });
});
