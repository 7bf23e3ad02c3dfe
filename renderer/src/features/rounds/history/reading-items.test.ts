import { describe, expect, it } from 'vitest';
import { TemplateContent } from '@shared/domain/rounds';
import { readingItems } from './reading-items';

const machineRoom = TemplateContent.parse({
  name: 'Machine room',
  language: 'en',
  scope: { kind: 'room' },
  sections: [
    {
      key: 'environment',
      title: 'Environment',
      items: [
        { key: 'temperature', label: 'Temperature', spec: { type: 'number', unit: '°C' } },
        { key: 'clean', label: 'Clean', spec: { type: 'pass-fail' } },
        { key: 'ups-load', label: 'UPS load', perAsset: true, spec: { type: 'auto', binding: { kind: 'snmp', profileId: 'ups-mib', metric: 'output.load-percent' }, unit: '%' } },
      ],
    },
  ],
});
const chinese = TemplateContent.parse({ ...machineRoom, language: 'zh-CN', sections: [{ ...machineRoom.sections[0]!, items: [{ key: 'temperature', label: '温度', spec: { type: 'number', unit: '°C' } }] }] });

describe('readingItems', () => {
  it('lists the numeric place items for a room and the per-asset ones for an asset, each key once', () => {
    expect(readingItems([machineRoom, chinese], 'room')).toEqual([{ key: 'temperature', label: 'Temperature', unit: '°C', perAsset: false }]);
    expect(readingItems([chinese, machineRoom], 'room')[0]?.label).toBe('温度');
    expect(readingItems([machineRoom], 'asset')).toEqual([{ key: 'ups-load', label: 'UPS load', unit: '%', perAsset: true }]);
  });
});
