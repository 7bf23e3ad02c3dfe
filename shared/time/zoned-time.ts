/**
 * Wall-clock time in an IANA zone, with Intl only. Luxon would do the same,
 * but the engine needs just two conversions (instant → local date and time,
 * local date and time → instant) and runs in core and in the renderer alike;
 * Intl carries the time-zone database in every runtime we ship (Node, Electron,
 * browsers), so a library would add weight without adding correctness.
 */

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A calendar date as days since 1970-01-01 (the same in every zone): cheap to step and to compare. */
export type DayNumber = number;

export interface LocalDateTime {
  day: DayNumber;
  /** Minutes since local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone: callers validate through isKnownTimeZone first.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant`, as if that wall clock were UTC (whole seconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
}

const HOUR_MS = 3_600_000;
/** Per zone and UTC hour: the offset of the whole hour, or null when it changes within it. */
const hourOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7 200 000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  // Offsets change at most once an hour: when both ends of a UTC hour agree, every second of it has that offset.
  const hour = Math.floor(wholeSecond / HOUR_MS);
  let hours = hourOffsets.get(timeZone);
  if (!hours) {
    hours = new Map();
    hourOffsets.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const end = start + HOUR_MS - 1000;
    const first = wallClockAsUtc(start, timeZone) - start;
    offset = first === wallClockAsUtc(end, timeZone) - end ? first : null;
    hours.set(hour, offset);
  }
  return offset ?? wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
}

export function localDateTime(instant: number, timeZone: string): LocalDateTime {
  const wall = instant + zoneOffsetMs(instant, timeZone);
  const day = Math.floor(wall / DAY_MS);
  return { day, minute: Math.floor((wall - day * DAY_MS) / MINUTE_MS) };
}

/**
 * The instant the wall clock in `timeZone` shows `minute` on `day`. A time
 * skipped by a DST jump (02:30 on the spring-forward night) maps to the same
 * distance past the jump; a time shown twice (autumn) maps to the first.
 */
export function zonedInstant(day: DayNumber, minute: number, timeZone: string): number {
  const wall = day * DAY_MS + minute * MINUTE_MS;
  // The offset at a guess is right unless a transition lies between the guess and the answer; two corrections settle it.
  const firstOffset = zoneOffsetMs(wall, timeZone);
  const guess = wall - firstOffset;
  const secondOffset = zoneOffsetMs(guess, timeZone);
  if (secondOffset === firstOffset) return earliestOf(wall, firstOffset, timeZone);
  const corrected = wall - secondOffset;
  const thirdOffset = zoneOffsetMs(corrected, timeZone);
  if (thirdOffset === secondOffset) return earliestOf(wall, secondOffset, timeZone);
  // In a gap: no offset maps back to this wall time; read it with the offset before the jump.
  return wall - Math.min(secondOffset, thirdOffset);
}

/** Of the (at most two) instants showing `wall`, the earlier: the larger offset gives it, if it fits. */
function earliestOf(wall: number, offset: number, timeZone: string): number {
  const oneHourEarlier = wall - offset - 3_600_000;
  const otherOffset = zoneOffsetMs(oneHourEarlier, timeZone);
  if (otherOffset > offset && wallClockMatches(wall, otherOffset, timeZone)) return wall - otherOffset;
  return wall - offset;
}

function wallClockMatches(wall: number, offset: number, timeZone: string): boolean {
  return zoneOffsetMs(wall - offset, timeZone) === offset;
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function dayOfIsoDate(isoDate: string): DayNumber {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: DayNumber): number {
  return ((((day % 7) + 7) % 7) + 3) % 7 + 1;
}
