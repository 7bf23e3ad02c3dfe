import type { Change, ChangeFilter } from '@shared/domain/changes';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { textSearchConditions } from '../problems/text-search';

export interface ChangeRow {
  id: string;
  title: string;
  description: string;
  asset_ids: string;
  plan: string;
  risk_level: Change['riskLevel'];
  risk_text: string;
  rollback_plan: string;
  window_start: number | null;
  window_end: number | null;
  requester: string;
  implementer: string;
  status: Change['status'];
  submitted_at: number | null;
  decision: Change['decision'];
  decided_by: string;
  decided_role: Change['decidedRole'];
  decided_at: number | null;
  decision_comment: string;
  started_at: number | null;
  result: string;
  result_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** The SQL of changes. */
export class ChangesRepo {
  constructor(private readonly db: Db) {}

  get(id: string): ChangeRow | undefined {
    return statement(this.db, 'SELECT * FROM changes WHERE id = ?').get(id) as ChangeRow | undefined;
  }

  list(filter: ChangeFilter, offset: number, limit: number): { total: number; rows: ChangeRow[] } {
    const clauses = ['c.deleted_at IS NULL'];
    const params: unknown[] = [];
    const search = textSearchConditions(filter.search, 'changes', 'c');
    clauses.push(...search.clauses);
    params.push(...search.params);
    if (filter.statuses.length > 0) {
      clauses.push('c.status IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.statuses));
    }
    if (filter.riskLevels.length > 0) {
      clauses.push('c.risk_level IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.riskLevels));
    }
    const where = clauses.join(' AND ');
    const total = (statement(this.db, `SELECT count(*) AS n FROM changes c WHERE ${where}`).get(...params) as { n: number }).n;
    // Latest window first; a change without a window yet sorts by when it was written.
    const rows = statement(
      this.db,
      `SELECT c.* FROM changes c WHERE ${where} ORDER BY coalesce(c.window_start, c.created_at) DESC, c.id DESC LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as ChangeRow[];
    return { total, rows };
  }
}

export function toChange(row: ChangeRow): Change {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    assetIds: JSON.parse(row.asset_ids) as string[],
    plan: row.plan,
    riskLevel: row.risk_level,
    riskText: row.risk_text,
    rollbackPlan: row.rollback_plan,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    requester: row.requester,
    implementer: row.implementer,
    status: row.status,
    submittedAt: row.submitted_at,
    decision: row.decision,
    decidedBy: row.decided_by,
    decidedRole: row.decided_role,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    startedAt: row.started_at,
    result: row.result,
    resultAt: row.result_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
