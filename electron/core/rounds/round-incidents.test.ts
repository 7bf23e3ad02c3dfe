import { describe, expect, it } from 'vitest';
import { newId } from '../store/ids';
import { roundsSetup } from './testing/rounds-setup';

describe('RoundIncidents', () => {
  it('raises the proposed incident once: prefilled from the entry, linked as evidence, noted on the entry', async () => {
    const { start, save, services, room, ups, seen } = await roundsSetup();
    const { round } = start();
    const hot = save(round.id, 'environment', 'temperature', { type: 'number', value: 31 }, { note: '2 号空调停机' });
    const { incidentId, entry } = services.rounds.incidents.raise({ entryId: hot.id });
    expect(entry).toMatchObject({ id: hot.id, incidentId, value: { type: 'number', value: 31 }, outcome: 'failed' });

    const detail = services.incidents.incidents.get(incidentId);
    expect(detail.incident).toMatchObject({ title: '冷通道温度超限：31 °C', category: 'environment', impact: 'medium', urgency: 'high', priority: 'P2', locationId: room.id, reporterName: '张工', assetIds: [] });
    expect(detail.incident.description).toContain('读数：31 °C');
    expect(detail.incident.description).toContain('阈值：正常 18–27 °C，超出 15–30 °C 为异常');
    expect(detail.incident.description).toContain('备注：2 号空调停机');
    expect(detail.evidence).toEqual([expect.objectContaining({ kind: 'round-item', targetId: hot.id, label: '冷通道温度: 31 (failed)' })]);
    expect(seen.some((e) => e.name === 'records.changed' && (e.payload as { entities: string[] }).entities.includes('incident'))).toBe(true);

    // Again: the same incident.
    expect(services.rounds.incidents.raise({ entryId: hot.id }).incidentId).toBe(incidentId);
    expect(services.incidents.incidents.list({ filter: { search: '', statuses: [], priorities: [], categories: [], slaStates: [], openOnly: false }, sort: { by: 'reportedAt', direction: 'desc' }, offset: 0, limit: 10 }).total).toBe(1);

    // A device reading: the device is linked, its category follows its type; a given title wins.
    const runtime = save(round.id, 'ups', 'ups-runtime', { type: 'auto', value: 6, checkResultId: null }, { assetId: ups });
    const second = services.rounds.incidents.raise({ entryId: runtime.id, title: 'UPS 后备时间不足' });
    expect(services.incidents.incidents.get(second.incidentId).incident).toMatchObject({ title: 'UPS 后备时间不足', assetIds: [ups], category: 'environment' });
    expect(services.incidents.incidents.get(second.incidentId).evidence[0]?.label).toBe('UPS-01 山特 20kVA · UPS 后备时间: 6 (failed)');
  });

  it('writes a failed pass/fail item as "异常", and refuses an unknown entry', async () => {
    const { start, save, services, footprint } = await roundsSetup();
    const { round } = start();
    const wet = save(round.id, 'environment', 'water', { type: 'pass-fail', passed: false }, { note: '空调下方积水' });
    const { incidentId } = services.rounds.incidents.raise({ entryId: wet.id });
    expect(services.incidents.incidents.get(incidentId).incident.title).toBe('无漏水异常：不通过');
    const before = footprint();
    expect(() => services.rounds.incidents.raise({ entryId: newId() })).toThrow(expect.objectContaining({ code: 'rounds.not-found' }));
    expect(footprint()).toEqual(before);
  });
});
