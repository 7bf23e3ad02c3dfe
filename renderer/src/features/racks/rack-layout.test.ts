import { describe, expect, it } from 'vitest';
import { formatRanges, freeRanges, formatURange } from '../assets/asset-format';
import { lowestFreeU, rackSegments, type RackOccupant } from './rack-layout';

const device = (name: string, uStart: number, uHeight: number): RackOccupant => ({
  assetId: `id-${name}`,
  name,
  type: 'server',
  status: 'in-use',
  uStart,
  uHeight,
});

describe('rack drawing', () => {
  it('lists units from the top down, one segment per device and per free unit', () => {
    const segments = rackSegments(6, [device('core', 2, 2), device('top', 6, 1)]);
    expect(segments.map((s) => (s.kind === 'device' ? `${s.occupant.name}@${s.top}` : `free@${s.u}`))).toEqual([
      'top@6',
      'free@5',
      'free@4',
      'core@3',
      'free@1',
    ]);
  });

  it('finds the lowest free unit, or none in a full rack', () => {
    expect(lowestFreeU(4, [device('a', 1, 2)])).toBe(3);
    expect(lowestFreeU(2, [device('a', 1, 2)])).toBeNull();
  });

  it('keeps a device that reaches above the rack inside the drawing', () => {
    const segments = rackSegments(4, [device('tall', 3, 4)]);
    expect(segments[0]).toMatchObject({ kind: 'device', top: 4 });
    expect(segments).toHaveLength(3);
  });
});

describe('free ranges', () => {
  it('groups free units into ranges, bottom up', () => {
    const ranges = freeRanges(42, [
      { uStart: 10, uHeight: 2 },
      { uStart: 20, uHeight: 1 },
    ]);
    expect(ranges).toEqual([
      [1, 9],
      [12, 19],
      [21, 42],
    ]);
    expect(formatRanges(ranges, '、')).toBe('U1–U9、U12–U19、U21–U42');
    expect(formatURange(7, 1)).toBe('U7');
  });
});
