/** Numbers and shares as the language writes them. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A share in [0, 1] as a percentage with one decimal; an em dash when there was nothing to measure. */
export function formatRatio(value: number | null, language: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(value);
}

/** A calendar date (YYYY-MM-DD) or an instant as the language writes a date. */
export function formatDay(epochMs: number, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(epochMs));
}

/** "2026-11" as "Nov 2026" / "2026年11月". */
export function formatMonth(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(new Date(Date.UTC(year, number - 1, 15)));
}
