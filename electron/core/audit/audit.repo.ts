import type { AuditEntry } from '@shared/domain/audit';
import type { Db } from '../store/database';

interface AuditRow {
  seq: number;
  at: number;
  actor_name: string;
  actor_role: string;
  entity: string;
  entity_id: string;
  action: AuditEntry['action'];
  changes: string;
}

/** Reads of the audit log; its lines are written by the write path only. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  recent(limit: number, entityId?: string): AuditEntry[] {
    const rows = (
      entityId
        ? this.db.prepare('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT ?').all(entityId, limit)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit)
    ) as AuditRow[];
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actorName: row.actor_name,
      actorRole: row.actor_role,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      changes: JSON.parse(row.changes) as AuditEntry['changes'],
    }));
  }
}
