import type { Db } from '../store/database';
import { statement } from '../store/statements';

export interface IncidentBrief {
  id: string;
  number: string;
  title: string;
  status: string;
  deleted: boolean;
}

/**
 * Reads the incidents table (migration 0006, owned by the incidents domain)
 * for the few columns a problem record shows. Read-only and by SQL rather than
 * through the incidents service, so the two domains do not depend on each
 * other's construction.
 */
export class IncidentLookup {
  constructor(private readonly db: Db) {}

  find(ids: readonly string[]): Map<string, IncidentBrief> {
    if (ids.length === 0) return new Map();
    const rows = statement(this.db, 'SELECT id, number, title, status, deleted_at FROM incidents WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { id: string; number: string; title: string; status: string; deleted_at: number | null }[];
    return new Map(rows.map((row) => [row.id, { id: row.id, number: row.number, title: row.title, status: row.status, deleted: row.deleted_at !== null }]));
  }

  /** A live incident, or undefined. */
  live(id: string): IncidentBrief | undefined {
    const found = this.find([id]).get(id);
    return found && !found.deleted ? found : undefined;
  }
}
