import { describe, expect, it } from 'vitest';
import { TemplateContent, type EntryValue, type Outcome } from '../domain/rounds';
import { requiredMissing, roundCounts, roundSlots, type SlotEntry } from './round-slots';

const template = TemplateContent.parse({
  name: '机房巡检',
  language: 'zh-CN',
  scope: { kind: 'room' },
  sections: [
    {
      key: 'environment',
      title: '环境',
      items: [
        { key: 'temperature', label: '冷通道温度', spec: { type: 'number', unit: '°C', thresholds: { warnAbove: 27, failAbove: 30 } } },
        { key: 'remarks', label: '备注', required: false, spec: { type: 'text' } },
      ],
    },
    {
      key: 'ups',
      title: 'UPS',
      items: [
        { key: 'ups-alarm', label: 'UPS 无告警', perAsset: true, assetTypes: ['ups'], spec: { type: 'pass-fail' } },
        { key: 'device-label', label: '标签清晰', perAsset: true, spec: { type: 'pass-fail' } },
      ],
    },
  ],
});
const ups = { id: 'a-ups', type: 'ups' as const };
const sw = { id: 'a-sw', type: 'switch' as const };
const entry = (sectionKey: string, itemKey: string, assetId: string | null, value: EntryValue, outcome: Outcome, note = ''): SlotEntry => ({ sectionKey, itemKey, assetId, value, outcome, note });

describe('round slots', () => {
  it('asks place items once and per-asset items for each asset of a matching type, in template order', () => {
    expect(roundSlots(template, [ups, sw]).map((s) => `${s.itemKey}@${s.assetId ?? '-'}`)).toEqual([
      'temperature@-', 'remarks@-', 'ups-alarm@a-ups', 'device-label@a-ups', 'device-label@a-sw',
    ]);
    expect(roundSlots(template, []).map((s) => s.itemKey)).toEqual(['temperature', 'remarks']);
  });

  it('lists empty required slots and failures without a note as blocking sign-off', () => {
    const entries = [
      entry('environment', 'temperature', null, { type: 'number', value: 31 }, 'failed'),
      entry('ups', 'ups-alarm', 'a-ups', { type: 'pass-fail', passed: true }, 'ok'),
      entry('ups', 'device-label', 'a-sw', { type: 'pass-fail', passed: false }, 'failed', '  '),
    ];
    expect(requiredMissing(template, [ups, sw], entries)).toEqual([
      { sectionKey: 'environment', itemKey: 'temperature', assetId: null, reason: 'note' },
      { sectionKey: 'ups', itemKey: 'device-label', assetId: 'a-ups', reason: 'empty' },
      { sectionKey: 'ups', itemKey: 'device-label', assetId: 'a-sw', reason: 'note' },
    ]);
    const fixed = [
      entry('environment', 'temperature', null, { type: 'number', value: 31 }, 'failed', '空调 2 号停机'),
      entries[1]!,
      entry('ups', 'device-label', 'a-ups', { type: 'not-applicable' }, 'not-applicable'),
      entry('ups', 'device-label', 'a-sw', { type: 'pass-fail', passed: false }, 'failed', '标签脱落'),
    ];
    expect(requiredMissing(template, [ups, sw], fixed)).toEqual([]);
    expect(roundCounts(template, [ups, sw], fixed)).toEqual({ total: 5, done: 4, ok: 1, warning: 0, failed: 2 });
  });

  it('treats an optional item as never blocking, and a blank text as empty', () => {
    const blank = [entry('environment', 'remarks', null, { type: 'text', value: ' ' }, 'ok')];
    expect(requiredMissing(template, [], blank).map((m) => m.itemKey)).toEqual(['temperature']);
    expect(roundCounts(template, [], blank)).toMatchObject({ total: 2, done: 0 });
  });
});
