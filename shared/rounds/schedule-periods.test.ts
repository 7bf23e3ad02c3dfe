import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES, type Frequency } from '../domain/rounds';
import { addDays, agendaState, dateOf, dayNumber, localDate, periodContaining, periodsFor, scheduleAgenda } from './schedule-periods';

const DAY_2020 = dayNumber('2020-01-01');
const date = fc.integer({ min: DAY_2020, max: DAY_2020 + 3000 }).map(dateOf);
const frequency = fc.constantFrom(...FREQUENCIES);

describe('periods of a schedule', () => {
  it('daily and weekly periods run from the start date', () => {
    expect(periodsFor({ frequency: 'daily', startDate: '2026-11-27' }, '2026-11-25', '2026-11-29')).toEqual([
      { start: '2026-11-27', end: '2026-11-27' },
      { start: '2026-11-28', end: '2026-11-28' },
      { start: '2026-11-29', end: '2026-11-29' },
    ]);
    // 2026-11-25 is a Wednesday: weeks run Wednesday to Tuesday.
    expect(periodsFor({ frequency: 'weekly', startDate: '2026-11-25' }, '2026-12-01', '2026-12-03')).toEqual([
      { start: '2026-11-25', end: '2026-12-01' },
      { start: '2026-12-02', end: '2026-12-08' },
    ]);
  });

  it('monthly periods keep the start day, or the month\'s last day where it has none', () => {
    expect(periodsFor({ frequency: 'monthly', startDate: '2027-01-31' }, '2027-01-31', '2027-06-01')).toEqual([
      { start: '2027-01-31', end: '2027-02-27' },
      { start: '2027-02-28', end: '2027-03-30' },
      { start: '2027-03-31', end: '2027-04-29' },
      { start: '2027-04-30', end: '2027-05-30' },
      { start: '2027-05-31', end: '2027-06-29' },
    ]);
    expect(periodContaining({ frequency: 'monthly', startDate: '2028-01-31' }, '2028-02-29')).toEqual({ start: '2028-02-29', end: '2028-03-30' });
  });

  it('quarterly periods step three months', () => {
    expect(periodsFor({ frequency: 'quarterly', startDate: '2026-01-01' }, '2026-05-15', '2026-10-01')).toEqual([
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-12-31' },
    ]);
    expect(periodContaining({ frequency: 'quarterly', startDate: '2026-11-30' }, '2027-02-28')).toEqual({ start: '2027-02-28', end: '2027-05-29' });
  });

  it('has nothing before the start date', () => {
    expect(periodContaining({ frequency: 'weekly', startDate: '2026-11-27' }, '2026-11-26')).toBeNull();
    expect(periodsFor({ frequency: 'daily', startDate: '2026-11-27' }, '2026-11-01', '2026-11-26')).toEqual([]);
  });

  it('cover any range with no gap and no overlap, each period as long as its frequency allows (property)', () => {
    const lengths: Record<Frequency, [number, number]> = { daily: [1, 1], weekly: [7, 7], monthly: [28, 31], quarterly: [89, 92] };
    fc.assert(
      fc.property(frequency, date, date, fc.integer({ min: 0, max: 400 }), (freq, startDate, from, span) => {
        const to = addDays(from, span);
        const periods = periodsFor({ frequency: freq, startDate }, from, to);
        const coverFrom = from > startDate ? from : startDate;
        if (coverFrom > to) return periods.length === 0;
        const [first, last] = [periods[0], periods.at(-1)];
        if (!first || !last || first.start > coverFrom || first.end < coverFrom || last.start > to || last.end < to || first.start < startDate) return false;
        return periods.every((p, i) => {
          const length = dayNumber(p.end) - dayNumber(p.start) + 1;
          const touches = i === 0 || addDays(periods[i - 1]!.end, 1) === p.start;
          return touches && length >= lengths[freq][0] && length <= lengths[freq][1];
        });
      }),
      { numRuns: 300 },
    );
  });

  it('find the period containing a day consistently with the listing (property)', () => {
    fc.assert(
      fc.property(frequency, date, fc.integer({ min: 0, max: 2000 }), (freq, startDate, offset) => {
        const day = addDays(startDate, offset);
        const period = periodContaining({ frequency: freq, startDate }, day);
        if (!period || period.start > day || period.end < day) return false;
        const listed = periodsFor({ frequency: freq, startDate }, day, day);
        if (listed.length !== 1 || listed[0]!.start !== period.start || listed[0]!.end !== period.end) return false;
        if (freq === 'daily' || freq === 'weekly') return true;
        const [y, m] = period.start.split('-').map(Number) as [number, number];
        const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
        return Number(period.start.slice(8)) === Math.min(Number(startDate.slice(8)), lastDay);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what is not a calendar day', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2026-2-3')).toThrow(RangeError);
  });

  it('takes the calendar day of an instant in a zone', () => {
    const instant = Date.UTC(2026, 10, 27, 17, 0); // 01:00 on the 28th in Shanghai
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-11-28');
    expect(localDate(instant, 'UTC')).toBe('2026-11-27');
  });
});

describe('the home screen', () => {
  it('states a period by its rounds, then by the calendar', () => {
    const period = { start: '2026-11-23', end: '2026-11-29' };
    expect(agendaState(period, '2026-11-30', [])).toBe('overdue');
    expect(agendaState(period, '2026-11-29', [])).toBe('today');
    expect(agendaState(period, '2026-11-22', [])).toBe('upcoming');
    expect(agendaState(period, '2026-11-30', [{ status: 'paused' }])).toBe('in-progress');
    expect(agendaState(period, '2026-11-30', [{ status: 'in-progress' }, { status: 'signed' }])).toBe('done');
  });

  it('shows a missed previous period, the current one and the ones starting soon', () => {
    const daily = { frequency: 'daily' as const, startDate: '2026-11-01' };
    const lines = scheduleAgenda(daily, '2026-11-27', 2, []);
    expect(lines.map((l) => [l.period.start, l.state])).toEqual([
      ['2026-11-26', 'overdue'],
      ['2026-11-27', 'today'],
      ['2026-11-28', 'upcoming'],
      ['2026-11-29', 'upcoming'],
    ]);
    const done = scheduleAgenda(daily, '2026-11-27', 1, [
      { id: 'r1', periodStart: '2026-11-26', status: 'signed' },
      { id: 'r2', periodStart: '2026-11-27', status: 'in-progress' },
    ]);
    expect(done).toEqual([
      { period: { start: '2026-11-27', end: '2026-11-27' }, state: 'in-progress', roundId: 'r2' },
      { period: { start: '2026-11-28', end: '2026-11-28' }, state: 'upcoming', roundId: null },
    ]);
    // A schedule starting later shows only its upcoming periods.
    expect(scheduleAgenda({ frequency: 'weekly', startDate: '2026-12-01' }, '2026-11-27', 14, []).map((l) => l.state)).toEqual(['upcoming', 'upcoming']);
  });
});
