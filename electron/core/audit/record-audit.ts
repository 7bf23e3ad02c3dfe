import type { AuditEntry } from '@shared/domain/audit';
import type { Profile } from '@shared/domain/profile';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * Writes one audit line for a change to a local (unsynced) table, such as
 * accepting a changed SSH host key. Synced tables get theirs from the write
 * path; this is the same line for the few trust decisions that stay on the
 * laptop. Call it inside the transaction that makes the change, so the line
 * and the change commit together or not at all.
 */
export function recordAudit(
  db: Db,
  entry: { at: number; actor: Profile; entity: string; entityId: string; action: AuditEntry['action']; changes: AuditEntry['changes'] },
): void {
  statement(db, 'INSERT INTO audit_log (at, actor_name, actor_role, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor.name,
    entry.actor.role,
    entry.entity,
    entry.entityId,
    entry.action,
    JSON.stringify(entry.changes),
  );
}
