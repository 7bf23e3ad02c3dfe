import type { BusinessCalendar, SlaPolicy, SlaPolicyFields, SystemDownRules } from '@shared/domain/sla';
import { DEFAULT_SLA_POLICY_ID } from '@shared/sla';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

export interface SlaPolicyRow {
  id: string;
  name: string;
  client_id: string | null;
  calendar: string;
  targets: string;
  pause_while_pending: number;
  at_risk_percent: number;
  system_down: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/**
 * Reads of sla_policies (synced; written through the write path only). Two
 * live policies for one client can arrive by sync; every read picks the same
 * one (the oldest), so all laptops agree which applies.
 */
export class SlaPoliciesRepo {
  constructor(private readonly db: Db) {}

  /** Live policies: the default first, then by age. */
  live(): SlaPolicyRow[] {
    return statement(this.db, 'SELECT * FROM sla_policies WHERE deleted_at IS NULL ORDER BY client_id IS NOT NULL, created_at, id').all() as SlaPolicyRow[];
  }

  find(id: string): SlaPolicyRow | undefined {
    return statement(this.db, 'SELECT * FROM sla_policies WHERE id = ?').get(id) as SlaPolicyRow | undefined;
  }

  /** The live policy of a client, or the stored default for null. */
  forClient(clientId: string | null, exceptId: string | null = null): SlaPolicyRow | undefined {
    return statement(
      this.db,
      `SELECT * FROM sla_policies WHERE deleted_at IS NULL AND client_id IS ? AND id IS NOT ?
       ORDER BY id = '${DEFAULT_SLA_POLICY_ID}' DESC, created_at, id LIMIT 1`,
    ).get(clientId, exceptId) as SlaPolicyRow | undefined;
  }

  clientIsLive(clientId: string): boolean {
    return statement(this.db, 'SELECT 1 FROM clients WHERE id = ? AND deleted_at IS NULL').get(clientId) !== undefined;
  }
}

export function toPolicy(row: SlaPolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    clientId: row.client_id,
    calendar: JSON.parse(row.calendar) as BusinessCalendar,
    targets: JSON.parse(row.targets) as SlaPolicyFields['targets'],
    pauseWhilePending: row.pause_while_pending === 1,
    atRiskPercent: row.at_risk_percent,
    systemDown: JSON.parse(row.system_down) as SystemDownRules,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The write path's fields for a policy: booleans as 0/1 (SQLite has no boolean). */
export function toStoredFields(fields: SlaPolicyFields): Record<string, unknown> {
  return {
    name: fields.name,
    clientId: fields.clientId,
    calendar: fields.calendar,
    targets: fields.targets,
    pauseWhilePending: fields.pauseWhilePending ? 1 : 0,
    atRiskPercent: fields.atRiskPercent,
    systemDown: fields.systemDown,
  };
}
