import type { MethodInput } from '@shared/api';
import {
  ConsultationFields,
  DefectFields,
  editableProblemFields,
  ProblemPatch,
  ProblemStepData,
  REQUIRED_PROBLEM_FIELDS,
  requiredStepFields,
  type AnalysisKind,
  type Problem,
  type ProblemPatchField,
  type ProblemStepTarget,
} from '@shared/domain/problems';
import { problemsOf, recordedTime, type FieldProblems } from './field-problems';

/** An asset chosen in a picker: its id and what the chip shows. */
export interface AssetChoice {
  id: string;
  name: string;
}

type Built<I, F extends string> = { input: I | null; problems: FieldProblems<F> };

export interface ConsultationValues {
  reporter: string;
  contact: string;
  question: string;
  answer: string;
  /** `datetime-local` text; empty means now. */
  at: string;
}

export const EMPTY_CONSULTATION: ConsultationValues = { reporter: '', contact: '', question: '', answer: '', at: '' };

/** The quick consultation dialog → `problems.createConsultation`, checked with the shared schema. */
export function consultationInput(values: ConsultationValues, now: number): Built<MethodInput<'problems.createConsultation'>, keyof ConsultationValues> {
  const { at, problem } = recordedTime(values.at, now);
  const parsed = ConsultationFields.safeParse({ reporter: values.reporter, contact: values.contact, question: values.question, answer: values.answer });
  const problems: FieldProblems<keyof ConsultationValues> = parsed.success ? {} : problemsOf(parsed.error);
  if (problem) problems.at = problem;
  if (!parsed.success || problem) return { input: null, problems };
  return { input: { ...parsed.data, ...(at === undefined ? {} : { at }) }, problems };
}

export interface DefectValues {
  title: string;
  description: string;
  reporter: string;
  contact: string;
  assets: AssetChoice[];
  at: string;
}

export const EMPTY_DEFECT: DefectValues = { title: '', description: '', reporter: '', contact: '', assets: [], at: '' };

/** The new-defect dialog → `problems.createDefect`. */
export function defectInput(values: DefectValues, now: number): Built<MethodInput<'problems.createDefect'>, keyof DefectValues> {
  const { at, problem } = recordedTime(values.at, now);
  const parsed = DefectFields.safeParse({
    title: values.title,
    description: values.description,
    reporter: values.reporter,
    contact: values.contact,
    assetIds: values.assets.map((asset) => asset.id),
  });
  const { assetIds, ...problems }: FieldProblems<keyof DefectValues | 'assetIds'> = parsed.success ? {} : problemsOf(parsed.error);
  if (assetIds) problems.assets = assetIds;
  if (problem) problems.at = problem;
  if (!parsed.success || problem) return { input: null, problems };
  return { input: { ...parsed.data, ...(at === undefined ? {} : { at }) }, problems };
}

export interface StepValues {
  kind: AnalysisKind | '';
  notes: string;
  answer: string;
  resolution: string;
  feedback: string;
  feedbackTo: string;
  at: string;
}

export function emptyStepValues(problem: Pick<Problem, 'reporter'>): StepValues {
  // Feedback goes back to whoever submitted the defect, unless told otherwise.
  return { kind: '', notes: '', answer: '', resolution: '', feedback: '', feedbackTo: problem.reporter, at: '' };
}

/** The fields the step form shows for `to` (with the analysis kind chosen so far). */
export function stepFormFields(to: ProblemStepTarget, kind: AnalysisKind | ''): (keyof StepValues)[] {
  switch (to) {
    case 'analysed':
      return kind === 'operation' ? ['kind', 'answer', 'notes'] : ['kind', 'notes'];
    case 'confirmed':
      return ['notes'];
    case 'resolved':
      return ['resolution'];
    case 'fed-back':
      return ['feedback', 'feedbackTo'];
  }
}

/** The step form → `problems.step`, with the same required fields core asks for. */
export function stepInput(id: string, to: ProblemStepTarget, values: StepValues, now: number): Built<MethodInput<'problems.step'>, keyof StepValues> {
  const shown = stepFormFields(to, values.kind).filter((field) => field !== 'at');
  const raw = Object.fromEntries(shown.map((field) => [field, values[field] === '' ? undefined : values[field]]));
  const parsed = ProblemStepData.safeParse(raw);
  const problems: FieldProblems<keyof StepValues> = parsed.success ? {} : problemsOf(parsed.error);
  const data = parsed.success ? parsed.data : {};
  for (const field of requiredStepFields(to, values.kind === '' ? undefined : values.kind)) {
    const value = values[field];
    if (value.trim() === '') problems[field] ??= { key: 'required' };
  }
  const { at, problem } = recordedTime(values.at, now);
  if (problem) problems.at = problem;
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return { input: { id, to, data, ...(at === undefined ? {} : { at }) }, problems };
}

export interface EditValues {
  title: string;
  description: string;
  reporter: string;
  contact: string;
  assets: AssetChoice[];
  question: string;
  answer: string;
  analysisNotes: string;
  confirmationNotes: string;
  resolution: string;
  feedback: string;
  feedbackTo: string;
}

export function editValues(problem: Problem, assets: AssetChoice[]): EditValues {
  return {
    title: problem.title,
    description: problem.description,
    reporter: problem.reporter,
    contact: problem.contact,
    assets,
    question: problem.question,
    answer: problem.answer,
    analysisNotes: problem.analysisNotes,
    confirmationNotes: problem.confirmationNotes,
    resolution: problem.resolution,
    feedback: problem.feedback,
    feedbackTo: problem.feedbackTo,
  };
}

/** The edit form's fields for the record's current state (the same list core enforces). */
export function editFormFields(problem: Pick<Problem, 'type' | 'status'>): ProblemPatchField[] {
  return [...editableProblemFields(problem.type, problem.status)];
}

/** The edit dialog → `problems.update` with only what changed, or the problems per field. */
export function editInput(problem: Problem, values: EditValues): Built<MethodInput<'problems.update'>, keyof EditValues> {
  const fields = editFormFields(problem);
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'assetIds') {
      const ids = values.assets.map((asset) => asset.id);
      if (ids.join() !== problem.assetIds.join()) patch['assetIds'] = ids;
    } else if (values[field].trim() !== problem[field]) patch[field] = values[field];
  }
  const parsed = ProblemPatch.safeParse(patch);
  const problems: FieldProblems<keyof EditValues> = parsed.success ? {} : problemsOf(parsed.error);
  for (const field of REQUIRED_PROBLEM_FIELDS) {
    if (field !== 'assetIds' && fields.includes(field) && values[field].trim() === '') problems[field] ??= { key: 'required' };
  }
  if (Object.keys(problems).length > 0 || !parsed.success) return { input: null, problems };
  return { input: { id: problem.id, patch: parsed.data }, problems };
}
