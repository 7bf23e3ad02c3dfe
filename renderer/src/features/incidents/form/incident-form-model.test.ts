import { describe, expect, it } from 'vitest';
import type { Incident } from '@shared/domain/incidents';
import { toLocalDateTimeInput } from '../incident-format';
import { changedFields, effectivePriority, emptyValues, serverProblems, toInput, validate, valuesFromIncident, type IncidentFormValues } from './incident-form-model';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();
const asset = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: '核心交换机-01', where: '华东医院 / 主院区 / 一号机房 / A01', roomPath: '华东医院 / 主院区 / 一号机房', type: 'switch' as const, vendor: '华为', gone: false };

function filled(change: Partial<IncidentFormValues> = {}): IncidentFormValues {
  return { ...emptyValues(NOW, { reporterName: '张伟' }), title: '核心交换机宕机', category: 'network', ...change };
}

describe('incident form model', () => {
  it('starts with the profile as reporter, now as the reported time and medium impact and urgency (P3)', () => {
    const values = emptyValues(NOW, { reporterName: '张伟', assets: [asset] });
    expect(values.reporterName).toBe('张伟');
    expect(values.reportedAt).toBe(toLocalDateTimeInput(NOW));
    expect(values.assets).toEqual([asset]);
    expect(effectivePriority(values)).toBe('P3');
  });

  it('reports every missing required field at once, as keys rather than zod English', () => {
    const { fields, problems } = validate(emptyValues(NOW), NOW);
    expect(fields).toBeNull();
    expect(problems).toEqual({ title: { key: 'required' }, category: { key: 'chooseCategory' }, reporterName: { key: 'required' } });
  });

  it('takes the limits from the shared schema', () => {
    const { problems } = validate(filled({ title: 'x'.repeat(201) }), NOW);
    expect(problems.title).toEqual({ key: 'tooLong', values: { max: 200 } });
  });

  it('maps the form to the contract input: override only when chosen, assets as ids, the reported time as epoch ms', () => {
    const at = NOW - 3_600_000;
    const input = toInput(filled({ assets: [asset], reportedAt: toLocalDateTimeInput(at), priorityOverride: 'P1', priorityReason: 'left over' }));
    expect(input).toMatchObject({ title: '核心交换机宕机', category: 'network', priorityOverride: null, priorityReason: '', assetIds: [asset.id], reportedAt: at, locationId: null });
    const overridden = toInput(filled({ override: true, priorityOverride: 'P1', priorityReason: '院长办公室' }));
    expect(overridden).toMatchObject({ priorityOverride: 'P1', priorityReason: '院长办公室' });
  });

  it('follows impact × urgency unless the priority is set by hand, which then needs a reason', () => {
    expect(effectivePriority(filled({ impact: 'high', urgency: 'high' }))).toBe('P1');
    expect(effectivePriority(filled({ impact: 'low', urgency: 'low' }))).toBe('P4');
    expect(effectivePriority(filled({ impact: 'low', urgency: 'low', override: true, priorityOverride: 'P2' }))).toBe('P2');
    expect(validate(filled({ override: true, priorityOverride: 'P1', priorityReason: '  ' }), NOW).problems).toEqual({ priorityReason: { key: 'reasonRequired' } });
  });

  it('refuses a reported time in the future or one that is not a time, but allows a minute of slack', () => {
    expect(validate(filled({ reportedAt: toLocalDateTimeInput(NOW + 3_600_000) }), NOW).problems.reportedAt).toEqual({ key: 'future' });
    expect(validate(filled({ reportedAt: '2026-02-30T10:00' }), NOW).problems.reportedAt).toEqual({ key: 'dateTime' });
    expect(validate(filled({ reportedAt: '' }), NOW).problems.reportedAt).toEqual({ key: 'required' });
    expect(validate(filled({ reportedAt: toLocalDateTimeInput(NOW + 30_000) }), NOW).fields).not.toBeNull();
  });

  it('does not check the reported time when editing (it is fixed once recorded)', () => {
    expect(validate(filled({ reportedAt: 'nonsense' }), NOW, 'edit').fields).not.toBeNull();
  });

  it('sends only the fields an edit changed', () => {
    const incident = {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00',
      number: 'INC-20261128-0001',
      title: '核心交换机宕机',
      description: '',
      category: 'network',
      impact: 'medium',
      urgency: 'medium',
      priority: 'P3',
      priorityOverride: null,
      priorityReason: '',
      systemDown: false,
      status: 'new',
      pendingReason: null,
      assetIds: [asset.id],
      locationId: null,
      reporterName: '张伟',
      reporterContact: '',
      assignee: '',
      reportedAt: NOW,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      workaround: '',
      workaroundAt: null,
      faultReportAt: null,
      resolution: null,
      createdBy: '张伟',
      createdAt: NOW,
      updatedAt: NOW,
      sla: { policyId: null, timers: [], worst: 'on-track', nextDueAt: null },
    } satisfies Incident;
    const values = valuesFromIncident(incident, [asset]);
    expect(values.assets).toEqual([asset]);
    const unchanged = validate(values, NOW, 'edit').fields!;
    expect(changedFields(incident, unchanged)).toEqual({});
    const edited = validate({ ...values, assignee: '李娜', systemDown: true }, NOW, 'edit').fields!;
    expect(changedFields(incident, edited)).toEqual({ assignee: '李娜', systemDown: true });
  });

  it('places core’s refusals at their fields', () => {
    expect(serverProblems({ code: 'incidents.priority-reason-required', message: '', retryable: false })).toEqual({ priorityReason: { key: 'reasonRequired' } });
    expect(serverProblems({ code: 'incidents.time-in-future', message: '', retryable: false })).toEqual({ reportedAt: { key: 'future' } });
    expect(serverProblems({ code: 'api.invalid-input', message: '', retryable: false, details: { issues: [{ path: 'assetIds.0' }, { path: 'title' }] } })).toEqual({
      assets: { key: 'invalid' },
      title: { key: 'invalid' },
    });
    expect(serverProblems({ code: 'internal.error', message: '', retryable: false })).toBeNull();
  });
});
