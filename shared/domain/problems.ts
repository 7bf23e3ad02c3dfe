import { z } from 'zod';
import { EpochMs, Id } from './ids';

/**
 * Problem records (问题记录规范). A consultation (咨询类问题) is answered on the
 * spot and recorded with who asked, the question and the answer. A defect
 * (系统缺陷类问题) goes submitted → analysed → confirmed → resolved → fed back
 * to the submitter; the analysis names it a technical, business or operation
 * problem, and an operation problem is explained to the user and becomes a
 * consultation. Every step is recorded with who took it and when.
 */

export const PROBLEM_TYPES = ['consultation', 'defect'] as const;
export const ProblemType = z.enum(PROBLEM_TYPES);
export type ProblemType = z.infer<typeof ProblemType>;

/** A consultation is always `answered`; a defect moves along DEFECT_FLOW. */
export const DEFECT_FLOW = ['submitted', 'analysed', 'confirmed', 'resolved', 'fed-back'] as const;
export const PROBLEM_STATUSES = ['answered', ...DEFECT_FLOW] as const;
export const ProblemStatus = z.enum(PROBLEM_STATUSES);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

/** What one step row records: the step a problem arrived at (the same words as the statuses). */
export const ProblemStepName = ProblemStatus;
export type ProblemStepName = ProblemStatus;

/** The steps a person takes on a defect after submitting it. */
export const PROBLEM_STEP_TARGETS = ['analysed', 'confirmed', 'resolved', 'fed-back'] as const;
export const ProblemStepTarget = z.enum(PROBLEM_STEP_TARGETS);
export type ProblemStepTarget = z.infer<typeof ProblemStepTarget>;

/** 技术问题 / 业务问题 / 操作问题. */
export const ANALYSIS_KINDS = ['technical', 'business', 'operation'] as const;
export const AnalysisKind = z.enum(ANALYSIS_KINDS);
export type AnalysisKind = z.infer<typeof AnalysisKind>;

/** The one step allowed from each status; null where the record's flow has ended. */
export function nextProblemStep(status: ProblemStatus): ProblemStepTarget | null {
  const index = (DEFECT_FLOW as readonly string[]).indexOf(status);
  if (index < 0 || index === DEFECT_FLOW.length - 1) return null;
  return DEFECT_FLOW[index + 1] as ProblemStepTarget;
}

const Text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const PROBLEM_LIMITS = { title: 200, person: 100, contact: 200, text: 20_000, notes: 4000, assets: 200 } as const;

/**
 * What a step carries. Every field is optional here so that a step with data
 * missing reaches the service and fails with `problems.missing-field` naming
 * the field (see {@link missingStepField}), the same rule the UI checks.
 */
export const ProblemStepData = z.object({
  /** analysed: the kind of problem. */
  kind: AnalysisKind.optional(),
  /** analysed: the handling proposal (处理意见); confirmed: what was confirmed. */
  notes: Text(PROBLEM_LIMITS.notes).optional(),
  /** analysed as an operation problem: the explanation given to the user (the record becomes a consultation). */
  answer: Text(PROBLEM_LIMITS.text).optional(),
  /** resolved: the solution. */
  resolution: Text(PROBLEM_LIMITS.text).optional(),
  /** fed-back: what was told to the submitter, and to whom. */
  feedback: Text(PROBLEM_LIMITS.text).optional(),
  feedbackTo: Text(PROBLEM_LIMITS.person).optional(),
});
export type ProblemStepData = z.infer<typeof ProblemStepData>;

/** The fields a step needs; an analysis needs the answer for an operation problem and the notes otherwise. */
export function requiredStepFields(to: ProblemStepTarget, kind: AnalysisKind | undefined): (keyof ProblemStepData)[] {
  switch (to) {
    case 'analysed':
      return ['kind', kind === 'operation' ? 'answer' : 'notes'];
    case 'confirmed':
      return [];
    case 'resolved':
      return ['resolution'];
    case 'fed-back':
      return ['feedback', 'feedbackTo'];
  }
}

/** The first required field a step lacks, or null when it has what it needs. */
export function missingStepField(to: ProblemStepTarget, data: ProblemStepData): keyof ProblemStepData | null {
  const blank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');
  return requiredStepFields(to, data.kind).find((field) => blank(data[field])) ?? null;
}

/** A consultation, answered at once. */
export const ConsultationFields = z.object({
  /** Who asked (提出人). */
  reporter: Text(PROBLEM_LIMITS.person).min(1, 'Who asked is required'),
  contact: Text(PROBLEM_LIMITS.contact).default(''),
  question: Text(PROBLEM_LIMITS.text).min(1, 'The question is required'),
  answer: Text(PROBLEM_LIMITS.text).min(1, 'The answer is required'),
  /** A short line for lists; the question's first line when left empty. */
  title: Text(PROBLEM_LIMITS.title).default(''),
  assetIds: z.array(Id).max(PROBLEM_LIMITS.assets).default([]),
  /** When it was asked and answered, as recorded on the laptop; defaults to now, never in the future. */
  at: EpochMs.optional(),
});
export type ConsultationFields = z.infer<typeof ConsultationFields>;
export type ConsultationFieldsInput = z.input<typeof ConsultationFields>;

/** A defect as submitted (系统缺陷类问题提交单). */
export const DefectFields = z.object({
  title: Text(PROBLEM_LIMITS.title).min(1, 'The title is required'),
  description: Text(PROBLEM_LIMITS.text).default(''),
  /** Who submitted it (提交人); the feedback goes back to them. */
  reporter: Text(PROBLEM_LIMITS.person).min(1, 'The submitter is required'),
  contact: Text(PROBLEM_LIMITS.contact).default(''),
  assetIds: z.array(Id).max(PROBLEM_LIMITS.assets).default([]),
  /** When it was submitted, as recorded on the laptop; defaults to now, never in the future. */
  at: EpochMs.optional(),
});
export type DefectFields = z.infer<typeof DefectFields>;
export type DefectFieldsInput = z.input<typeof DefectFields>;

/**
 * A change to the fields of the record's current state (no defaults: absent
 * means unchanged). Which fields a status accepts: {@link editableProblemFields}.
 */
export const ProblemPatch = z
  .object({
    title: Text(PROBLEM_LIMITS.title),
    description: Text(PROBLEM_LIMITS.text),
    reporter: Text(PROBLEM_LIMITS.person),
    contact: Text(PROBLEM_LIMITS.contact),
    assetIds: z.array(Id).max(PROBLEM_LIMITS.assets),
    question: Text(PROBLEM_LIMITS.text),
    answer: Text(PROBLEM_LIMITS.text),
    analysisNotes: Text(PROBLEM_LIMITS.notes),
    confirmationNotes: Text(PROBLEM_LIMITS.notes),
    resolution: Text(PROBLEM_LIMITS.text),
    feedback: Text(PROBLEM_LIMITS.text),
    feedbackTo: Text(PROBLEM_LIMITS.person),
  })
  .partial();
export type ProblemPatch = z.infer<typeof ProblemPatch>;
export type ProblemPatchField = keyof ProblemPatch;

const BASE_FIELDS = ['title', 'reporter', 'contact', 'assetIds'] as const satisfies readonly ProblemPatchField[];

/** The fields a record in `status` accepts: its base fields and the data of the step it is at. */
export function editableProblemFields(type: ProblemType, status: ProblemStatus): readonly ProblemPatchField[] {
  if (type === 'consultation') return [...BASE_FIELDS, 'question', 'answer'];
  const step: Record<Exclude<ProblemStatus, 'answered'>, readonly ProblemPatchField[]> = {
    submitted: [],
    analysed: ['analysisNotes'],
    confirmed: ['confirmationNotes'],
    resolved: ['resolution'],
    'fed-back': ['feedback', 'feedbackTo'],
  };
  return [...BASE_FIELDS, 'description', ...(status === 'answered' ? [] : step[status])];
}

/** Fields that may not be emptied once set: the record or its step would lose what it needs. */
export const REQUIRED_PROBLEM_FIELDS: readonly ProblemPatchField[] = ['title', 'reporter', 'question', 'answer', 'resolution', 'feedback', 'feedbackTo'];

export const Problem = z.object({
  id: Id,
  type: ProblemType,
  status: ProblemStatus,
  title: z.string(),
  description: z.string(),
  /** Who asked (consultation) or submitted (defect). */
  reporter: z.string(),
  contact: z.string(),
  question: z.string(),
  answer: z.string(),
  assetIds: z.array(Id),
  analysisKind: AnalysisKind.nullable(),
  analysisNotes: z.string(),
  confirmationNotes: z.string(),
  resolution: z.string(),
  feedback: z.string(),
  feedbackTo: z.string(),
  /** A defect analysed as an operation problem and turned into a consultation. */
  convertedFromDefect: z.boolean(),
  /** When it was asked or submitted (recorded on the laptop). */
  reportedAt: EpochMs,
  answeredAt: EpochMs.nullable(),
  createdBy: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Problem = z.infer<typeof Problem>;

/** One step as it happened: who, when, and what they recorded. */
export const ProblemStep = z.object({
  id: Id,
  problemId: Id,
  step: ProblemStepName,
  actor: z.string(),
  at: EpochMs,
  data: z.record(z.string(), z.unknown()),
  createdAt: EpochMs,
});
export type ProblemStep = z.infer<typeof ProblemStep>;

/** An incident linked to a problem; number and title are null when the incident is not on this laptop. */
export const LinkedIncident = z.object({
  incidentId: Id,
  number: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  linkedAt: EpochMs,
});
export type LinkedIncident = z.infer<typeof LinkedIncident>;

export const ProblemDetail = z.object({
  problem: Problem,
  steps: z.array(ProblemStep),
  incidents: z.array(LinkedIncident),
});
export type ProblemDetail = z.infer<typeof ProblemDetail>;

/** What another page (an incident) shows of a problem. */
export const ProblemSummary = Problem.pick({ id: true, type: true, status: true, title: true, reporter: true, reportedAt: true, updatedAt: true });
export type ProblemSummary = z.infer<typeof ProblemSummary>;

export const ProblemFilter = z.object({
  /** Words matched against title, description, question, answer, reporter, analysis, resolution and feedback (Chinese substrings too). */
  search: z.string().trim().max(200).default(''),
  type: ProblemType.nullable().default(null),
  statuses: z.array(ProblemStatus).max(PROBLEM_STATUSES.length).default([]),
});
export type ProblemFilter = z.infer<typeof ProblemFilter>;
export type ProblemFilterInput = z.input<typeof ProblemFilter>;
