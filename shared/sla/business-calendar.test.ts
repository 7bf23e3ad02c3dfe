import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../domain/sla';
import { addCountedMs, countedMs, TWENTY_FOUR_SEVEN, validateCalendar } from './business-calendar';
import { dayOfIsoDate, isoWeekday, localDateTime } from '../time/zoned-time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

function business(overrides: Partial<Extract<BusinessCalendar, { kind: 'business' }>> = {}): BusinessCalendar {
  return { kind: 'business', timeZone: 'Asia/Shanghai', weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [], extraWorkdays: [], ...overrides };
}

describe('business calendar: examples', () => {
  const shanghai = business();

  it('carries a deadline over the weekend and counts only working hours', () => {
    const friday1730 = at('2026-11-27T17:30:00+08:00');
    expect(iso(addCountedMs(shanghai, friday1730, 60 * MIN))).toBe(iso(at('2026-11-30T09:30:00+08:00')));
    expect(countedMs(shanghai, friday1730, at('2026-11-30T09:30:00+08:00'))).toBe(60 * MIN);
    expect(countedMs(shanghai, at('2026-11-28T10:00:00+08:00'), at('2026-11-29T17:00:00+08:00'))).toBe(0);
  });

  it('starts counting at opening time when opened before it, and ends a deadline at closing time rather than after', () => {
    expect(iso(addCountedMs(shanghai, at('2026-11-30T07:00:00+08:00'), 30 * MIN))).toBe(iso(at('2026-11-30T09:30:00+08:00')));
    expect(iso(addCountedMs(shanghai, at('2026-11-30T17:00:00+08:00'), 60 * MIN))).toBe(iso(at('2026-11-30T18:00:00+08:00')));
    expect(iso(addCountedMs(shanghai, at('2026-11-30T17:00:00+08:00'), 61 * MIN))).toBe(iso(at('2026-12-01T09:01:00+08:00')));
  });

  it('skips holidays and works make-up weekend days (调休)', () => {
    const golden = business({
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      extraWorkdays: ['2026-09-27', '2026-10-10'],
    });
    expect(iso(addCountedMs(golden, at('2026-09-30T17:00:00+08:00'), 2 * HOUR))).toBe(iso(at('2026-10-08T10:00:00+08:00')));
    expect(iso(addCountedMs(golden, at('2026-09-25T17:00:00+08:00'), 2 * HOUR))).toBe(iso(at('2026-09-27T10:00:00+08:00')));
    expect(countedMs(golden, at('2026-10-09T00:00:00+08:00'), at('2026-10-11T00:00:00+08:00'))).toBe(18 * HOUR);
  });

  it('crosses the year end', () => {
    const newYear = business({ holidays: ['2027-01-01'] });
    expect(iso(addCountedMs(newYear, at('2026-12-31T17:00:00+08:00'), 2 * HOUR))).toBe(iso(at('2027-01-04T10:00:00+08:00')));
    expect(countedMs(newYear, at('2026-12-31T12:00:00+08:00'), at('2027-01-04T12:00:00+08:00'))).toBe(9 * HOUR);
  });

  it('keeps working hours local across DST changes in Berlin and New York', () => {
    const berlin = business({ timeZone: 'Europe/Berlin', start: '09:00', end: '17:00' });
    // Friday 16:00 winter time + 2 h is Monday 10:00 summer time.
    expect(iso(addCountedMs(berlin, at('2026-03-27T16:00:00+01:00'), 2 * HOUR))).toBe('2026-03-30T08:00:00.000Z');
    expect(countedMs(berlin, at('2026-10-23T16:00:00+02:00'), at('2026-10-26T10:00:00+01:00'))).toBe(2 * HOUR);

    const wholeDays = (timeZone: string): BusinessCalendar => business({ timeZone, weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' });
    const day = (cal: BusinessCalendar, date: string, next: string, offset: string, nextOffset: string) =>
      countedMs(cal, at(`${date}T00:00:00${offset}`), at(`${next}T00:00:00${nextOffset}`));
    expect(day(wholeDays('Europe/Berlin'), '2026-03-29', '2026-03-30', '+01:00', '+02:00')).toBe(23 * HOUR);
    expect(day(wholeDays('Europe/Berlin'), '2026-10-25', '2026-10-26', '+02:00', '+01:00')).toBe(25 * HOUR);
    expect(day(wholeDays('America/New_York'), '2026-03-08', '2026-03-09', '-05:00', '-04:00')).toBe(23 * HOUR);
    expect(day(wholeDays('America/New_York'), '2026-11-01', '2026-11-02', '-04:00', '-05:00')).toBe(25 * HOUR);
  });

  it('loses working hours that fall in the hour a DST jump skips', () => {
    const night = business({ timeZone: 'Europe/Berlin', weekdays: [7], start: '02:00', end: '03:00' });
    expect(countedMs(night, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(0);
    expect(countedMs(night, at('2026-04-04T00:00:00Z'), at('2026-04-06T00:00:00Z'))).toBe(HOUR);
  });

  it('counts around the clock on 24x7', () => {
    expect(countedMs(TWENTY_FOUR_SEVEN, at('2026-03-29T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(24 * HOUR);
    expect(addCountedMs(TWENTY_FOUR_SEVEN, 1000, 5000)).toBe(6000);
    expect(countedMs(shanghai, 5000, 1000)).toBe(0);
  });

  it('refuses a calendar the clock cannot run on', () => {
    const invalid = (calendar: BusinessCalendar, field: string) =>
      expect(() => validateCalendar(calendar)).toThrow(expect.objectContaining({ code: 'sla.invalid-calendar', details: { field } }));
    invalid(business({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone');
    invalid(business({ start: '18:00', end: '09:00' }), 'end');
    invalid(business({ start: '09:00', end: '09:00' }), 'end');
    invalid(business({ weekdays: [] }), 'weekdays');
    invalid(business({ holidays: ['2026-02-30'] }), 'holidays');
    invalid(business({ holidays: ['2026-10-10'], extraWorkdays: ['2026-10-10'] }), 'extraWorkdays');
    expect(() => validateCalendar(business())).not.toThrow();
    expect(() => validateCalendar(TWENTY_FOUR_SEVEN)).not.toThrow();
    expect(() => countedMs(business({ timeZone: 'Nowhere/Land' }), 0, HOUR)).toThrow(expect.objectContaining({ code: 'sla.invalid-calendar' }));
  });
});

// ---- Properties ------------------------------------------------------------

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'] as const;
const FROM = at('2025-12-01T00:00:00Z');
const TO = at('2028-01-01T00:00:00Z');
const dayIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const FIRST_DAY = dayOfIsoDate('2025-12-01');
const LAST_DAY = dayOfIsoDate('2027-12-31');

const clock = (minute: number) => (minute === 1440 ? '24:00' : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);

const businessCalendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    hours: fc
      .tuple(fc.integer({ min: 0, max: 1440 / 15 }), fc.integer({ min: 0, max: 1440 / 15 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [Math.min(a, b) * 15, Math.max(a, b) * 15] as const),
    dates: fc.uniqueArray(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), { maxLength: 40 }),
    extraCount: fc.nat({ max: 10 }),
  })
  .map(({ timeZone, weekdays, hours, dates, extraCount }) => ({
    kind: 'business' as const,
    timeZone,
    weekdays,
    start: clock(hours[0]),
    end: clock(hours[1]),
    holidays: dates.slice(extraCount).map(dayIso),
    extraWorkdays: dates.slice(0, extraCount).map(dayIso),
  }));

const anyCalendar = fc.oneof({ arbitrary: businessCalendar, weight: 4 }, { arbitrary: fc.constant(TWENTY_FOUR_SEVEN), weight: 1 });
const instant = fc.integer({ min: FROM, max: TO });
const duration = fc.integer({ min: 1, max: 120 * HOUR });
const RUNS = { numRuns: 150 };

describe('business calendar: properties', () => {
  it('counts exactly the time it added, and no instant earlier reaches it', () => {
    fc.assert(
      fc.property(anyCalendar, instant, duration, (calendar, from, ms) => {
        const due = addCountedMs(calendar, from, ms);
        expect(due).toBeGreaterThanOrEqual(from);
        expect(countedMs(calendar, from, due)).toBe(ms);
        expect(countedMs(calendar, from, due - 1)).toBeLessThan(ms);
      }),
      RUNS,
    );
  });

  it('is additive over adjacent spans and never more than the wall clock', () => {
    fc.assert(
      fc.property(anyCalendar, fc.array(instant, { minLength: 3, maxLength: 3 }), (calendar, points) => {
        const [a, b, c] = [...points].sort((x, y) => x - y) as [number, number, number];
        expect(countedMs(calendar, a, b) + countedMs(calendar, b, c)).toBe(countedMs(calendar, a, c));
        expect(countedMs(calendar, a, b)).toBeLessThanOrEqual(b - a);
        expect(countedMs(calendar, a, b)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('is monotone: a later end never counts less, a later deadline needs more time', () => {
    fc.assert(
      fc.property(anyCalendar, instant, duration, duration, (calendar, from, d1, d2) => {
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addCountedMs(calendar, from, short)).toBeLessThanOrEqual(addCountedMs(calendar, from, long));
        expect(countedMs(calendar, from, from + short)).toBeLessThanOrEqual(countedMs(calendar, from, from + long));
      }),
      RUNS,
    );
  });

  it('never counts a holiday or a day off, and every deadline falls inside working hours of a working day', () => {
    fc.assert(
      fc.property(businessCalendar, instant, duration, (calendar, from, ms) => {
        if (calendar.kind !== 'business') return;
        const extra = new Set(calendar.extraWorkdays);
        const holidays = new Set(calendar.holidays);
        const isWorking = (date: string) => extra.has(date) || (calendar.weekdays.includes(isoWeekday(dayOfIsoDate(date))) && !holidays.has(date));
        // Days off: some holidays, and the day of `from` if it is off.
        const fromDate = dayIso(localDateTime(from, calendar.timeZone).day);
        for (const date of [...calendar.holidays.slice(0, 5), fromDate].filter((d) => !isWorking(d))) {
          const day = dayOfIsoDate(date);
          expect(holidayCount(calendar, day)).toBe(0);
        }
        const due = addCountedMs(calendar, from, ms);
        // The deadline is the end of the last counted millisecond, so that millisecond (due - 1) lies inside working
        // hours of a working day. Looking at `due` itself cannot tell 24:00 of one day from 00:00 of the next.
        const last = localDateTime(due - 1, calendar.timeZone);
        const [sh, sm] = calendar.start.split(':').map(Number) as [number, number];
        const [eh, em] = calendar.end.split(':').map(Number) as [number, number];
        expect(isWorking(dayIso(last.day))).toBe(true);
        expect(last.minute).toBeGreaterThanOrEqual(sh * 60 + sm);
        expect(last.minute).toBeLessThan(eh * 60 + em);
      }),
      RUNS,
    );
  });

  it('starts counting at 00:00 of the next working day when the clock starts on a day off (00:00–24:00 calendar)', () => {
    // Found by the property above (seed 1578252385): Mondays only, 00:00–24:00; the old check read a deadline at 00:00 as 24:00 of the day before.
    const mondays: BusinessCalendar = { kind: 'business', timeZone: 'Asia/Shanghai', weekdays: [1], start: '00:00', end: '24:00', holidays: [], extraWorkdays: [] };
    const sundayLate = Date.UTC(2025, 11, 1, 0, 0, 0, 0) - 8 * HOUR - 14; // Mon 2025-12-01 00:00 +08:00 minus 14 ms
    expect(addCountedMs(mondays, sundayLate, 15)).toBe(Date.UTC(2025, 11, 1) - 8 * HOUR + 15);
    expect(addCountedMs(mondays, sundayLate, 24 * HOUR)).toBe(Date.UTC(2025, 11, 2) - 8 * HOUR);
    // The recorded counterexample: Monday 23:59:59.986, 14 ms that Monday, the last one at 00:00 of the next Monday.
    expect(addCountedMs(mondays, 1764604799986, 15)).toBe(Date.UTC(2025, 11, 8) - 8 * HOUR + 1);
  });

  it('equals the wall clock on 24x7', () => {
    fc.assert(
      fc.property(instant, instant, duration, (a, b, ms) => {
        expect(countedMs(TWENTY_FOUR_SEVEN, Math.min(a, b), Math.max(a, b))).toBe(Math.abs(a - b));
        expect(addCountedMs(TWENTY_FOUR_SEVEN, a, ms)).toBe(a + ms);
      }),
      RUNS,
    );
  });

  it('agrees across zones: the same local working hours count the same in Shanghai, Berlin and New York on DST-free weeks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 24 }), fc.integer({ min: 1, max: 200 }), (hourOfWeek, hours) => {
        // The week of 2026-11-09 has no DST change in any of the three zones (Berlin changed 25 Oct, New York 1 Nov).
        const local = (offsetHours: number) => at('2026-11-09T00:00:00Z') + hourOfWeek * HOUR - offsetHours * HOUR;
        const zones = [
          ['Asia/Shanghai', 8],
          ['Europe/Berlin', 1],
          ['America/New_York', -5],
        ] as const;
        const results = zones.map(([timeZone, offset]) => {
          const cal = business({ timeZone });
          const from = local(offset);
          return [addCountedMs(cal, from, hours * MIN) - from, countedMs(cal, from, from + hours * HOUR)];
        });
        expect(results[1]).toEqual(results[0]);
        expect(results[2]).toEqual(results[0]);
      }),
      RUNS,
    );
  });
});

/** Counted time within one local day (its own window only): holidays and days off give 0. */
function holidayCount(calendar: Extract<BusinessCalendar, { kind: 'business' }>, day: number): number {
  // Midnight to midnight in the calendar's zone, found by stepping from a UTC guess to the local day boundaries.
  let start = day * 86_400_000 - 14 * HOUR;
  while (localDateTime(start, calendar.timeZone).day < day) start += 15 * MIN;
  let end = start;
  while (localDateTime(end, calendar.timeZone).day === day) end += 15 * MIN;
  return countedMs(calendar, start, end);
}
