import type { Frequency, RoundStatus } from '../domain/rounds';

/*
 * When scheduled rounds fall due. Dates are calendar days, "YYYY-MM-DD" in the
 * user's zone, computed as day numbers so no clock change can shift them.
 *
 * Each schedule cuts time from its startDate on into periods that follow one
 * another with no gap and no overlap; one signed round per period fulfils it.
 * - daily: one day each.
 * - weekly: seven days from the start date's weekday (a schedule starting on
 *   a Monday follows ISO weeks; one starting on a Wednesday runs Wednesday to
 *   Tuesday). Chosen over "the ISO week containing the day" so that the first
 *   period starts on the day the person chose, not before it.
 * - monthly: from the start date's day of the month to the day before that
 *   day of the next month. A day the month does not have is its last day: a
 *   schedule starting on 31 January runs 31 Jan–27 Feb (28 Feb–30 Mar in a
 *   leap year: 29 Feb–30 Mar), 31 Mar–29 Apr, 30 Apr–30 May, 31 May–…
 * - quarterly: the same with three months.
 */

export interface Period {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  end: string;
}

export interface ScheduleTiming {
  frequency: Frequency;
  startDate: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws on anything else. */
export function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) throw new RangeError(`No such day: ${date}`);
  return ms / DAY_MS;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** The calendar day of an instant in a time zone (the process's when none is given). */
export function localDate(ms: number, timeZone?: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms)).map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Start day number of the k-th monthly/quarterly period of a schedule. */
function monthlyStart(startDate: string, stepMonths: number, k: number): number {
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 + k * stepMonths;
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  return Date.UTC(y, m, Math.min(day, daysInMonth(y, m))) / DAY_MS;
}

/** Start day number of the k-th period (k ≥ 0). */
function periodStartDay(schedule: ScheduleTiming, k: number): number {
  const start = dayNumber(schedule.startDate);
  switch (schedule.frequency) {
    case 'daily':
      return start + k;
    case 'weekly':
      return start + 7 * k;
    case 'monthly':
      return monthlyStart(schedule.startDate, 1, k);
    case 'quarterly':
      return monthlyStart(schedule.startDate, 3, k);
  }
}

/** Index of the period containing the day (may be negative: before the start). */
function periodIndex(schedule: ScheduleTiming, day: number): number {
  const start = dayNumber(schedule.startDate);
  switch (schedule.frequency) {
    case 'daily':
      return day - start;
    case 'weekly':
      return Math.floor((day - start) / 7);
    case 'monthly':
    case 'quarterly': {
      const step = schedule.frequency === 'monthly' ? 1 : 3;
      const [y0, m0] = schedule.startDate.split('-').map(Number) as [number, number];
      const date = new Date(day * DAY_MS);
      const months = (date.getUTCFullYear() - y0) * 12 + (date.getUTCMonth() + 1 - m0);
      // An estimate one period either side of the answer; step to it.
      let k = Math.floor(months / step);
      while (periodStartDay(schedule, k) > day) k -= 1;
      while (periodStartDay(schedule, k + 1) <= day) k += 1;
      return k;
    }
  }
}

function periodAt(schedule: ScheduleTiming, k: number): Period {
  return { start: dateOf(periodStartDay(schedule, k)), end: dateOf(periodStartDay(schedule, k + 1) - 1) };
}

/** The period containing a day, or null before the schedule starts. */
export function periodContaining(schedule: ScheduleTiming, date: string): Period | null {
  const k = periodIndex(schedule, dayNumber(date));
  return k < 0 ? null : periodAt(schedule, k);
}

/**
 * Every period that overlaps fromDate…toDate (inclusive), in order, none
 * before the schedule's start. Consecutive periods touch (the day after one
 * ends the next starts), so together they cover the range from the later of
 * fromDate and startDate.
 */
export function periodsFor(schedule: ScheduleTiming, fromDate: string, toDate: string): Period[] {
  const to = dayNumber(toDate);
  const first = Math.max(0, periodIndex(schedule, dayNumber(fromDate)));
  const periods: Period[] = [];
  for (let k = first; periodStartDay(schedule, k) <= to; k++) periods.push(periodAt(schedule, k));
  return periods;
}

export type AgendaState = 'overdue' | 'today' | 'upcoming' | 'done' | 'in-progress';

/**
 * The state of one period on the home screen: done once a round of it is
 * signed, in progress while one is open (running or paused), else by the
 * calendar: overdue after its last day, today while it runs, upcoming before.
 */
export function agendaState(period: Period, today: string, rounds: readonly { status: RoundStatus }[]): AgendaState {
  if (rounds.some((round) => round.status === 'signed')) return 'done';
  if (rounds.length > 0) return 'in-progress';
  if (period.end < today) return 'overdue';
  if (period.start <= today) return 'today';
  return 'upcoming';
}

/**
 * The periods of one schedule the home screen shows: the one before the
 * current period (only when it was not done: a missed round stays visible
 * until the next period ends, older misses are history, not a to-do list),
 * the current one, and those starting within `days` after today.
 */
export function agendaPeriods(schedule: ScheduleTiming, today: string, days: number): Period[] {
  const periods = periodsFor(schedule, today, addDays(today, days));
  const current = periodContaining(schedule, today);
  if (current && current.start > schedule.startDate) {
    const previous = periodContaining(schedule, addDays(current.start, -1));
    if (previous) periods.unshift(previous);
  }
  return periods;
}

export interface AgendaRound {
  id: string;
  periodStart: string | null;
  status: RoundStatus;
}

/**
 * One schedule's lines on the home screen (see agendaPeriods), each with its
 * state and the round that fulfils it or is under way (a signed one first).
 * The previous period is left out once it is done.
 */
export function scheduleAgenda(
  schedule: ScheduleTiming,
  today: string,
  days: number,
  rounds: readonly AgendaRound[],
): { period: Period; state: AgendaState; roundId: string | null }[] {
  const current = periodContaining(schedule, today);
  return agendaPeriods(schedule, today, days).flatMap((period) => {
    const matching = rounds.filter((round) => round.periodStart === period.start);
    const state = agendaState(period, today, matching);
    if (state === 'done' && current !== null && period.end < current.start) return [];
    const round = matching.find((r) => r.status === 'signed') ?? matching[0] ?? null;
    return [{ period, state, roundId: round?.id ?? null }];
  });
}
