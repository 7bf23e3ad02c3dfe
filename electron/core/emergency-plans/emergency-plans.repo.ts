import type { CallListEntry, EmergencyPlan, PlanContact, PlanFields, PlanFilter, PlanStep, PlanSummary } from '@shared/domain/emergency-plans';
import type { Db } from '../store/database';
import { shortTermsQuery } from '../store/search-grams';
import { statement } from '../store/statements';

export interface PlanRow {
  id: string;
  client_id: string;
  site_id: string | null;
  title: string;
  scenario: EmergencyPlan['scenario'];
  severity: EmergencyPlan['severity'];
  trigger_conditions: string;
  objective: string;
  steps: string;
  contacts: string;
  call_list: string;
  strategies: string;
  version: string;
  reviewed_at: string | null;
  language: EmergencyPlan['language'];
  template_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  client_name: string | null;
  site_name: string | null;
  step_count: number;
  contact_count: number;
}

const SELECT = `SELECT p.*, c.name AS client_name, s.name AS site_name,
    json_array_length(p.steps) AS step_count, json_array_length(p.contacts) AS contact_count
  FROM emergency_plans p
  LEFT JOIN clients c ON c.id = p.client_id
  LEFT JOIN sites s ON s.id = p.site_id`;

/** Trigram search needs three characters; shorter terms (two Chinese characters) use the gram index. */
const TRIGRAM = 3;

/** Reads of emergency plans. Writes go through the write path. */
export class EmergencyPlansRepo {
  constructor(private readonly db: Db) {}

  get(id: string): PlanRow | undefined {
    return statement(this.db, `${SELECT} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  }

  /** Live plans matching the filter, by client, then client-wide plans before each site's, then title. */
  list(filter: PlanFilter): PlanRow[] {
    const clauses = ['p.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (filter.clientId) {
      clauses.push('p.client_id = ?');
      params.push(filter.clientId);
    }
    if (filter.siteId) {
      // A plan for the whole client applies at each of its sites.
      clauses.push('(p.site_id = ? OR (p.site_id IS NULL AND p.client_id = (SELECT client_id FROM sites WHERE id = ?)))');
      params.push(filter.siteId, filter.siteId);
    }
    const terms = (filter.search ?? '').split(/\s+/).filter(Boolean);
    const long = terms.filter((term) => [...term].length >= TRIGRAM);
    const short = terms.filter((term) => [...term].length < TRIGRAM);
    if (long.length > 0) {
      clauses.push('p.rowid IN (SELECT rowid FROM emergency_plans_fts WHERE emergency_plans_fts MATCH ?)');
      params.push(long.map(ftsPhrase).join(' AND '));
    }
    if (short.length > 0) {
      clauses.push('p.rowid IN (SELECT rowid FROM emergency_plans_grams WHERE emergency_plans_grams MATCH ?)');
      params.push(shortTermsQuery(short));
    }
    const sql = `${SELECT} WHERE ${clauses.join(' AND ')}
      ORDER BY c.name COLLATE NOCASE, p.client_id, p.site_id IS NOT NULL, s.name COLLATE NOCASE, p.title COLLATE NOCASE, p.id`;
    return statement(this.db, sql).all(...params) as PlanRow[];
  }

  liveClient(id: string): { id: string } | undefined {
    return statement(this.db, 'SELECT id FROM clients WHERE id = ? AND deleted_at IS NULL').get(id) as { id: string } | undefined;
  }

  liveSite(id: string): { id: string; client_id: string } | undefined {
    return statement(this.db, 'SELECT id, client_id FROM sites WHERE id = ? AND deleted_at IS NULL').get(id) as { id: string; client_id: string } | undefined;
  }
}

/** A search term as one FTS5 phrase: quotes doubled, so user text is never FTS syntax. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** The editable fields as stored, for merging a change into. */
export function rowFields(row: PlanRow): PlanFields {
  return {
    title: row.title,
    clientId: row.client_id,
    siteId: row.site_id,
    scenario: row.scenario,
    severity: row.severity,
    triggerConditions: row.trigger_conditions,
    objective: row.objective,
    steps: JSON.parse(row.steps) as PlanStep[],
    contacts: JSON.parse(row.contacts) as PlanContact[],
    callList: JSON.parse(row.call_list) as CallListEntry[],
    strategies: row.strategies,
    version: row.version,
    reviewedAt: row.reviewed_at,
    language: row.language,
  };
}

export function toPlan(row: PlanRow): EmergencyPlan {
  return {
    ...rowFields(row),
    id: row.id,
    clientName: row.client_name ?? '',
    siteName: row.site_name,
    templateId: row.template_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSummary(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    title: row.title,
    clientId: row.client_id,
    clientName: row.client_name ?? '',
    siteId: row.site_id,
    siteName: row.site_name,
    scenario: row.scenario,
    severity: row.severity,
    language: row.language,
    version: row.version,
    reviewedAt: row.reviewed_at,
    templateId: row.template_id,
    updatedAt: row.updated_at,
    stepCount: row.step_count,
    contactCount: row.contact_count,
  };
}
