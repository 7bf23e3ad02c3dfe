import type { TFunction } from 'i18next';
import type { BusinessCalendar, Priority, SlaTarget } from '@shared/domain/sla';

/** Short weekday name in the UI language for an ISO weekday (1 = Monday), from Intl: "Mon", "周一". */
export function weekdayName(isoWeekday: number, language: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, isoWeekday));
}

/** Working days as runs: "Mon–Fri", "Mon–Wed, Sat". */
export function weekdaysText(weekdays: readonly number[], language: string): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs
    .map(([from, to]) => (from === to ? weekdayName(from, language) : `${weekdayName(from, language)}–${weekdayName(to, language)}`))
    .join(', ');
}

/** A policy's hours in one line: "24×7" or "Mon–Fri 09:00–18:00 (Asia/Shanghai), 11 holidays". */
export function calendarText(calendar: BusinessCalendar, language: string, t: TFunction): string {
  if (calendar.kind === '24x7') return t('sla.hoursSummary.allDay');
  const hours = t('sla.hoursSummary.business', { days: weekdaysText(calendar.weekdays, language), start: calendar.start, end: calendar.end, zone: calendar.timeZone });
  return calendar.holidays.length > 0 ? `${hours}, ${t('sla.hoursSummary.holidays', { count: calendar.holidays.length })}` : hours;
}

/** Minutes as the dialog would show them: "30 min", "4 h", "1 h 30 min". */
export function minutesText(minutes: number, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('sla.units.min', { count: rest });
  return rest === 0 ? t('sla.units.h', { count: hours }) : `${t('sla.units.h', { count: hours })} ${t('sla.units.min', { count: rest })}`;
}

/** "P1: 30 min / 4 h · 24×7". */
export function targetText(priority: Priority, target: SlaTarget, t: TFunction): string {
  const text = t('sla.targetSummary', { priority, response: minutesText(target.responseMinutes, t), resolution: minutesText(target.resolutionMinutes, t) });
  return target.allDay ? `${text} · ${t('sla.allDayMark')}` : text;
}
