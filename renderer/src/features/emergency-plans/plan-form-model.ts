import type { z } from 'zod';
import {
  PlanFields,
  type EmergencyPlan,
  type PlanFieldsInput,
  type PlanRuleProblem,
  type PlanScenario,
  type PlanSeverity,
} from '@shared/domain/emergency-plans';
import type { Language } from '@shared/domain/profile';

/**
 * The plan editor's state and rules, free of React and i18next so they can be
 * tested alone. Inputs hold text as typed; `toPlanInput` turns it into what
 * the shared schema (the one core checks) expects, and problems come back as
 * translation keys per field path, never as zod's English text.
 */

/** `uid` keeps a row's identity while rows move; it is never saved. */
export interface StepRow {
  uid: string;
  title: string;
  instructions: string;
  responsibleRole: string;
  expectedMinutes: string;
  checkItem: string;
}

export interface ContactRow {
  uid: string;
  /** Saved: the call list refers to contacts by it. */
  key: string;
  name: string;
  role: string;
  organisation: string;
  /** One number per line, as typed. */
  phones: string;
  escalationLevel: string;
  notes: string;
}

export interface CallRow {
  uid: string;
  contactKey: string;
  afterMinutes: string;
  note: string;
}

export interface PlanFormValues {
  title: string;
  clientId: string | null;
  siteId: string | null;
  scenario: PlanScenario;
  severity: PlanSeverity;
  language: Language;
  version: string;
  /** YYYY-MM-DD as the date input gives it, or '' for none. */
  reviewedAt: string;
  triggerConditions: string;
  objective: string;
  strategies: string;
  steps: StepRow[];
  contacts: ContactRow[];
  callList: CallRow[];
}

export type ProblemKey =
  | PlanRuleProblem
  | 'required'
  | 'tooLong'
  | 'tooMany'
  | 'stepsRequired'
  | 'phonesRequired'
  | 'clientRequired'
  | 'wholeNumber'
  | 'numberTooSmall'
  | 'numberTooBig'
  | 'date'
  | 'invalid';

export interface FieldProblem {
  key: ProblemKey;
  values?: Record<string, string | number>;
}

/** Problems by field path: "title", "steps" (the list), "steps.2.title", "contacts.0.phones". */
export type PlanProblems = Record<string, FieldProblem>;

let lastUid = 0;
export function newUid(): string {
  lastUid += 1;
  return `row-${lastUid}`;
}

/** The first free "cN": short, stable and unique within the plan. */
export function newContactKey(taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`c${n}`)) return `c${n}`;
}

export function emptyStep(): StepRow {
  return { uid: newUid(), title: '', instructions: '', responsibleRole: '', expectedMinutes: '', checkItem: '' };
}

export function emptyContact(taken: readonly string[]): ContactRow {
  return { uid: newUid(), key: newContactKey(taken), name: '', role: '', organisation: '', phones: '', escalationLevel: '1', notes: '' };
}

/** A new call defaults to the time of the one before, so the list stays in time order. */
export function emptyCall(contactKey = '', afterMinutes = '0'): CallRow {
  return { uid: newUid(), contactKey, afterMinutes, note: '' };
}

/** A new plan: one empty step to start from, in the UI's language unless told otherwise. */
export function emptyPlanValues(prefill: { clientId?: string | null; siteId?: string | null; language: Language }): PlanFormValues {
  return {
    title: '',
    clientId: prefill.clientId ?? null,
    siteId: prefill.siteId ?? null,
    scenario: 'power-failure',
    severity: 'major',
    language: prefill.language,
    version: '1.0',
    reviewedAt: '',
    triggerConditions: '',
    objective: '',
    strategies: '',
    steps: [emptyStep()],
    contacts: [],
    callList: [],
  };
}

export function valuesFromPlan(plan: EmergencyPlan): PlanFormValues {
  return {
    title: plan.title,
    clientId: plan.clientId,
    siteId: plan.siteId,
    scenario: plan.scenario,
    severity: plan.severity,
    language: plan.language,
    version: plan.version,
    reviewedAt: plan.reviewedAt ?? '',
    triggerConditions: plan.triggerConditions,
    objective: plan.objective,
    strategies: plan.strategies,
    steps: plan.steps.map((step) => ({
      uid: newUid(),
      title: step.title,
      instructions: step.instructions,
      responsibleRole: step.responsibleRole,
      expectedMinutes: step.expectedMinutes === null ? '' : String(step.expectedMinutes),
      checkItem: step.checkItem,
    })),
    contacts: plan.contacts.map((contact) => ({
      uid: newUid(),
      key: contact.key,
      name: contact.name,
      role: contact.role,
      organisation: contact.organisation,
      phones: contact.phones.join('\n'),
      escalationLevel: String(contact.escalationLevel),
      notes: contact.notes,
    })),
    callList: plan.callList.map((call) => ({ uid: newUid(), contactKey: call.contactKey, afterMinutes: String(call.afterMinutes), note: call.note })),
  };
}

/** Numbers one per line; also split on semicolons, which people paste from spreadsheets. */
export function splitPhones(text: string): string[] {
  return text
    .split(/[\n;；]/)
    .map((phone) => phone.trim())
    .filter(Boolean);
}

/** Text to a number for the schema: blank is `blank`, anything not a number is NaN (reported as "a whole number"). */
function numberOr<T>(text: string, blank: T): number | T {
  const trimmed = text.trim();
  return trimmed === '' ? blank : Number(trimmed);
}

export function toPlanInput(values: PlanFormValues): PlanFieldsInput {
  return {
    title: values.title,
    // An empty id fails the schema's id check and is reported as "choose a client".
    clientId: values.clientId ?? '',
    siteId: values.siteId,
    scenario: values.scenario,
    severity: values.severity,
    language: values.language,
    version: values.version,
    reviewedAt: values.reviewedAt.trim() === '' ? null : values.reviewedAt.trim(),
    triggerConditions: values.triggerConditions,
    objective: values.objective,
    strategies: values.strategies,
    steps: values.steps.map((step) => ({
      title: step.title,
      instructions: step.instructions,
      responsibleRole: step.responsibleRole,
      expectedMinutes: numberOr(step.expectedMinutes, null),
      checkItem: step.checkItem,
    })),
    contacts: values.contacts.map((contact) => ({
      key: contact.key,
      name: contact.name,
      role: contact.role,
      organisation: contact.organisation,
      phones: splitPhones(contact.phones),
      escalationLevel: numberOr(contact.escalationLevel, undefined),
      notes: contact.notes,
    })),
    callList: values.callList.map((call) => ({ contactKey: call.contactKey, afterMinutes: numberOr(call.afterMinutes, undefined), note: call.note })),
  };
}

/**
 * Where a problem shows: the field it belongs to. A phone's problem shows on
 * the contact's phones box (one box holds them all).
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'contacts' && parts[2] === 'phones') return parts.slice(0, 3).join('.');
  return parts.join('.');
}

export function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  const path = issue.path.map(String);
  const custom = issue.code === 'custom' ? (issue.params as { problem?: PlanRuleProblem } | undefined)?.problem : undefined;
  if (custom) return { key: custom };
  if (path[0] === 'clientId') return { key: 'clientRequired' };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { key: path[0] === 'steps' ? 'stepsRequired' : path.at(-1) === 'phones' ? 'phonesRequired' : 'invalid' };
      if (issue.origin === 'string') return { key: 'required' };
      return { key: 'numberTooSmall', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { key: 'tooMany', values: { max: Number(issue.maximum) } };
      return { key: 'numberTooBig', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { key: issue.expected === 'number' || issue.expected === 'int' ? 'wholeNumber' : 'invalid' };
    case 'invalid_format':
      return { key: issue.format === 'date' ? 'date' : 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

/** Every problem of the form, the first per field. Empty when the plan can be saved. */
export function planProblems(values: PlanFormValues): PlanProblems {
  const result = PlanFields.safeParse(toPlanInput(values));
  if (result.success) return {};
  const problems: PlanProblems = {};
  for (const issue of result.error.issues) {
    const path = fieldPath(issue.path);
    if (!(path in problems)) problems[path] = problemOf(issue);
  }
  return problems;
}

export function hasProblems(problems: PlanProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** The list with the item at `index` moved by `delta` places; unchanged when that would leave the list. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
