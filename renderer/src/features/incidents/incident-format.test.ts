import { describe, expect, it } from 'vitest';
import { formatMinutes, fromLocalDateTimeInput, isOpenStatus, toLocalDateTimeInput } from './incident-format';

describe('incident formatting', () => {
  it('writes time spent as hours and minutes in each language', () => {
    expect(formatMinutes(0, 'en')).toBe('0 min');
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(120, 'en')).toBe('2 hr');
    expect(formatMinutes(95, 'en')).toBe('1 hr 35 min');
    expect(formatMinutes(95, 'zh-CN')).toBe('1小时 35分钟');
  });

  it('turns a datetime-local value into the same instant and back', () => {
    const at = new Date(2026, 10, 28, 9, 5).getTime();
    expect(toLocalDateTimeInput(at)).toBe('2026-11-28T09:05');
    expect(fromLocalDateTimeInput('2026-11-28T09:05')).toBe(at);
    expect(fromLocalDateTimeInput('2026-11-28T09:05:30')).toBe(at + 30_000);
  });

  it('refuses text that is not a real local time', () => {
    expect(fromLocalDateTimeInput('')).toBeNull();
    expect(fromLocalDateTimeInput('yesterday')).toBeNull();
    expect(fromLocalDateTimeInput('2026-02-31T10:00')).toBeNull();
  });

  it('counts only unresolved incidents as open', () => {
    expect(isOpenStatus('pending')).toBe(true);
    expect(isOpenStatus('new')).toBe(true);
    expect(isOpenStatus('resolved')).toBe(false);
    expect(isOpenStatus('closed')).toBe(false);
  });
});
