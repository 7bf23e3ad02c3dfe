import type { AssetType } from '@shared/domain/assets';
import type { RunnableCheckKind } from '@shared/domain/checks';
import type { Language } from '@shared/domain/profile';
import { TemplateContent, type ChoiceOption, type ItemSpec, type ItemType, type TemplateItem, type Thresholds } from '@shared/domain/rounds';
import { parseReading, readingText } from '../reading-input';

/**
 * The template editor's working copy. Numbers stay text until saved (a
 * half-typed "2," is not an error yet), and an item keeps the fields of every
 * type, so switching a number item to automatic and back loses nothing.
 * Keys are the template's stable ids: an existing section, item or option
 * keeps its key (rounds and history refer to it); a new one gets a key from
 * its label when saved.
 */

export const THRESHOLD_FIELDS = ['failBelow', 'warnBelow', 'warnAbove', 'failAbove'] as const;
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];
export type DraftThresholds = Record<ThresholdField, string>;

export interface DraftOption {
  uid: string;
  /** '' until saved for a new option. */
  value: string;
  label: string;
  outcome: ChoiceOption['outcome'];
}

export interface DraftItem {
  uid: string;
  /** '' until saved for a new item. */
  key: string;
  label: string;
  help: string;
  required: boolean;
  perAsset: boolean;
  /** For a per-asset item: the asset types it is asked for (none: every asset). */
  assetTypes: AssetType[];
  type: ItemType;
  unit: string;
  decimals: string;
  thresholds: DraftThresholds;
  options: DraftOption[];
  multiline: boolean;
  minPhotos: string;
  bindingKind: RunnableCheckKind;
  bindingProfileId: string;
  bindingMetric: string;
  /** For an automatic item with a text reading: the values that are fine, one per line. */
  okValues: string;
}

export interface DraftSection {
  uid: string;
  key: string;
  title: string;
  items: DraftItem[];
}

export interface DraftTemplate {
  name: string;
  description: string;
  language: Language;
  scopeKind: 'room' | 'asset-type';
  assetTypes: AssetType[];
  sections: DraftSection[];
}

let nextUid = 1;
function uid(prefix: string): string {
  return `${prefix}${nextUid++}`;
}

const EMPTY_THRESHOLDS: DraftThresholds = { failBelow: '', warnBelow: '', warnAbove: '', failAbove: '' };

export function newOption(label = '', outcome: ChoiceOption['outcome'] = 'ok'): DraftOption {
  return { uid: uid('o'), value: '', label, outcome };
}

export function newItem(type: ItemType = 'pass-fail'): DraftItem {
  return {
    uid: uid('i'),
    key: '',
    label: '',
    help: '',
    required: true,
    perAsset: false,
    assetTypes: [],
    type,
    unit: '',
    decimals: '1',
    thresholds: { ...EMPTY_THRESHOLDS },
    options: [newOption('', 'ok'), newOption('', 'failed')],
    multiline: false,
    minPhotos: '1',
    bindingKind: 'snmp',
    bindingProfileId: '',
    bindingMetric: '',
    okValues: '',
  };
}

export function newSection(): DraftSection {
  return { uid: uid('s'), key: '', title: '', items: [newItem()] };
}

export function emptyDraft(language: Language): DraftTemplate {
  return { name: '', description: '', language, scopeKind: 'room', assetTypes: [], sections: [newSection()] };
}

function thresholdsText(thresholds: Thresholds): DraftThresholds {
  const text = (value: number | null) => (value === null ? '' : readingText(value));
  return { failBelow: text(thresholds.failBelow), warnBelow: text(thresholds.warnBelow), warnAbove: text(thresholds.warnAbove), failAbove: text(thresholds.failAbove) };
}

function itemFromContent(item: TemplateItem): DraftItem {
  const draft: DraftItem = {
    ...newItem(item.spec.type),
    key: item.key,
    label: item.label,
    help: item.help,
    required: item.required,
    perAsset: item.perAsset,
    assetTypes: [...item.assetTypes],
  };
  const spec = item.spec;
  switch (spec.type) {
    case 'number':
      return { ...draft, unit: spec.unit, decimals: String(spec.decimals), thresholds: thresholdsText(spec.thresholds) };
    case 'choice':
      return { ...draft, options: spec.options.map((option) => ({ uid: uid('o'), value: option.value, label: option.label, outcome: option.outcome })) };
    case 'text':
      return { ...draft, multiline: spec.multiline };
    case 'photo':
      return { ...draft, minPhotos: String(spec.minPhotos) };
    case 'auto':
      return {
        ...draft,
        unit: spec.unit,
        thresholds: thresholdsText(spec.thresholds),
        bindingKind: spec.binding.kind,
        bindingProfileId: spec.binding.profileId ?? '',
        bindingMetric: spec.binding.metric,
        okValues: spec.okValues.join('\n'),
      };
    default:
      return draft;
  }
}

export function draftFromContent(content: TemplateContent): DraftTemplate {
  return {
    name: content.name,
    description: content.description,
    language: content.language,
    scopeKind: content.scope.kind,
    assetTypes: content.scope.kind === 'asset-type' ? [...content.scope.assetTypes] : [],
    sections: content.sections.map((section) => ({ uid: uid('s'), key: section.key, title: section.title, items: section.items.map(itemFromContent) })),
  };
}

// ---- Editing: every change returns a new draft. ----

export function updateSection(draft: DraftTemplate, sectionUid: string, change: Partial<Omit<DraftSection, 'uid' | 'items'>>): DraftTemplate {
  return { ...draft, sections: draft.sections.map((section) => (section.uid === sectionUid ? { ...section, ...change } : section)) };
}

export function updateItem(draft: DraftTemplate, itemUid: string, change: Partial<Omit<DraftItem, 'uid'>>): DraftTemplate {
  return {
    ...draft,
    sections: draft.sections.map((section) =>
      section.items.some((item) => item.uid === itemUid) ? { ...section, items: section.items.map((item) => (item.uid === itemUid ? { ...item, ...change } : item)) } : section,
    ),
  };
}

/** Adds a section after `afterUid` (at the end without one). */
export function addSection(draft: DraftTemplate, afterUid?: string): { draft: DraftTemplate; section: DraftSection } {
  const section = newSection();
  const index = afterUid ? draft.sections.findIndex((candidate) => candidate.uid === afterUid) : -1;
  const sections = [...draft.sections];
  sections.splice(index < 0 ? sections.length : index + 1, 0, section);
  return { draft: { ...draft, sections }, section };
}

export function removeSection(draft: DraftTemplate, sectionUid: string): DraftTemplate {
  return { ...draft, sections: draft.sections.filter((section) => section.uid !== sectionUid) };
}

export function moveSection(draft: DraftTemplate, sectionUid: string, step: 1 | -1): DraftTemplate {
  const index = draft.sections.findIndex((section) => section.uid === sectionUid);
  const target = index + step;
  if (index < 0 || target < 0 || target >= draft.sections.length) return draft;
  const sections = [...draft.sections];
  [sections[index], sections[target]] = [sections[target]!, sections[index]!];
  return { ...draft, sections };
}

/** Adds an item to a section after `afterUid` (at its end without one), of the type given. */
export function addItem(draft: DraftTemplate, sectionUid: string, type: ItemType = 'pass-fail', afterUid?: string): { draft: DraftTemplate; item: DraftItem } {
  const item = newItem(type);
  return {
    item,
    draft: {
      ...draft,
      sections: draft.sections.map((section) => {
        if (section.uid !== sectionUid) return section;
        const index = afterUid ? section.items.findIndex((candidate) => candidate.uid === afterUid) : -1;
        const items = [...section.items];
        items.splice(index < 0 ? items.length : index + 1, 0, item);
        return { ...section, items };
      }),
    },
  };
}

export function removeItem(draft: DraftTemplate, itemUid: string): DraftTemplate {
  return { ...draft, sections: draft.sections.map((section) => ({ ...section, items: section.items.filter((item) => item.uid !== itemUid) })) };
}

/**
 * Moves an item one place up or down; past the first or last item of its
 * section it moves into the end of the section before or the start of the
 * section after, so an item can travel anywhere with one key.
 */
export function moveItem(draft: DraftTemplate, itemUid: string, step: 1 | -1): DraftTemplate {
  const sectionIndex = draft.sections.findIndex((section) => section.items.some((item) => item.uid === itemUid));
  if (sectionIndex < 0) return draft;
  const section = draft.sections[sectionIndex]!;
  const index = section.items.findIndex((item) => item.uid === itemUid);
  const item = section.items[index]!;
  const sections = [...draft.sections];
  const target = index + step;
  if (target >= 0 && target < section.items.length) {
    const items = [...section.items];
    [items[index], items[target]] = [items[target]!, items[index]!];
    sections[sectionIndex] = { ...section, items };
    return { ...draft, sections };
  }
  const neighbourIndex = sectionIndex + step;
  const neighbour = sections[neighbourIndex];
  if (!neighbour) return draft;
  sections[sectionIndex] = { ...section, items: section.items.filter((candidate) => candidate.uid !== itemUid) };
  sections[neighbourIndex] = { ...neighbour, items: step === 1 ? [item, ...neighbour.items] : [...neighbour.items, item] };
  return { ...draft, sections };
}

// ---- Saving: the draft as TemplateContent, or what is wrong with it. ----

/** Automatic and configuration items read a device, so they are always asked per asset. */
export function readsDevice(type: ItemType): boolean {
  return type === 'auto' || type === 'config-drift';
}

export type DraftProblemCode =
  | 'required'
  | 'notANumber'
  | 'wholeNumber'
  | 'thresholdOrder'
  | 'twoOptions'
  | 'metricRequired'
  | 'assetTypesRequired'
  | 'sectionsRequired'
  | 'itemsRequired'
  | 'invalid';

export interface DraftProblem {
  /** Where: 'name', 'assetTypes', 'sections', `${sectionUid}.title`, `${itemUid}.label`, `${itemUid}.thresholds.warnAbove`, `${optionUid}.label` … */
  field: string;
  code: DraftProblemCode;
  /** For 'invalid': core's own words. */
  message?: string;
}

/** A key from a label when it is ASCII enough to read ("Temperature" → temperature), else `${fallback}-N`. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  const base = slug.length >= 2 ? slug : fallback;
  if (!taken.has(base) && base !== fallback) return base;
  for (let n = base === fallback ? 1 : 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function assignKeys<T extends { key: string }>(
  entries: readonly T[],
  labelOf: (entry: T) => string,
  fallback: string,
  setKey: (entry: T, key: string) => T,
  taken: Set<string> = new Set(entries.map((entry) => entry.key).filter((key) => key !== '')),
): T[] {
  return entries.map((entry) => {
    if (entry.key !== '') return entry;
    const key = keyFromLabel(labelOf(entry), taken, fallback);
    taken.add(key);
    return setKey(entry, key);
  });
}

function numberField(text: string, field: string, problems: DraftProblem[], options: { integer?: boolean; fallback: number }): number {
  const parsed = parseReading(text);
  if (!parsed.ok) {
    problems.push({ field, code: parsed.problem === 'empty' ? 'required' : 'notANumber' });
    return options.fallback;
  }
  if (options.integer && !Number.isInteger(parsed.value)) {
    problems.push({ field, code: 'wholeNumber' });
    return options.fallback;
  }
  return parsed.value;
}

function thresholdsOf(item: DraftItem, problems: DraftProblem[]): Thresholds {
  const values = {} as Record<ThresholdField, number | null>;
  for (const field of THRESHOLD_FIELDS) {
    const text = item.thresholds[field];
    if (text.trim() === '') values[field] = null;
    else {
      const parsed = parseReading(text);
      if (parsed.ok) values[field] = parsed.value;
      else {
        values[field] = null;
        problems.push({ field: `${item.uid}.thresholds.${field}`, code: 'notANumber' });
      }
    }
  }
  // The limits must read from low to high: fail below ≤ warn below ≤ warn above ≤ fail above.
  const present = THRESHOLD_FIELDS.filter((field) => values[field] !== null);
  for (let i = 1; i < present.length; i++) {
    const low = present[i - 1]!;
    const high = present[i]!;
    if (values[low]! > values[high]!) {
      problems.push({ field: `${item.uid}.thresholds.${high}`, code: 'thresholdOrder' });
      break;
    }
  }
  return values;
}

function specOf(item: DraftItem, problems: DraftProblem[]): ItemSpec {
  switch (item.type) {
    case 'pass-fail':
      return { type: 'pass-fail' };
    case 'number':
      return {
        type: 'number',
        unit: item.unit.trim(),
        decimals: numberField(item.decimals, `${item.uid}.decimals`, problems, { integer: true, fallback: 1 }),
        thresholds: thresholdsOf(item, problems),
      };
    case 'choice': {
      const filled = item.options.filter((option) => option.label.trim() !== '');
      if (filled.length < 2) problems.push({ field: `${item.uid}.options`, code: 'twoOptions' });
      const keyed = assignKeys(
        filled.map((option) => ({ ...option, key: option.value })),
        (option) => option.label,
        'option',
        (option, key) => ({ ...option, key }),
      );
      return { type: 'choice', options: keyed.map((option) => ({ value: option.key, label: option.label.trim(), outcome: option.outcome })) };
    }
    case 'text':
      return { type: 'text', multiline: item.multiline };
    case 'photo':
      return { type: 'photo', minPhotos: numberField(item.minPhotos, `${item.uid}.minPhotos`, problems, { integer: true, fallback: 1 }) };
    case 'signature':
      return { type: 'signature' };
    case 'auto': {
      if (item.bindingMetric.trim() === '') problems.push({ field: `${item.uid}.bindingMetric`, code: 'metricRequired' });
      const profileId = item.bindingKind === 'snmp' || item.bindingKind === 'ssh' ? item.bindingProfileId.trim() || null : null;
      return {
        type: 'auto',
        binding: { kind: item.bindingKind, profileId, metric: item.bindingMetric.trim() },
        unit: item.unit.trim(),
        thresholds: thresholdsOf(item, problems),
        okValues: [...new Set(item.okValues.split(/[\n,，]/).map((value) => value.trim()).filter(Boolean))],
      };
    }
    case 'config-drift':
      return { type: 'config-drift' };
  }
}

/**
 * The draft as what `templates.save` takes, new keys filled in; or the
 * problems, each tied to the field it concerns (the editor shows them there).
 * Core's own schema is the last word: anything it refuses that the checks
 * here missed comes back as an 'invalid' problem on the nearest field.
 */
export function draftToContent(draft: DraftTemplate): { ok: true; content: TemplateContent } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (draft.scopeKind === 'asset-type' && draft.assetTypes.length === 0) problems.push({ field: 'assetTypes', code: 'assetTypesRequired' });
  if (draft.sections.length === 0) problems.push({ field: 'sections', code: 'sectionsRequired' });

  // Item keys are unique across the whole template (history follows an item key), so new ones are picked against all of them.
  const itemKeys = new Set(draft.sections.flatMap((section) => section.items.map((item) => item.key)).filter((key) => key !== ''));
  const sections = assignKeys(draft.sections, (section) => section.title, 'section', (section, key) => ({ ...section, key })).map((section) => {
    if (section.title.trim() === '') problems.push({ field: `${section.uid}.title`, code: 'required' });
    if (section.items.length === 0) problems.push({ field: `${section.uid}.items`, code: 'itemsRequired' });
    const items = assignKeys(section.items, (item) => item.label, 'item', (item, key) => ({ ...item, key }), itemKeys).map((item) => {
      if (item.label.trim() === '') problems.push({ field: `${item.uid}.label`, code: 'required' });
      const perAsset = readsDevice(item.type) || item.perAsset;
      return {
        key: item.key,
        label: item.label.trim(),
        help: item.help.trim(),
        required: item.required,
        perAsset,
        assetTypes: perAsset ? item.assetTypes : [],
        spec: specOf(item, problems),
      };
    });
    return { key: section.key, title: section.title.trim(), items };
  });

  const candidate = {
    name: draft.name.trim(),
    description: draft.description.trim(),
    language: draft.language,
    scope: draft.scopeKind === 'room' ? { kind: 'room' as const } : { kind: 'asset-type' as const, assetTypes: draft.assetTypes },
    sections,
  };
  if (problems.length > 0) return { ok: false, problems };
  const parsed = TemplateContent.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ field: fieldOfPath(draft, issue.path), code: 'invalid' as const, message: issue.message })) };
  }
  return { ok: true, content: parsed.data };
}

/** The draft field a schema path (sections.1.items.0.label) points into, as near as it can be named. */
export function fieldOfPath(draft: DraftTemplate, path: readonly PropertyKey[]): string {
  const [first, sectionIndex, second, itemIndex, ...rest] = path;
  if (first !== 'sections' || typeof sectionIndex !== 'number') return String(first ?? 'name');
  const section = draft.sections[sectionIndex];
  if (!section) return 'sections';
  if (second !== 'items' || typeof itemIndex !== 'number') return `${section.uid}.title`;
  const item = section.items[itemIndex];
  if (!item) return `${section.uid}.items`;
  const field = rest.find((part) => typeof part === 'string' && part !== 'spec');
  return `${item.uid}.${typeof field === 'string' ? field : 'label'}`;
}

/** Where a draft's items are, for focusing the first problem: the uids in editing order. */
export function draftFieldOrder(draft: DraftTemplate): string[] {
  return ['name', 'assetTypes', 'sections', ...draft.sections.flatMap((section) => [section.uid, ...section.items.flatMap((item) => [item.uid, ...item.options.map((option) => option.uid)])])];
}
