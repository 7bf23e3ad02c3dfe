import type { EntryValue, TemplateItem, Thresholds } from '@shared/domain/rounds';
import type { RoundsMessages } from './rounds.messages';

/** How an entry reads in words (incident texts, the report), in the messages' language. */
export function readingText(item: TemplateItem, value: EntryValue, m: RoundsMessages): string {
  const spec = item.spec;
  switch (value.type) {
    case 'not-applicable':
      return m.notApplicable;
    case 'pass-fail':
      return value.passed ? m.passed : m.failedCheck;
    case 'number': {
      const decimals = spec.type === 'number' ? spec.decimals : 1;
      return withUnit(formatNumber(value.value, decimals), spec.type === 'number' ? spec.unit : '');
    }
    case 'auto':
      if (value.value === null) return m.notMeasured;
      return withUnit(typeof value.value === 'number' ? formatNumber(value.value, 2) : value.value, spec.type === 'auto' ? spec.unit : '');
    case 'choice':
      return (spec.type === 'choice' ? spec.options.find((option) => option.value === value.value)?.label : undefined) ?? value.value;
    case 'text':
      return value.value;
    case 'photo':
      return m.photos(value.attachmentIds.length);
    case 'signature':
      return m.signatureGiven;
    case 'config-drift':
      return value.changed ? m.changed : m.unchanged;
  }
}

/** The limits of a numeric or automatic item in words, or null when it has none. */
export function limitsText(item: TemplateItem, m: RoundsMessages): string | null {
  const spec = item.spec;
  if (spec.type !== 'number' && spec.type !== 'auto') return null;
  const t: Thresholds = spec.thresholds;
  const text = m.limits({ warn: m.range(t.warnBelow, t.warnAbove, spec.unit), fail: m.range(t.failBelow, t.failAbove, spec.unit) });
  return text === '' ? null : text;
}

/** Whether the reading is a measured number (its incident title says "out of range"). */
export function isNumericReading(value: EntryValue): boolean {
  return (value.type === 'number' || value.type === 'auto') && typeof value.value === 'number';
}

function formatNumber(value: number, maxDecimals: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(maxDecimals)));
}

/** Units that are words ("count", "bytes") are left out of short texts; symbols stay. */
function withUnit(text: string, unit: string): string {
  if (!unit || unit === 'count') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
