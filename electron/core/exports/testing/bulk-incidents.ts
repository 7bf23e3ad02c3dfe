import { INCIDENT_CATEGORIES } from '@shared/domain/incidents';
import { PRIORITIES } from '@shared/domain/sla';
import type { Db } from '../../store/database';
import { newId } from '../../store/ids';

export interface BulkIncidents {
  clientId: string;
  from: number;
  to: number;
  count: number;
}

const TITLES = ['核心交换机端口故障', '硬盘故障', '数据库连接超时', 'UPS battery alarm', '=1+1 looks like a formula', '机房温度偏高'];
const ENGINEERS = ['张伟', '李娜', '王强'];
const STATUSES = ['new', 'in-progress', 'resolved', 'closed'] as const;
const HOUR = 3_600_000;

/**
 * Many incidents written straight into the tables, for export tests and the
 * bench that need 100,000 rows in seconds. It bypasses the write path (no
 * outbox, no audit, no history): exports only read, and writing 100,000
 * incidents through the services would take minutes.
 */
export function insertBulkIncidents(db: Db, count: number, options: { from?: number; spanMs?: number } = {}): BulkIncidents {
  const from = options.from ?? Date.UTC(2026, 0, 1) - 8 * HOUR;
  const span = options.spanMs ?? 300 * 24 * HOUR;
  const now = from + span;
  const clientId = newId();
  const siteId = newId();
  const roomIds = [newId(), newId(), newId()];
  const insert = db.prepare(
    `INSERT INTO incidents (id, number, title, description, category, impact, urgency, priority, system_down, status, asset_ids, location_id,
       reporter_name, assignee, reported_at, acknowledged_at, resolved_at, closed_at, created_by, created_at, updated_at)
     VALUES (?, ?, ?, '', ?, 'medium', 'medium', ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(clientId, '批量测试医院', from, from);
    db.prepare('INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(siteId, clientId, '门诊楼', from, from);
    roomIds.forEach((id, i) => db.prepare('INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, siteId, `${i + 1}F 机房`, from, from));
    for (let i = 0; i < count; i++) {
      const reportedAt = from + Math.floor((i / count) * span);
      // As a year of service looks: nearly everything resolved or closed within hours, the newest 1 % still open.
      const open = isOpenBulkIncident(i, count);
      const status = STATUSES[(open ? 0 : 2) + (i % 2)] as (typeof STATUSES)[number];
      const done = !open;
      const engineer = ENGINEERS[i % ENGINEERS.length] as string;
      insert.run(
        newId(),
        `INC-${String(i).padStart(6, '0')}`,
        `${TITLES[i % TITLES.length]} #${i}`,
        INCIDENT_CATEGORIES[i % INCIDENT_CATEGORIES.length],
        PRIORITIES[i % PRIORITIES.length],
        i % 50 === 0 ? 1 : 0,
        status,
        roomIds[i % roomIds.length],
        '信息科',
        engineer,
        reportedAt,
        status === 'new' ? null : reportedAt + 10 * 60_000,
        done ? reportedAt + ((i % 48) + 1) * HOUR : null,
        status === 'closed' ? reportedAt + 50 * HOUR : null,
        engineer,
        reportedAt,
        reportedAt,
      );
    }
  })();
  return { clientId, from, to: now, count };
}

/** Whether bulk incident `i` of `count` is still open (the newest 1 %). */
export function isOpenBulkIncident(i: number, count: number): boolean {
  return i >= Math.floor(count * 0.99);
}
