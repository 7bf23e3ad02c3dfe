import { v5 as uuidv5 } from 'uuid';
import type { Profile } from '@shared/domain/profile';
import {
  editableProblemFields,
  missingStepField,
  nextProblemStep,
  REQUIRED_PROBLEM_FIELDS,
  type ConsultationFields,
  type DefectFields,
  type Problem,
  type ProblemDetail,
  type ProblemFilter,
  type ProblemPatch,
  type ProblemPatchField,
  type ProblemStepData,
  type ProblemStepName,
  type ProblemStepTarget,
  type ProblemSummary,
} from '@shared/domain/problems';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { assertLiveAssets } from './asset-references';
import { IncidentLookup } from './incident-lookup';
import { ProblemsRepo, toProblem, type ProblemRow } from './problems.repo';

/** Everything a problem write touches, for the views to reload. */
const ENTITIES = ['problem', 'problemStep', 'problemIncident'];

/**
 * Link ids are derived from the pair (UUIDv5 in this namespace): the same
 * incident linked to the same problem on two laptops is one record after sync,
 * not two, and linking again after an unlink restores the same row.
 */
const LINK_NAMESPACE = '5f0c7f3e-8a3b-4d52-9a57-2a8f0d3c1b64';

export function problemIncidentLinkId(problemId: string, incidentId: string): string {
  return uuidv5(`${problemId}/${incidentId}`, LINK_NAMESPACE);
}

export interface ProblemsServiceDeps {
  store: LocalStore;
  events: EventBus;
  now: () => number;
  actor: () => Profile | null;
}

type Fields = Record<string, unknown>;

/**
 * The rules of problem records (问题记录规范): a consultation is answered at
 * once; a defect moves one step at a time along submitted → analysed →
 * confirmed → resolved → fed-back, an operation problem turning into a
 * consultation at analysis. Each step writes its own row (who, when, what) in
 * the same transaction as the record, so the record and its history never
 * disagree; a refused step writes nothing.
 */
export class ProblemsService {
  readonly repo: ProblemsRepo;
  private readonly incidents: IncidentLookup;

  constructor(private readonly deps: ProblemsServiceDeps) {
    this.repo = new ProblemsRepo(deps.store.db);
    this.incidents = new IncidentLookup(deps.store.db);
  }

  list(input: { filter: ProblemFilter; offset: number; limit: number }): { total: number; offset: number; rows: Problem[] } {
    const { total, rows } = this.repo.list(input.filter, input.offset, input.limit);
    return { total, offset: input.offset, rows: rows.map(toProblem) };
  }

  get(id: string): ProblemDetail {
    const problem = toProblem(this.liveRow(id));
    const links = this.repo.linkedIncidentIds(id);
    const briefs = this.incidents.find(links.map((link) => link.incidentId));
    return {
      problem,
      steps: this.repo.steps(id),
      incidents: links.map(({ incidentId, linkedAt }) => {
        const brief = briefs.get(incidentId);
        return { incidentId, number: brief?.number ?? null, title: brief?.title ?? null, status: brief?.status ?? null, linkedAt };
      }),
    };
  }

  createConsultation(fields: ConsultationFields): Problem {
    const at = this.recordedAt(fields.at);
    const actor = this.actorName();
    const id = newId();
    const assetIds = unique(fields.assetIds);
    this.write(() => {
      assertLiveAssets(this.deps.store.db, assetIds);
      return [
        {
          entity: 'problem',
          op: 'insert',
          id,
          fields: {
            ...this.blankRecord(),
            type: 'consultation',
            status: 'answered',
            title: fields.title || firstLine(fields.question),
            reporter: fields.reporter,
            contact: fields.contact,
            question: fields.question,
            answer: fields.answer,
            assetIds,
            reportedAt: at,
            answeredAt: at,
            createdBy: actor,
          },
        },
        this.stepRow(id, 'answered', actor, at, { reporter: fields.reporter, question: fields.question, answer: fields.answer }),
      ];
    });
    return toProblem(this.liveRow(id));
  }

  createDefect(fields: DefectFields): Problem {
    const at = this.recordedAt(fields.at);
    const actor = this.actorName();
    const id = newId();
    const assetIds = unique(fields.assetIds);
    this.write(() => {
      assertLiveAssets(this.deps.store.db, assetIds);
      return [
        {
          entity: 'problem',
          op: 'insert',
          id,
          fields: {
            ...this.blankRecord(),
            type: 'defect',
            status: 'submitted',
            title: fields.title,
            description: fields.description,
            reporter: fields.reporter,
            contact: fields.contact,
            assetIds,
            reportedAt: at,
            answeredAt: null,
            createdBy: actor,
          },
        },
        this.stepRow(id, 'submitted', actor, at, { reporter: fields.reporter }),
      ];
    });
    return toProblem(this.liveRow(id));
  }

  /** The next step of a defect, with the data it needs; see the class comment. */
  step(id: string, to: ProblemStepTarget, data: ProblemStepData, at?: number): ProblemDetail {
    const when = this.recordedAt(at);
    const actor = this.actorName();
    this.write(() => {
      const row = this.liveRow(id);
      if (row.type !== 'defect' || nextProblemStep(row.status) !== to) {
        throw new AppError('problems.invalid-transition', `A ${row.type} at ${row.status} cannot move to ${to}`, { details: { from: row.status, to } });
      }
      const missing = missingStepField(to, data);
      if (missing) throw new AppError('problems.missing-field', `The ${to} step needs ${missing}`, { details: { field: missing } });
      return this.stepMutations(row, to, data, actor, when);
    });
    return this.get(id);
  }

  /** Changes fields of the record's current state; any other field is refused whole. */
  update(id: string, patch: ProblemPatch): ProblemDetail {
    this.write(() => {
      const row = this.liveRow(id);
      const allowed = editableProblemFields(row.type, row.status);
      const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [ProblemPatchField, unknown][];
      for (const [field, value] of entries) {
        if (!allowed.includes(field)) {
          throw new AppError('problems.read-only', `${field} cannot be changed while the record is ${row.status}`, { details: { field, status: row.status } });
        }
        if (REQUIRED_PROBLEM_FIELDS.includes(field) && value === '') {
          throw new AppError('problems.missing-field', `${field} cannot be empty`, { details: { field } });
        }
      }
      if (entries.length === 0) return [];
      const fields: Fields = Object.fromEntries(entries);
      if (patch.assetIds) {
        fields['assetIds'] = unique(patch.assetIds);
        assertLiveAssets(this.deps.store.db, fields['assetIds'] as string[]);
      }
      return [{ entity: 'problem', op: 'update', id, fields }];
    });
    return this.get(id);
  }

  linkIncident(problemId: string, incidentId: string): ProblemDetail {
    const linkId = problemIncidentLinkId(problemId, incidentId);
    this.write(() => {
      this.liveRow(problemId);
      if (!this.incidents.live(incidentId)) throw new AppError('incidents.not-found', `No incident with id ${incidentId}`, { details: { incidentId } });
      const existing = this.repo.link(linkId);
      if (!existing) return [{ entity: 'problemIncident', op: 'insert', id: linkId, fields: { problemId, incidentId } }];
      return existing.deleted_at === null ? [] : [{ entity: 'problemIncident', op: 'restore', id: linkId }];
    });
    return this.get(problemId);
  }

  /** Removes a link; unlinking what is not linked changes nothing. */
  unlinkIncident(problemId: string, incidentId: string): ProblemDetail {
    const linkId = problemIncidentLinkId(problemId, incidentId);
    this.write(() => {
      this.liveRow(problemId);
      const existing = this.repo.link(linkId);
      return existing && existing.deleted_at === null ? [{ entity: 'problemIncident', op: 'delete', id: linkId }] : [];
    });
    return this.get(problemId);
  }

  forIncident(incidentId: string): ProblemSummary[] {
    return this.repo.forIncident(incidentId);
  }

  private stepMutations(row: ProblemRow, to: ProblemStepTarget, data: ProblemStepData, actor: string, at: number): Mutation[] {
    const update = (fields: Fields): Mutation => ({ entity: 'problem', op: 'update', id: row.id, fields });
    switch (to) {
      case 'analysed': {
        const notes = data.notes ?? '';
        if (data.kind === 'operation') {
          // 操作问题: explained to the user, and the defect form becomes a consultation form.
          const answer = data.answer as string;
          return [
            update({
              type: 'consultation',
              status: 'answered',
              analysisKind: 'operation',
              analysisNotes: notes,
              question: row.description || row.title,
              answer,
              answeredAt: at,
              convertedFromDefect: 1,
            }),
            this.stepRow(row.id, 'analysed', actor, at, { kind: 'operation', notes }),
            this.stepRow(row.id, 'answered', actor, at, { answer, convertedFrom: 'defect' }),
          ];
        }
        return [update({ status: 'analysed', analysisKind: data.kind, analysisNotes: notes }), this.stepRow(row.id, 'analysed', actor, at, { kind: data.kind, notes })];
      }
      case 'confirmed': {
        const notes = data.notes ?? '';
        return [update({ status: 'confirmed', confirmationNotes: notes }), this.stepRow(row.id, 'confirmed', actor, at, { notes })];
      }
      case 'resolved':
        return [update({ status: 'resolved', resolution: data.resolution }), this.stepRow(row.id, 'resolved', actor, at, { resolution: data.resolution })];
      case 'fed-back':
        return [
          update({ status: 'fed-back', feedback: data.feedback, feedbackTo: data.feedbackTo }),
          this.stepRow(row.id, 'fed-back', actor, at, { feedback: data.feedback, feedbackTo: data.feedbackTo }),
        ];
    }
  }

  private stepRow(problemId: string, step: ProblemStepName, actor: string, at: number, data: Fields): Mutation {
    return { entity: 'problemStep', op: 'insert', id: newId(), fields: { problemId, step, actor, at, data } };
  }

  /** Every field of a new record, so the outbox carries the whole record and the server needs no defaults of its own. */
  private blankRecord(): Fields {
    return {
      description: '',
      contact: '',
      question: '',
      answer: '',
      assetIds: [],
      analysisKind: null,
      analysisNotes: '',
      confirmationNotes: '',
      resolution: '',
      feedback: '',
      feedbackTo: '',
      convertedFromDefect: 0,
    };
  }

  private write(mutations: () => Mutation[]): void {
    this.deps.store.writePath.write(mutations);
    this.deps.events.emit('records.changed', { entities: ENTITIES });
  }

  private liveRow(id: string): ProblemRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('problems.not-found', `No problem record with id ${id}`, { details: { id } });
    return row;
  }

  /** The time a person recorded on the laptop for what they did: now when absent, never later than now. */
  private recordedAt(at: number | undefined): number {
    const now = this.deps.now();
    if (at === undefined) return now;
    if (at > now) throw new AppError('problems.time-in-future', 'A recorded time cannot be in the future', { details: { at, now } });
    return at;
  }

  private actorName(): string {
    const actor = this.deps.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before changing records');
    return actor.name;
  }
}

/** The first line of a question, cut to a list-sized title. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? text;
  const chars = [...line.trim()];
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : chars.join('');
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
