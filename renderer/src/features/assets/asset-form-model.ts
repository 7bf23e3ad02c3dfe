import type { z } from 'zod';
import {
  assetFieldProblems,
  AssetFields,
  AssetFieldsObject,
  IpAddress,
  isSoftwareType,
  MAX_RACK_UNITS,
  type Asset,
  type AssetFieldsInput,
  type AssetFieldsPatch,
  type AssetStatus,
  type AssetType,
} from '@shared/domain/assets';
import type { ApiError } from '@shared/errors';
import { formatURange } from './asset-format';

/**
 * The asset form's state and rules, kept free of React and i18next so they
 * can be tested alone. Inputs hold text as typed; `toInput` turns that into
 * what the shared schema (the same one core checks) expects, and problems come
 * back as translation keys per field, never as zod's English text.
 */
export interface AssetFormValues {
  type: AssetType;
  name: string;
  vendor: string;
  model: string;
  serialNumber: string;
  assetTag: string;
  status: AssetStatus;
  owner: string;
  contact: string;
  /** YYYY-MM-DD as the date input gives it, or '' for none. */
  purchaseDate: string;
  warrantyEnd: string;
  managementIps: string[];
  version: string;
  patchLevel: string;
  notes: string;
  customFields: CustomFieldRow[];
  roomId: string | null;
  rackId: string | null;
  rackUStart: string;
  rackUHeight: string;
  installedOnId: string | null;
}

export interface CustomFieldRow {
  key: string;
  value: string;
}

export type FormField = keyof AssetFormValues;

export type ProblemKey =
  | 'required'
  | 'tooLong'
  | 'date'
  | 'ip'
  | 'tooManyIps'
  | 'uNumber'
  | 'softwareNoLocation'
  | 'onlySoftwareInstalled'
  | 'placementIncomplete'
  | 'rackMaxU'
  | 'warrantyBeforePurchase'
  | 'customKeyRequired'
  | 'customKeyTooLong'
  | 'customValueTooLong'
  | 'customDuplicate'
  | 'tooManyCustom'
  | 'rackOtherRoom'
  | 'duplicateTag'
  | 'rangeTaken'
  | 'rangeOutside'
  | 'hostInvalid'
  | 'locationGone'
  | 'invalid';

export interface FieldProblem {
  key: ProblemKey;
  values?: Record<string, string | number>;
}

export interface FormProblems {
  fields: Partial<Record<FormField, FieldProblem>>;
  /** Per management address, by its index in the list. */
  ips: Record<number, FieldProblem>;
  /** Per custom field row: its name or its value. */
  custom: Record<number, { key?: FieldProblem; value?: FieldProblem }>;
}

export function noProblems(): FormProblems {
  return { fields: {}, ips: {}, custom: {} };
}

export function hasProblems(problems: FormProblems): boolean {
  return Object.keys(problems.fields).length > 0 || Object.keys(problems.ips).length > 0 || Object.keys(problems.custom).length > 0;
}

/** The limits the schema sets, read from it so the form cannot drift from core. */
const shape = AssetFieldsObject.shape;
const CUSTOM_KEY_MAX = 60;
const CUSTOM_VALUE_MAX = 1000;
const MAX_CUSTOM_FIELDS = 50;

/** A blank form; `prefill` comes from where the form was opened (a rack slot, a scanned tag, a host). */
export function emptyValues(prefill: Partial<AssetFieldsInput> = {}): AssetFormValues {
  return {
    type: prefill.type ?? 'server',
    name: prefill.name ?? '',
    vendor: prefill.vendor ?? '',
    model: prefill.model ?? '',
    serialNumber: prefill.serialNumber ?? '',
    assetTag: prefill.assetTag ?? '',
    status: prefill.status ?? 'in-use',
    owner: prefill.owner ?? '',
    contact: prefill.contact ?? '',
    purchaseDate: prefill.purchaseDate ?? '',
    warrantyEnd: prefill.warrantyEnd ?? '',
    managementIps: [...(prefill.managementIps ?? [])],
    version: prefill.version ?? '',
    patchLevel: prefill.patchLevel ?? '',
    notes: prefill.notes ?? '',
    customFields: Object.entries(prefill.customFields ?? {}).map(([key, value]) => ({ key, value })),
    roomId: prefill.roomId ?? null,
    rackId: prefill.rackId ?? null,
    rackUStart: prefill.rackUStart === null || prefill.rackUStart === undefined ? '' : String(prefill.rackUStart),
    rackUHeight: prefill.rackUHeight === null || prefill.rackUHeight === undefined ? '' : String(prefill.rackUHeight),
    installedOnId: prefill.installedOnId ?? null,
  };
}

export function valuesFromAsset(asset: Asset): AssetFormValues {
  return emptyValues(fieldsOf(asset));
}

/** The editable fields of a stored asset, without id, location names and flags. */
export function fieldsOf(asset: Asset): AssetFields {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) fields[key] = asset[key as keyof AssetFields];
  return fields as AssetFields;
}

/** Text as typed → the schema's input. Software has no location of its own; hardware is not installed on anything. */
export function toInput(values: AssetFormValues): AssetFieldsInput {
  const software = isSoftwareType(values.type);
  const number = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  return {
    type: values.type,
    name: values.name,
    vendor: values.vendor,
    model: values.model,
    serialNumber: values.serialNumber,
    assetTag: values.assetTag,
    status: values.status,
    owner: values.owner,
    contact: values.contact,
    purchaseDate: values.purchaseDate.trim() === '' ? null : values.purchaseDate.trim(),
    warrantyEnd: values.warrantyEnd.trim() === '' ? null : values.warrantyEnd.trim(),
    managementIps: values.managementIps.map((ip) => ip.trim()).filter((ip) => ip !== ''),
    version: values.version,
    patchLevel: values.patchLevel,
    notes: values.notes,
    customFields: Object.fromEntries(
      values.customFields.filter((row) => row.key.trim() !== '' || row.value !== '').map((row) => [row.key.trim(), row.value]),
    ),
    roomId: software ? null : values.roomId,
    rackId: software || !values.rackId ? null : values.rackId,
    rackUStart: software || !values.rackId ? null : number(values.rackUStart),
    rackUHeight: software || !values.rackId ? null : number(values.rackUHeight),
    installedOnId: software ? values.installedOnId : null,
  };
}

/**
 * Checks the form with the shared schema plus what the schema cannot see in
 * a record (empty or repeated custom field names). Returns the parsed fields
 * when everything is fine.
 */
export function validate(values: AssetFormValues): { fields: AssetFields | null; problems: FormProblems } {
  const problems = noProblems();
  const seen = new Map<string, number>();
  const rows = values.customFields.map((row, index) => ({ row, index })).filter(({ row }) => row.key.trim() !== '' || row.value !== '');
  for (const { row, index } of rows) {
    const key = row.key.trim();
    if (key === '') setCustom(problems, index, 'key', { key: 'customKeyRequired' });
    else if ([...key].length > CUSTOM_KEY_MAX) setCustom(problems, index, 'key', { key: 'customKeyTooLong', values: { max: CUSTOM_KEY_MAX } });
    else if (seen.has(key)) setCustom(problems, index, 'key', { key: 'customDuplicate' });
    else seen.set(key, index);
    if (row.value.length > CUSTOM_VALUE_MAX) setCustom(problems, index, 'value', { key: 'customValueTooLong', values: { max: CUSTOM_VALUE_MAX } });
  }
  if (rows.length > MAX_CUSTOM_FIELDS) problems.fields.customFields = { key: 'tooManyCustom', values: { max: MAX_CUSTOM_FIELDS } };

  const input = toInput(values);
  const result = AssetFields.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) addIssue(problems, issue, input);
    // zod skips the cross-field rules while any single field is wrong; run them anyway so every problem shows at once.
    for (const [field] of assetFieldProblems(input as Parameters<typeof assetFieldProblems>[0])) {
      if (problems.fields[field]) continue;
      const key = CROSS_FIELD[field] ?? 'invalid';
      problems.fields[field] = key === 'rackMaxU' ? { key, values: { max: MAX_RACK_UNITS } } : { key };
    }
  }
  return { fields: result.success && !hasProblems(problems) ? result.data : null, problems };
}

/** Whether one typed address is valid, for marking its chip as soon as it is added. */
export function ipProblem(address: string): FieldProblem | null {
  return IpAddress.safeParse(address.trim()).success ? null : { key: 'ip', values: { address: address.trim() } };
}

function setCustom(problems: FormProblems, index: number, part: 'key' | 'value', problem: FieldProblem) {
  problems.custom[index] = { ...problems.custom[index], [part]: problem };
}

const CROSS_FIELD: Partial<Record<string, ProblemKey>> = {
  roomId: 'softwareNoLocation',
  installedOnId: 'onlySoftwareInstalled',
  rackUStart: 'placementIncomplete',
  rackUHeight: 'rackMaxU',
  warrantyEnd: 'warrantyBeforePurchase',
  rackId: 'rackOtherRoom',
};

function addIssue(problems: FormProblems, issue: z.core.$ZodIssue, input: AssetFieldsInput) {
  const [head, index] = issue.path;
  if (typeof head !== 'string') return;
  if (head === 'managementIps') {
    if (typeof index === 'number') {
      problems.ips[index] ??= { key: 'ip', values: { address: input.managementIps?.[index] ?? '' } };
    } else problems.fields.managementIps ??= { key: 'tooManyIps', values: { max: 16 } };
    return;
  }
  if (head === 'customFields') {
    problems.fields.customFields ??= { key: 'invalid' };
    return;
  }
  if (!(head in shape)) return;
  const field = head as FormField;
  if (problems.fields[field]) return;
  problems.fields[field] = problemFor(field, issue);
}

function problemFor(field: FormField, issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'custom') {
    const key = CROSS_FIELD[field];
    if (key === 'rackMaxU') return { key, values: { max: MAX_RACK_UNITS } };
    return { key: key ?? 'invalid' };
  }
  if (field === 'purchaseDate' || field === 'warrantyEnd') return { key: 'date' };
  if (field === 'rackUStart' || field === 'rackUHeight') return { key: 'uNumber', values: { min: 1, max: MAX_RACK_UNITS } };
  if (issue.code === 'too_small' && field === 'name') return { key: 'required' };
  if (issue.code === 'too_big') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
  return { key: 'invalid' };
}

/** JSON-equal, which is what "changed" means for these plain values. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Only the fields that differ from the stored asset, so an edit does not
 * overwrite a change someone else made to another field meanwhile. Custom
 * fields compare as a whole, in key order.
 */
export function changedFields(original: AssetFields, next: AssetFields): AssetFieldsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof AssetFields)[]) {
    const before = key === 'customFields' ? sortedEntries(original.customFields) : original[key];
    const after = key === 'customFields' ? sortedEntries(next.customFields) : next[key];
    if (!same(before, after)) patch[key] = next[key];
  }
  return patch as AssetFieldsPatch;
}

function sortedEntries(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface RangeConflict {
  name: string;
  uStart: number;
  uHeight: number;
}

/**
 * A refusal from core, placed at the field it concerns when it names one.
 * Returns null when the error belongs to no field (it is shown above the
 * buttons instead).
 */
export function serverProblems(error: ApiError): FormProblems | null {
  const details = (error.details ?? {}) as { field?: unknown; conflicts?: unknown; heightU?: unknown; issues?: unknown };
  const problems = noProblems();
  switch (error.code) {
    case 'assets.duplicate-tag':
      problems.fields.assetTag = { key: 'duplicateTag' };
      return problems;
    case 'assets.rack-range-taken': {
      const conflicts = Array.isArray(details.conflicts) ? (details.conflicts as RangeConflict[]) : [];
      problems.fields.rackUStart = {
        key: 'rangeTaken',
        values: {
          name: conflicts.map((c) => c.name).join(', ') || '?',
          range: conflicts.map((c) => formatURange(c.uStart, c.uHeight)).join(', ') || '?',
        },
      };
      return problems;
    }
    case 'assets.rack-range-invalid':
      problems.fields.rackUStart = { key: 'rangeOutside', values: { height: typeof details.heightU === 'number' ? details.heightU : '?' } };
      return problems;
    case 'assets.host-invalid':
      problems.fields.installedOnId = { key: 'hostInvalid' };
      return problems;
    case 'locations.not-found':
      if (details.field === 'roomId' || details.field === 'rackId') {
        problems.fields[details.field] = { key: 'locationGone' };
        return problems;
      }
      return null;
    case 'assets.invalid-fields':
    case 'api.invalid-input': {
      const issues = Array.isArray(details.issues) ? (details.issues as { path?: unknown }[]) : [];
      for (const issue of issues) {
        const path = typeof issue.path === 'string' ? issue.path.split('.') : [];
        const [head, index] = path;
        if (head === 'managementIps' && index !== undefined) problems.ips[Number(index)] = { key: 'ip', values: { address: '' } };
        else if (head && head in shape) {
          const key = CROSS_FIELD[head];
          problems.fields[head as FormField] = key === 'rackMaxU' ? { key, values: { max: MAX_RACK_UNITS } } : { key: key ?? 'invalid' };
        }
      }
      return hasProblems(problems) ? problems : null;
    }
    default:
      return null;
  }
}

/** The order fields appear in the form, to focus the first one with a problem. */
export const FIELD_ORDER: readonly FormField[] = [
  'type',
  'name',
  'vendor',
  'model',
  'serialNumber',
  'assetTag',
  'status',
  'roomId',
  'rackId',
  'rackUStart',
  'rackUHeight',
  'installedOnId',
  'version',
  'patchLevel',
  'owner',
  'contact',
  'purchaseDate',
  'warrantyEnd',
  'managementIps',
  'notes',
  'customFields',
];
