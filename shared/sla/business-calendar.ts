import type { BusinessCalendar } from '../domain/sla';
import { AppError } from '../errors';
import { dayOfIsoDate, isKnownTimeZone, isoWeekday, localDateTime, zonedInstant, type DayNumber } from '../time/zoned-time';

/**
 * Counted time: the part of a span the SLA clock runs in. Around the clock it
 * is the wall-clock span; on a business calendar only the working hours of
 * working days in the contract's zone count.
 */

export const TWENTY_FOUR_SEVEN: BusinessCalendar = { kind: '24x7' };

type Business = Extract<BusinessCalendar, { kind: 'business' }>;

/** One day's working hours as instants, [start, end). */
interface Window {
  start: number;
  end: number;
}

/**
 * No calendar may go this many days without working hours: the schema allows
 * at most 1 000 holidays, so a valid calendar always finds a working day far
 * sooner, and an impossible one fails instead of looping.
 */
const MAX_IDLE_DAYS = 3_700;

/** A business calendar ready for many questions: holiday lookups as sets, each day's window computed once. */
class CompiledCalendar {
  private readonly weekdays: Set<number>;
  private readonly holidays: Set<DayNumber>;
  private readonly extraWorkdays: Set<DayNumber>;
  private readonly startMinute: number;
  private readonly endMinute: number;
  private readonly windows = new Map<DayNumber, Window | null>();

  constructor(private readonly calendar: Business) {
    this.weekdays = new Set(calendar.weekdays);
    this.holidays = new Set((calendar.holidays ?? []).map(dayOfIsoDate));
    this.extraWorkdays = new Set((calendar.extraWorkdays ?? []).map(dayOfIsoDate));
    this.startMinute = minuteOfClock(calendar.start);
    this.endMinute = minuteOfClock(calendar.end);
  }

  dayOf(instant: number): DayNumber {
    return localDateTime(instant, this.calendar.timeZone).day;
  }

  window(day: DayNumber): Window | null {
    let window = this.windows.get(day);
    if (window === undefined) {
      window = this.isWorkingDay(day) ? this.windowOn(day) : null;
      // Bounded: a long-running list asks about a few years of days at most.
      if (this.windows.size > 20_000) this.windows.clear();
      this.windows.set(day, window);
    }
    return window;
  }

  private isWorkingDay(day: DayNumber): boolean {
    if (this.extraWorkdays.has(day)) return true;
    return this.weekdays.has(isoWeekday(day)) && !this.holidays.has(day);
  }

  private windowOn(day: DayNumber): Window | null {
    const start = zonedInstant(day, this.startMinute, this.calendar.timeZone);
    const end = zonedInstant(day, this.endMinute, this.calendar.timeZone);
    // A DST jump can swallow a window that lies inside the skipped hour.
    return end > start ? { start, end } : null;
  }
}

const compiled = new WeakMap<Business, CompiledCalendar>();

/** Policies are cached objects, so their compiled calendars (and computed days) are shared across incidents. */
function compile(calendar: Business): CompiledCalendar {
  let result = compiled.get(calendar);
  if (!result) {
    validateCalendar(calendar);
    result = new CompiledCalendar(calendar);
    compiled.set(calendar, result);
  }
  return result;
}

/** Counted time in [from, to); 0 when `to` is not after `from`. */
export function countedMs(calendar: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  if (calendar.kind === '24x7') return to - from;
  const days = compile(calendar);
  const lastDay = days.dayOf(to);
  let total = 0;
  // A day's window lies within that local day, so only the days from `from` to `to` can overlap.
  for (let day = days.dayOf(from); day <= lastDay; day++) {
    const window = days.window(day);
    if (!window) continue;
    const overlap = Math.min(to, window.end) - Math.max(from, window.start);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/**
 * The earliest instant at which `ms` of counted time have passed since
 * `from`. On a business calendar a deadline never falls outside working hours:
 * 60 minutes from Friday 17:30 with 09:00–18:00 is Monday 09:30.
 */
export function addCountedMs(calendar: BusinessCalendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  if (calendar.kind === '24x7') return from + ms;
  const days = compile(calendar);
  let remaining = ms;
  let idle = 0;
  for (let day = days.dayOf(from); ; day++) {
    const window = days.window(day);
    const start = window ? Math.max(from, window.start) : 0;
    if (!window || start >= window.end) {
      if (++idle > MAX_IDLE_DAYS) throw new AppError('sla.invalid-calendar', 'The calendar has no working hours', { details: { field: 'weekdays' } });
      continue;
    }
    idle = 0;
    const available = window.end - start;
    if (remaining <= available) return start + remaining;
    remaining -= available;
  }
}

/**
 * Refuses a calendar the clock cannot run on: an unknown zone, hours that end
 * before they start (a night shift is not supported: split it into two
 * policies or count it 24x7), a day both a holiday and a make-up workday.
 */
export function validateCalendar(calendar: BusinessCalendar): void {
  if (calendar.kind === '24x7') return;
  const fail = (field: string, message: string): never => {
    throw new AppError('sla.invalid-calendar', message, { details: { field } });
  };
  if (!isKnownTimeZone(calendar.timeZone)) fail('timeZone', `Unknown time zone: ${calendar.timeZone}`);
  if (calendar.weekdays.length === 0) fail('weekdays', 'Pick at least one working weekday');
  if (!isClockTime(calendar.start)) fail('start', `Not a time of day: ${calendar.start}`);
  if (!isClockTime(calendar.end) && calendar.end !== '24:00') fail('end', `Not a time of day: ${calendar.end}`);
  if (minuteOfClock(calendar.start) >= minuteOfClock(calendar.end)) fail('end', 'Working hours must end after they start');
  for (const [field, dates] of [['holidays', calendar.holidays ?? []], ['extraWorkdays', calendar.extraWorkdays ?? []]] as const) {
    const bad = dates.find((date) => !isRealDate(date));
    if (bad !== undefined) fail(field, `Not a date: ${bad}`);
  }
  const holidays = new Set(calendar.holidays ?? []);
  const both = (calendar.extraWorkdays ?? []).find((date) => holidays.has(date));
  if (both !== undefined) fail('extraWorkdays', `${both} is both a holiday and a working day`);
}

function minuteOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

function isClockTime(clock: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(clock);
}

/** YYYY-MM-DD that names a day that exists (no 2026-02-30). */
function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
