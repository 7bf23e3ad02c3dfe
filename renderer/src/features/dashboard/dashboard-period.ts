import { localDate } from '@shared/rounds/schedule-periods';
import { dayOfIsoDate, zonedInstant } from '@shared/time/zoned-time';

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A half-open period [from, to) in UTC epoch ms. */
export interface Period {
  from: number;
  to: number;
}

/** The zone of this computer: the supervisor's months and days. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
}

/** Local midnight at the start of a month (month 1–12; 13 is January of the next year). */
function monthStart(year: number, month: number, timeZone: string): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return zonedInstant(dayOfIsoDate(`${y}-${String(m).padStart(2, '0')}-01`), 0, timeZone);
}

/** The period a preset names on the day `now` falls on in `timeZone` (custom: null, the dates decide). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: number, timeZone: string): Period {
  const [year, month] = localDate(now, timeZone).split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(year, month, timeZone), to: monthStart(year, month + 1, timeZone) };
    case 'lastMonth':
      return { from: monthStart(year, month - 1, timeZone), to: monthStart(year, month, timeZone) };
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: monthStart(year, first, timeZone), to: monthStart(year, first + 3, timeZone) };
    }
    case 'thisYear':
      return { from: monthStart(year, 1, timeZone), to: monthStart(year + 1, 1, timeZone) };
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** First day to last day inclusive (YYYY-MM-DD in the zone); null when a date is missing or the order is wrong. */
export function customPeriod(fromDate: string, toDate: string, timeZone: string): Period | null {
  if (!ISO_DATE.test(fromDate) || !ISO_DATE.test(toDate) || toDate < fromDate) return null;
  return { from: zonedInstant(dayOfIsoDate(fromDate), 0, timeZone), to: zonedInstant(dayOfIsoDate(toDate) + 1, 0, timeZone) };
}

/** The last day of a period, for the custom fields and the subtitle. */
export function lastDayOf(period: Period, timeZone: string): string {
  return localDate(period.to - 1, timeZone);
}
