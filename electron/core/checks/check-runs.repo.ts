import type { CheckRun, RunnableCheckKind } from '@shared/domain/checks';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

interface RunRow {
  id: string;
  label: string;
  kinds: string;
  status: CheckRun['status'];
  total: number;
  done: number;
  failed: number;
  started_at: number;
  finished_at: number | null;
}

/** Check runs (check_runs): local bookkeeping of what was started, how far it got and how it ended. */
export class CheckRunsRepo {
  constructor(private readonly db: Db) {}

  create(run: { id: string; label: string; kinds: readonly RunnableCheckKind[]; total: number; startedAt: number }): void {
    statement(this.db, "INSERT INTO check_runs (id, label, kinds, status, total, started_at) VALUES (?, ?, ?, 'running', ?, ?)").run(
      run.id,
      run.label,
      JSON.stringify(run.kinds),
      run.total,
      run.startedAt,
    );
  }

  progress(id: string, done: number, failed: number): void {
    statement(this.db, 'UPDATE check_runs SET done = ?, failed = ? WHERE id = ?').run(done, failed, id);
  }

  finish(id: string, status: 'done' | 'cancelled', at: number): void {
    statement(this.db, "UPDATE check_runs SET status = ?, finished_at = ? WHERE id = ? AND status = 'running'").run(status, at, id);
  }

  /** Runs a previous process left 'running' (it quit or crashed): they will not go on, so they end as cancelled. */
  endOrphans(at: number): number {
    return statement(this.db, "UPDATE check_runs SET status = 'cancelled', finished_at = ? WHERE status = 'running'").run(at).changes;
  }

  get(id: string): CheckRun | undefined {
    const row = statement(this.db, 'SELECT * FROM check_runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  recent(limit: number): CheckRun[] {
    return (statement(this.db, 'SELECT * FROM check_runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as RunRow[]).map(toRun);
  }
}

function toRun(row: RunRow): CheckRun {
  return {
    id: row.id,
    label: row.label,
    kinds: JSON.parse(row.kinds) as RunnableCheckKind[],
    status: row.status,
    total: row.total,
    done: row.done,
    failed: row.failed,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
