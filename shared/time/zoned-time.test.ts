import { describe, expect, it } from 'vitest';
import { dayOfIsoDate, isKnownTimeZone, isoWeekday, localDateTime, zonedInstant, zoneOffsetMs } from './zoned-time';

const HOUR = 3_600_000;

describe('zoned time', () => {
  it('reads the offset of a zone, with and without summer time', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
  });

  it('gives the local date and minute of an instant', () => {
    const local = localDateTime(Date.parse('2026-12-31T23:30:00Z'), 'Asia/Shanghai');
    expect(local).toEqual({ day: dayOfIsoDate('2027-01-01'), minute: 7 * 60 + 30 });
    expect(localDateTime(Date.parse('2026-01-01T03:00:00Z'), 'America/New_York')).toEqual({ day: dayOfIsoDate('2025-12-31'), minute: 22 * 60 });
  });

  it('turns a local time back into the instant, across DST changes', () => {
    const berlin = (date: string, minute: number) => new Date(zonedInstant(dayOfIsoDate(date), minute, 'Europe/Berlin')).toISOString();
    expect(berlin('2026-03-28', 9 * 60)).toBe('2026-03-28T08:00:00.000Z');
    expect(berlin('2026-03-30', 9 * 60)).toBe('2026-03-30T07:00:00.000Z');
    // 02:30 does not exist on the spring-forward night: it reads as 03:30 summer time.
    expect(berlin('2026-03-29', 2 * 60 + 30)).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on the autumn night: the first one.
    expect(berlin('2026-10-25', 2 * 60 + 30)).toBe('2026-10-25T00:30:00.000Z');
    expect(berlin('2026-10-25', 3 * 60 + 30)).toBe('2026-10-25T02:30:00.000Z');
    // Midnight at the end of a day is the next day's start.
    expect(berlin('2026-10-25', 24 * 60)).toBe('2026-10-25T23:00:00.000Z');
    const newYork = zonedInstant(dayOfIsoDate('2026-11-01'), 9 * 60, 'America/New_York');
    expect(new Date(newYork).toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('knows real zones and weekdays', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isoWeekday(dayOfIsoDate('1970-01-01'))).toBe(4);
    expect(isoWeekday(dayOfIsoDate('2026-11-27'))).toBe(5);
    expect(isoWeekday(dayOfIsoDate('2026-11-29'))).toBe(7);
    expect(isoWeekday(dayOfIsoDate('1969-12-29'))).toBe(1);
  });
});
