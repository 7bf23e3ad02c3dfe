import { describe, expect, it } from 'vitest';
import { apiContract } from '@shared/api';
import { statisticsContract } from '@shared/api/statistics.contract';
import { AssetFields, type AssetFieldsInput } from '@shared/domain/assets';
import type { CheckResult } from '@shared/domain/checks';
import { IncidentFields, type IncidentFieldsInput } from '@shared/domain/incidents';
import type { Profile } from '@shared/domain/profile';
import { ScheduleFields } from '@shared/domain/rounds';
import { StatisticsScope, type StatisticsScopeInput } from '@shared/domain/statistics';
import { dayOfIsoDate, zonedInstant } from '@shared/time/zoned-time';
import { samplePng } from '../attachments/testing/sample-files';
import { Registry } from '../api/registry';
import { insertResult } from '../checks/check-results.repo';
import { EventBus } from '../events/event-bus';
import { createServices, DEFAULT_RESOURCES_DIR } from '../services';
import { newId } from '../store/ids';
import { tempDataDir } from '../testing/fixtures';
import { statisticsHandlers } from './statistics.handlers';
import { computeServiceStatistics } from './statistics.service';
import { HOUR, MINUTE, openSeedStore, SEED_NOW, SEED_POLICY, SEED_TEMPLATE } from './testing/seed-service-data';

const ZONE = 'Asia/Shanghai';
/** Local midnight of a date in Shanghai. */
const day = (date: string, zone = ZONE) => zonedInstant(dayOfIsoDate(date), 0, zone);
const RESOLUTION = { cause: '光模块老化', method: '更换光模块', workaround: '' };

/** A client with two sites (a room each), a second client, a 24×7 policy, and helpers; the clock stands at SEED_NOW (27 Nov 09:00). */
async function setup() {
  const dataDir = tempDataDir();
  const target = await openSeedStore(dataDir);
  let actor: Profile = { name: '张伟', role: 'engineer' };
  const as = (name: string) => {
    actor = { name, role: 'engineer' };
    target.setActor(actor);
  };
  as('张伟');
  const services = createServices({ store: target.store, events: new EventBus(), dataDir, now: target.clock.now, actor: () => actor, resourcesDir: DEFAULT_RESOURCES_DIR });
  const { locations } = services;
  const client = locations.create({ kind: 'client', name: '市人民医院' }).id;
  const site = locations.create({ kind: 'site', clientId: client, name: '门诊楼' }).id;
  const room = locations.create({ kind: 'room', siteId: site, name: '3F 机房' }).id;
  const site2 = locations.create({ kind: 'site', clientId: client, name: '住院部' }).id;
  const room2 = locations.create({ kind: 'room', siteId: site2, name: 'B1 机房' }).id;
  const other = locations.create({ kind: 'client', name: '港湾银行' }).id;
  const otherSite = locations.create({ kind: 'site', clientId: other, name: 'HQ' }).id;
  const otherRoom = locations.create({ kind: 'room', siteId: otherSite, name: 'Server room' }).id;
  target.setActor({ name: '陈主管', role: 'supervisor' });
  services.sla.policies.save({ fields: { ...SEED_POLICY, clientId: client } });
  target.setActor(actor);
  const asset = (fields: AssetFieldsInput) => services.assets.create(AssetFields.parse(fields)).id;
  const sw = asset({ type: 'switch', name: '核心交换机', roomId: room, managementIps: ['10.0.0.1'] });
  const incident = (fields: Partial<IncidentFieldsInput> & { reportedAt: number }) => {
    target.clock.set(Math.max(target.clock.now(), fields.reportedAt));
    return services.incidents.incidents.create(IncidentFields.parse({ title: '端口故障', category: 'network', impact: 'medium', urgency: 'medium', reporterName: '李护士长', locationId: room, ...fields }));
  };
  const move = (id: string, to: 'acknowledged' | 'in-progress' | 'resolved' | 'pending', at: number) =>
    services.incidents.incidents.transition({ id, to, at, note: '', ...(to === 'resolved' ? { resolution: RESOLUTION } : {}), ...(to === 'pending' ? { pendingReason: 'vendor' } : {}) });
  const compute = (scope: Partial<StatisticsScopeInput> & { from: number; to: number }) => services.statistics.statistics.compute(StatisticsScope.parse(scope));
  return { ...target, services, client, site, room, site2, room2, other, otherRoom, sw, asset, incident, move, compute, as };
}

describe('StatisticsService: incidents and SLA', () => {
  it('counts a hand-made month exactly: 3 incidents, one resolved late → 5 of 6 timers met', async () => {
    const s = await setup();
    const a = s.incident({ reportedAt: day('2026-11-02') + 10 * HOUR, category: 'network' });
    const b = s.incident({ reportedAt: day('2026-11-03') + 10 * HOUR, category: 'network', assetIds: [s.sw], locationId: null });
    const c = s.incident({ reportedAt: day('2026-11-04') + 10 * HOUR, category: 'hardware' });
    s.move(a.id, 'acknowledged', a.reportedAt + HOUR);
    s.move(a.id, 'resolved', a.reportedAt + 5 * HOUR);
    s.move(b.id, 'acknowledged', b.reportedAt + 30 * MINUTE);
    s.move(b.id, 'resolved', b.reportedAt + 10 * HOUR);
    s.move(c.id, 'acknowledged', c.reportedAt + 2 * HOUR);
    s.move(c.id, 'resolved', c.reportedAt + 30 * HOUR);

    const stats = s.compute({ from: day('2026-11-01'), to: day('2026-12-01') });
    expect(stats.incidents).toEqual({
      total: 3,
      byCategory: { hardware: 1, software: 0, network: 2, security: 0, environment: 0, other: 0 },
      byPriority: { P1: 0, P2: 0, P3: 3, P4: 0 },
      byMonth: [{ month: '2026-11', count: 3 }],
      open: 0,
      resolved: 3,
      systemDown: 0,
      meanTimeToRespondMs: (HOUR + 30 * MINUTE + 2 * HOUR) / 3,
      meanTimeToResolveMs: (5 * HOUR + 10 * HOUR + 30 * HOUR) / 3,
    });
    // P3 of the seed policy: respond in 4 h, resolve in 24 h; C's resolution took 30 h.
    expect(stats.sla).toEqual({
      measured: 6,
      met: 5,
      breached: 1,
      compliance: 5 / 6,
      breaches: [{ incidentId: c.id, number: c.number, title: c.title, priority: 'P3', timer: 'resolution', dueAt: c.reportedAt + 24 * HOUR }],
    });
    expect(stats.topFaultyAssets).toEqual([{ assetId: s.sw, name: '核心交换机', incidents: 1 }]);
    s.store.close();
  });

  it('includes a record at `from`, excludes one at `to`, and judges by what was known at the end of the period', async () => {
    const s = await setup();
    const from = day('2026-11-10');
    const to = day('2026-11-11');
    const atFrom = s.incident({ reportedAt: from });
    const atTo = s.incident({ reportedAt: to });
    s.incident({ reportedAt: from - 1 });
    // Resolved after the period ended: open at `to`, its timers as they stood then.
    s.move(atFrom.id, 'acknowledged', from + HOUR);
    s.move(atFrom.id, 'resolved', to + 5 * HOUR);
    const stats = s.compute({ from, to });
    expect(stats.incidents).toMatchObject({ total: 1, open: 1, resolved: 0, meanTimeToRespondMs: HOUR, meanTimeToResolveMs: null });
    // At `to` the 24 h resolution timer had run exactly 24 h: due, not yet over, so not measured.
    expect(stats.sla).toMatchObject({ measured: 1, met: 1, breached: 0, compliance: 1 });
    // Over a period that includes the fix, it counts as resolved (after 29 h: late).
    const later = s.compute({ from, to: to + DAY });
    expect(later.incidents).toMatchObject({ total: 2, resolved: 1 });
    // The one reported at `to` was never taken on: a day later its 4 h response timer is over.
    expect(later.sla.breaches.map((breach) => [breach.incidentId, breach.timer, breach.dueAt])).toEqual([
      [atFrom.id, 'resolution', from + DAY],
      [atTo.id, 'response', to + 4 * HOUR],
    ]);
    s.store.close();
  });

  it('cuts months in the scope’s time zone, every month listed', async () => {
    const s = await setup();
    // 31 Oct 16:30 UTC is 1 Nov 00:30 in Shanghai.
    s.incident({ reportedAt: Date.UTC(2026, 9, 31, 16, 30) });
    s.incident({ reportedAt: Date.UTC(2026, 9, 10, 3, 0) });
    const shanghai = s.compute({ from: day('2026-09-01'), to: day('2026-12-01'), timeZone: ZONE });
    expect(shanghai.incidents.byMonth).toEqual([
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 1 },
    ]);
    const utc = s.compute({ from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 11, 1), timeZone: 'UTC' });
    expect(utc.incidents.byMonth).toEqual([
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 0 },
    ]);
    s.store.close();
  });

  it('takes a location with everything under it, and an engineer by who recorded or was assigned', async () => {
    const s = await setup();
    const at = day('2026-11-05');
    s.incident({ reportedAt: at, locationId: s.room });
    s.incident({ reportedAt: at, locationId: s.site });
    s.incident({ reportedAt: at, locationId: s.room2, assignee: '李娜' });
    s.incident({ reportedAt: at, assetIds: [s.sw], locationId: null });
    s.as('李娜');
    s.incident({ reportedAt: at, locationId: s.otherRoom });
    const total = (locationId: string | null, engineer: string | null = null) => s.compute({ from: day('2026-11-01'), to: day('2026-12-01'), locationId, engineer }).incidents.total;
    expect(total(null)).toBe(5);
    expect(total(s.client)).toBe(4);
    expect(total(s.site)).toBe(3);
    expect(total(s.room)).toBe(2);
    expect(total(s.room2)).toBe(1);
    expect(total(s.other)).toBe(1);
    expect(total(null, '李娜')).toBe(2);
    expect(total(s.client, '李娜')).toBe(1);
    expect(total(null, '王强')).toBe(0);
    // A cleared engineer field filters nothing.
    expect(total(null, ' ')).toBe(5);
    s.store.close();
  });

  it('gives zeros and null ratios for an empty scope', async () => {
    const s = await setup();
    const stats = s.compute({ from: day('2026-10-01'), to: day('2026-11-01'), locationId: s.room2 });
    expect(stats).toMatchObject({
      devicesCovered: 0,
      rounds: { scheduled: 0, done: 0, overdue: 0, inProgress: 0, anomalies: 0 },
      incidents: { total: 0, open: 0, resolved: 0, systemDown: 0, meanTimeToRespondMs: null, meanTimeToResolveMs: null, byMonth: [{ month: '2026-10', count: 0 }] },
      sla: { measured: 0, met: 0, breached: 0, compliance: null, breaches: [] },
      consultations: 0,
      problems: 0,
      changes: 0,
      changesImplemented: 0,
      availability: [],
      topFaultyAssets: [],
      warrantyEndingSoon: [],
    });
    expect(Object.values(stats.incidents.byCategory).every((n) => n === 0)).toBe(true);
    s.store.close();
  });
});

describe('StatisticsService: rounds, devices, problems and changes', () => {
  it('counts schedule periods, done, overdue and under way as the rounds home does', async () => {
    const s = await setup();
    const { templates, schedules, rounds } = s.services.rounds;
    s.clock.set(day('2026-11-19'));
    const template = templates.save(undefined, SEED_TEMPLATE);
    const schedule = schedules.save(undefined, ScheduleFields.parse({ templateId: template.id, target: { kind: 'room', roomId: s.room }, frequency: 'daily', startDate: '2026-11-20', assignee: '张伟' }));
    // A schedule elsewhere, and one switched off: neither counts for room 1.
    schedules.save(undefined, ScheduleFields.parse({ templateId: template.id, target: { kind: 'room', roomId: s.room2 }, frequency: 'weekly', startDate: '2026-11-20', assignee: '李娜' }));
    schedules.save(undefined, ScheduleFields.parse({ templateId: template.id, target: { kind: 'room', roomId: s.room }, frequency: 'daily', startDate: '2026-11-20', active: false }));
    const walk = (date: string, temperature: number, sign: boolean, signature?: string) => {
      s.clock.set(day(date) + 10 * HOUR);
      const { round } = rounds.start({ templateId: template.id, target: { kind: 'room', roomId: s.room }, scheduleId: schedule.id, periodStart: date });
      rounds.saveEntry({ roundId: round.id, sectionKey: 'environment', itemKey: 'temperature', assetId: null, value: { type: 'number', value: temperature }, note: '' });
      rounds.saveEntry({ roundId: round.id, sectionKey: 'environment', itemKey: 'water', assetId: null, value: { type: 'pass-fail', passed: true }, note: '' });
      rounds.saveEntry({ roundId: round.id, sectionKey: 'environment', itemKey: 'cleanliness', assetId: null, value: { type: 'choice', value: 'dusty' }, note: '' });
      if (sign && signature) rounds.sign({ id: round.id, signerName: '张伟', signatureAttachmentId: signature, summary: '' });
      return round.id;
    };
    const first = walk('2026-11-20', 28, false);
    const signature = (await s.services.attachments.upload({ ownerType: 'round-item', ownerId: first, fileName: 's.png', bytes: await samplePng(16, 16) })).id;
    s.clock.set(day('2026-11-20') + 11 * HOUR);
    rounds.sign({ id: first, signerName: '张伟', signatureAttachmentId: signature, summary: '' });
    walk('2026-11-21', 22, false);
    walk('2026-11-22', 22, true, signature);
    s.clock.set(SEED_NOW);

    // 20–26 Nov: seven daily periods; 23–26 ended with no round (overdue), the 21st has one under way.
    const week = s.compute({ from: day('2026-11-20'), to: day('2026-11-27'), locationId: s.room });
    // Anomalies: 28 °C warns, and every round found the room dusty.
    expect(week.rounds).toEqual({ scheduled: 7, done: 2, overdue: 4, inProgress: 1, anomalies: 4 });
    // Today (27 Nov) is not over: its period is scheduled, not overdue.
    expect(s.compute({ from: day('2026-11-20'), to: day('2026-11-28'), locationId: s.room }).rounds).toMatchObject({ scheduled: 8, overdue: 4 });
    // The weekly schedule of room 2 adds its period starting on the 20th; an engineer sees their own.
    expect(s.compute({ from: day('2026-11-20'), to: day('2026-11-27'), locationId: s.client }).rounds).toMatchObject({ scheduled: 8, overdue: 5 });
    expect(s.compute({ from: day('2026-11-20'), to: day('2026-11-27'), engineer: '李娜' }).rounds).toEqual({ scheduled: 1, done: 0, overdue: 1, inProgress: 0, anomalies: 0 });
    s.store.close();
  });

  it('measures availability from reachability checks only, and lists warranty ending soon', async () => {
    const s = await setup();
    const ups = s.asset({ type: 'ups', name: 'UPS-01', roomId: s.room, warrantyEnd: '2027-01-15' });
    s.asset({ type: 'server', name: '旧服务器', roomId: s.room, warrantyEnd: '2026-01-01', status: 'retired' });
    const host = s.asset({ type: 'server', name: '新服务器', roomId: s.room, warrantyEnd: '2028-01-01' });
    const ended = s.asset({ type: 'storage', name: '存储', roomId: s.room2, warrantyEnd: '2026-03-01' });
    // Software sits in its host's room; its licence end counts like a warranty.
    const oracle = s.asset({ type: 'database', name: 'Oracle', installedOnId: host, warrantyEnd: '2027-02-01' });
    const at = day('2026-11-10');
    const result = (assetId: string, kind: CheckResult['kind'], status: CheckResult['status'], errorCode: string | null = null): CheckResult => ({
      id: newId(),
      runId: null,
      assetId,
      target: '10.0.0.1',
      kind,
      profileId: kind,
      step: kind,
      method: null,
      rawOutput: '',
      parsed: null,
      metrics: {},
      units: {},
      status,
      errorCode,
      errorMessage: null,
      durationMs: 5,
      startedAt: at,
      finishedAt: at + 5,
    });
    s.store.writePath.write(
      [
        result(ups, 'ping', 'ok'),
        result(ups, 'snmp', 'warning'),
        result(ups, 'snmp', 'failed'),
        result(ups, 'ping', 'failed'),
        result(ups, 'tcp', 'error', 'check.timeout'),
        result(ups, 'snmp', 'error', 'snmp.parse-error'),
        result(ups, 'ping', 'cancelled'),
        result(ups, 'http', 'failed'),
        result(s.sw, 'ping', 'ok'),
      ].map(insertResult),
    );
    const stats = s.compute({ from: day('2026-11-01'), to: day('2026-12-01') });
    expect(stats.availability).toEqual([
      { assetId: ups, name: 'UPS-01', checks: 5, ok: 3, availability: 0.6 },
      { assetId: s.sw, name: '核心交换机', checks: 1, ok: 1, availability: 1 },
    ]);
    // 90 days from 27 Nov 2026 is 25 Feb 2027: the UPS and the storage whose warranty already ended; not the retired one.
    expect(stats.warrantyEndingSoon).toEqual([
      { assetId: ended, name: '存储', warrantyEnd: '2026-03-01' },
      { assetId: ups, name: 'UPS-01', warrantyEnd: '2027-01-15' },
      { assetId: oracle, name: 'Oracle', warrantyEnd: '2027-02-01' },
    ]);
    // Hardware in service: switch, UPS, new server, storage (not the retired one, not the database).
    expect(stats.devicesCovered).toBe(4);
    expect(s.compute({ from: day('2026-11-01'), to: day('2026-12-01'), locationId: s.site2 }).warrantyEndingSoon.map((w) => w.assetId)).toEqual([ended]);
    expect(s.compute({ from: day('2026-11-01'), to: day('2026-12-01'), locationId: s.room }).warrantyEndingSoon.map((w) => w.assetId)).toEqual([ups, oracle]);
    s.store.close();
  });

  it('counts consultations answered, defects submitted, changes created and completed', async () => {
    const s = await setup();
    const { problems, changes } = s.services;
    const at = day('2026-11-05');
    s.clock.set(at + DAY * 10);
    problems.createConsultation({ reporter: '王老师', contact: '', question: 'VPN?', answer: '装客户端', title: '', assetIds: [s.sw], at });
    problems.createConsultation({ reporter: '王老师', contact: '', question: '打印机?', answer: '重启', title: '', assetIds: [], at: day('2026-10-30') });
    problems.createDefect({ title: '乱码', description: '', reporter: '财务科', contact: '', assetIds: [s.sw], at });
    const change = changes.create({
      title: '升级', description: '', assetIds: [s.sw], plan: '步骤', riskLevel: 'low', riskText: '', rollbackPlan: '回退', windowStart: at + HOUR, windowEnd: at + 2 * HOUR, requester: '信息科', implementer: '张伟',
    });
    changes.create({ title: '草稿', description: '', assetIds: [], plan: '', riskLevel: null, riskText: '', rollbackPlan: '', windowStart: null, windowEnd: null, requester: '信息科', implementer: '' });
    changes.transition(change.id, { to: 'submitted', comment: '', result: '', at: at + 30 * MINUTE });
    s.setActor({ name: '陈主管', role: 'supervisor' });
    const asSupervisor = createServices({ store: s.store, events: new EventBus(), dataDir: s.dataDir, now: s.clock.now, actor: () => ({ name: '陈主管', role: 'supervisor' }) });
    asSupervisor.changes.transition(change.id, { to: 'approved', comment: '', result: '', at: at + 40 * MINUTE });
    s.as('张伟');
    changes.transition(change.id, { to: 'in-progress', comment: '', result: '', at: at + HOUR });
    changes.transition(change.id, { to: 'completed', comment: '', result: '成功', at: at + 2 * HOUR });
    const month = s.compute({ from: day('2026-11-01'), to: day('2026-12-01') });
    expect(month).toMatchObject({ consultations: 1, problems: 1, changes: 2, changesImplemented: 1 });
    // With a location only records about its assets count; an engineer only their own.
    expect(s.compute({ from: day('2026-11-01'), to: day('2026-12-01'), locationId: s.room })).toMatchObject({ consultations: 1, problems: 1, changes: 1, changesImplemented: 1 });
    expect(s.compute({ from: day('2026-11-01'), to: day('2026-12-01'), locationId: s.room2 })).toMatchObject({ consultations: 0, problems: 0, changes: 0 });
    expect(s.compute({ from: day('2026-11-01'), to: day('2026-12-01'), engineer: '李娜' })).toMatchObject({ consultations: 0, changes: 0 });
    s.store.close();
  });
});

describe('statistics API', () => {
  it('validates the scope and names an unknown location', async () => {
    const s = await setup();
    const registry = new Registry(apiContract).register(statisticsContract, statisticsHandlers(() => s.services.statistics));
    const from = day('2026-11-01');
    expect(await registry.call('statistics.compute', { scope: { from, to: from } })).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(await registry.call('statistics.compute', { scope: { from, to: from + DAY, timeZone: 'Mars/Olympus' } })).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(await registry.call('statistics.compute', { scope: { from, to: from + DAY, locationId: newId() } })).toMatchObject({ ok: false, error: { code: 'locations.not-found' } });
    const ok = await registry.call('statistics.compute', { scope: { from, to: from + DAY } });
    expect(ok).toMatchObject({ ok: true, value: { incidents: { total: 0 }, scope: { locationId: null, engineer: null, timeZone: ZONE } } });
    s.incident({ reportedAt: from, assignee: '李娜' });
    expect(await registry.call('statistics.engineers', {})).toEqual({ ok: true, value: ['张伟', '李娜'] });
    // Without the API (the service report): the same figures from the scope as given.
    const direct = computeServiceStatistics({ store: s.store, policies: s.services.sla.policies, now: s.clock.now }, { from, to: from + DAY });
    expect(direct).toEqual(s.services.statistics.statistics.compute(StatisticsScope.parse({ from, to: from + DAY })));
    expect(direct.incidents.total).toBe(1);
    s.store.close();
  });
});

const DAY = 24 * HOUR;
