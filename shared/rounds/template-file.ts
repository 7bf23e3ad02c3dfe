import { TemplateContent } from '../domain/rounds';

/** One thing wrong with a template file, where it is ("sections[0].items[2].spec.thresholds") and what. */
export interface TemplateFileProblem {
  path: string;
  message: string;
}

export type TemplateFileResult = { ok: true; content: TemplateContent } | { ok: false; problems: TemplateFileProblem[] };

export function pathText(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text === '' ? '' : '.'}${String(part)}`;
  return text;
}

/**
 * Reads a template file (import, shipped defaults): JSON, then the shape
 * (TemplateContent), then keys the shape does not know. zod drops unknown
 * keys quietly, which would turn a misspelt "thresholds" into an item with
 * no limits; they are found by comparing the file with what was parsed.
 */
export function parseTemplateJson(text: string): TemplateFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  const result = TemplateContent.safeParse(json);
  if (!result.success) return { ok: false, problems: result.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message })) };
  const unknown = unknownKeys(json, result.data, []);
  if (unknown.length > 0) return { ok: false, problems: unknown.map((path) => ({ path: pathText(path), message: 'Unknown field' })) };
  return { ok: true, content: result.data };
}

function unknownKeys(input: unknown, parsed: unknown, at: PropertyKey[]): PropertyKey[][] {
  if (Array.isArray(input) && Array.isArray(parsed)) return input.flatMap((item, i) => unknownKeys(item, parsed[i], [...at, i]));
  if (!isPlainObject(input) || !isPlainObject(parsed)) return [];
  return Object.keys(input).flatMap((key) => (key in parsed ? unknownKeys(input[key], parsed[key], [...at, key]) : [[...at, key]]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Content as comparable text: both sides parsed by the schema, so keys come in the schema's order and defaults are filled in. */
export function contentFingerprint(content: TemplateContent): string {
  return JSON.stringify(TemplateContent.parse(content));
}
