import { describe, expect, it } from 'vitest';
import { apiContract } from '@shared/api';
import { ipPlanContract } from '@shared/api/ip-plan.contract';
import { SubnetFields } from '@shared/domain/ip-plan';
import { Registry } from '../api/registry';
import { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { ipPlanHandlers } from './ip-plan.handlers';
import { IpPlanService } from './ip-plan.service';

/**
 * Locations and assets are written with SQL: their services are not what is
 * tested here (and are being changed at the same time).
 */
async function setup() {
  const clock = manualClock();
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => TEST_ACTOR });
  const events = new EventBus();
  const seen: unknown[] = [];
  events.on((name, payload) => seen.push([name, payload]));
  const service = new IpPlanService(store, events);
  const db = store.db;
  const t = clock.now();
  const insert = (sql: string, ...values: unknown[]) => {
    const id = newId();
    db.prepare(sql).run(id, ...values, t, t);
    return id;
  };
  const client = insert('INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', '市人民医院');
  const site = (name: string) => insert('INSERT INTO sites (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', client, name);
  const room = (siteId: string, name: string) => insert('INSERT INTO rooms (id, site_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', siteId, name);
  const rack = (roomId: string, name: string) => insert('INSERT INTO racks (id, room_id, name, height_u, created_at, updated_at) VALUES (?, ?, ?, 42, ?, ?)', roomId, name);
  const asset = (name: string, ips: string[], place: { roomId?: string; rackId?: string; hostId?: string; type?: string } = {}) =>
    insert(
      `INSERT INTO assets (id, type, name, management_ips, room_id, rack_id, rack_u_start, rack_u_height, installed_on_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      place.type ?? (place.hostId ? 'software' : 'switch'),
      name,
      JSON.stringify(ips),
      place.roomId ?? null,
      place.rackId ?? null,
      place.rackId ? 1 : null,
      place.rackId ? 1 : null,
      place.hostId ?? null,
    );
  const subnet = (siteId: string, fields: Partial<SubnetFields> & { cidr: string }) => service.create(SubnetFields.parse({ siteId, ...fields })).id;
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { store, db, service, seen, site, room, rack, asset, subnet, count, clock };
}

const code = (code: string) => expect.objectContaining({ code });

describe('IpPlanService subnets', () => {
  it('stores the network address of the CIDR, through the write path', async () => {
    const { service, site, subnet, db, seen } = await setup();
    const hq = site('总部');
    const id = subnet(hq, { cidr: '10.1.20.7/24', vlan: 20, gateway: '10.1.20.1', purpose: '办公网' });
    const v6 = subnet(hq, { cidr: '2001:DB8:0:20::5/64', gateway: '2001:DB8:0:20::1' });
    expect(service.get({ siteId: hq }).subnets.map((s) => [s.id, s.cidr, s.gateway, s.vlan, s.purpose])).toEqual([
      [id, '10.1.20.0/24', '10.1.20.1', 20, '办公网'],
      [v6, '2001:db8:0:20::/64', '2001:db8:0:20::1', null, ''],
    ]);
    const outbox = db.prepare("SELECT entity, entity_id, op, fields FROM outbox WHERE entity = 'subnet' ORDER BY seq").all() as { fields: string }[];
    expect(outbox).toHaveLength(2);
    expect(JSON.parse(outbox[0]?.fields ?? '{}')).toMatchObject({ siteId: hq, cidr: '10.1.20.0/24', vlan: 20, gateway: '10.1.20.1' });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'subnet'").get()).toEqual({ n: 2 });
    expect(seen).toContainEqual(['records.changed', { entities: ['subnet'] }]);
  });

  it('needs a live site', async () => {
    const { subnet, site, db } = await setup();
    expect(() => subnet(newId(), { cidr: '10.0.0.0/24' })).toThrow(code('locations.parent-not-found'));
    const gone = site('gone');
    db.prepare('UPDATE sites SET deleted_at = 1 WHERE id = ?').run(gone);
    expect(() => subnet(gone, { cidr: '10.0.0.0/24' })).toThrow(code('locations.parent-not-found'));
  });

  it('refuses subnets that overlap within one site, and only there', async () => {
    const { service, site, subnet, count } = await setup();
    const [a, b] = [site('A'), site('B')];
    const office = subnet(a, { cidr: '10.1.20.0/24' });
    const before = [count('subnets'), count('outbox'), count('audit_log')];
    for (const cidr of ['10.1.20.0/24', '10.1.20.99/24', '10.1.20.128/25', '10.0.0.0/8', '0.0.0.0/0']) {
      expect(() => subnet(a, { cidr }), cidr).toThrow(expect.objectContaining({ code: 'subnets.overlap', details: expect.objectContaining({ subnetId: office }) }));
    }
    expect([count('subnets'), count('outbox'), count('audit_log')]).toEqual(before);
    subnet(a, { cidr: '10.1.21.0/24' });
    subnet(b, { cidr: '10.1.20.0/24' });
    subnet(a, { cidr: '2001:db8::/64' });
    subnet(a, { cidr: '2001:db8:0:1::/64' });
    expect(() => subnet(a, { cidr: '2001:db8::/48' })).toThrow(code('subnets.overlap'));
    // IPv6 never overlaps IPv4, not even ::/0 and 0.0.0.0/0.
    subnet(b, { cidr: '::/0' });
    expect(() => subnet(b, { cidr: '2001:db8:1::/64' })).toThrow(code('subnets.overlap'));
    // A deleted subnet no longer takes up its range.
    service.delete({ id: office });
    subnet(a, { cidr: '10.1.20.0/25' });
  });

  it('wants the gateway to be a host address of the subnet', async () => {
    const { site, subnet } = await setup();
    const s = site('S');
    for (const gateway of ['10.1.21.1', '10.1.20.0', '10.1.20.255', '2001:db8::1']) {
      expect(() => subnet(s, { cidr: '10.1.20.0/24', gateway }), gateway).toThrow(code('subnets.gateway-outside'));
    }
    expect(() => subnet(s, { cidr: '2001:db8::/64', gateway: '2001:db8:1::1' })).toThrow(code('subnets.gateway-outside'));
    subnet(s, { cidr: '10.1.20.0/24', gateway: '10.1.20.254' });
    subnet(s, { cidr: '192.0.2.0/31', gateway: '192.0.2.0' });
    subnet(s, { cidr: '192.0.2.9/32', gateway: '192.0.2.9' });
    subnet(s, { cidr: '2001:db8::/64', gateway: '2001:db8::' });
  });

  it('updates only the fields given, re-checking overlap and gateway', async () => {
    const { service, site, subnet, db } = await setup();
    const s = site('S');
    const id = subnet(s, { cidr: '10.1.20.0/24', vlan: 20, gateway: '10.1.20.1', purpose: 'office' });
    subnet(s, { cidr: '10.1.30.0/24' });
    service.update({ id, fields: { purpose: '办公' } });
    expect(service.get({ siteId: s }).subnets[0]).toMatchObject({ cidr: '10.1.20.0/24', vlan: 20, gateway: '10.1.20.1', purpose: '办公' });
    expect(() => service.update({ id, fields: { cidr: '10.1.21.0/24' } })).toThrow(code('subnets.gateway-outside'));
    expect(() => service.update({ id, fields: { cidr: '10.1.0.0/16' } })).toThrow(code('subnets.overlap'));
    service.update({ id, fields: { cidr: '10.1.21.9/24', gateway: '10.1.21.1' } });
    service.update({ id, fields: { vlan: null, gateway: null } });
    expect(service.get({ siteId: s }).subnets[0]).toMatchObject({ cidr: '10.1.21.0/24', vlan: null, gateway: null, purpose: '办公' });
    // Changing nothing writes nothing.
    const outbox = db.prepare('SELECT count(*) AS n FROM outbox').get();
    service.update({ id, fields: { cidr: '10.1.21.0/24', purpose: '办公' } });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outbox);

    service.delete({ id });
    expect(() => service.update({ id, fields: { purpose: 'x' } })).toThrow(code('subnets.not-found'));
    expect(() => service.delete({ id })).toThrow(code('subnets.not-found'));
    expect(() => service.delete({ id: newId() })).toThrow(code('subnets.not-found'));
    expect(service.get({ siteId: s }).subnets.map((x) => x.cidr)).toEqual(['10.1.30.0/24']);
  });
});

describe('IpPlanService plan', () => {
  it('counts used and free addresses of the assets at the site, wherever in it they are', async () => {
    const { service, site, room, rack, asset, subnet, db } = await setup();
    const [hq, branch] = [site('总部'), site('分部')];
    const core = room(hq, '3F 核心机房');
    const r1 = rack(core, 'A01');
    const office = subnet(hq, { cidr: '10.1.20.0/24', gateway: '10.1.20.1', vlan: 20 });
    const router = asset('出口路由器', ['10.1.20.1'], { roomId: core });
    const sw = asset('核心交换机', ['10.1.20.2', '10.1.20.3'], { rackId: r1 });
    const server = asset('ERP 服务器', ['10.1.20.10'], { rackId: r1, roomId: core });
    const app = asset('ERP 应用', ['10.1.20.11'], { hostId: server });
    asset('广播地址上的设备', ['10.1.20.255'], { roomId: core });
    asset('已删除', ['10.1.20.50'], { roomId: core });
    db.prepare("UPDATE assets SET deleted_at = 1 WHERE name = '已删除'").run();
    asset('分部交换机', ['10.1.20.60'], { roomId: room(branch, '机房') });
    asset('未定位', ['10.1.20.70']);

    const plan = service.get({ siteId: hq });
    expect(plan.siteId).toBe(hq);
    const [s] = plan.subnets;
    expect(s).toMatchObject({ id: office, cidr: '10.1.20.0/24', size: 254 });
    expect(s?.used).toEqual([
      { ip: '10.1.20.1', assets: [{ id: router, name: '出口路由器' }] },
      { ip: '10.1.20.2', assets: [{ id: sw, name: '核心交换机' }] },
      { ip: '10.1.20.3', assets: [{ id: sw, name: '核心交换机' }] },
      { ip: '10.1.20.10', assets: [{ id: server, name: 'ERP 服务器' }] },
      { ip: '10.1.20.11', assets: [{ id: app, name: 'ERP 应用' }] },
      { ip: '10.1.20.255', assets: [expect.objectContaining({ name: '广播地址上的设备' })] },
    ]);
    // 254 hosts − 5 used host addresses (the gateway among them; the broadcast address is no host).
    expect(s?.free).toBe(249);
  });

  it('takes an unused gateway off the free count, and counts /31 and /32 as they are', async () => {
    const { service, site, room, asset, subnet } = await setup();
    const s = site('S');
    const r = room(s, 'R');
    subnet(s, { cidr: '10.0.0.0/29', gateway: '10.0.0.1' });
    subnet(s, { cidr: '10.0.1.0/31' });
    subnet(s, { cidr: '10.0.2.7/32', gateway: '10.0.2.7' });
    subnet(s, { cidr: '10.0.3.0/24' });
    asset('a', ['10.0.0.2', '10.0.1.1'], { roomId: r });
    const plan = service.get({ siteId: s });
    expect(plan.subnets.map((x) => [x.cidr, x.size, x.used.length, x.free])).toEqual([
      ['10.0.0.0/29', 6, 1, 4],
      ['10.0.1.0/31', 2, 1, 1],
      ['10.0.2.7/32', 1, 0, 0],
      ['10.0.3.0/24', 254, 0, 254],
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('plans IPv6 with capped sizes and canonical addresses', async () => {
    const { service, site, room, asset, subnet } = await setup();
    const s = site('S');
    const r = room(s, 'R');
    subnet(s, { cidr: '2001:db8:0:20::/64', gateway: '2001:db8:0:20::1' });
    subnet(s, { cidr: '2001:db8:0:30::/120' });
    subnet(s, { cidr: '2001:db8:0:40::/127' });
    const a = asset('v6 host', ['2001:DB8:0:20:0:0:0:10', '2001:db8:0:30::ff'], { roomId: r });
    const plan = service.get({ siteId: s });
    expect(plan.subnets.map((x) => [x.cidr, x.size, x.free, x.used])).toEqual([
      ['2001:db8:0:20::/64', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, [{ ip: '2001:db8:0:20::10', assets: [{ id: a, name: 'v6 host' }] }]],
      ['2001:db8:0:30::/120', 256, 255, [{ ip: '2001:db8:0:30::ff', assets: [{ id: a, name: 'v6 host' }] }]],
      ['2001:db8:0:40::/127', 2, 2, []],
    ]);
  });

  it('reports addresses used twice anywhere, and addresses outside every subnet of the site', async () => {
    const { service, site, room, asset, subnet } = await setup();
    const [hq, branch, other] = [site('总部'), site('分部'), site('别处')];
    const r = room(hq, 'R');
    subnet(hq, { cidr: '10.1.20.0/24' });
    subnet(hq, { cidr: '2001:db8::/64' });
    const a = asset('A 交换机', ['10.1.20.5', '2001:DB8::5'], { roomId: r });
    const b = asset('B 分部交换机', ['::ffff:10.1.20.5'], { roomId: room(branch, 'R') });
    const c = asset('C 未定位', ['2001:db8:0:0::5']);
    const d = asset('D 总部服务器', ['192.168.9.9', '10.1.20.6'], { roomId: r });
    const e = asset('E 总部打印机', ['10.1.20.6'], { roomId: r });
    // A duplicate between two other sites is theirs, not this site's.
    const otherRoom = room(other, 'R');
    asset('X', ['172.16.0.1'], { roomId: otherRoom });
    asset('Y', ['172.16.0.1'], { roomId: otherRoom });

    const plan = service.get({ siteId: hq });
    expect(plan.conflicts).toEqual([
      { ip: '10.1.20.5', kind: 'duplicate', assets: [{ id: a, name: 'A 交换机' }, { id: b, name: 'B 分部交换机' }] },
      { ip: '10.1.20.6', kind: 'duplicate', assets: [{ id: d, name: 'D 总部服务器' }, { id: e, name: 'E 总部打印机' }] },
      { ip: '2001:db8::5', kind: 'duplicate', assets: [{ id: a, name: 'A 交换机' }, { id: c, name: 'C 未定位' }] },
      { ip: '192.168.9.9', kind: 'outside-subnets', assets: [{ id: d, name: 'D 总部服务器' }] },
    ]);
    // Used lists show only this site's assets.
    expect(plan.subnets[0]?.used[0]).toEqual({ ip: '10.1.20.5', assets: [{ id: a, name: 'A 交换机' }] });
    // A site without subnets: every address is outside the plan.
    expect(service.get({ siteId: other }).conflicts.map((x) => [x.ip, x.kind, x.assets.length])).toEqual([
      ['172.16.0.1', 'duplicate', 2],
      ['172.16.0.1', 'outside-subnets', 2],
    ]);
  });

  it('refuses the plan of a missing site, and answers through the API within its contract', async () => {
    const { service, site, room, asset, subnet } = await setup();
    expect(() => service.get({ siteId: newId() })).toThrow(code('locations.not-found'));
    const s = site('S');
    subnet(s, { cidr: '10.0.0.0/8', gateway: '10.0.0.1', vlan: 4094 });
    subnet(s, { cidr: '::/0' });
    asset('a', ['10.1.1.1', '2001:db8::1', '203.0.113.1'], { roomId: room(s, 'R') });
    const registry = new Registry(apiContract).register(ipPlanContract, ipPlanHandlers(() => service));
    const result = await registry.call('ipPlan.get', { siteId: s });
    expect(result).toMatchObject({ ok: true, value: { siteId: s, conflicts: [{ ip: '203.0.113.1', kind: 'outside-subnets' }] } });
    expect(await registry.call('subnets.create', { siteId: s, cidr: '10.1.0.0/16' })).toMatchObject({ ok: false, error: { code: 'subnets.overlap' } });
    expect(await registry.call('subnets.create', { siteId: s, cidr: '10.1.0.0/33' })).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(await registry.call('subnets.delete', { id: newId() })).toMatchObject({ ok: false, error: { code: 'subnets.not-found' } });
  });
});
