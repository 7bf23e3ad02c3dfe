import { RECORD_FILTERS, vocabularyCodes, type RecordKind, type RecordsFilter } from '@shared/domain/records';
import { AppError } from '@shared/errors';
import { incidentWhere } from '../incidents/incidents.repo';
import { textSearchConditions } from '../problems/text-search';

/**
 * The SQL of one kind of record: its FROM (aliased so the place of the record
 * is `pc` client, `ps` site, `pr` room), the expression behind every column
 * key, the date the period applies to, and the WHERE for a filter. Only fixed
 * SQL text from code; every value from the filter is bound.
 */
export interface KindQuery {
  alias: string;
  from: string;
  columns: Readonly<Record<string, string>>;
  /** Extra values a row needs that are not columns (for links and the SLA clock, which reads the incident row's own column names). */
  hidden: Readonly<Record<string, string>>;
  period: string;
  /** Columns whose expression is never NULL: sorted on as they are, so an index on them serves the order. */
  notNull: readonly string[];
  where(filter: RecordsFilter): { clauses: string[]; params: unknown[] };
  link: (row: Record<string, unknown>) => { kind: 'incident' | 'problem' | 'change' | 'round' | 'asset'; id: string } | null;
}

/** The client, site and room above a room id expression. */
function placeOfRoom(roomExpr: string): string {
  return `
  LEFT JOIN rooms pr ON pr.id = ${roomExpr}
  LEFT JOIN sites ps ON ps.id = pr.site_id
  LEFT JOIN clients pc ON pc.id = ps.client_id`;
}

const PLACE_COLUMNS = { client: 'pc.name', site: 'ps.name', room: 'pr.name' };

/** Location ids are UUIDs unique across the three tables, so one IN covers client, site or room. */
const AT_LOCATION = '? IN (pc.id, ps.id, pr.id)';

/** An asset's room, or its host's room for software installed on a device. */
const ASSET_ROOM = (asset: string, host: string) => `coalesce(${asset}.room_id, ${host}.room_id)`;

/** Problems and changes have no place of their own: they are where any of their devices is. */
function anyAssetAt(alias: string): string {
  return `EXISTS (SELECT 1 FROM json_each(${alias}.asset_ids) j
    JOIN assets la ON la.id = j.value
    LEFT JOIN assets lh ON lh.id = la.installed_on_id
    JOIN rooms lr ON lr.id = ${ASSET_ROOM('la', 'lh')}
    JOIN sites ls ON ls.id = lr.site_id
    WHERE ? IN (ls.client_id, ls.id, lr.id))`;
}

function inList(clauses: string[], params: unknown[], expr: string, values: readonly string[]): void {
  if (values.length === 0) return;
  clauses.push(`${expr} IN (SELECT value FROM json_each(?))`);
  params.push(JSON.stringify(values));
}

function period(clauses: string[], params: unknown[], expr: string, filter: RecordsFilter): void {
  clauses.push(`${expr} >= ? AND ${expr} < ?`);
  params.push(filter.from, filter.to);
}

function search(clauses: string[], params: unknown[], filter: RecordsFilter, table: 'problems' | 'changes', alias: string): void {
  const found = textSearchConditions(filter.search, table, alias);
  clauses.push(...found.clauses);
  params.push(...found.params);
}

export const KIND_QUERIES: Readonly<Record<RecordKind, KindQuery>> = {
  incidents: {
    alias: 'i',
    // The place as the incident list resolves it: its location, else its first device's room.
    from: `FROM incidents i
  LEFT JOIN assets fa ON i.location_id IS NULL AND fa.id = json_extract(i.asset_ids, '$[0]')
  LEFT JOIN assets fh ON fh.id = fa.installed_on_id
  LEFT JOIN rooms pr ON pr.id = coalesce(i.location_id, fa.room_id, fh.room_id)
  LEFT JOIN sites ps ON ps.id = coalesce(pr.site_id, i.location_id)
  LEFT JOIN clients pc ON pc.id = coalesce(ps.client_id, i.location_id)`,
    columns: {
      number: 'i.number',
      title: 'i.title',
      category: 'i.category',
      priority: 'i.priority',
      status: 'i.status',
      slaState: 'NULL',
      ...PLACE_COLUMNS,
      assignee: 'i.assignee',
      reporter: 'i.reporter_name',
      reportedAt: 'i.reported_at',
      acknowledgedAt: 'i.acknowledged_at',
      resolvedAt: 'i.resolved_at',
      timeToResolve: 'i.resolved_at - i.reported_at',
      systemDown: 'i.system_down',
    },
    hidden: { id: 'i.id', reported_at: 'i.reported_at', priority: 'i.priority', system_down: 'i.system_down', client_id: 'pc.id' },
    period: 'i.reported_at',
    notNull: ['number', 'title', 'category', 'priority', 'status', 'assignee', 'reporter', 'reportedAt', 'systemDown'],
    where(filter) {
      // The incident list's own WHERE (search, statuses, priorities, categories, place), so both lists agree.
      const base = incidentWhere({
        search: filter.search,
        statuses: filter.statuses as never,
        priorities: filter.priorities,
        categories: filter.categories as never,
        slaStates: [],
        locationId: filter.locationId ?? undefined,
        openOnly: false,
      });
      const clauses = [base.where];
      const params = [...base.params];
      period(clauses, params, 'i.reported_at', filter);
      if (filter.engineer) {
        clauses.push('(i.assignee = ? OR i.created_by = ?)');
        params.push(filter.engineer, filter.engineer);
      }
      return { clauses, params };
    },
    link: (row) => ({ kind: 'incident', id: String(row['_id']) }),
  },
  rounds: {
    alias: 'r',
    from: `FROM rounds r
  LEFT JOIN checklist_templates t ON t.id = r.template_id
  LEFT JOIN assets fa ON r.room_id IS NULL AND fa.id = json_extract(r.assets, '$[0].id')
  LEFT JOIN assets fh ON fh.id = fa.installed_on_id
  ${placeOfRoom('coalesce(r.room_id, fa.room_id, fh.room_id)')}`,
    columns: {
      template: 't.name',
      status: 'r.status',
      ...PLACE_COLUMNS,
      startedBy: 'r.started_by',
      startedAt: 'r.started_at',
      signedBy: 'r.signed_by',
      signedAt: 'r.signed_at',
      duration: 'r.signed_at - r.started_at',
      assets: 'json_array_length(r.assets)',
      anomalies: `(SELECT count(*) FROM round_entries e WHERE e.round_id = r.id AND e.deleted_at IS NULL AND e.outcome IN ('warning', 'failed'))`,
    },
    hidden: {},
    period: 'r.started_at',
    notNull: ['status', 'startedBy', 'startedAt', 'assets', 'anomalies'],
    where(filter) {
      const clauses = ['r.deleted_at IS NULL'];
      const params: unknown[] = [];
      period(clauses, params, 'r.started_at', filter);
      inList(clauses, params, 'r.status', filter.statuses);
      if (filter.locationId) {
        clauses.push(AT_LOCATION);
        params.push(filter.locationId);
      }
      if (filter.engineer) {
        clauses.push('(r.started_by = ? OR r.signed_by = ?)');
        params.push(filter.engineer, filter.engineer);
      }
      return { clauses, params };
    },
    link: (row) => ({ kind: 'round', id: String(row['_id']) }),
  },
  problems: {
    alias: 'p',
    from: 'FROM problems p',
    columns: {
      title: 'p.title',
      type: 'p.type',
      status: 'p.status',
      reporter: 'p.reporter',
      createdBy: 'p.created_by',
      reportedAt: 'p.reported_at',
      answeredAt: 'p.answered_at',
      incidents: '(SELECT count(*) FROM problem_incidents pi WHERE pi.problem_id = p.id AND pi.deleted_at IS NULL)',
    },
    hidden: {},
    period: 'p.reported_at',
    notNull: ['title', 'type', 'status', 'reporter', 'createdBy', 'reportedAt', 'incidents'],
    where(filter) {
      const clauses = ['p.deleted_at IS NULL'];
      const params: unknown[] = [];
      period(clauses, params, 'p.reported_at', filter);
      inList(clauses, params, 'p.type', filter.categories);
      inList(clauses, params, 'p.status', filter.statuses);
      if (filter.locationId) {
        clauses.push(anyAssetAt('p'));
        params.push(filter.locationId);
      }
      if (filter.engineer) {
        clauses.push('p.created_by = ?');
        params.push(filter.engineer);
      }
      search(clauses, params, filter, 'problems', 'p');
      return { clauses, params };
    },
    link: (row) => ({ kind: 'problem', id: String(row['_id']) }),
  },
  changes: {
    alias: 'c',
    from: 'FROM changes c',
    columns: {
      title: 'c.title',
      status: 'c.status',
      risk: 'c.risk_level',
      requester: 'c.requester',
      implementer: 'c.implementer',
      createdAt: 'c.created_at',
      windowStart: 'c.window_start',
      windowEnd: 'c.window_end',
      decidedBy: 'c.decided_by',
    },
    hidden: {},
    period: 'c.created_at',
    notNull: ['title', 'status', 'requester', 'implementer', 'createdAt', 'decidedBy'],
    where(filter) {
      const clauses = ['c.deleted_at IS NULL'];
      const params: unknown[] = [];
      period(clauses, params, 'c.created_at', filter);
      inList(clauses, params, 'c.risk_level', filter.categories);
      inList(clauses, params, 'c.status', filter.statuses);
      if (filter.locationId) {
        clauses.push(anyAssetAt('c'));
        params.push(filter.locationId);
      }
      if (filter.engineer) {
        clauses.push('(c.requester = ? OR c.implementer = ? OR c.created_by = ?)');
        params.push(filter.engineer, filter.engineer, filter.engineer);
      }
      search(clauses, params, filter, 'changes', 'c');
      return { clauses, params };
    },
    link: (row) => ({ kind: 'change', id: String(row['_id']) }),
  },
  checkResults: {
    alias: 'k',
    from: `FROM check_results k
  LEFT JOIN assets ka ON ka.id = k.asset_id
  LEFT JOIN assets kh ON kh.id = ka.installed_on_id
  ${placeOfRoom(ASSET_ROOM('ka', 'kh'))}`,
    columns: {
      asset: 'ka.name',
      target: 'k.target',
      kind: 'k.kind',
      status: 'k.status',
      ...PLACE_COLUMNS,
      startedAt: 'k.started_at',
      durationMs: 'k.duration_ms',
      error: `coalesce(k.error_message, k.error_code, '')`,
    },
    hidden: { asset_id: 'k.asset_id' },
    period: 'k.started_at',
    notNull: ['target', 'kind', 'status', 'startedAt', 'durationMs', 'error'],
    where(filter) {
      const clauses = ['k.deleted_at IS NULL'];
      const params: unknown[] = [];
      period(clauses, params, 'k.started_at', filter);
      inList(clauses, params, 'k.kind', filter.categories);
      inList(clauses, params, 'k.status', filter.statuses);
      if (filter.locationId) {
        clauses.push(AT_LOCATION);
        params.push(filter.locationId);
      }
      return { clauses, params };
    },
    link: (row) => (row['asset_id'] ? { kind: 'asset', id: String(row['asset_id']) } : null),
  },
};

/**
 * Refuses codes the kind does not know (a status of another kind, a typo in a
 * link): an empty list that looks like "nothing happened" would mislead.
 */
export function assertFilterFits(filter: RecordsFilter): void {
  const rules = RECORD_FILTERS[filter.kind];
  const check = (field: 'categories' | 'statuses', vocabulary: Parameters<typeof vocabularyCodes>[0] | null) => {
    const values = filter[field];
    if (values.length === 0) return;
    const known = vocabulary ? vocabularyCodes(vocabulary) : [];
    const unknown = values.filter((value) => !known.includes(value));
    if (unknown.length > 0) {
      throw new AppError('records.invalid-filter', `${filter.kind} have no ${field} ${unknown.join(', ')}`, { details: { field, values: unknown } });
    }
  };
  check('categories', rules.category);
  check('statuses', rules.status);
}
