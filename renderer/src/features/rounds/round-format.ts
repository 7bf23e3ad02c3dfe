import type { TFunction } from 'i18next';
import type { EntryValue, ItemSpec, Outcome, RoundTarget, TemplateItem } from '@shared/domain/rounds';
import { formatMetricValue } from '../checks/check-format';

/** An outcome as the colour of a chip or a row edge. */
export function outcomeColor(outcome: Outcome): 'success' | 'warning' | 'error' | 'default' {
  switch (outcome) {
    case 'ok':
      return 'success';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'error';
    default:
      return 'default';
  }
}

/** Where a round happens, in words: the room's path, or how many assets. */
export function targetLabel(target: RoundTarget, roomNames: ReadonlyMap<string, string>, t: TFunction): string {
  if (target.kind === 'room') return roomNames.get(target.roomId) ?? t('rounds.target.unknownRoom');
  return t('rounds.target.assets', { count: target.assetIds.length });
}

function unitOf(spec: ItemSpec): string {
  return spec.type === 'number' || spec.type === 'auto' ? spec.unit : '';
}

/** A reading with its unit, in the user's language ("31 °C"). */
export function readingWithUnit(value: number, spec: ItemSpec, language: string): string {
  return formatMetricValue(value, unitOf(spec) || null, language);
}

/** What was entered, as one line (lists, the incident proposal, amendments). */
export function entryValueText(value: EntryValue, item: Pick<TemplateItem, 'spec'>, t: TFunction, language: string): string {
  switch (value.type) {
    case 'pass-fail':
      return value.passed ? t('rounds.runner.passed') : t('rounds.runner.failed');
    case 'number':
      return readingWithUnit(value.value, item.spec, language);
    case 'choice':
      return item.spec.type === 'choice' ? (item.spec.options.find((option) => option.value === value.value)?.label ?? value.value) : value.value;
    case 'text':
      return value.value;
    case 'photo':
      return t('rounds.runner.photoCount', { count: value.attachmentIds.length });
    case 'signature':
      return t('rounds.runner.signed');
    case 'auto':
      return value.value === null ? t('rounds.runner.noReading') : typeof value.value === 'number' ? readingWithUnit(value.value, item.spec, language) : value.value;
    case 'config-drift':
      return value.changed ? t('rounds.runner.configChanged') : t('rounds.runner.configUnchanged');
    case 'not-applicable':
      return t('rounds.runner.notApplicable');
  }
}

/** The limits of a number or automatic item in words ("warning above 27 °C, failed above 32 °C"); '' without any. */
export function thresholdsText(spec: ItemSpec, t: TFunction, language: string): string {
  if (spec.type !== 'number' && spec.type !== 'auto') return '';
  const { failBelow, warnBelow, warnAbove, failAbove } = spec.thresholds;
  const value = (number: number) => readingWithUnit(number, spec, language);
  const parts: string[] = [];
  if (warnBelow !== null && warnAbove !== null) parts.push(t('rounds.limits.normal', { low: value(warnBelow), high: value(warnAbove) }));
  else if (warnBelow !== null) parts.push(t('rounds.limits.warnBelow', { value: value(warnBelow) }));
  else if (warnAbove !== null) parts.push(t('rounds.limits.warnAbove', { value: value(warnAbove) }));
  if (failBelow !== null) parts.push(t('rounds.limits.failBelow', { value: value(failBelow) }));
  if (failAbove !== null) parts.push(t('rounds.limits.failAbove', { value: value(failAbove) }));
  return parts.join(t('rounds.limits.separator'));
}

/** Today in the laptop's calendar as YYYY-MM-DD (schedules are in the user's days). */
export function localDate(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A YYYY-MM-DD day in the user's language ("2026年3月2日", "Mar 2, 2026"). */
export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
}

/** A period of days: one day alone, or "from – to". */
export function formatPeriod(start: string, end: string, language: string): string {
  return start === end ? formatDay(start, language) : `${formatDay(start, language)} – ${formatDay(end, language)}`;
}
