import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportProblem } from '@shared/domain/asset-import';

export type KnownField = (typeof IMPORT_FIELDS)[number];

/** The select's groups, in the order an engineer reads a device sheet. */
export const FIELD_GROUPS: { key: 'asset' | 'location'; fields: readonly KnownField[] }[] = [
  {
    key: 'asset',
    fields: ['name', 'type', 'vendor', 'model', 'serialNumber', 'assetTag', 'status', 'managementIps', 'owner', 'contact', 'purchaseDate', 'warrantyEnd', 'version', 'patchLevel', 'notes'],
  },
  { key: 'location', fields: ['client', 'site', 'room', 'rack', 'rackUStart', 'rackUHeight'] },
];

export const CUSTOM_PREFIX = 'custom:';
export const MAX_CUSTOM_NAME = 60;
/** The select's value for "custom field"; the name is typed next to it. */
export const CUSTOM_CHOICE = '__custom__';

export function isKnownField(field: string): field is KnownField {
  return (IMPORT_FIELDS as readonly string[]).includes(field);
}

export function isRequiredField(field: string): boolean {
  return (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field);
}

export function customName(field: ImportField | null): string | null {
  return field !== null && field.startsWith(CUSTOM_PREFIX) ? field.slice(CUSTOM_PREFIX.length) : null;
}

/** The select's value for a mapping entry: '' ignores the column. */
export function choiceOf(field: ImportField | null): string {
  if (field === null) return '';
  return customName(field) !== null ? CUSTOM_CHOICE : field;
}

export interface MappingCheck {
  /** Required fields no column fills. */
  missing: KnownField[];
  /** Column index → the field it repeats (addresses may come from several columns). */
  repeated: Map<number, string>;
  /** Columns set to "custom" with no usable name. */
  badCustom: Set<number>;
  ok: boolean;
}

/** The same rules core applies to a mapping (each field once, name and type present), checked before asking it. */
export function checkMapping(mapping: readonly (ImportField | null)[]): MappingCheck {
  const seen = new Map<string, number>();
  const repeated = new Map<number, string>();
  const badCustom = new Set<number>();
  mapping.forEach((field, column) => {
    if (field === null) return;
    const custom = customName(field);
    if (custom !== null && (custom.trim() === '' || custom.trim().length > MAX_CUSTOM_NAME)) {
      badCustom.add(column);
      return;
    }
    const key = custom !== null ? `${CUSTOM_PREFIX}${custom.trim()}` : field;
    if (field === 'managementIps') return;
    if (seen.has(key)) repeated.set(column, key);
    else seen.set(key, column);
  });
  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => !mapping.includes(field));
  return { missing, repeated, badCustom, ok: missing.length === 0 && repeated.size === 0 && badCustom.size === 0 };
}

/** The mapping as core wants it: custom names trimmed. */
export function normalizeMapping(mapping: readonly (ImportField | null)[]): (ImportField | null)[] {
  return mapping.map((field) => {
    const custom = customName(field);
    return custom !== null ? `${CUSTOM_PREFIX}${custom.trim()}` : field;
  });
}

/** A few non-empty example values of a column from the sample. */
export function sampleValues(sample: readonly (readonly string[])[], column: number, count = 3): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const value = row[column]?.trim() ?? '';
    if (value !== '' && !values.includes(value)) values.push(value);
    if (values.length >= count) break;
  }
  return values;
}

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

/**
 * The file line of each sample row. Core counts lines as a spreadsheet shows
 * them, but the sample carries only cells: blank rows and title rows above the
 * header are skipped. Most sheets start their data on line 2; where the
 * problems say otherwise (a required cell reported empty that is filled at the
 * assumed line, or a value quoted in the message), the offset that agrees
 * best with them wins.
 */
export function sampleLines(sample: readonly (readonly string[])[], problems: readonly ImportProblem[]): number[] {
  const score = (first: number) => {
    let total = 0;
    for (const problem of problems) {
      if (problem.column === null) continue;
      const index = problem.row - first;
      if (index < 0 || index >= sample.length) continue;
      const cell = sample[index]?.[problem.column - 1] ?? '';
      if (problem.code === 'import.cell-required') total += cell === '' ? 1 : -1;
      else if (cell === '') total -= 1;
      else total += problem.message.includes(cell) ? 2 : 0;
    }
    return total;
  };
  let best = 2;
  let bestScore = score(2);
  for (let first = 3; first <= 12; first++) {
    const candidate = score(first);
    if (candidate > bestScore) {
      best = first;
      bestScore = candidate;
    }
  }
  return sample.map((_, index) => best + index);
}
