import type { z } from 'zod';
import { IncidentFields, type Incident, type IncidentCategory, type IncidentFieldsInput, type IncidentPatch } from '@shared/domain/incidents';
import { priorityFrom, type Impact, type Priority, type Urgency } from '@shared/domain/sla';
import type { ApiError } from '@shared/errors';
import type { AssetLabel } from '../../assets/asset-names.store';
import { fromLocalDateTimeInput, toLocalDateTimeInput } from '../incident-format';

/**
 * The incident form's state and rules, free of React and i18next so they can
 * be tested alone. Values hold text as typed; `toInput` turns them into what
 * the shared schema (the one core checks) takes, and problems come back as
 * translation keys per field, never as zod's English text.
 */
export interface IncidentFormValues {
  title: string;
  description: string;
  /** '' until chosen: the category says who handles it, so it is asked, not guessed. */
  category: IncidentCategory | '';
  impact: Impact;
  urgency: Urgency;
  /** Whether the priority is set by hand instead of from impact × urgency. */
  override: boolean;
  priorityOverride: Priority;
  priorityReason: string;
  systemDown: boolean;
  assets: AssetLabel[];
  /** A location picked by hand; null means "where the assets are". */
  locationId: string | null;
  reporterName: string;
  reporterContact: string;
  assignee: string;
  /** `datetime-local` text, in the laptop's time zone. Only asked when recording. */
  reportedAt: string;
}

export type IncidentFormField = keyof IncidentFormValues;

export type ProblemKey = 'required' | 'tooLong' | 'chooseCategory' | 'reasonRequired' | 'dateTime' | 'future' | 'tooManyAssets' | 'assetGone' | 'locationGone' | 'invalid';

export interface FieldProblem {
  key: ProblemKey;
  values?: Record<string, string | number>;
}

export type FormProblems = Partial<Record<IncidentFormField, FieldProblem>>;

/** Where the form was opened from: the asset page, a check result, the profile's name. */
export interface FormPrefill {
  reporterName?: string;
  assets?: AssetLabel[];
  title?: string;
  description?: string;
}

export function emptyValues(now: number, prefill: FormPrefill = {}): IncidentFormValues {
  return {
    title: prefill.title ?? '',
    description: prefill.description ?? '',
    category: '',
    impact: 'medium',
    urgency: 'medium',
    override: false,
    priorityOverride: 'P3',
    priorityReason: '',
    systemDown: false,
    assets: prefill.assets ?? [],
    locationId: null,
    reporterName: prefill.reporterName ?? '',
    reporterContact: '',
    assignee: '',
    reportedAt: toLocalDateTimeInput(now),
  };
}

export function valuesFromIncident(incident: Incident, assets: readonly AssetLabel[]): IncidentFormValues {
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  return {
    title: incident.title,
    description: incident.description,
    category: incident.category,
    impact: incident.impact,
    urgency: incident.urgency,
    override: incident.priorityOverride !== null,
    priorityOverride: incident.priorityOverride ?? incident.priority,
    priorityReason: incident.priorityReason,
    systemDown: incident.systemDown,
    // An asset whose name has not arrived yet still keeps its place.
    assets: incident.assetIds.map((id) => byId.get(id) ?? { id, name: id.slice(0, 8), where: '', roomPath: '', type: null, vendor: '', gone: false }),
    locationId: incident.locationId,
    reporterName: incident.reporterName,
    reporterContact: incident.reporterContact,
    assignee: incident.assignee,
    reportedAt: toLocalDateTimeInput(incident.reportedAt),
  };
}

/** The priority the incident will have: the one set by hand, else the matrix's. */
export function effectivePriority(values: Pick<IncidentFormValues, 'override' | 'priorityOverride' | 'impact' | 'urgency'>): Priority {
  return values.override ? values.priorityOverride : priorityFrom(values.impact, values.urgency);
}

/** Text as typed → the schema's input. */
export function toInput(values: IncidentFormValues): IncidentFieldsInput {
  const reportedAt = fromLocalDateTimeInput(values.reportedAt);
  return {
    title: values.title,
    description: values.description,
    // '' fails the enum, which is the "choose a category" problem.
    category: values.category as IncidentCategory,
    impact: values.impact,
    urgency: values.urgency,
    priorityOverride: values.override ? values.priorityOverride : null,
    priorityReason: values.override ? values.priorityReason : '',
    systemDown: values.systemDown,
    assetIds: values.assets.map((asset) => asset.id),
    locationId: values.locationId,
    reporterName: values.reporterName,
    reporterContact: values.reporterContact,
    assignee: values.assignee,
    ...(reportedAt === null ? {} : { reportedAt }),
  };
}

const SCHEMA_FIELDS = new Set<string>(Object.keys(IncidentFields.shape));
/** Schema fields that the form shows under another name. */
const FORM_FIELD: Partial<Record<string, IncidentFormField>> = { assetIds: 'assets', priorityOverride: 'priorityReason' };

/**
 * Checks the form with the shared schema plus what the schema leaves to core:
 * an overridden priority needs a reason, and the reported time must be a real
 * time not in the future. `mode` 'edit' skips the reported time (it is fixed
 * once recorded). Returns the parsed fields when everything is fine.
 */
export function validate(values: IncidentFormValues, now: number, mode: 'create' | 'edit' = 'create'): { fields: IncidentFields | null; problems: FormProblems } {
  const problems: FormProblems = {};
  const input = toInput(values);
  const result = IncidentFields.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [head] = issue.path;
      if (typeof head !== 'string' || !SCHEMA_FIELDS.has(head)) continue;
      const field = FORM_FIELD[head] ?? (head as IncidentFormField);
      problems[field] ??= problemFor(field, issue);
    }
  }
  if (values.override && values.priorityReason.trim() === '') problems.priorityReason ??= { key: 'reasonRequired' };
  if (mode === 'create') {
    const reportedAt = fromLocalDateTimeInput(values.reportedAt);
    if (values.reportedAt.trim() === '') problems.reportedAt = { key: 'required' };
    else if (reportedAt === null) problems.reportedAt = { key: 'dateTime' };
    // A minute of grace: the field shows minutes, and "now" was filled in when the form opened.
    else if (reportedAt > now + 60_000) problems.reportedAt = { key: 'future' };
  }
  return { fields: result.success && Object.keys(problems).length === 0 ? result.data : null, problems };
}

function problemFor(field: IncidentFormField, issue: z.core.$ZodIssue): FieldProblem {
  if (field === 'category') return { key: 'chooseCategory' };
  if (field === 'assets' && issue.code === 'too_big') return { key: 'tooManyAssets', values: { max: Number(issue.maximum) } };
  if (field === 'reportedAt') return { key: 'dateTime' };
  if (issue.code === 'too_small') return { key: 'required' };
  if (issue.code === 'too_big') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
  return { key: 'invalid' };
}

const PATCH_KEYS = [
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'priorityOverride',
  'priorityReason',
  'systemDown',
  'assetIds',
  'locationId',
  'reporterName',
  'reporterContact',
  'assignee',
] as const satisfies readonly (keyof IncidentPatch)[];

/**
 * Only the fields that differ from the stored incident, so an edit does not
 * overwrite what someone else changed meanwhile in another field.
 */
export function changedFields(incident: Incident, next: IncidentFields): IncidentPatch {
  const patch: Record<string, unknown> = {};
  for (const key of PATCH_KEYS) {
    if (JSON.stringify(incident[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch as IncidentPatch;
}

/**
 * A refusal from core, placed at the field it concerns. Null when it concerns
 * no field (then it is shown above the buttons).
 */
export function serverProblems(error: ApiError): FormProblems | null {
  const details = (error.details ?? {}) as { field?: unknown; issues?: unknown };
  switch (error.code) {
    case 'incidents.priority-reason-required':
      return { priorityReason: { key: 'reasonRequired' } };
    case 'incidents.time-in-future':
      return { reportedAt: { key: 'future' } };
    case 'assets.not-found':
      return { assets: { key: 'assetGone' } };
    case 'locations.not-found':
      return { locationId: { key: 'locationGone' } };
    case 'api.invalid-input': {
      const problems: FormProblems = {};
      const issues = Array.isArray(details.issues) ? (details.issues as { path?: unknown }[]) : [];
      for (const issue of issues) {
        const head = typeof issue.path === 'string' ? issue.path.split('.')[0] : undefined;
        if (head && SCHEMA_FIELDS.has(head)) problems[FORM_FIELD[head] ?? (head as IncidentFormField)] ??= { key: 'invalid' };
      }
      return Object.keys(problems).length > 0 ? problems : null;
    }
    default:
      return null;
  }
}

/** The order fields appear in the form, to focus the first one with a problem. */
export const FIELD_ORDER: readonly IncidentFormField[] = [
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'override',
  'priorityOverride',
  'priorityReason',
  'systemDown',
  'assets',
  'locationId',
  'reporterName',
  'reporterContact',
  'assignee',
  'reportedAt',
];
