import type { Problem, ProblemFilter, ProblemStep, ProblemSummary } from '@shared/domain/problems';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { textSearchConditions } from './text-search';

export interface ProblemRow {
  id: string;
  type: Problem['type'];
  status: Problem['status'];
  title: string;
  description: string;
  reporter: string;
  contact: string;
  question: string;
  answer: string;
  asset_ids: string;
  analysis_kind: Problem['analysisKind'];
  analysis_notes: string;
  confirmation_notes: string;
  resolution: string;
  feedback: string;
  feedback_to: string;
  converted_from_defect: number;
  reported_at: number;
  answered_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

interface StepRow {
  id: string;
  problem_id: string;
  step: ProblemStep['step'];
  actor: string;
  at: number;
  data: string;
  created_at: number;
}

interface LinkRow {
  id: string;
  incident_id: string;
  created_at: number;
  deleted_at: number | null;
}

/** The SQL of problem records, their steps and their incident links. */
export class ProblemsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): ProblemRow | undefined {
    return statement(this.db, 'SELECT * FROM problems WHERE id = ?').get(id) as ProblemRow | undefined;
  }

  list(filter: ProblemFilter, offset: number, limit: number): { total: number; rows: ProblemRow[] } {
    const clauses = ['p.deleted_at IS NULL'];
    const params: unknown[] = [];
    const search = textSearchConditions(filter.search, 'problems', 'p');
    clauses.push(...search.clauses);
    params.push(...search.params);
    if (filter.type) {
      clauses.push('p.type = ?');
      params.push(filter.type);
    }
    if (filter.statuses.length > 0) {
      clauses.push('p.status IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.statuses));
    }
    const where = clauses.join(' AND ');
    // Built from fixed text only, so caching one statement per shape is safe.
    const total = (statement(this.db, `SELECT count(*) AS n FROM problems p WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = statement(this.db, `SELECT p.* FROM problems p WHERE ${where} ORDER BY p.reported_at DESC, p.id DESC LIMIT ? OFFSET ?`).all(
      ...params,
      limit,
      offset,
    ) as ProblemRow[];
    return { total, rows };
  }

  steps(problemId: string): ProblemStep[] {
    const rows = statement(this.db, 'SELECT * FROM problem_steps WHERE problem_id = ? AND deleted_at IS NULL ORDER BY at, created_at, id').all(problemId) as StepRow[];
    return rows.map((row) => ({
      id: row.id,
      problemId: row.problem_id,
      step: row.step,
      actor: row.actor,
      at: row.at,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
    }));
  }

  /** The link row of a pair, live or tombstoned. */
  link(id: string): LinkRow | undefined {
    return statement(this.db, 'SELECT id, incident_id, created_at, deleted_at FROM problem_incidents WHERE id = ?').get(id) as LinkRow | undefined;
  }

  linkedIncidentIds(problemId: string): { incidentId: string; linkedAt: number }[] {
    const rows = statement(this.db, 'SELECT incident_id, updated_at AS linked_at FROM problem_incidents WHERE problem_id = ? AND deleted_at IS NULL ORDER BY updated_at, id')
      .all(problemId) as { incident_id: string; linked_at: number }[];
    return rows.map((row) => ({ incidentId: row.incident_id, linkedAt: row.linked_at }));
  }

  forIncident(incidentId: string): ProblemSummary[] {
    const rows = statement(
      this.db,
      `SELECT DISTINCT p.id, p.type, p.status, p.title, p.reporter, p.reported_at, p.updated_at
         FROM problem_incidents l JOIN problems p ON p.id = l.problem_id
        WHERE l.incident_id = ? AND l.deleted_at IS NULL AND p.deleted_at IS NULL
        ORDER BY p.reported_at DESC`,
    ).all(incidentId) as Pick<ProblemRow, 'id' | 'type' | 'status' | 'title' | 'reporter' | 'reported_at' | 'updated_at'>[];
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      title: row.title,
      reporter: row.reporter,
      reportedAt: row.reported_at,
      updatedAt: row.updated_at,
    }));
  }
}

export function toProblem(row: ProblemRow): Problem {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    title: row.title,
    description: row.description,
    reporter: row.reporter,
    contact: row.contact,
    question: row.question,
    answer: row.answer,
    assetIds: JSON.parse(row.asset_ids) as string[],
    analysisKind: row.analysis_kind,
    analysisNotes: row.analysis_notes,
    confirmationNotes: row.confirmation_notes,
    resolution: row.resolution,
    feedback: row.feedback,
    feedbackTo: row.feedback_to,
    convertedFromDefect: row.converted_from_defect === 1,
    reportedAt: row.reported_at,
    answeredAt: row.answered_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
