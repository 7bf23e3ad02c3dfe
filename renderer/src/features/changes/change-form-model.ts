import type { MethodInput } from '@shared/api';
import { ChangeFields, ChangePatch, type Change, type RiskLevel } from '@shared/domain/changes';
import { fromLocalDateTimeInput, toLocalDateTimeInput } from '../incidents/incident-format';
import { problemsOf, recordedTime, type FieldProblems } from '../problems/form/field-problems';
import type { AssetChoice } from '../problems/form/problem-form-model';

export interface ChangeFormValues {
  title: string;
  description: string;
  assets: AssetChoice[];
  plan: string;
  riskLevel: RiskLevel | '';
  riskText: string;
  rollbackPlan: string;
  /** `datetime-local` text; empty means not set yet. */
  windowStart: string;
  windowEnd: string;
  requester: string;
  implementer: string;
}

export function emptyChangeValues(requester: string): ChangeFormValues {
  return { title: '', description: '', assets: [], plan: '', riskLevel: '', riskText: '', rollbackPlan: '', windowStart: '', windowEnd: '', requester, implementer: '' };
}

export function changeValues(change: Change, assets: AssetChoice[]): ChangeFormValues {
  const time = (value: number | null) => (value === null ? '' : toLocalDateTimeInput(value));
  return {
    title: change.title,
    description: change.description,
    assets,
    plan: change.plan,
    riskLevel: change.riskLevel ?? '',
    riskText: change.riskText,
    rollbackPlan: change.rollbackPlan,
    windowStart: time(change.windowStart),
    windowEnd: time(change.windowEnd),
    requester: change.requester,
    implementer: change.implementer,
  };
}

type Problems = FieldProblems<keyof ChangeFormValues>;

/** The form's values as the API's fields, with the problems per field (schema limits, times, a window that ends before it starts). */
function parseValues(values: ChangeFormValues): { fields: Record<string, unknown>; problems: Problems } {
  const problems: Problems = {};
  const window = (field: 'windowStart' | 'windowEnd') => {
    if (values[field].trim() === '') return null;
    const at = fromLocalDateTimeInput(values[field]);
    if (at === null) problems[field] = { key: 'dateTime' };
    return at;
  };
  const windowStart = window('windowStart');
  const windowEnd = window('windowEnd');
  if (windowStart !== null && windowEnd !== null && windowEnd <= windowStart) problems.windowEnd = { key: 'windowOrder' };
  return {
    fields: {
      title: values.title,
      description: values.description,
      assetIds: values.assets.map((asset) => asset.id),
      plan: values.plan,
      riskLevel: values.riskLevel === '' ? null : values.riskLevel,
      riskText: values.riskText,
      rollbackPlan: values.rollbackPlan,
      windowStart,
      windowEnd,
      requester: values.requester,
      implementer: values.implementer,
    },
    problems,
  };
}

function withSchemaProblems(problems: Problems, found: FieldProblems<keyof ChangeFormValues | 'assetIds'>): Problems {
  const { assetIds, ...rest } = found;
  return { ...rest, ...(assetIds ? { assets: assetIds } : {}), ...problems };
}

/** The new-change form → `changes.create`. */
export function createInput(values: ChangeFormValues): { input: MethodInput<'changes.create'> | null; problems: Problems } {
  const { fields, problems } = parseValues(values);
  const parsed = ChangeFields.safeParse(fields);
  const all = parsed.success ? problems : withSchemaProblems(problems, problemsOf(parsed.error));
  if (!parsed.success || Object.keys(all).length > 0) return { input: null, problems: all };
  return { input: parsed.data, problems: all };
}

/** The edit form → `changes.update` with only what changed. */
export function updateInput(change: Change, values: ChangeFormValues): { input: MethodInput<'changes.update'> | null; problems: Problems } {
  const { fields, problems } = parseValues(values);
  const current: Record<string, unknown> = { ...change };
  const same = (key: string, value: unknown) => (typeof value === 'string' ? value.trim() === current[key] : JSON.stringify(value) === JSON.stringify(current[key]));
  const patch = Object.fromEntries(Object.entries(fields).filter(([key, value]) => !same(key, value)));
  const parsed = ChangePatch.safeParse(patch);
  const all = parsed.success ? problems : withSchemaProblems(problems, problemsOf(parsed.error));
  if (!parsed.success || Object.keys(all).length > 0) return { input: null, problems: all };
  return { input: { id: change.id, patch: parsed.data }, problems: all };
}

export interface TransitionValues {
  comment: string;
  result: string;
  at: string;
}

/** What the move dialog asks for: a result to close the work, a reason to reject. */
export function transitionNeeds(to: Change['status']): { result: boolean; comment: 'required' | 'optional' | 'none' } {
  if (to === 'completed' || to === 'failed' || to === 'rolled-back') return { result: true, comment: 'none' };
  if (to === 'rejected') return { result: false, comment: 'required' };
  if (to === 'approved' || to === 'cancelled') return { result: false, comment: 'optional' };
  return { result: false, comment: 'none' };
}

/** The move dialog → `changes.transition`. */
export function transitionInput(
  id: string,
  to: Change['status'],
  values: TransitionValues,
  now: number,
): { input: MethodInput<'changes.transition'> | null; problems: FieldProblems<keyof TransitionValues> } {
  const needs = transitionNeeds(to);
  const problems: FieldProblems<keyof TransitionValues> = {};
  const result = values.result.trim();
  const comment = values.comment.trim();
  if (needs.result && result === '') problems.result = { key: 'required' };
  else if (result.length > 20_000) problems.result = { key: 'tooLong', max: 20_000 };
  if (needs.comment === 'required' && comment === '') problems.comment = { key: 'required' };
  else if (comment.length > 4000) problems.comment = { key: 'tooLong', max: 4000 };
  const { at, problem } = recordedTime(values.at, now);
  if (problem) problems.at = problem;
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return { input: { id, to, comment: needs.comment === 'none' ? '' : comment, result: needs.result ? result : '', ...(at === undefined ? {} : { at }) }, problems };
}
