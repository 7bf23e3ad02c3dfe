import { describe, expect, it } from 'vitest';
import { customPeriod, lastDayOf, presetPeriod } from './dashboard-period';
import { recordsLink } from './dashboard-links';
import { formatMonth, formatRatio } from './dashboard-format';

const SH = 'Asia/Shanghai';
/** 2026-11-27 09:00 in Shanghai. */
const NOW = Date.UTC(2026, 10, 27, 1, 0);
const midnight = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 8 * 3_600_000;

describe('dashboard periods', () => {
  it('cuts the presets at local midnight', () => {
    expect(presetPeriod('thisMonth', NOW, SH)).toEqual({ from: midnight(2026, 11, 1), to: midnight(2026, 12, 1) });
    expect(presetPeriod('lastMonth', NOW, SH)).toEqual({ from: midnight(2026, 10, 1), to: midnight(2026, 11, 1) });
    expect(presetPeriod('thisQuarter', NOW, SH)).toEqual({ from: midnight(2026, 10, 1), to: midnight(2027, 1, 1) });
    expect(presetPeriod('thisYear', NOW, SH)).toEqual({ from: midnight(2026, 1, 1), to: midnight(2027, 1, 1) });
    // 31 Dec 20:00 UTC is already 1 January in Shanghai: last month is December.
    expect(presetPeriod('lastMonth', Date.UTC(2026, 11, 31, 20), SH)).toEqual({ from: midnight(2026, 12, 1), to: midnight(2027, 1, 1) });
    expect(presetPeriod('thisMonth', Date.UTC(2026, 0, 15), 'UTC')).toEqual({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) });
  });

  it('takes a custom range of whole days, both inclusive, and refuses a backward one', () => {
    const period = customPeriod('2026-11-03', '2026-11-05', SH);
    expect(period).toEqual({ from: midnight(2026, 11, 3), to: midnight(2026, 11, 6) });
    expect(lastDayOf(period!, SH)).toBe('2026-11-05');
    expect(customPeriod('2026-11-05', '2026-11-03', SH)).toBeNull();
    expect(customPeriod('', '2026-11-03', SH)).toBeNull();
  });

  it('links a figure to the consolidated view with the same scope', () => {
    const scope = { from: 1, to: 2, locationId: null, engineer: '李娜', timeZone: SH };
    expect(recordsLink('incidents', scope, { categories: ['network'], slaStates: ['missed', 'breached'] })).toBe(
      `/records?kind=incidents&from=1&to=2&timeZone=Asia%2FShanghai&engineer=${encodeURIComponent('李娜')}&categories=network&slaStates=missed%2Cbreached`,
    );
  });

  it('formats shares and months per language', () => {
    expect(formatRatio(5 / 6, 'en')).toBe('83.3%');
    expect(formatRatio(null, 'en')).toBe('—');
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
  });
});
