import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanFields, type PlanFieldsInput } from '@shared/domain/emergency-plans';
import type { Profile } from '@shared/domain/profile';
import { EventBus } from '../events/event-bus';
import { LocationsService } from '../locations/locations.service';
import { newId } from '../store/ids';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { EmergencyPlansService } from './emergency-plans.service';
import { PlanTemplateCatalog } from './plan-templates';

const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));

async function setup(options: { resourcesDir?: string } = {}) {
  const clock = manualClock();
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => actor });
  const events = new EventBus();
  const changes: string[][] = [];
  events.on((name, payload) => {
    if (name === 'records.changed') changes.push((payload as { entities: string[] }).entities);
  });
  const locations = new LocationsService(store, events);
  const plans = new EmergencyPlansService(store, events, new PlanTemplateCatalog(options.resourcesDir ?? RESOURCES));
  const hospital = locations.create({ kind: 'client', name: '市人民医院' });
  const outpatient = locations.create({ kind: 'site', clientId: hospital.id, name: '门诊楼' });
  const inpatient = locations.create({ kind: 'site', clientId: hospital.id, name: '住院楼' });
  const bank = locations.create({ kind: 'client', name: '城商银行' });
  const branch = locations.create({ kind: 'site', clientId: bank.id, name: '总行数据中心' });
  const fields = (overrides: Partial<PlanFieldsInput> = {}): PlanFieldsInput => ({
    title: '机房空调故障应急预案',
    clientId: hospital.id,
    scenario: 'air-conditioning-failure',
    severity: 'major',
    language: 'zh-CN',
    steps: [{ title: '确认空调告警', responsibleRole: '值班工程师', expectedMinutes: 5, checkItem: '告警已确认' }],
    contacts: [{ key: 'ac', name: '王工', role: '空调维保', organisation: '某制冷公司', phones: ['0571-8765 4321', '13900001111'], escalationLevel: 2 }],
    callList: [{ contactKey: 'ac', afterMinutes: 10 }],
    strategies: '## 应急策略\n- 打开机房门通风',
    ...overrides,
  });
  const create = (overrides: Partial<PlanFieldsInput> = {}) => plans.create(PlanFields.parse(fields(overrides)));
  const rows = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    store,
    plans,
    locations,
    hospital,
    outpatient,
    inpatient,
    bank,
    branch,
    fields,
    create,
    rows,
    changes,
    clock,
    setActor: (next: Profile | null) => {
      actor = next;
    },
  };
}

describe('EmergencyPlansService', () => {
  it('writes a plan with its steps, contacts and call list and reads it back whole', async () => {
    const { plans, create, hospital, outpatient, store, changes } = await setup();
    const { id } = create({ siteId: outpatient.id, reviewedAt: '2026-11-01', version: '2.1' });
    expect(plans.get(id)).toMatchObject({
      id,
      title: '机房空调故障应急预案',
      clientId: hospital.id,
      clientName: '市人民医院',
      siteId: outpatient.id,
      siteName: '门诊楼',
      version: '2.1',
      reviewedAt: '2026-11-01',
      templateId: null,
      steps: [{ title: '确认空调告警', instructions: '', responsibleRole: '值班工程师', expectedMinutes: 5, checkItem: '告警已确认' }],
      contacts: [{ key: 'ac', name: '王工', phones: ['0571-8765 4321', '13900001111'], escalationLevel: 2, notes: '' }],
      callList: [{ contactKey: 'ac', afterMinutes: 10, note: '' }],
    });
    // Through the write path: outbox and audit in the same transaction, and views told to reload.
    expect(store.db.prepare("SELECT op FROM outbox WHERE entity = 'emergencyPlan' AND entity_id = ?").all(id)).toEqual([{ op: 'insert' }]);
    expect(store.db.prepare("SELECT action, actor_name FROM audit_log WHERE entity = 'emergencyPlan'").all()).toEqual([{ action: 'create', actor_name: TEST_ACTOR.name }]);
    expect(changes).toContainEqual(['emergencyPlan']);
  });

  it('refuses a plan that breaks the rules with stable codes, saving nothing', async () => {
    const { plans, fields, rows, hospital, branch } = await setup();
    const attempt = (overrides: Partial<PlanFieldsInput>) => () => plans.create(fields(overrides) as never);
    expect(attempt({ steps: [] })).toThrow(expect.objectContaining({ code: 'api.invalid-input', details: { issues: [expect.objectContaining({ path: 'steps' })] } }));
    expect(attempt({ contacts: [{ key: 'ac', name: '王工', phones: [] }] })).toThrow(
      expect.objectContaining({ code: 'api.invalid-input', details: { issues: [expect.objectContaining({ path: 'contacts.0.phones' })] } }),
    );
    expect(attempt({ contacts: [{ key: 'ac', name: '王工', phones: ['  '] }] })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(attempt({ contacts: [{ key: 'ac', name: '王工', phones: ['转分机'] }] })).toThrow(
      expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'contacts.0.phones.0', message: expect.stringMatching(/3 digits/) })] } }),
    );
    expect(attempt({ callList: [{ contactKey: 'nobody', afterMinutes: 0 }] })).toThrow(
      expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'callList.0.contactKey' })] } }),
    );
    expect(attempt({ siteId: branch.id })).toThrow(expect.objectContaining({ code: 'locations.not-found', details: { field: 'siteId' } }));
    expect(attempt({ clientId: newId() })).toThrow(expect.objectContaining({ code: 'locations.not-found', details: { field: 'clientId' } }));
    expect(rows('emergency_plans')).toBe(0);
    expect(rows('outbox')).toBe(3 + 2); // the clients and sites of the setup only
    void hospital;
  });

  it('accepts phone numbers as people write them', async () => {
    const { create, plans } = await setup();
    const phones = ['119', '+86 10 6552 9988 转 8001', '(0571) 8888-1234', '138 0013 8000'];
    const { id } = create({ contacts: [{ key: 'a', name: 'A', phones }], callList: [] });
    expect(plans.get(id).contacts[0]?.phones).toEqual(phones);
  });

  it('keeps the call list in time order and its contacts in the plan', async () => {
    const { fields, plans } = await setup();
    const contacts = [
      { key: 'a', name: 'A', phones: ['110'] },
      { key: 'b', name: 'B', phones: ['120'] },
    ];
    expect(() =>
      plans.create(fields({ contacts, callList: [{ contactKey: 'a', afterMinutes: 30 }, { contactKey: 'b', afterMinutes: 5 }] }) as never),
    ).toThrow(expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'callList.1.afterMinutes' })] } }));
    expect(() => plans.create(fields({ contacts: [contacts[0]!, { ...contacts[1]!, key: 'a' }], callList: [] }) as never)).toThrow(
      expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'contacts.1.key' })] } }),
    );
  });

  it('updates some fields, checks the merged plan, and moves a plan between clients without a stale site', async () => {
    const { plans, create, outpatient, bank, rows } = await setup();
    const { id } = create({ siteId: outpatient.id });
    plans.update(id, { steps: [{ title: '一', instructions: '', responsibleRole: '', expectedMinutes: null, checkItem: '' }, { title: '二', instructions: '', responsibleRole: '', expectedMinutes: 10, checkItem: '' }] });
    expect(plans.get(id).steps.map((s) => s.title)).toEqual(['一', '二']);
    expect(plans.get(id).contacts).toHaveLength(1);

    // Removing the contact the call list calls is refused as a whole.
    expect(() => plans.update(id, { contacts: [] })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(plans.get(id).contacts).toHaveLength(1);
    plans.update(id, { contacts: [], callList: [] });
    expect(plans.get(id).contacts).toEqual([]);

    plans.update(id, { clientId: bank.id });
    expect(plans.get(id)).toMatchObject({ clientId: bank.id, clientName: '城商银行', siteId: null });
    expect(() => plans.update(newId(), { title: 'x' })).toThrow(expect.objectContaining({ code: 'plans.not-found' }));
    expect(rows("audit_log WHERE entity = 'emergencyPlan' AND action = 'update'")).toBe(3);
  });

  it('lists by client and site, client-wide plans apply at every site, and searches text in Chinese and English', async () => {
    const { plans, create, hospital, outpatient, inpatient, bank, branch } = await setup();
    create({ title: '全院停电应急预案', scenario: 'power-failure' });
    create({ title: '门诊楼机房空调故障', siteId: outpatient.id });
    create({ title: '住院楼核心交换机故障', siteId: inpatient.id, scenario: 'network-failure', language: 'en', steps: [{ title: 'Fail over to the standby core' }] });
    create({ title: '数据中心勒索病毒', clientId: bank.id, siteId: branch.id, scenario: 'ransomware', contacts: [{ key: 'p', name: '公安报警', phones: ['110'] }], callList: [] });

    const titles = (filter: Parameters<typeof plans.list>[0]) => plans.list(filter).map((p) => p.title);
    // Clients by name, each client's plans for every site first, then its sites by name.
    expect(titles({})).toEqual(['数据中心勒索病毒', '全院停电应急预案', '住院楼核心交换机故障', '门诊楼机房空调故障']);
    expect(titles({ clientId: hospital.id })).toEqual(['全院停电应急预案', '住院楼核心交换机故障', '门诊楼机房空调故障']);
    expect(titles({ siteId: outpatient.id })).toEqual(['全院停电应急预案', '门诊楼机房空调故障']);
    expect(titles({ clientId: bank.id })).toEqual(['数据中心勒索病毒']);
    expect(titles({ search: '停电' })).toEqual(['全院停电应急预案']);
    // Two characters: in the default step, or (住院楼, whose steps are its own) the default contact's role.
    expect(titles({ search: '空调' })).toEqual(['数据中心勒索病毒', '全院停电应急预案', '住院楼核心交换机故障', '门诊楼机房空调故障']);
    expect(titles({ search: '维保' })).toEqual(['全院停电应急预案', '住院楼核心交换机故障', '门诊楼机房空调故障']);
    expect(titles({ search: 'standby' })).toEqual(['住院楼核心交换机故障']);
    expect(titles({ search: '公安' })).toEqual(['数据中心勒索病毒']);
    expect(titles({ search: '110' })).toEqual(['数据中心勒索病毒']);
    expect(titles({ search: '核心 standby' })).toEqual(['住院楼核心交换机故障']);
    expect(titles({ search: '"unbalanced' })).toEqual([]);
    expect(titles({ clientId: hospital.id, search: '勒索' })).toEqual([]);

    expect(plans.list({ search: '勒索' })[0]).toMatchObject({ clientName: '城商银行', siteName: '总行数据中心', stepCount: 1, contactCount: 1, scenario: 'ransomware' });
  });

  it('deletes a plan as a restorable tombstone', async () => {
    const { plans, create, store } = await setup();
    const { id } = create();
    plans.delete(id);
    expect(plans.list({})).toEqual([]);
    expect(() => plans.get(id)).toThrow(expect.objectContaining({ code: 'plans.not-found' }));
    expect(() => plans.delete(id)).toThrow(expect.objectContaining({ code: 'plans.not-found' }));
    expect(store.db.prepare('SELECT deleted_at FROM emergency_plans WHERE id = ?').get(id)).toEqual({ deleted_at: expect.any(Number) });
    plans.restore(id);
    expect(plans.get(id).title).toBe('机房空调故障应急预案');
    expect(plans.restore(id)).toEqual({ id });
    expect(() => plans.restore(newId())).toThrow(expect.objectContaining({ code: 'plans.not-found' }));
  });

  it('copies a template into an unreviewed plan for a client or site', async () => {
    const { plans, hospital, outpatient, branch } = await setup();
    const templates = plans.templateList();
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(['power-failure-ups.zh-CN', 'power-failure-ups.en', 'ransomware.zh-CN', 'core-switch-failure.en']));
    const { id } = plans.fromTemplate('power-failure-ups.zh-CN', hospital.id, outpatient.id);
    const plan = plans.get(id);
    expect(plan).toMatchObject({ templateId: 'power-failure-ups.zh-CN', clientId: hospital.id, siteId: outpatient.id, reviewedAt: null, language: 'zh-CN', scenario: 'power-failure' });
    expect(plan.steps.length).toBeGreaterThanOrEqual(5);
    expect(plan.contacts.map((c) => c.phones[0])).toContain('95598');

    expect(() => plans.fromTemplate('no-such.en', hospital.id, null)).toThrow(expect.objectContaining({ code: 'plans.not-found' }));
    expect(() => plans.fromTemplate('ransomware.en', hospital.id, branch.id)).toThrow(expect.objectContaining({ code: 'locations.not-found' }));
  });

  it('needs a profile before writing', async () => {
    const { create, setActor, rows } = await setup();
    setActor(null);
    expect(() => create()).toThrow(expect.objectContaining({ code: 'profile.required' }));
    expect(rows('emergency_plans')).toBe(0);
  });

  it('keeps plans readable when the templates folder is broken', async () => {
    const { plans, create } = await setup({ resourcesDir: join(RESOURCES, 'no-such-folder') });
    const { id } = create();
    expect(plans.get(id).title).toBe('机房空调故障应急预案');
    expect(() => plans.templateList()).toThrow(expect.objectContaining({ code: 'internal.error' }));
  });
});
