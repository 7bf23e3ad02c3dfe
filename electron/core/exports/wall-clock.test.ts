import { describe, expect, it } from 'vitest';
import { durationText, ZonedClock } from './wall-clock';

describe('ZonedClock', () => {
  it('gives the wall clock of the zone', () => {
    const shanghai = new ZonedClock('Asia/Shanghai');
    expect(shanghai.text(Date.UTC(2026, 10, 3, 16, 30))).toBe('2026-11-04 00:30');
    expect(shanghai.day(Date.UTC(2026, 10, 3, 15, 59))).toBe('2026-11-03');
    expect(shanghai.wallDate(Date.UTC(2026, 0, 1)).toISOString()).toBe('2026-01-01T08:00:00.000Z');
  });

  it('follows a DST change within the day it happens', () => {
    const berlin = new ZonedClock('Europe/Berlin');
    // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    expect(berlin.text(Date.UTC(2026, 2, 29, 0, 59))).toBe('2026-03-29 01:59');
    expect(berlin.text(Date.UTC(2026, 2, 29, 1, 0))).toBe('2026-03-29 03:00');
    expect(berlin.text(Date.UTC(2026, 2, 29, 23, 0))).toBe('2026-03-30 01:00');
    expect(berlin.text(Date.UTC(2026, 9, 25, 0, 59))).toBe('2026-10-25 02:59');
    expect(berlin.text(Date.UTC(2026, 9, 25, 1, 0))).toBe('2026-10-25 02:00');
    // Every minute of the transition days agrees with Intl.
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });
    for (let ms = Date.UTC(2026, 2, 28, 12); ms < Date.UTC(2026, 2, 30, 12); ms += 7 * 60_000) expect(berlin.text(ms)).toBe(intl.format(new Date(ms)));
  });

  it('writes durations as hours and minutes', () => {
    expect(durationText(0)).toBe('0:00');
    expect(durationText(26 * 3_600_000 + 5 * 60_000)).toBe('26:05');
  });
});
