import { PERIOD_FIELD, RECORD_COLUMNS, type RecordRow, type RecordsFilter, type RecordsPage, type RecordsSort, type RecordValue } from '@shared/domain/records';
import type { SlaState, SlaSummary } from '@shared/domain/sla';
import { AppError } from '@shared/errors';
import type { IncidentSla } from '../incidents/incident-sla';
import { IncidentsRepo, type IncidentRow } from '../incidents/incidents.repo';
import type { Db } from '../store/database';
import { assertFilterFits, KIND_QUERIES } from './record-queries';

export interface RecordsListInput {
  filter: RecordsFilter;
  sort: RecordsSort;
  after: string | null;
  limit: number;
}

/** Rows fetched per query when walking a whole list (exports, SLA filtering). */
export const CHUNK_ROWS = 2000;

type SqlRow = Record<string, unknown> & { _rowid: number; _id: string; _sort: string | number };

/** Keyset position: the sort value and rowid of the last row handed out. */
type Cursor = [string | number, number];

/**
 * The consolidated views. Pages are keyset-paged on (sort value, rowid), so
 * page 500 costs what page 1 costs and a walk over 100,000 rows is a series of
 * short queries that leave the database free in between. Incidents' SLA state
 * is computed, not stored: it is filled per page and, when filtered on, the
 * walk keeps fetching until a page is full.
 */
export class RecordsService {
  private readonly incidents: IncidentsRepo;

  constructor(
    private readonly db: Db,
    private readonly incidentSla: IncidentSla,
  ) {
    this.incidents = new IncidentsRepo(db);
  }

  list(input: RecordsListInput): RecordsPage {
    const { filter, sort, limit } = input;
    assertFilterFits(filter);
    const query = this.build(filter, sort);
    let after = input.after === null ? null : decodeCursor(input.after);
    const rows: RecordRow[] = [];
    let last: Cursor | null = null;
    let more = false;
    // One row past the page tells whether another page follows; with the SLA filter rows are dropped after the query, so fetch wider.
    fill: for (;;) {
      const fetch = this.slaFiltered(filter) ? 500 : limit - rows.length + 1;
      const batch = query.fetch(after, fetch);
      for (const { row, raw } of this.complete(filter, batch)) {
        if (rows.length === limit) {
          more = true;
          break fill;
        }
        rows.push(row);
        last = [raw._sort, raw._rowid];
      }
      if (batch.length < fetch) break;
      const tail = batch[batch.length - 1] as SqlRow;
      after = [tail._sort, tail._rowid];
    }
    return { kind: filter.kind, total: this.count(filter), rows, nextCursor: more && last ? encodeCursor(last) : null };
  }

  /** Every matching row, a chunk per query; the caller may pause between chunks. */
  *chunks(filter: RecordsFilter, sort: RecordsSort, size: number = CHUNK_ROWS): Generator<RecordRow[]> {
    assertFilterFits(filter);
    const query = this.build(filter, sort);
    let after: Cursor | null = null;
    for (;;) {
      const batch = query.fetch(after, size);
      if (batch.length === 0) return;
      const rows = this.complete(filter, batch).map((entry) => entry.row);
      if (rows.length > 0) yield rows;
      const tail = batch[batch.length - 1] as SqlRow;
      after = [tail._sort, tail._rowid];
      if (batch.length < size) return;
    }
  }

  count(filter: RecordsFilter): number {
    assertFilterFits(filter);
    if (!this.slaFiltered(filter)) return this.build(filter, { by: '', direction: 'desc' }).count();
    let total = 0;
    for (const chunk of this.chunks(filter, { by: '', direction: 'desc' })) total += chunk.length;
    return total;
  }

  /** Names on records, for the engineer filter. */
  engineers(): string[] {
    const rows = this.db
      .prepare(
        `SELECT name FROM (
           SELECT assignee AS name FROM incidents WHERE deleted_at IS NULL
           UNION SELECT created_by FROM incidents WHERE deleted_at IS NULL
           UNION SELECT started_by FROM rounds WHERE deleted_at IS NULL
           UNION SELECT signed_by FROM rounds WHERE deleted_at IS NULL
           UNION SELECT created_by FROM problems WHERE deleted_at IS NULL
           UNION SELECT requester FROM changes WHERE deleted_at IS NULL
           UNION SELECT implementer FROM changes WHERE deleted_at IS NULL
         ) WHERE name IS NOT NULL AND name != '' ORDER BY name`,
      )
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  }

  private slaFiltered(filter: RecordsFilter): boolean {
    return filter.kind === 'incidents' && filter.slaStates.length > 0;
  }

  /** Rows as the API returns them, with computed values filled and the SLA filter applied. */
  private complete(filter: RecordsFilter, batch: SqlRow[]): { row: RecordRow; raw: SqlRow }[] {
    const kind = filter.kind;
    const query = KIND_QUERIES[kind];
    const columns = RECORD_COLUMNS[kind];
    let sla: Map<string, SlaSummary> | null = null;
    if (kind === 'incidents') {
      const ids = batch.map((row) => row._id);
      sla = this.incidentSla.summaries(batch as unknown as IncidentRow[], this.incidents.eventsOf(ids));
    }
    const out: { row: RecordRow; raw: SqlRow }[] = [];
    for (const raw of batch) {
      const summary = sla?.get(raw._id);
      if (summary && filter.slaStates.length > 0 && !matchesSlaStates(summary, filter.slaStates)) continue;
      const values: Record<string, RecordValue> = {};
      for (const column of columns) values[column.key] = toValue(raw[column.key]);
      if (summary) values['slaState'] = summary.worst;
      out.push({ row: { id: raw._id, link: query.link(raw), values }, raw });
    }
    return out;
  }

  private build(filter: RecordsFilter, sort: RecordsSort): BuiltQuery {
    const kind = filter.kind;
    const query = KIND_QUERIES[kind];
    const by = sort.by || PERIOD_FIELD[kind];
    const column = RECORD_COLUMNS[kind].find((candidate) => candidate.key === by);
    if (!column || !column.sortable) throw new AppError('records.invalid-filter', `${kind} cannot be sorted by ${by}`, { details: { field: 'sort', value: by } });
    // Never NULL, so keyset comparisons hold: empty text and -1 sort before every real value.
    const sortExpr = query.notNull.includes(by) ? query.columns[by] : `coalesce(${query.columns[by]}, ${column.type === 'text' ? `''` : '-1'})`;
    const { clauses, params } = query.where(filter);
    const where = clauses.join(' AND ');
    const rowid = `${query.alias}.rowid`;
    const select = [
      `${rowid} AS _rowid`,
      `${query.alias}.id AS _id`,
      `${sortExpr} AS _sort`,
      ...Object.entries(query.hidden).map(([name, expr]) => `${expr} AS ${name}`),
      ...Object.entries(query.columns).map(([key, expr]) => `${expr} AS "${key}"`),
    ].join(', ');
    const descending = sort.direction === 'desc';
    const direction = descending ? 'DESC' : 'ASC';
    const order = `ORDER BY ${sortExpr} ${direction}, ${rowid} ${direction}`;
    // "At or past the cursor's value, and past its row when equal", written so that the sort column's index gives a range.
    const [past, atOrPast] = descending ? ['<', '<='] : ['>', '>='];
    const first = this.db.prepare(`SELECT ${select} ${query.from} WHERE ${where} ${order} LIMIT ?`);
    const next = this.db.prepare(
      `SELECT ${select} ${query.from} WHERE ${where} AND ${sortExpr} ${atOrPast} ? AND (${sortExpr} ${past} ? OR ${rowid} ${past} ?) ${order} LIMIT ?`,
    );
    return {
      fetch: (after, limit) =>
        (after === null ? first.all(...params, limit) : next.all(...params, after[0], after[0], after[1], limit)) as SqlRow[],
      count: () => (this.db.prepare(`SELECT count(*) AS n ${query.from} WHERE ${where}`).get(...params) as { n: number }).n,
    };
  }
}

interface BuiltQuery {
  fetch(after: Cursor | null, limit: number): SqlRow[];
  count(): number;
}

function toValue(value: unknown): RecordValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * The incident list's rule: the worst state matches, and so do the breach
 * states on any timer (a missed response stays on the breach list while the
 * resolution is merely at risk).
 */
function matchesSlaStates(sla: SlaSummary, states: readonly SlaState[]): boolean {
  if (states.includes(sla.worst)) return true;
  return sla.timers.some((timer) => (timer.state === 'breached' || timer.state === 'missed') && states.includes(timer.state));
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && Number.isInteger(value[1])) {
      return value as Cursor;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('records.invalid-filter', 'The page cursor is not valid', { details: { field: 'after' } });
}
