import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/event-bus';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { fileURLToPath } from 'node:url';
import { PlanFields } from '@shared/domain/emergency-plans';
import { EmergencyPlansService } from '../emergency-plans/emergency-plans.service';
import { PlanTemplateCatalog } from '../emergency-plans/plan-templates';
import { LocationsService } from './locations.service';

async function setup() {
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: manualClock().now, actor: () => TEST_ACTOR });
  const events = new EventBus();
  const seen: unknown[] = [];
  events.on((name, payload) => seen.push([name, payload]));
  const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { store, service: new LocationsService(store, events), seen, count };
}

describe('LocationsService', () => {
  it('builds the client → site → room tree sorted by name', async () => {
    const { service, seen } = await setup();
    const b = service.create({ kind: 'client', name: 'B 医院' });
    const a = service.create({ kind: 'client', name: 'A 银行' });
    const site = service.create({ kind: 'site', clientId: a.id, name: '总部大楼' });
    service.create({ kind: 'room', siteId: site.id, name: '3F 核心机房' });
    service.create({ kind: 'room', siteId: site.id, name: '1F 配线间' });
    const tree = service.tree();
    expect(tree.clients.map((c) => c.name)).toEqual(['A 银行', 'B 医院']);
    expect(tree.clients[0]?.sites[0]?.rooms.map((r) => r.name)).toEqual(['1F 配线间', '3F 核心机房']);
    expect(tree.clients[1]?.id).toBe(b.id);
    expect(seen).toContainEqual(['records.changed', { entities: ['client', 'site', 'room', 'rack'] }]);
  });

  it('refuses a duplicate sibling name (any case) and writes nothing', async () => {
    const { service, count } = await setup();
    const client = service.create({ kind: 'client', name: 'Acme' });
    const before = [count('clients'), count('outbox'), count('audit_log')];
    expect(() => service.create({ kind: 'client', name: 'ACME' })).toThrow(expect.objectContaining({ code: 'locations.duplicate-name' }));
    expect([count('clients'), count('outbox'), count('audit_log')]).toEqual(before);
    // The same name under another parent is fine.
    const s1 = service.create({ kind: 'site', clientId: client.id, name: 'North' });
    const other = service.create({ kind: 'client', name: 'Other' });
    service.create({ kind: 'site', clientId: other.id, name: 'North' });
    expect(() => service.rename({ kind: 'client', id: other.id, name: 'acme' })).toThrow(expect.objectContaining({ code: 'locations.duplicate-name' }));
    service.rename({ kind: 'site', id: s1.id, name: 'North Campus' });
    expect(service.tree().clients[0]?.sites[0]?.name).toBe('North Campus');
  });

  it('refuses a child of a missing or deleted parent', async () => {
    const { service } = await setup();
    expect(() => service.create({ kind: 'site', clientId: '0193a1b2-0000-7000-8000-00000000dead', name: 'X' })).toThrow(
      expect.objectContaining({ code: 'locations.parent-not-found' }),
    );
    const client = service.create({ kind: 'client', name: 'Gone' });
    service.delete({ kind: 'client', id: client.id });
    expect(() => service.create({ kind: 'site', clientId: client.id, name: 'X' })).toThrow(expect.objectContaining({ code: 'locations.parent-not-found' }));
  });

  it('deletes only empty nodes, and restores them', async () => {
    const { service } = await setup();
    const client = service.create({ kind: 'client', name: 'C' });
    const site = service.create({ kind: 'site', clientId: client.id, name: 'S' });
    expect(() => service.delete({ kind: 'client', id: client.id })).toThrow(expect.objectContaining({ code: 'locations.not-empty' }));
    service.delete({ kind: 'site', id: site.id });
    expect(service.tree().clients[0]?.sites).toEqual([]);
    service.restore({ kind: 'site', id: site.id });
    expect(service.tree().clients[0]?.sites.map((s) => s.name)).toEqual(['S']);
    expect(() => service.restore({ kind: 'site', id: site.id })).toThrow(expect.objectContaining({ code: 'locations.not-deleted' }));
  });

  it('keeps a client or a site with a live emergency plan from being deleted, and changes nothing', async () => {
    const { store, service, count } = await setup();
    const plans = new EmergencyPlansService(store, new EventBus(), new PlanTemplateCatalog(fileURLToPath(new URL('../../../resources', import.meta.url))));
    const client = service.create({ kind: 'client', name: '市人民医院' });
    const site = service.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
    const planFields = {
      title: 'UPS 断电应急预案',
      clientId: client.id,
      siteId: site.id,
      scenario: 'power-failure',
      severity: 'major',
      language: 'zh-CN',
      steps: [{ title: '确认市电中断', responsibleRole: '值班工程师', expectedMinutes: 5, checkItem: '' }],
      contacts: [],
      callList: [],
      strategies: '',
    };
    const plan = plans.create(PlanFields.parse(planFields));
    const audit = count('audit_log');
    expect(() => service.delete({ kind: 'site', id: site.id })).toThrow(expect.objectContaining({ code: 'locations.not-empty', details: { contents: { 'emergency plans': 1 } } }));
    expect(count('audit_log')).toBe(audit);
    plans.delete(plan.id);
    service.delete({ kind: 'site', id: site.id });
    plans.create(PlanFields.parse({ ...planFields, siteId: null }));
    expect(() => service.delete({ kind: 'client', id: client.id })).toThrow(expect.objectContaining({ code: 'locations.not-empty', details: { contents: { 'emergency plans': 1 } } }));
  });

  it('holds racks with their height under rooms, and keeps rooms with racks from being deleted', async () => {
    const { service } = await setup();
    const client = service.create({ kind: 'client', name: '银行' });
    const site = service.create({ kind: 'site', clientId: client.id, name: '数据中心' });
    const room = service.create({ kind: 'room', siteId: site.id, name: '2F 机房' });
    const rack = service.create({ kind: 'rack', roomId: room.id, name: 'A01', heightU: 47 });
    service.create({ kind: 'rack', roomId: room.id, name: 'A02', heightU: 42 });
    const racks = service.tree().clients[0]?.sites[0]?.rooms[0]?.racks;
    expect(racks?.map((r) => [r.name, r.heightU])).toEqual([
      ['A01', 47],
      ['A02', 42],
    ]);
    expect(() => service.create({ kind: 'rack', roomId: room.id, name: 'a01', heightU: 42 })).toThrow(expect.objectContaining({ code: 'locations.duplicate-name' }));
    expect(() => service.delete({ kind: 'room', id: room.id })).toThrow(expect.objectContaining({ code: 'locations.not-empty', details: { contents: { racks: 2 } } }));
    service.delete({ kind: 'rack', id: rack.id });
    expect(service.tree().clients[0]?.sites[0]?.rooms[0]?.racks.map((r) => r.name)).toEqual(['A02']);
  });

  it('will not restore a node whose name was taken meanwhile', async () => {
    const { service } = await setup();
    const first = service.create({ kind: 'client', name: 'Same' });
    service.delete({ kind: 'client', id: first.id });
    service.create({ kind: 'client', name: 'same' });
    expect(() => service.restore({ kind: 'client', id: first.id })).toThrow(expect.objectContaining({ code: 'locations.duplicate-name' }));
  });

  it('refuses writes until a profile exists', async () => {
    const store = await LocalStore.open({ dataDir: tempDataDir(), now: Date.now, actor: () => null });
    const service = new LocationsService(store, new EventBus());
    expect(() => service.create({ kind: 'client', name: 'X' })).toThrow(expect.objectContaining({ code: 'profile.required' }));
    store.close();
  });
});
