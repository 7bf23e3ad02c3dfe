import { describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../testing/fixtures';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

const CONTENT = JSON.stringify({ name: '机房巡检', description: '', language: 'zh-CN', scope: { kind: 'room' }, sections: [] });

describe('migration 0013: rounds', () => {
  it('adds the rounds tables beside the data already there, one entry per slot, assets indexed by trigger', () => {
    const db = memoryDatabase(12);
    db.prepare("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c-1', '市人民医院', 1, 1)").run();
    db.prepare("INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES ('s-1', 'c-1', '门诊楼', 1, 1)").run();
    db.prepare("INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES ('r-1', 's-1', '3F 核心机房', 1, 1)").run();
    db.prepare("INSERT INTO assets (id, type, name, room_id, created_at, updated_at) VALUES ('a-1', 'ups', 'UPS 主机', 'r-1', 1, 1)").run();
    db.prepare("INSERT INTO incidents (id, number, title, category, impact, urgency, priority, status, reporter_name, reported_at, created_by, created_at, updated_at) VALUES ('i-1', 'INC-1', 'UPS 告警', 'environment', 'low', 'low', 'P4', 'new', '张工', 1, '张工', 1, 1)").run();

    runMigrations(db, migrations.slice(0, 13));
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT name FROM assets').all()).toEqual([{ name: 'UPS 主机' }]);
    expect(db.prepare('SELECT title FROM incidents').all()).toEqual([{ title: 'UPS 告警' }]);

    db.prepare("INSERT INTO checklist_templates (id, builtin_key, name, language, version, version_id, created_at, updated_at) VALUES ('t-1', 'machine-room', '机房巡检', 'zh-CN', 1, 'v-1', 1, 1)").run();
    db.prepare("INSERT INTO checklist_template_versions (id, template_id, version, content, created_at, updated_at) VALUES ('v-1', 't-1', 1, ?, 1, 1)").run(CONTENT);
    // Two laptops may both make version 2 offline: not refused.
    db.prepare("INSERT INTO checklist_template_versions (id, template_id, version, content, created_at, updated_at) VALUES ('v-2a', 't-1', 2, ?, 2, 2)").run(CONTENT);
    db.prepare("INSERT INTO checklist_template_versions (id, template_id, version, content, created_at, updated_at) VALUES ('v-2b', 't-1', 2, ?, 2, 2)").run(CONTENT);
    db.prepare(`INSERT INTO round_schedules (id, template_id, target, frequency, start_date, created_at, updated_at) VALUES ('sc-1', 't-1', '{"kind":"room","roomId":"r-1"}', 'weekly', '2026-11-23', 1, 1)`).run();
    expect(() => db.prepare(`INSERT INTO round_schedules (id, template_id, target, frequency, start_date, created_at, updated_at) VALUES ('sc-2', 't-1', '{}', 'hourly', '2026-11-23', 1, 1)`).run()).toThrow(/CHECK/);

    const assets = JSON.stringify([{ id: 'a-1', name: 'UPS 主机', type: 'ups' }]);
    db.prepare(
      `INSERT INTO rounds (id, template_id, template_version_id, schedule_id, period_start, target, room_id, assets, status, started_by, started_at, created_at, updated_at)
       VALUES ('rd-1', 't-1', 'v-1', 'sc-1', '2026-11-23', '{"kind":"room","roomId":"r-1"}', 'r-1', ?, 'in-progress', '张工', 5, 5, 5)`,
    ).run(assets);
    expect(db.prepare('SELECT asset_id, round_id FROM round_assets').all()).toEqual([{ asset_id: 'a-1', round_id: 'rd-1' }]);
    db.prepare("UPDATE rounds SET deleted_at = 9 WHERE id = 'rd-1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM round_assets').get()).toEqual({ n: 0 });
    db.prepare("UPDATE rounds SET deleted_at = NULL WHERE id = 'rd-1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM round_assets').get()).toEqual({ n: 1 });

    const entry = db.prepare(
      `INSERT INTO round_entries (id, round_id, section_key, item_key, asset_id, item_label, value, outcome, filled, entered_by, entered_at, created_at, updated_at)
       VALUES (?, 'rd-1', ?, ?, ?, '冷通道温度', '{"type":"number","value":31}', 'failed', 1, '张工', 6, 6, 6)`,
    );
    entry.run('e-1', 'environment', 'temperature', null);
    entry.run('e-2', 'ups', 'ups-load', 'a-1');
    // One entry per slot: the place slot (asset NULL) and the asset slot alike.
    expect(() => entry.run('e-3', 'environment', 'temperature', null)).toThrow(/UNIQUE/);
    expect(() => entry.run('e-4', 'ups', 'ups-load', 'a-1')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE round_entries SET outcome = 'bad' WHERE id = 'e-1'`).run()).toThrow(/CHECK/);

    db.prepare(
      `INSERT INTO round_amendments (id, round_id, entry_id, before_value, after_value, reason, amended_by, at, created_at, updated_at)
       VALUES ('am-1', 'rd-1', 'e-1', '{}', '{}', '抄错了', '李工', 7, 7, 7)`,
    ).run();
    expect(() =>
      db.prepare(`INSERT INTO round_amendments (id, round_id, entry_id, before_value, after_value, reason, amended_by, at, created_at, updated_at) VALUES ('am-2', 'rd-1', 'e-1', '{}', '{}', '  ', '李工', 7, 7, 7)`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO round_entries (id, round_id, section_key, item_key, item_label, value, outcome, filled, entered_by, entered_at, created_at, updated_at) VALUES ('e-9', 'no-round', 's', 'i', 'x', '{}', 'ok', 1, '张', 1, 1, 1)`).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
