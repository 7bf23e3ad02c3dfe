import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY_FIELDS, DEFAULT_SLA_POLICY_ID } from '@shared/sla';
import { fieldsFromForm, formFromPolicy, formProblems, minutesOf, parseDateEntries, type SlaPolicyForm } from './sla-policy-form';

const CLIENT = '0193e2a0-0000-7000-8000-000000000001';
const defaultPolicy = { ...DEFAULT_SLA_POLICY_FIELDS, id: DEFAULT_SLA_POLICY_ID, createdAt: 0, updatedAt: 0 };

function newClientForm(): SlaPolicyForm {
  return { ...formFromPolicy(null, false), name: '医院合同', clientId: CLIENT };
}

describe('SLA policy form', () => {
  it('round-trips a policy: loading and saving unchanged gives the same fields', () => {
    const form = formFromPolicy(defaultPolicy, true);
    expect(form.targets.P1.resolution).toEqual({ value: '4', unit: 'h' });
    expect(form.targets.P1.response).toEqual({ value: '30', unit: 'min' });
    expect(fieldsFromForm(form)).toEqual(DEFAULT_SLA_POLICY_FIELDS);
  });

  it('starts a new client policy from the default targets, with an empty name and no client', () => {
    const form = formFromPolicy(null, false);
    expect(formProblems(form)).toEqual({ name: { key: 'required' }, clientId: { key: 'pickClient' } });
    expect(fieldsFromForm(newClientForm())).toMatchObject({ name: '医院合同', clientId: CLIENT, calendar: { kind: 'business' } });
  });

  it('keeps the business hours while 24x7 is chosen, but saves only 24x7', () => {
    const form = { ...newClientForm(), calendarKind: '24x7' as const, timeZone: 'Not/AZone' };
    expect(formProblems(form)).toEqual({});
    expect(fieldsFromForm(form)?.calendar).toEqual({ kind: '24x7' });
    expect(formProblems({ ...form, calendarKind: 'business' })).toEqual({ timeZone: { key: 'timeZone' } });
  });

  it('shows each calendar problem at its input', () => {
    const form = newClientForm();
    expect(formProblems({ ...form, start: '18:00', end: '09:00' })).toEqual({ end: { key: 'endBeforeStart' } });
    expect(formProblems({ ...form, start: '9:00' })).toEqual({ start: { key: 'time' } });
    expect(formProblems({ ...form, end: '24:00' })).toEqual({});
    expect(formProblems({ ...form, weekdays: [] })).toEqual({ weekdays: { key: 'weekdays' } });
    expect(formProblems({ ...form, holidays: ['2026-10-10'], extraWorkdays: ['2026-10-10'] })).toMatchObject({ extraWorkdays: { key: 'bothLists', date: '2026-10-10' } });
  });

  it('reads targets in minutes or hours, whole minutes only', () => {
    expect(minutesOf({ value: '1.5', unit: 'h' })).toBe(90);
    expect(minutesOf({ value: '90', unit: 'min' })).toBe(90);
    expect(minutesOf({ value: '0.01', unit: 'h' })).toBeNull();
    expect(minutesOf({ value: '0', unit: 'min' })).toBeNull();
    expect(minutesOf({ value: 'abc', unit: 'min' })).toBeNull();
    expect(minutesOf({ value: '8761', unit: 'h' })).toBeNull();
    const form = newClientForm();
    const slow = { ...form, targets: { ...form.targets, P2: { response: { value: '9', unit: 'h' as const }, resolution: { value: '8', unit: 'h' as const }, allDay: false } } };
    expect(formProblems(slow)).toEqual({ 'targets.P2.response': { key: 'responseAfterResolution' } });
    const broken = { ...form, targets: { ...form.targets, P3: { ...form.targets.P3, resolution: { value: '', unit: 'h' as const } } } };
    expect(formProblems(broken)).toEqual({ 'targets.P3.resolution': { key: 'minutes' } });
    expect(fieldsFromForm(broken)).toBeNull();
  });

  it('checks the rule numbers', () => {
    const form = newClientForm();
    expect(formProblems({ ...form, atRiskPercent: '100', fixHours: '0', workaroundHours: 'x', faultReportHours: '24' })).toEqual({
      atRiskPercent: { key: 'percent' },
      fixHours: { key: 'hours' },
      workaroundHours: { key: 'hours' },
    });
    expect(fieldsFromForm({ ...form, fixHours: '6.5' })?.systemDown.fixHours).toBe(6.5);
  });

  it('never gives the default a client', () => {
    const form = { ...formFromPolicy(defaultPolicy, true), clientId: CLIENT };
    expect(fieldsFromForm(form)?.clientId).toBeNull();
  });
});

describe('date entries', () => {
  it('takes several dates at once and expands ranges', () => {
    expect(parseDateEntries('2026-10-01~2026-10-03, 2026-10-08')).toEqual({ dates: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-08'], invalid: [] });
    expect(parseDateEntries('2026-12-31..2027-01-01')).toEqual({ dates: ['2026-12-31', '2027-01-01'], invalid: [] });
    expect(parseDateEntries('2026-02-30 2026-10-09~2026-10-01 10/1')).toEqual({ dates: [], invalid: ['2026-02-30', '2026-10-09~2026-10-01', '10/1'] });
  });
});
