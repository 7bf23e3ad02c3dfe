import { describe, expect, it } from 'vitest';
import { isValidPeriod, lastFullPeriod, nextPeriod, periodDates, periodHasStarted, periodLabel } from './reports';

describe('report periods', () => {
  it('cut months, quarters, halves and years as local dates, half-open', () => {
    expect(periodDates({ kind: 'monthly', year: 2026, index: 12 })).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(periodDates({ kind: 'quarterly', year: 2026, index: 4 })).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(periodDates({ kind: 'half-year', year: 2026, index: 1 })).toEqual({ start: '2026-01-01', end: '2026-07-01' });
    expect(periodDates({ kind: 'annual', year: 2026, index: 1 })).toEqual({ start: '2026-01-01', end: '2027-01-01' });
  });

  it('default to the last period that has ended, across the new year', () => {
    expect(lastFullPeriod('monthly', '2026-11-28')).toEqual({ kind: 'monthly', year: 2026, index: 10 });
    expect(lastFullPeriod('monthly', '2026-01-03')).toEqual({ kind: 'monthly', year: 2025, index: 12 });
    expect(lastFullPeriod('quarterly', '2026-11-28')).toEqual({ kind: 'quarterly', year: 2026, index: 3 });
    expect(lastFullPeriod('half-year', '2026-03-01')).toEqual({ kind: 'half-year', year: 2025, index: 2 });
    expect(lastFullPeriod('annual', '2026-11-28')).toEqual({ kind: 'annual', year: 2025, index: 1 });
    expect(nextPeriod({ kind: 'quarterly', year: 2026, index: 4 })).toEqual({ kind: 'quarterly', year: 2027, index: 1 });
  });

  it('refuse an index the kind does not have and a period that has not started', () => {
    expect(isValidPeriod({ kind: 'quarterly', year: 2026, index: 5 })).toBe(false);
    expect(isValidPeriod({ kind: 'annual', year: 2026, index: 2 })).toBe(false);
    expect(isValidPeriod({ kind: 'monthly', year: 2026, index: 12 })).toBe(true);
    expect(periodHasStarted({ kind: 'monthly', year: 2026, index: 12 }, '2026-11-30')).toBe(false);
    expect(periodHasStarted({ kind: 'monthly', year: 2026, index: 11 }, '2026-11-01')).toBe(true);
  });

  it('name the period as the report title does, in Chinese and English', () => {
    expect(periodLabel({ kind: 'monthly', year: 2026, index: 11 }, 'zh-CN')).toBe('2026年11月');
    expect(periodLabel({ kind: 'quarterly', year: 2026, index: 4 }, 'zh-CN')).toBe('2026年第四季度');
    expect(periodLabel({ kind: 'half-year', year: 2026, index: 2 }, 'zh-CN')).toBe('2026年下半年');
    expect(periodLabel({ kind: 'annual', year: 2026, index: 1 }, 'zh-CN')).toBe('2026年度');
    expect(periodLabel({ kind: 'monthly', year: 2026, index: 11 }, 'en')).toBe('November 2026');
    expect(periodLabel({ kind: 'quarterly', year: 2026, index: 4 }, 'en')).toBe('Q4 2026');
  });
});
