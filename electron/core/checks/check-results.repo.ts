import type { CheckKind, CheckResult, CheckResultSummary, CheckStatus } from '@shared/domain/checks';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import type { Mutation } from '../store/write-path';

interface ResultRow {
  id: string;
  run_id: string | null;
  asset_id: string | null;
  target: string;
  kind: CheckKind;
  profile_id: string;
  step: string;
  method: string | null;
  raw_output?: string;
  parsed?: string | null;
  metrics: string;
  units: string;
  status: CheckStatus;
  error_code: string | null;
  error_message: string | null;
  duration_ms: number;
  started_at: number;
  finished_at: number;
}

const SUMMARY_COLUMNS =
  'id, run_id, asset_id, target, kind, profile_id, step, method, metrics, units, status, error_code, error_message, duration_ms, started_at, finished_at';

export interface ResultQuery {
  assetId?: string;
  runId?: string;
  kind?: CheckKind;
  /** Only results started before this time (paging back through history). */
  before?: number;
  limit: number;
}

/**
 * Reads of the check evidence (check_results, synced and append-only: rows
 * are inserted through the write path, see `insertResult`, and never
 * changed). Newest first everywhere except history, which a chart reads
 * oldest first.
 */
export class CheckResultsRepo {
  constructor(private readonly db: Db) {}

  results(query: ResultQuery): CheckResultSummary[] {
    const clauses = ['deleted_at IS NULL'];
    const params: unknown[] = [];
    if (query.assetId !== undefined) {
      clauses.push('asset_id = ?');
      params.push(query.assetId);
    }
    if (query.runId !== undefined) {
      clauses.push('run_id = ?');
      params.push(query.runId);
    }
    if (query.kind !== undefined) {
      clauses.push('kind = ?');
      params.push(query.kind);
    }
    if (query.before !== undefined) {
      clauses.push('started_at < ?');
      params.push(query.before);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM check_results WHERE ${clauses.join(' AND ')} ORDER BY started_at DESC, id DESC LIMIT ?`;
    return (statement(this.db, sql).all(...params, query.limit) as ResultRow[]).map(toSummary);
  }

  result(id: string): CheckResult | undefined {
    const row = statement(this.db, 'SELECT * FROM check_results WHERE id = ? AND deleted_at IS NULL').get(id) as ResultRow | undefined;
    return row ? toResult(row) : undefined;
  }

  /**
   * The newest value of every metric measured on the asset, whichever check
   * measured it (uptime from SNMP on Monday and from SSH on Tuesday:
   * Tuesday's), with the unit stored beside it in that result.
   */
  latest(assetId: string): { name: string; value: number | string; unit: string | null; at: number; resultId: string; profileId: string }[] {
    const rows = statement(
      this.db,
      `SELECT name, value, unit, at, result_id, profile_id FROM (
         SELECT m.key AS name, m.value AS value, json_extract(r.units, '$."' || m.key || '"') AS unit,
                r.started_at AS at, r.id AS result_id, r.profile_id,
                row_number() OVER (PARTITION BY m.key ORDER BY r.started_at DESC, r.id DESC) AS n
         FROM check_results r, json_each(r.metrics) m
         WHERE r.asset_id = ? AND r.deleted_at IS NULL AND m.type IN ('integer', 'real', 'text'))
       WHERE n = 1 ORDER BY name`,
    ).all(assetId) as { name: string; value: number | string; unit: unknown; at: number; result_id: string; profile_id: string }[];
    return rows.map((row) => ({ name: row.name, value: row.value, unit: typeof row.unit === 'string' ? row.unit : null, at: row.at, resultId: row.result_id, profileId: row.profile_id }));
  }

  /** The numeric values of one metric of an asset, oldest first: the newest `limit` since `since`. */
  history(assetId: string, metric: string, since: number | undefined, limit: number): { at: number; value: number }[] {
    const rows = statement(
      this.db,
      `SELECT r.started_at AS at, m.value AS value
       FROM check_results r, json_each(r.metrics) m
       WHERE r.asset_id = ? AND r.deleted_at IS NULL AND r.started_at >= ? AND m.key = ? AND m.type IN ('integer', 'real')
       ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
    ).all(assetId, since ?? 0, metric, limit) as { at: number; value: number }[];
    return rows.reverse();
  }
}

/** The write-path mutation that stores a result (the only way one is written). */
export function insertResult(result: CheckResult): Mutation {
  const { id, ...fields } = result;
  return { entity: 'checkResult', op: 'insert', id, fields: { ...fields, parsed: fields.parsed ?? null } };
}

function toSummary(row: ResultRow): CheckResultSummary {
  return {
    id: row.id,
    runId: row.run_id,
    assetId: row.asset_id,
    target: row.target,
    kind: row.kind,
    profileId: row.profile_id,
    step: row.step,
    method: row.method,
    metrics: JSON.parse(row.metrics) as CheckResultSummary['metrics'],
    units: JSON.parse(row.units) as CheckResultSummary['units'],
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    durationMs: row.duration_ms,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toResult(row: ResultRow): CheckResult {
  return { ...toSummary(row), rawOutput: row.raw_output ?? '', parsed: row.parsed === null || row.parsed === undefined ? null : (JSON.parse(row.parsed) as unknown) };
}
