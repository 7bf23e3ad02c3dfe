import { describe, expect, it } from 'vitest';
import { isCalendarDate, newScheduleForm, scheduleFields, scheduleFormOf } from './schedule-form';

const ROOM = '0190a0b0-0000-7000-8000-000000000001';
const TEMPLATE = '0190a0b0-0000-7000-8000-000000000002';

describe('scheduleFields', () => {
  it('asks for a template, a room and a real start date', () => {
    const result = scheduleFields({ ...newScheduleForm('2026-02-30'), assignee: ' 张伟 ' });
    expect(result).toEqual({ ok: false, problems: { templateId: 'templateRequired', target: 'roomRequired', startDate: 'dateInvalid' } });
  });

  it('asks for assets when the round is for assets', () => {
    const result = scheduleFields({ ...newScheduleForm('2026-03-01', TEMPLATE), targetKind: 'assets' });
    expect(result).toEqual({ ok: false, problems: { target: 'assetsRequired' } });
  });

  it('builds the fields, the assignee trimmed, and reads them back unchanged', () => {
    const result = scheduleFields({ ...newScheduleForm('2026-03-01', TEMPLATE), roomId: ROOM, frequency: 'weekly', assignee: ' 张伟 ' });
    expect(result).toEqual({ ok: true, fields: { templateId: TEMPLATE, target: { kind: 'room', roomId: ROOM }, frequency: 'weekly', startDate: '2026-03-01', assignee: '张伟', active: true } });
    if (!result.ok) return;
    const form = scheduleFormOf({ ...result.fields, id: TEMPLATE, createdAt: 0, updatedAt: 0 });
    expect(scheduleFields(form)).toEqual(result);
  });
});

describe('isCalendarDate', () => {
  it('knows real days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
  });
});
