import type { TFunction } from 'i18next';
import type { CheckProfileInfo, CheckStatus } from '@shared/domain/checks';
import { formatBytes } from '../../i18n/format';

/**
 * How device-check values read on screen. Core keeps metrics as plain
 * numbers and stores each one's unit code beside them ('%', '°C', 's',
 * 'bytes', 'count', …: METRIC_UNIT_CODES); the words around them and the
 * names of the metrics are the renderer's.
 */

/** A key the typed `t` cannot know at compile time (metric names come from core), with what to show when it has no translation. */
export function lookup(t: TFunction, key: string, fallback: string): string {
  const loose = t as unknown as (key: string, options: { defaultValue: string }) => unknown;
  const text = loose(key, { defaultValue: fallback });
  return typeof text === 'string' ? text : fallback;
}

/** "CPU use" for 'cpu.percent'; the name itself for a metric this build has no words for. */
export function metricLabel(name: string, t: TFunction): string {
  return lookup(t, `metrics.names.${name}`, name);
}

/** Units Intl can spell in the user's language; the rest are symbols that read the same in both. */
const INTL_UNITS: Record<string, string> = { '%': 'percent', '°C': 'celsius', min: 'minute', ms: 'millisecond', d: 'day' };

export function formatNumber(value: number, language: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}

/** A metric's value with its unit, in the user's language: "42%", "38°C", "1.5 GB", "3 天 4 小时". */
export function formatMetricValue(value: number | string, unit: string | null, language: string): string {
  if (typeof value === 'string') return value;
  switch (unit) {
    case null:
    case '':
    case 'count':
      return formatNumber(value, language);
    case 'bytes':
      return formatBytes(value, language);
    case 's':
      return formatSeconds(value, language);
    default: {
      const intlUnit = INTL_UNITS[unit];
      if (intlUnit) return new Intl.NumberFormat(language, { style: 'unit', unit: intlUnit, maximumFractionDigits: 2 }).format(value);
      return `${formatNumber(value, language)} ${unit}`;
    }
  }
}

/** Uptime and other long spans: the two largest units ("12 天 3 小时", "5 min 7 sec"). */
export function formatSeconds(totalSeconds: number, language: string): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const parts: [number, 'day' | 'hour' | 'minute' | 'second'][] = [
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [seconds % 60, 'second'],
  ];
  const first = parts.findIndex(([amount]) => amount > 0);
  if (first < 0) return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(0);
  return parts
    .slice(first, first + 2)
    .filter(([amount]) => amount > 0)
    .map(([amount, unit]) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(amount))
    .join(' ');
}

/** How long a check took: "350 ms", "1.2 s". */
export function formatDuration(ms: number, language: string): string {
  if (ms < 1000) return new Intl.NumberFormat(language, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(ms);
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
}

export type StatusTone = 'success' | 'warning' | 'error' | 'default';

/**
 * Colour goes with the status word, never instead of it. 'failed' (the device
 * reports trouble) is a filled red chip; 'error' (the check could not run) an
 * outlined one: both need a person, for different reasons.
 */
export function statusTone(status: CheckStatus): { color: StatusTone; variant: 'filled' | 'outlined' } {
  switch (status) {
    case 'ok':
      return { color: 'success', variant: 'outlined' };
    case 'warning':
      return { color: 'warning', variant: 'filled' };
    case 'failed':
      return { color: 'error', variant: 'filled' };
    case 'error':
      return { color: 'error', variant: 'outlined' };
    case 'cancelled':
      return { color: 'default', variant: 'outlined' };
  }
}

/** The worse of two statuses, for a group of values from several results. */
const SEVERITY: Record<CheckStatus, number> = { ok: 0, cancelled: 1, warning: 2, error: 3, failed: 4 };
export function worseStatus(a: CheckStatus, b: CheckStatus): CheckStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** Profiles ship their names in both languages; pick the UI's, else English. */
export function localized(text: { 'zh-CN': string; en: string }, language: string): string {
  return language === 'zh-CN' ? text['zh-CN'] : text.en;
}

export function profileLabel(profileId: string, profiles: readonly CheckProfileInfo[] | null, language: string, t: TFunction): string {
  const profile = profiles?.find((candidate) => candidate.id === profileId);
  if (profile) return localized(profile.name, language);
  // ping, tcp and http have no shipped profile: their kind is their name.
  return lookup(t, `checks.kinds.${profileId}`, profileId);
}

export function stepLabel(profileId: string, step: string, profiles: readonly CheckProfileInfo[] | null, language: string): string {
  const found = profiles?.find((candidate) => candidate.id === profileId)?.steps.find((candidate) => candidate.id === step);
  return found ? localized(found.label, language) : step;
}

/** The translated text of an error code, or core's own message when this build has no words for it. */
export function errorText(code: string | null, message: string | null, t: TFunction): string {
  if (!code) return message ?? '';
  return lookup(t, `errors.${code}`, message ?? code);
}

/** A time to the second: checks and configuration fetches minutes apart need it to be told apart. */
export function formatDateTimeSeconds(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(epochMs);
}

/** A chart's time tick, as precise as the span it covers needs: seconds within an hour, the date past a day. */
export function formatTimeTick(epochMs: number, spanMs: number, language: string): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs < 3_600_000
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
      : spanMs < 86_400_000
        ? { hour: '2-digit', minute: '2-digit' }
        : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(language, options).format(epochMs);
}

/** The unit a result stored beside one of its metrics; none for text and unitless numbers (and for a name it does not carry). */
export function storedUnit(units: Readonly<Record<string, string>>, name: string): string | null {
  return Object.hasOwn(units, name) ? (units[name] ?? null) : null;
}

/** A date and time in a list where space is short: "2026/11/28 06:56", "11/28/26, 6:56 AM". */
export function formatShortDateTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(epochMs);
}
