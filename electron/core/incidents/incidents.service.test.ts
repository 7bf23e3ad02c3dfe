import { describe, expect, it } from 'vitest';
import { apiContract } from '@shared/api';
import { incidentsContract } from '@shared/api/incidents.contract';
import { Registry } from '../api/registry';
import { newId } from '../store/ids';
import { incidentsHandlers } from './incidents.handlers';
import { HOUR, incidentsSetup, MINUTE, testPolicy } from './testing/incidents-setup';

const code = (expected: string, details?: Record<string, unknown>) =>
  expect.objectContaining(details ? { code: expected, details: expect.objectContaining(details) } : { code: expected });

const RESOLUTION = { cause: '光模块老化', method: '更换光模块', workaround: '' };

describe('IncidentsService: recording', () => {
  it('records an incident with a device-made number, the matrix priority and running SLA timers', async () => {
    const { create, incidents, store, clock, coreSwitch, seen } = await incidentsSetup();
    const first = create({ assetIds: [coreSwitch, coreSwitch] });
    const suffix = store.deviceId.replace(/-/g, '').slice(-4).toUpperCase();
    expect(first).toMatchObject({
      number: `INC-20261127-0001-${suffix}`,
      priority: 'P2',
      priorityOverride: null,
      status: 'new',
      reportedAt: clock.now(),
      acknowledgedAt: null,
      assetIds: [coreSwitch],
      createdBy: '张工',
      workaround: '',
      resolution: null,
    });
    expect(first.sla.timers.map((t) => [t.kind, t.state, t.dueAt])).toEqual([
      ['response', 'on-track', clock.now() + 60 * MINUTE],
      ['resolution', 'on-track', clock.now() + 480 * MINUTE],
    ]);
    expect(first.sla.nextDueAt).toBe(clock.now() + 60 * MINUTE);
    expect(create().number).toBe(`INC-20261127-0002-${suffix}`);
    // 17:00 UTC is 01:00 of the next day in Shanghai: the number counts that day from 1.
    clock.advance(16 * HOUR);
    expect(create().number).toBe(`INC-20261128-0001-${suffix}`);
    expect(create({ reportedAt: Date.UTC(2026, 10, 27, 2, 0) }).number).toBe(`INC-20261127-0003-${suffix}`);
    expect(incidents.get(first.id).timeline).toEqual([
      { at: first.reportedAt, kind: 'created', actor: '张工', data: { status: 'new', priority: 'P2', systemDown: false, assignee: '' } },
    ]);
    expect(seen.some((e) => e.name === 'records.changed')).toBe(true);
  });

  it('takes an overridden priority only with a reason, and saves nothing without one', async () => {
    const { create, footprint } = await incidentsSetup();
    expect(create({ impact: 'low', urgency: 'low', priorityOverride: 'P1', priorityReason: '院长办公室' })).toMatchObject({ priority: 'P1', priorityOverride: 'P1', priorityReason: '院长办公室' });
    expect(create({ priorityReason: 'stray' })).toMatchObject({ priority: 'P2', priorityReason: '' });
    const before = footprint();
    expect(() => create({ priorityOverride: 'P1', priorityReason: '  ' })).toThrow(code('incidents.priority-reason-required', { field: 'priorityReason' }));
    expect(footprint()).toEqual(before);
  });

  it('refuses a report time in the future, an unknown place or asset, or no profile, saving nothing', async () => {
    const { create, clock, footprint, setActor } = await incidentsSetup();
    const before = footprint();
    expect(() => create({ reportedAt: clock.now() + 1 })).toThrow(code('incidents.time-in-future'));
    expect(() => create({ locationId: newId() })).toThrow(code('locations.not-found', { field: 'locationId' }));
    const ghost = newId();
    expect(() => create({ assetIds: [ghost] })).toThrow(code('assets.not-found', { missing: [ghost] }));
    setActor(null);
    expect(() => create()).toThrow(code('profile.required'));
    expect(footprint()).toEqual(before);
  });

  it('answers a missing required field through the API with api.invalid-input and saves nothing', async () => {
    const setup = await incidentsSetup();
    const services = { incidents: setup.incidents, faultReports: setup.faultReports };
    const registry = new Registry(apiContract).register(incidentsContract, incidentsHandlers(() => services));
    const before = setup.footprint();
    const result = await registry.call('incidents.create', { category: 'network', impact: 'high', urgency: 'high', reporterName: '李' });
    expect(result).toMatchObject({ ok: false, error: { code: 'api.invalid-input', details: { issues: [expect.objectContaining({ path: 'title' })] } } });
    const noReporter = await registry.call('incidents.create', { title: 'x', category: 'network', impact: 'high', urgency: 'high', reporterName: ' ' });
    expect(noReporter).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(setup.footprint()).toEqual(before);
    const ok = await registry.call('incidents.create', { title: 'UPS 告警', category: 'environment', impact: 'medium', urgency: 'low', reporterName: '李' });
    expect(ok).toMatchObject({ ok: true, value: { priority: 'P4', status: 'new' } });
  });
});

describe('IncidentsService: status flow', () => {
  it('walks new → acknowledged → pending → in progress → resolved → closed → reopened, with the history kept', async () => {
    const { create, incidents, clock, footprint, rowOf } = await incidentsSetup();
    const { id, reportedAt } = create();
    clock.advance(HOUR);
    const t = (minutes: number) => reportedAt + minutes * MINUTE;

    expect(incidents.transition({ id, to: 'acknowledged', note: '', at: t(10) })).toMatchObject({ status: 'acknowledged', acknowledgedAt: t(10) });

    let before = footprint();
    expect(() => incidents.transition({ id, to: 'pending', note: '' })).toThrow(code('incidents.pending-reason-required'));
    expect(footprint()).toEqual(before);
    expect(incidents.transition({ id, to: 'pending', pendingReason: 'vendor', note: '等华为备件', at: t(20) })).toMatchObject({ status: 'pending', pendingReason: 'vendor' });
    expect(incidents.transition({ id, to: 'in-progress', note: '', at: t(30) })).toMatchObject({ status: 'in-progress', pendingReason: null, acknowledgedAt: t(10) });

    before = footprint();
    expect(() => incidents.transition({ id, to: 'closed', note: '' })).toThrow(code('incidents.invalid-transition', { from: 'in-progress', to: 'closed' }));
    expect(() => incidents.transition({ id, to: 'in-progress', note: '' })).toThrow(code('incidents.invalid-transition', { from: 'in-progress', to: 'in-progress' }));
    expect(() => incidents.transition({ id, to: 'resolved', note: '' })).toThrow(code('incidents.resolution-required'));
    expect(footprint()).toEqual(before);

    const resolved = incidents.transition({ id, to: 'resolved', resolution: RESOLUTION, note: '', at: t(40) });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: t(40), resolution: RESOLUTION });
    expect(incidents.transition({ id, to: 'closed', note: '客户确认', at: t(50) })).toMatchObject({ status: 'closed', closedAt: t(50) });

    before = footprint();
    expect(() => incidents.update(id, { title: '改名' })).toThrow(code('incidents.read-only'));
    expect(() => incidents.addWorkLog({ incidentId: id, text: '补记', minutesSpent: 5 })).toThrow(code('incidents.read-only'));
    expect(() => incidents.recordWorkaround({ id, text: '临时' })).toThrow(code('incidents.read-only'));
    expect(() => incidents.transition({ id, to: 'resolved', resolution: RESOLUTION, note: '' })).toThrow(code('incidents.invalid-transition', { from: 'closed', to: 'resolved' }));
    expect(footprint()).toEqual(before);

    const reopened = incidents.transition({ id, to: 'in-progress', note: '故障复现', at: t(55) });
    expect(reopened).toMatchObject({ status: 'in-progress', resolvedAt: null, closedAt: null, acknowledgedAt: t(10) });
    expect(rowOf(id)).toMatchObject({ resolved_at: null, closed_at: null });

    const statuses = incidents
      .get(id)
      .timeline.filter((e) => e.kind === 'status')
      .map((e) => [e.at, e.data['from'], e.data['to']]);
    expect(statuses).toEqual([
      [t(10), 'new', 'acknowledged'],
      [t(20), 'acknowledged', 'pending'],
      [t(30), 'pending', 'in-progress'],
      [t(40), 'in-progress', 'resolved'],
      [t(50), 'resolved', 'closed'],
      [t(55), 'closed', 'in-progress'],
    ]);
    const timeline = incidents.get(id).timeline;
    expect(timeline.find((e) => e.kind === 'resolution')).toMatchObject({ at: t(40), data: RESOLUTION });
    expect(timeline.find((e) => e.data['to'] === 'pending')?.data).toMatchObject({ pendingReason: 'vendor', note: '等华为备件' });
    expect(timeline.at(-1)?.data).toMatchObject({ reopened: true, note: '故障复现' });
  });

  it('sets acknowledgedAt when an incident leaves new by any route', async () => {
    const { create, incidents } = await incidentsSetup();
    const { id, reportedAt } = create();
    expect(incidents.transition({ id, to: 'resolved', resolution: RESOLUTION, note: '', at: reportedAt })).toMatchObject({ acknowledgedAt: reportedAt, resolvedAt: reportedAt });
  });

  it('refuses times in the future or before the step they follow, saving nothing', async () => {
    const { create, incidents, clock, footprint } = await incidentsSetup();
    const { id, reportedAt } = create();
    clock.advance(HOUR);
    incidents.transition({ id, to: 'acknowledged', note: '', at: reportedAt + 30 * MINUTE });
    const before = footprint();
    expect(() => incidents.transition({ id, to: 'in-progress', note: '', at: clock.now() + 1000 })).toThrow(code('incidents.time-in-future'));
    expect(() => incidents.transition({ id, to: 'in-progress', note: '', at: reportedAt + 20 * MINUTE })).toThrow(
      code('incidents.time-out-of-order', { earliest: reportedAt + 30 * MINUTE }),
    );
    expect(() => incidents.addWorkLog({ incidentId: id, text: 'x', minutesSpent: 1, at: reportedAt - 1 })).toThrow(code('incidents.time-out-of-order'));
    expect(() => incidents.addWorkLog({ incidentId: id, text: 'x', minutesSpent: 1, at: clock.now() + 1 })).toThrow(code('incidents.time-in-future'));
    expect(() => incidents.recordWorkaround({ id, text: 'x', at: reportedAt - 1 })).toThrow(code('incidents.time-out-of-order'));
    expect(() => incidents.transition({ id: newId(), to: 'acknowledged', note: '' })).toThrow(code('incidents.not-found'));
    expect(footprint()).toEqual(before);
  });
});

describe('IncidentsService: edits, work and workaround', () => {
  it('recomputes the priority on an edit and writes one history entry per kind of change', async () => {
    const { create, incidents, clock, footprint } = await incidentsSetup();
    const { id } = create({ impact: 'low', urgency: 'low' });
    clock.advance(MINUTE);
    const edited = incidents.update(id, { impact: 'high', urgency: 'high', systemDown: true, assignee: '王工', description: '全院网络中断' });
    expect(edited).toMatchObject({ priority: 'P1', systemDown: true, assignee: '王工', description: '全院网络中断' });
    const kinds = incidents.get(id).timeline.map((e) => [e.kind, e.data]);
    expect(kinds).toEqual([
      ['created', expect.objectContaining({ priority: 'P4' })],
      ['priority', { from: 'P4', to: 'P1', reason: '' }],
      ['edit', { fields: ['systemDown'], from: false, to: true }],
      ['assignee', { from: '', to: '王工' }],
      ['edit', { fields: ['description', 'impact', 'urgency'] }],
    ]);
    // P1 and system down: the emergency workaround clock shows from now on.
    expect(edited.sla.timers.map((t) => t.kind)).toEqual(['response', 'resolution', 'workaround']);

    const before = footprint();
    incidents.update(id, { assignee: '王工', title: edited.title });
    expect(footprint()).toEqual(before);
    expect(() => incidents.update(id, { priorityOverride: 'P3' })).toThrow(code('incidents.priority-reason-required'));
    expect(footprint()).toEqual(before);
    expect(incidents.update(id, { priorityOverride: 'P3', priorityReason: '已有备用链路' })).toMatchObject({ priority: 'P3' });
    expect(incidents.update(id, { priorityOverride: null })).toMatchObject({ priority: 'P1', priorityReason: '' });
  });

  it('logs work with minutes and totals it', async () => {
    const { create, incidents, clock } = await incidentsSetup();
    const { id, reportedAt } = create();
    clock.advance(2 * HOUR);
    const entry = incidents.addWorkLog({ incidentId: id, text: '现场检查光模块', minutesSpent: 45, at: reportedAt + HOUR });
    expect(entry).toMatchObject({ incidentId: id, at: reportedAt + HOUR, author: '张工', text: '现场检查光模块', minutesSpent: 45 });
    incidents.addWorkLog({ incidentId: id, text: 'Replaced SFP', minutesSpent: 20 });
    const detail = incidents.get(id);
    expect(detail.workLog.map((w) => w.minutesSpent)).toEqual([45, 20]);
    expect(detail.totalMinutesSpent).toBe(65);
    expect(detail.timeline.filter((e) => e.kind === 'work-log').map((e) => [e.at, e.data['minutesSpent']])).toEqual([
      [reportedAt + HOUR, 45],
      [clock.now(), 20],
    ]);
  });

  it('keeps the earliest workaround time for the clock and carries the text into the resolution', async () => {
    const { create, incidents, clock } = await incidentsSetup();
    const { id, reportedAt } = create({ impact: 'high', urgency: 'high', systemDown: true });
    clock.advance(3 * HOUR);
    incidents.recordWorkaround({ id, text: '切换到备用链路', at: reportedAt + 2 * HOUR });
    const later = incidents.recordWorkaround({ id, text: '切换到备用链路（已验证）', at: reportedAt + HOUR });
    expect(later).toMatchObject({ workaround: '切换到备用链路（已验证）', workaroundAt: reportedAt + HOUR });
    expect(later.sla.timers.find((t) => t.kind === 'workaround')).toMatchObject({ state: 'met', stoppedAt: reportedAt + HOUR });
    const resolved = incidents.transition({ id, to: 'resolved', resolution: { cause: 'c', method: 'm', workaround: '' }, note: '' });
    expect(resolved.resolution).toEqual({ cause: 'c', method: 'm', workaround: '切换到备用链路（已验证）' });
    expect(incidents.recordWorkaround({ id, text: 'new text' }).resolution?.workaround).toBe('new text');
  });
});

describe('IncidentsService: evidence', () => {
  it('links a check result and a configuration backup with a label, once each, and unlinks', async () => {
    const { create, incidents, store, coreSwitch, footprint } = await incidentsSetup();
    const { id } = create({ assetIds: [coreSwitch] });
    const resultId = newId();
    const backupId = newId();
    store.writePath.write([
      {
        entity: 'checkResult',
        op: 'insert',
        id: resultId,
        fields: { runId: null, assetId: coreSwitch, target: '10.1.1.1', kind: 'ping', profileId: 'ping', step: 'ping', method: 'fping', rawOutput: '', parsed: null, metrics: {}, status: 'failed', errorCode: 'check.unreachable', errorMessage: null, durationMs: 3000, startedAt: 1, finishedAt: 2 },
      },
      { entity: 'configBackup', op: 'insert', id: backupId, fields: { assetId: coreSwitch, fetchedAt: 1, command: 'display current-configuration', sha256: 'ab12cd34ef', content: 'x', changed: 1 } },
    ]);
    const link = incidents.linkEvidence({ incidentId: id, kind: 'check-result', targetId: resultId });
    expect(link).toMatchObject({ incidentId: id, kind: 'check-result', targetId: resultId, label: '核心交换机 S12700 · ping 10.1.1.1: failed (check.unreachable)' });
    expect(incidents.linkEvidence({ incidentId: id, kind: 'check-result', targetId: resultId }).id).toBe(link.id);
    expect(incidents.linkEvidence({ incidentId: id, kind: 'config-backup', targetId: backupId }).label).toBe('核心交换机 S12700 · display current-configuration @ ab12cd34 (changed)');
    expect(incidents.get(id).evidence.map((e) => e.kind)).toEqual(['check-result', 'config-backup']);

    const before = footprint();
    expect(() => incidents.linkEvidence({ incidentId: id, kind: 'check-result', targetId: newId() })).toThrow(code('incidents.evidence-not-found', { kind: 'check-result' }));
    expect(() => incidents.linkEvidence({ incidentId: id, kind: 'config-backup', targetId: resultId })).toThrow(code('incidents.evidence-not-found'));
    // Rounds are not built yet: no round item can exist.
    expect(() => incidents.linkEvidence({ incidentId: id, kind: 'round-item', targetId: newId() })).toThrow(code('incidents.evidence-not-found', { kind: 'round-item' }));
    expect(() => incidents.unlinkEvidence(newId())).toThrow(code('incidents.evidence-not-found'));
    expect(footprint()).toEqual(before);

    incidents.unlinkEvidence(link.id);
    const detail = incidents.get(id);
    expect(detail.evidence.map((e) => e.kind)).toEqual(['config-backup']);
    expect(detail.timeline.filter((e) => e.kind === 'evidence').map((e) => [e.actor, e.data['kind'], e.data['removed'] ?? false])).toEqual([
      ['张工', 'check-result', false],
      ['张工', 'config-backup', false],
      ['张工', 'check-result', true],
    ]);
    expect(() => incidents.unlinkEvidence(link.id)).toThrow(code('incidents.evidence-not-found'));
  });
});

describe('IncidentsService: list, search and SLA', () => {
  it('filters by status, priority, category, asset, place and open-only, and pages with a total', async () => {
    const { create, incidents, titles, list, coreSwitch, bankServer, client, site, room, otherClient, otherRoom } = await incidentsSetup();
    const a = create({ title: 'A 核心交换机端口故障', assetIds: [coreSwitch] });
    create({ title: 'B 门诊楼打印机', category: 'hardware', impact: 'low', urgency: 'low', locationId: site.id });
    create({ title: 'C Core banking slow', category: 'software', assetIds: [bankServer] });
    create({ title: 'D 医院整体', category: 'other', impact: 'medium', urgency: 'medium', locationId: client.id });
    create({ title: 'E nowhere', category: 'other' });
    incidents.transition({ id: a.id, to: 'resolved', resolution: RESOLUTION, note: '' });

    expect(titles({ statuses: ['resolved'] })).toEqual(['A 核心交换机端口故障']);
    expect(titles({ openOnly: true }).sort()).toEqual(['B 门诊楼打印机', 'C Core banking slow', 'D 医院整体', 'E nowhere']);
    expect(titles({ priorities: ['P4'] })).toEqual(['B 门诊楼打印机']);
    expect(titles({ categories: ['software', 'hardware'] }).sort()).toEqual(['B 门诊楼打印机', 'C Core banking slow']);
    expect(titles({ assetId: coreSwitch })).toEqual(['A 核心交换机端口故障']);
    expect(titles({ locationId: room.id })).toEqual(['A 核心交换机端口故障']);
    expect(titles({ locationId: site.id }).sort()).toEqual(['A 核心交换机端口故障', 'B 门诊楼打印机']);
    expect(titles({ locationId: client.id }).sort()).toEqual(['A 核心交换机端口故障', 'B 门诊楼打印机', 'D 医院整体']);
    expect(titles({ locationId: otherClient.id })).toEqual(['C Core banking slow']);
    expect(titles({ locationId: otherRoom.id })).toEqual(['C Core banking slow']);

    expect(titles({}, { by: 'number', direction: 'asc' })).toEqual(['A 核心交换机端口故障', 'B 门诊楼打印机', 'C Core banking slow', 'D 医院整体', 'E nowhere']);
    expect(titles({}, { by: 'priority', direction: 'asc' })[0]).not.toBe('B 门诊楼打印机');
    expect(titles({}, { by: 'priority', direction: 'asc' }).at(-1)).toBe('B 门诊楼打印机');
    expect(titles({}, { by: 'status', direction: 'desc' })[0]).toBe('A 核心交换机端口故障');
    const page = list({}, { by: 'number', direction: 'asc' }, { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 5, offset: 1 });
    expect(page.rows.map((r) => r.title)).toEqual(['B 门诊楼打印机', 'C Core banking slow']);
    expect(incidents.get(a.id).place).toMatchObject({ clientName: '市人民医院', siteName: '门诊楼', roomName: '3F 核心机房' });
  });

  it('finds Chinese terms of two and three characters, English words and numbers', async () => {
    const { create, titles } = await incidentsSetup();
    const first = create({ title: '核心交换机端口故障', description: 'Uplink flapping on Gi0/0/1', assignee: 'Wang Wei' });
    create({ title: '打印机卡纸', reporterName: 'Dr. Smith' });
    create({ title: '接入交换机掉线', description: '核查后发现' });
    expect(titles({ search: '核心' })).toEqual(['核心交换机端口故障']);
    expect(titles({ search: '交换机' }).sort()).toEqual(['接入交换机掉线', '核心交换机端口故障']);
    expect(titles({ search: '核' }).sort()).toEqual(['接入交换机掉线', '核心交换机端口故障']);
    expect(titles({ search: 'flapping' })).toEqual(['核心交换机端口故障']);
    expect(titles({ search: 'FLAP' })).toEqual(['核心交换机端口故障']);
    expect(titles({ search: 'smith' })).toEqual(['打印机卡纸']);
    expect(titles({ search: 'wang 端口' })).toEqual(['核心交换机端口故障']);
    expect(titles({ search: first.number })).toEqual(['核心交换机端口故障']);
    expect(titles({ search: '"0001' })).toEqual([]);
    expect(titles({ search: '路由器' })).toEqual([]);
  });

  it('computes the timers from the times recorded and lists the breaches, sorted by what is due next', async () => {
    const { create, incidents, clock, titles, list, policies, policyAsks, client } = await incidentsSetup();
    // The hospital's contract is tighter than the default.
    policies.set(client.id, testPolicy('0190a000-0000-7000-8000-00000000c0de', { targets: { ...testPolicy('x').targets, P2: { responseMinutes: 15, resolutionMinutes: 120, allDay: true } } }));
    const start = clock.now();
    const hospital = create({ title: 'hospital P2', locationId: client.id });
    expect(hospital.sla).toMatchObject({ policyId: '0190a000-0000-7000-8000-00000000c0de', nextDueAt: start + 15 * MINUTE });
    expect(policyAsks).toContain(client.id);
    const other = create({ title: 'default P3', impact: 'medium', urgency: 'medium' });
    expect(other.sla).toMatchObject({ policyId: '00000000-0000-7000-8000-000000000001', nextDueAt: start + 240 * MINUTE });

    clock.advance(20 * MINUTE);
    // Acknowledged offline at 10 minutes: the response was met, although it is recorded only now.
    const acknowledged = incidents.transition({ id: hospital.id, to: 'acknowledged', note: '', at: start + 10 * MINUTE });
    expect(acknowledged.sla.timers.find((t) => t.kind === 'response')).toMatchObject({ state: 'met', stoppedAt: start + 10 * MINUTE, elapsedMs: 10 * MINUTE });
    expect(acknowledged.sla.timers.find((t) => t.kind === 'resolution')).toMatchObject({ state: 'on-track', remainingMs: 100 * MINUTE, dueAt: start + 120 * MINUTE });

    clock.advance(80 * MINUTE); // 100 of 120 minutes used: at risk
    expect(incidents.get(hospital.id).incident.sla.worst).toBe('at-risk');
    expect(incidents.counts()).toEqual({ open: 2, atRisk: 1, breached: 0 });
    expect(titles({}, { by: 'nextDueAt', direction: 'asc' })).toEqual(['hospital P2', 'default P3']);

    // Pending for the vendor pauses the resolution clock.
    incidents.transition({ id: hospital.id, to: 'pending', pendingReason: 'vendor', note: '' });
    clock.advance(60 * MINUTE);
    const paused = incidents.get(hospital.id).incident.sla;
    expect(paused.timers.find((t) => t.kind === 'resolution')).toMatchObject({ state: 'paused', elapsedMs: 100 * MINUTE, dueAt: null });
    expect(titles({}, { by: 'nextDueAt', direction: 'asc' })).toEqual(['default P3', 'hospital P2']);

    incidents.transition({ id: hospital.id, to: 'in-progress', note: '' });
    clock.advance(30 * MINUTE);
    expect(incidents.get(hospital.id).incident.sla.worst).toBe('breached');
    expect(titles({ slaStates: ['breached', 'missed'] })).toEqual(['hospital P2']);
    expect(list({ slaStates: ['breached', 'missed'] }).total).toBe(1);
    // The other one has used 190 of its 240 response minutes by now.
    expect(incidents.counts()).toEqual({ open: 2, atRisk: 1, breached: 1 });

    incidents.transition({ id: hospital.id, to: 'resolved', resolution: RESOLUTION, note: '' });
    expect(incidents.get(hospital.id).incident.sla.timers.find((t) => t.kind === 'resolution')).toMatchObject({ state: 'missed' });
    // Resolved late: on the breach list, no longer on the badge.
    expect(titles({ slaStates: ['breached', 'missed'] })).toEqual(['hospital P2']);
    expect(incidents.counts()).toEqual({ open: 1, atRisk: 1, breached: 0 });
  });

  it('keeps an incident whose response was missed on the breach list while its resolution is at risk', async () => {
    const { create, incidents, clock, titles, policies, client } = await incidentsSetup();
    policies.set(client.id, testPolicy('0190a000-0000-7000-8000-00000000c0de', { targets: { ...testPolicy('x').targets, P2: { responseMinutes: 15, resolutionMinutes: 120, allDay: true } } }));
    const { id } = create({ title: 'late answer', locationId: client.id });
    create({ title: 'fine', impact: 'low', urgency: 'low' });
    clock.advance(20 * MINUTE);
    expect(incidents.transition({ id, to: 'acknowledged', note: '' }).sla.worst).toBe('missed');
    clock.advance(75 * MINUTE); // 95 of 120 resolution minutes
    const sla = incidents.get(id).incident.sla;
    expect(sla.timers.map((t) => t.state)).toEqual(['missed', 'at-risk']);
    expect(sla.worst).toBe('at-risk');
    expect(titles({ slaStates: ['breached', 'missed'] })).toEqual(['late answer']);
    expect(titles({ slaStates: ['at-risk'] })).toEqual(['late answer']);
    expect(titles({ slaStates: ['on-track'] })).toEqual(['fine']);
    expect(incidents.counts()).toEqual({ open: 2, atRisk: 0, breached: 1 });
  });
});

describe('IncidentsService: fault report draft', () => {
  it('drafts from the category and the resolution until a report is saved', async () => {
    const { create, incidents } = await incidentsSetup();
    const { id } = create();
    expect(incidents.faultReportDraft(id)).toEqual({ faultType: 'network', cause: '', method: '', losses: '' });
    incidents.transition({ id, to: 'resolved', resolution: RESOLUTION, note: '' });
    expect(incidents.faultReportDraft(id)).toEqual({ faultType: 'network', cause: '光模块老化', method: '更换光模块', losses: '' });
    incidents.saveFaultReport(id, { faultType: '链路故障', cause: 'c', method: 'm', losses: '门诊挂号中断 20 分钟' });
    expect(incidents.faultReportDraft(id)).toEqual({ faultType: '链路故障', cause: 'c', method: 'm', losses: '门诊挂号中断 20 分钟' });
  });
});
