import { describe, expect, it } from 'vitest';
import { toLocalDateTimeInput } from '../incident-format';
import { EMPTY_WORK_LOG, minutesOf, totalMinutes, workLogInput } from './work-log-entry';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();
const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00';

describe('work log entry', () => {
  it('adds hours and minutes, empty parts counting as zero', () => {
    expect(minutesOf({ hours: '1', minutes: '30' })).toBe(90);
    expect(minutesOf({ hours: '', minutes: '45' })).toBe(45);
    expect(minutesOf({ hours: '', minutes: '' })).toBe(0);
    expect(minutesOf({ hours: '1.5', minutes: '' })).toBeNull();
    expect(minutesOf({ hours: '-1', minutes: '' })).toBeNull();
  });

  it('needs words, whole numbers and a time not in the future', () => {
    expect(workLogInput(ID, EMPTY_WORK_LOG, NOW).problems).toEqual({ text: 'required' });
    expect(workLogInput(ID, { ...EMPTY_WORK_LOG, text: 'x', minutes: 'abc' }, NOW).problems).toEqual({ time: 'wholeNumber' });
    expect(workLogInput(ID, { ...EMPTY_WORK_LOG, text: 'x', hours: '200' }, NOW).problems).toEqual({ time: 'tooMuchTime' });
    expect(workLogInput(ID, { ...EMPTY_WORK_LOG, text: 'x', at: toLocalDateTimeInput(NOW + 7_200_000) }, NOW).problems).toEqual({ at: 'future' });
  });

  it('maps the form to addWorkLog', () => {
    const at = NOW - 3_600_000;
    expect(workLogInput(ID, { text: ' 更换风扇 ', hours: '1', minutes: '15', at: toLocalDateTimeInput(at) }, NOW).input).toEqual({ incidentId: ID, text: '更换风扇', minutesSpent: 75, at });
    expect(workLogInput(ID, { ...EMPTY_WORK_LOG, text: '远程排查' }, NOW).input).toEqual({ incidentId: ID, text: '远程排查', minutesSpent: 0 });
  });

  it('totals the time of every entry', () => {
    expect(totalMinutes([])).toBe(0);
    expect(totalMinutes([{ minutesSpent: 30 }, { minutesSpent: 45 }, { minutesSpent: 0 }])).toBe(75);
  });
});
