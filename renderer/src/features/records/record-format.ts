import type { Language } from '@shared/domain/profile';
import { vocabularyLabel, type RecordColumn, type RecordValue } from '@shared/domain/records';

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, format);
  }
  return format;
}

export function languageOf(language: string): Language {
  return language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** A duration as the list shows it: "3 h 05 min" / "3 小时 05 分". */
export function formatDuration(ms: number, language: string): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  if (languageOf(language) === 'zh-CN') return hours > 0 ? `${hours} 小时 ${rest} 分` : `${minutes} 分`;
  return hours > 0 ? `${hours} h ${rest} min` : `${minutes} min`;
}

/** One cell as text: fixed values by name, times in the view's zone, spans and shares readable. */
export function formatCell(column: RecordColumn, value: RecordValue | undefined, language: string, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.vocabulary && typeof value === 'string') return vocabularyLabel(column.vocabulary, value, languageOf(language));
  if (typeof value !== 'number') return String(value);
  switch (column.type) {
    case 'dateTime':
      return dateTimeFormat(language, timeZone).format(new Date(value));
    case 'duration':
      return formatDuration(value, language);
    case 'ratio':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(language).format(value);
  }
}

/** Where a row's record opens. */
export function recordPath(link: { kind: string; id: string } | null): string | null {
  if (!link) return null;
  const base = { incident: '/incidents', problem: '/problems', change: '/changes', round: '/rounds', asset: '/assets' }[link.kind];
  return base ? `${base}/${link.id}` : null;
}
