import { describe, expect, it } from 'vitest';
import { AssetFields, AssetFilter, type AssetFieldsInput } from '@shared/domain/assets';
import { EventBus } from '../events/event-bus';
import { LocationsService } from '../locations/locations.service';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { AssetsService } from './assets.service';

async function setup() {
  const clock = manualClock(Date.UTC(2026, 10, 27, 9, 0, 0));
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => TEST_ACTOR });
  const events = new EventBus();
  const locations = new LocationsService(store, events);
  const assets = new AssetsService(store, events, clock.now);
  const client = locations.create({ kind: 'client', name: '市人民医院' });
  const site = locations.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
  const room = locations.create({ kind: 'room', siteId: site.id, name: '3F 核心机房' });
  const otherRoom = locations.create({ kind: 'room', siteId: site.id, name: '1F 配线间' });
  const rack = locations.create({ kind: 'rack', roomId: room.id, name: 'A01', heightU: 42 });
  const create = (fields: AssetFieldsInput) => assets.create(AssetFields.parse(fields));
  const list = (filter: Partial<AssetFilter> = {}) =>
    assets.list({ filter: AssetFilter.parse(filter), sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 100 });
  const names = (filter: Partial<AssetFilter> = {}) => list(filter).rows.map((a) => a.name);
  return { store, events, locations, assets, client, site, room, otherRoom, rack, create, list, names, clock };
}

describe('AssetsService', () => {
  it('registers an asset and shows where it sits, down to the rack', async () => {
    const { create, assets, rack, room } = await setup();
    const { id } = create({ type: 'switch', name: '核心交换机 S12700', vendor: 'Huawei', rackId: rack.id, rackUStart: 40, rackUHeight: 2, managementIps: ['10.1.1.1'] });
    const { asset } = assets.get(id);
    expect(asset).toMatchObject({
      name: '核心交换机 S12700',
      roomId: room.id,
      location: { clientName: '市人民医院', siteName: '门诊楼', roomName: '3F 核心机房', rackName: 'A01' },
      status: 'in-use',
    });
  });

  it('refuses an occupied or impossible rack range with a clear error, writing nothing', async () => {
    const { create, rack, list } = await setup();
    create({ type: 'server', name: 'DB-01', rackId: rack.id, rackUStart: 10, rackUHeight: 2 });
    expect(() => create({ type: 'server', name: 'DB-02', rackId: rack.id, rackUStart: 11, rackUHeight: 1 })).toThrow(
      expect.objectContaining({ code: 'assets.rack-range-taken', details: expect.objectContaining({ conflicts: [expect.objectContaining({ name: 'DB-01' })] }) }),
    );
    expect(() => create({ type: 'server', name: 'DB-03', rackId: rack.id, rackUStart: 41, rackUHeight: 4 })).toThrow(
      expect.objectContaining({ code: 'assets.rack-range-invalid' }),
    );
    expect(() => create({ type: 'server', name: 'DB-04', rackId: rack.id, rackUStart: 12 })).toThrow(/parse|rack|height/i);
    create({ type: 'server', name: 'DB-05', rackId: rack.id, rackUStart: 12, rackUHeight: 1 });
    create({ type: 'server', name: 'DB-06', rackId: rack.id, rackUStart: 9, rackUHeight: 1 });
    expect(list().total).toBe(3);
  });

  it('lets a device move within its own range and keeps the elevation right', async () => {
    const { create, assets, rack } = await setup();
    const { id } = create({ type: 'storage', name: 'SAN', rackId: rack.id, rackUStart: 1, rackUHeight: 4 });
    assets.update(id, { rackUStart: 2 });
    const elevation = assets.elevation(rack.id);
    expect(elevation.occupants).toEqual([expect.objectContaining({ name: 'SAN', uStart: 2, uHeight: 4 })]);
    expect(elevation.freeU).toBe(38);
    expect(() => assets.resizeRack(rack.id, 4)).toThrow(expect.objectContaining({ code: 'racks.height-too-small', details: { highestU: 5 } }));
    assets.resizeRack(rack.id, 5);
    expect(assets.elevation(rack.id).rack.heightU).toBe(5);
  });

  it('takes a device out of its rack when it moves to another room', async () => {
    const { create, assets, rack, otherRoom } = await setup();
    const { id } = create({ type: 'server', name: 'APP-01', rackId: rack.id, rackUStart: 5, rackUHeight: 1 });
    assets.update(id, { roomId: otherRoom.id });
    expect(assets.get(id).asset).toMatchObject({ roomId: otherRoom.id, rackId: null, rackUStart: null, location: { roomName: '1F 配线间', rackName: null } });
  });

  it('keeps asset tags unique among live assets', async () => {
    const { create, assets } = await setup();
    const first = create({ type: 'pc', name: 'PC-1', assetTag: 'HOS-0001' });
    expect(() => create({ type: 'pc', name: 'PC-2', assetTag: 'hos-0001' })).toThrow(expect.objectContaining({ code: 'assets.duplicate-tag' }));
    assets.delete(first.id);
    const second = create({ type: 'pc', name: 'PC-2', assetTag: 'HOS-0001' });
    expect(() => assets.restore(first.id)).toThrow(expect.objectContaining({ code: 'assets.duplicate-tag' }));
    expect(assets.get(second.id).asset.assetTag).toBe('HOS-0001');
  });

  it('installs software on live hardware only and takes its location from the host', async () => {
    const { create, assets, room } = await setup();
    const host = create({ type: 'server', name: 'DB-Server', roomId: room.id });
    const os = create({ type: 'os', name: 'Kylin V10', version: 'SP3', installedOnId: host.id });
    const db = create({ type: 'database', name: 'Oracle 19c', patchLevel: '19.21', installedOnId: host.id });
    expect(assets.get(host.id).installedSoftware.map((s) => s.name)).toEqual(['Kylin V10', 'Oracle 19c']);
    expect(assets.get(os.id)).toMatchObject({ host: { name: 'DB-Server' }, asset: { location: { roomName: '3F 核心机房' } } });
    expect(() => create({ type: 'middleware', name: 'WebLogic', installedOnId: db.id })).toThrow(expect.objectContaining({ code: 'assets.host-invalid' }));
    expect(() => create({ type: 'server', name: 'X', installedOnId: host.id })).toThrow(/Only software is installed/);
    expect(() => assets.delete(host.id)).toThrow(expect.objectContaining({ code: 'assets.has-software' }));
  });

  it('finds Chinese substrings of any length, IPs, serials and tags', async () => {
    const { create, names } = await setup();
    create({ type: 'switch', name: '核心交换机', serialNumber: '2102351931P0K8000123', managementIps: ['10.20.0.1'] });
    create({ type: 'switch', name: '接入交换机-3F', assetTag: 'ZC-2024-0007', notes: '靠近东侧配线架' });
    create({ type: 'firewall', name: 'USG6650 防火墙', vendor: 'Huawei' });
    expect(names({ query: '核心' })).toEqual(['核心交换机']);
    // Sorted by code point (接 U+63A5 before 核 U+6838).
    expect(names({ query: '交换机' })).toEqual(['接入交换机-3F', '核心交换机']);
    expect(names({ query: '换' })).toEqual(['接入交换机-3F', '核心交换机']);
    expect(names({ query: '10.20.0' })).toEqual(['核心交换机']);
    expect(names({ query: 'P0K8000' })).toEqual(['核心交换机']);
    expect(names({ query: 'zc-2024' })).toEqual(['接入交换机-3F']);
    expect(names({ query: '东侧' })).toEqual(['接入交换机-3F']);
    expect(names({ query: 'huawei 防火' })).toEqual(['USG6650 防火墙']);
    expect(names({ query: '"; DROP TABLE assets; --' })).toEqual([]);
    expect(names({ query: '100%' })).toEqual([]);
  });

  it('filters by type, status, vendor, location and warranty', async () => {
    const { create, names, client, site, room, otherRoom, rack } = await setup();
    create({ type: 'switch', name: 'SW-A', vendor: 'H3C', rackId: rack.id, rackUStart: 1, rackUHeight: 1, warrantyEnd: '2027-01-15' });
    create({ type: 'server', name: 'SRV-B', vendor: 'Inspur', status: 'faulty', roomId: otherRoom.id, warrantyEnd: '2029-01-01' });
    create({ type: 'ups', name: 'UPS-C', vendor: 'h3c', roomId: room.id, warrantyEnd: '2025-12-31' });
    expect(names({ types: ['switch', 'ups'] })).toEqual(['SW-A', 'UPS-C']);
    expect(names({ statuses: ['faulty'] })).toEqual(['SRV-B']);
    expect(names({ vendors: ['H3C'] })).toEqual(['SW-A', 'UPS-C']);
    expect(names({ location: { kind: 'rack', id: rack.id } })).toEqual(['SW-A']);
    expect(names({ location: { kind: 'room', id: room.id } })).toEqual(['SW-A', 'UPS-C']);
    expect(names({ location: { kind: 'site', id: site.id } })).toEqual(['SRV-B', 'SW-A', 'UPS-C']);
    expect(names({ location: { kind: 'client', id: client.id } })).toHaveLength(3);
    // Today is 2026-11-27: 2027-01-15 is within 90 days, 2025-12-31 has passed.
    expect(names({ warrantyEndingSoon: true })).toEqual(['SW-A', 'UPS-C']);
  });

  it('stores one spelling per address and opens an exact tag or serial at once', async () => {
    const { create, assets } = await setup();
    const { id } = create({ type: 'router', name: 'NE40E', assetTag: 'RT-01', serialNumber: 'SN-777', managementIps: ['2001:DB8:0:0::1', '2001:db8::1', '10.0.0.1'] });
    expect(assets.get(id).asset.managementIps).toEqual(['2001:db8::1', '10.0.0.1']);
    expect(assets.quickOpen('rt-01', 10).exact?.id).toBe(id);
    expect(assets.quickOpen('SN-777', 10).exact?.id).toBe(id);
    expect(assets.quickOpen('NE40', 10)).toMatchObject({ exact: null, matches: [{ id }] });
  });

  it('refuses bad fields at the schema edge', () => {
    expect(AssetFields.safeParse({ type: 'switch', name: 'x', managementIps: ['10.0.0.256'] }).success).toBe(false);
    expect(AssetFields.safeParse({ type: 'switch', name: 'x', warrantyEnd: '2026-13-01' }).success).toBe(false);
    expect(AssetFields.safeParse({ type: 'switch', name: '  ' }).success).toBe(false);
    expect(AssetFields.safeParse({ type: 'toaster', name: 'x' }).success).toBe(false);
    expect(AssetFields.safeParse({ type: 'switch', name: 'x', purchaseDate: '2026-05-01', warrantyEnd: '2025-01-01' }).success).toBe(false);
  });

  it('stops counting a vague search at the cap and still pages in name order', async () => {
    const { store, assets } = await setup();
    const insert = store.db.prepare("INSERT INTO assets (id, type, name, created_at, updated_at) VALUES (?, 'pc', ?, 1, 1)");
    store.db.transaction(() => {
      for (let i = 0; i < 10_050; i++) insert.run(`0193a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`, `终端-${String(10_050 - i).padStart(5, '0')}`);
    })();
    const page = assets.list({ filter: AssetFilter.parse({ query: '终端' }), sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 3 });
    expect(page).toMatchObject({ total: 10_000, totalCapped: true });
    expect(page.rows.map((a) => a.name)).toEqual(['终端-00001', '终端-00002', '终端-00003']);
    const all = assets.list({ filter: AssetFilter.parse({}), sort: { field: 'name', direction: 'desc' }, offset: 0, limit: 1 });
    expect(all).toMatchObject({ total: 10_050, totalCapped: false, rows: [{ name: '终端-10050' }] });
  });

  it('emits one change event for a batch of writes', async () => {
    const { create, assets, events } = await setup();
    const seen: unknown[] = [];
    events.on((name, payload) => seen.push([name, payload]));
    assets.transaction(() => {
      for (let i = 0; i < 5; i++) create({ type: 'pc', name: `PC-${i}` });
    });
    expect(seen).toEqual([['records.changed', { entities: ['asset'] }]]);
    // A batch that fails was rolled back: no event.
    expect(() =>
      assets.transaction(() => {
        create({ type: 'pc', name: 'PC-x' });
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(seen).toHaveLength(1);
  });
});
