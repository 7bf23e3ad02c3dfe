import type { EntryValue, ItemSpec, Outcome, TemplateItem, Thresholds } from '../domain/rounds';

/*
 * How an entry is judged. Pure: the service, the round runner in the UI and
 * the report all call these, so a reading is marked the same everywhere.
 */

/**
 * A numeric reading against its limits. A failure limit wins over a warning
 * limit; a reading equal to a limit is within it (inclusive bounds: with
 * warnAbove 27, 27 is ok and 27.1 warns).
 */
export function judgeReading(value: number, limits: Thresholds): Exclude<Outcome, 'not-applicable'> {
  if ((limits.failBelow !== null && value < limits.failBelow) || (limits.failAbove !== null && value > limits.failAbove)) return 'failed';
  if ((limits.warnBelow !== null && value < limits.warnBelow) || (limits.warnAbove !== null && value > limits.warnAbove)) return 'warning';
  return 'ok';
}

/**
 * The outcome of an entry. Assumes the value suits the item (see
 * entryProblem); anything that does not is judged failed rather than passed.
 *
 * - pass-fail: ok / failed.
 * - number: against the thresholds.
 * - auto: a number against the thresholds; a text against okValues (any text
 *   when there are none); no value (the check could not measure it) warns.
 * - choice: the chosen option's outcome.
 * - text, photo, signature: ok (whether they are filled is isFilled's job).
 * - config-drift: failed when the configuration changed.
 * - not-applicable: not-applicable, whatever the item.
 */
export function evaluateEntry(item: TemplateItem, value: EntryValue): Outcome {
  if (value.type === 'not-applicable') return 'not-applicable';
  const spec = item.spec;
  if (value.type !== spec.type) return 'failed';
  switch (value.type) {
    case 'pass-fail':
      return value.passed ? 'ok' : 'failed';
    case 'number':
      return judgeReading(value.value, (spec as NumberSpec).thresholds);
    case 'auto': {
      const auto = spec as AutoSpec;
      if (value.value === null) return 'warning';
      if (typeof value.value === 'number') return judgeReading(value.value, auto.thresholds);
      return auto.okValues.length === 0 || auto.okValues.includes(value.value) ? 'ok' : 'failed';
    }
    case 'choice':
      return (spec as ChoiceSpec).options.find((option) => option.value === value.value)?.outcome ?? 'failed';
    case 'text':
    case 'photo':
    case 'signature':
      return 'ok';
    case 'config-drift':
      return value.changed ? 'failed' : 'ok';
  }
}

/**
 * Whether an entry answers its item: text that is not blank, at least
 * minPhotos photos (one when minPhotos is 1 or more; none needed when it is
 * 0), an automatic reading that was measured. Everything else is filled once
 * saved, not-applicable included.
 */
export function isFilled(item: TemplateItem, value: EntryValue): boolean {
  switch (value.type) {
    case 'text':
      return value.value.trim() !== '';
    case 'photo':
      return value.attachmentIds.length >= (item.spec.type === 'photo' ? item.spec.minPhotos : 1);
    case 'auto':
      return value.value !== null;
    default:
      return true;
  }
}

/** A failed pass/fail or numeric entry must say what was seen (DOMAIN.md: "a note required on fail"). */
export function needsNote(item: TemplateItem, outcome: Outcome): boolean {
  return outcome === 'failed' && (item.spec.type === 'pass-fail' || item.spec.type === 'number');
}

/**
 * Why a value cannot be saved for this item, or null when it can: its type
 * must be the item's (or not-applicable), a choice must be one of the
 * options. Attachments and evidence ids are checked against the store by the
 * service.
 */
export function entryProblem(item: TemplateItem, value: EntryValue): string | null {
  if (value.type === 'not-applicable') return null;
  if (value.type !== item.spec.type) return `${item.key} takes a ${item.spec.type} entry, not ${value.type}`;
  if (value.type === 'choice' && !(item.spec as ChoiceSpec).options.some((option) => option.value === value.value)) {
    return `${value.value} is not one of the options of ${item.key}`;
  }
  return null;
}

type NumberSpec = Extract<ItemSpec, { type: 'number' }>;
type AutoSpec = Extract<ItemSpec, { type: 'auto' }>;
type ChoiceSpec = Extract<ItemSpec, { type: 'choice' }>;
