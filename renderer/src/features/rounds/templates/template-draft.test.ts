import { describe, expect, it } from 'vitest';
import { TemplateContent } from '@shared/domain/rounds';
import {
  addItem,
  addSection,
  draftFromContent,
  draftToContent,
  emptyDraft,
  fieldOfPath,
  keyFromLabel,
  moveItem,
  moveSection,
  removeItem,
  updateItem,
  updateSection,
  type DraftTemplate,
} from './template-draft';

const content = TemplateContent.parse({
  name: '机房巡检',
  language: 'zh-CN',
  scope: { kind: 'room' },
  sections: [
    {
      key: 'environment',
      title: '环境',
      items: [
        { key: 'temperature', label: '温度', spec: { type: 'number', unit: '°C', thresholds: { warnBelow: 18, warnAbove: 27, failAbove: 32 } } },
        { key: 'door', label: '门禁', spec: { type: 'choice', options: [{ value: 'ok', label: '正常', outcome: 'ok' }, { value: 'open', label: '未关', outcome: 'failed' }] } },
      ],
    },
    { key: 'ups', title: 'UPS', items: [{ key: 'runtime', label: '后备时间', perAsset: true, spec: { type: 'auto', binding: { kind: 'snmp', profileId: 'ups-mib', metric: 'ups.battery.runtime-minutes' }, unit: 'min', thresholds: { warnBelow: 15 } } }] },
  ],
});

const keysOf = (draft: DraftTemplate) => draft.sections.map((section) => [section.title, section.items.map((item) => item.label)]);

describe('draftFromContent / draftToContent', () => {
  it('round-trips a template unchanged', () => {
    const result = draftToContent(draftFromContent(content));
    expect(result).toEqual({ ok: true, content });
  });

  it('keeps the key of an existing item when it is renamed, and gives new ones keys from their labels', () => {
    let draft = draftFromContent(content);
    const temperature = draft.sections[0]!.items[0]!;
    draft = updateItem(draft, temperature.uid, { label: '冷通道温度' });
    const added = addItem(draft, draft.sections[0]!.uid, 'pass-fail');
    draft = updateItem(added.draft, added.item.uid, { label: 'Water leakage' });
    const chinese = addItem(draft, draft.sections[0]!.uid, 'text');
    draft = updateItem(chinese.draft, chinese.item.uid, { label: '备注' });
    const result = draftToContent(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.content.sections[0]!.items.map((item) => [item.key, item.label])).toEqual([
      ['temperature', '冷通道温度'],
      ['door', '门禁'],
      ['water-leakage', 'Water leakage'],
      ['item-1', '备注'],
    ]);
  });

  it('picks new item keys unique across the whole template, and keeps the OK values of a text reading', () => {
    let draft = draftFromContent(content);
    const added = addItem(draft, draft.sections[1]!.uid, 'auto', undefined);
    draft = updateItem(added.draft, added.item.uid, { label: 'Temperature', bindingKind: 'snmp', bindingProfileId: 'ups-mib', bindingMetric: 'ups.output.source', okValues: 'normal\n battery ,normal' });
    const result = draftToContent(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const item = result.content.sections[1]!.items[1]!;
    expect(item.key).toBe('temperature-2');
    // It reads a device, so it is asked per asset even though the box was never ticked.
    expect(item.perAsset).toBe(true);
    expect(item.spec.type === 'auto' && item.spec.okValues).toEqual(['normal', 'battery']);
  });
});

describe('editing', () => {
  it('moves items within a section and across section boundaries', () => {
    let draft = draftFromContent(content);
    const door = draft.sections[0]!.items[1]!;
    draft = moveItem(draft, door.uid, -1);
    expect(keysOf(draft)[0]).toEqual(['环境', ['门禁', '温度']]);
    // Down past the end of its section: first item of the next.
    draft = moveItem(draft, door.uid, 1);
    draft = moveItem(draft, door.uid, 1);
    expect(keysOf(draft)).toEqual([
      ['环境', ['温度']],
      ['UPS', ['门禁', '后备时间']],
    ]);
    // Up again past the start: last item of the section before.
    draft = moveItem(draft, door.uid, -1);
    expect(keysOf(draft)[0]).toEqual(['环境', ['温度', '门禁']]);
    // Nowhere to go past the very first item.
    const first = draft.sections[0]!.items[0]!;
    expect(moveItem(draft, first.uid, -1)).toBe(draft);
  });

  it('adds a section after another and moves sections', () => {
    let draft = draftFromContent(content);
    const added = addSection(draft, draft.sections[0]!.uid);
    draft = updateSection(added.draft, added.section.uid, { title: 'Power' });
    expect(draft.sections.map((section) => section.title)).toEqual(['环境', 'Power', 'UPS']);
    draft = moveSection(draft, added.section.uid, -1);
    expect(draft.sections.map((section) => section.title)).toEqual(['Power', '环境', 'UPS']);
    expect(moveSection(draft, added.section.uid, -1)).toBe(draft);
  });
});

describe('validation', () => {
  it('names each problem at its field', () => {
    let draft = emptyDraft('en');
    const item = draft.sections[0]!.items[0]!;
    draft = updateItem(draft, item.uid, { type: 'number', label: 'Temp', thresholds: { failBelow: '', warnBelow: '20', warnAbove: '18', failAbove: 'x' } });
    const result = draftToContent(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'name', code: 'required' },
      { field: `${draft.sections[0]!.uid}.title`, code: 'required' },
      { field: `${item.uid}.thresholds.failAbove`, code: 'notANumber' },
      { field: `${item.uid}.thresholds.warnAbove`, code: 'thresholdOrder' },
    ]);
  });

  it('asks for two options, a metric, whole numbers and an asset type where they apply', () => {
    let draft: DraftTemplate = { ...emptyDraft('en'), name: 'Switch', scopeKind: 'asset-type' };
    draft = updateSection(draft, draft.sections[0]!.uid, { title: 'Checks' });
    const choice = draft.sections[0]!.items[0]!;
    draft = updateItem(draft, choice.uid, { type: 'choice', label: 'Mode' });
    const auto = addItem(draft, draft.sections[0]!.uid, 'auto');
    draft = updateItem(auto.draft, auto.item.uid, { label: 'CPU' });
    const photo = addItem(draft, draft.sections[0]!.uid, 'photo');
    draft = updateItem(photo.draft, photo.item.uid, { label: 'Front', minPhotos: '1.5' });
    const result = draftToContent(draft);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['assetTypes', 'assetTypesRequired'],
      [`${choice.uid}.options`, 'twoOptions'],
      [`${auto.item.uid}.bindingMetric`, 'metricRequired'],
      [`${photo.item.uid}.minPhotos`, 'wholeNumber'],
    ]);
  });

  it('reads decimal commas in limits', () => {
    let draft = draftFromContent(content);
    draft = updateItem(draft, draft.sections[0]!.items[0]!.uid, { thresholds: { failBelow: '', warnBelow: '17,5', warnAbove: '27', failAbove: '' } });
    const result = draftToContent(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const spec = result.content.sections[0]!.items[0]!.spec;
    expect(spec.type === 'number' && spec.thresholds).toEqual({ failBelow: null, warnBelow: 17.5, warnAbove: 27, failAbove: null });
  });

  it('points a schema path at the item it is about', () => {
    const draft = draftFromContent(content);
    expect(fieldOfPath(draft, ['sections', 1, 'items', 0, 'spec', 'binding', 'metric'])).toBe(`${draft.sections[1]!.items[0]!.uid}.binding`);
    expect(fieldOfPath(draft, ['sections', 0, 'title'])).toBe(`${draft.sections[0]!.uid}.title`);
    expect(fieldOfPath(draft, ['name'])).toBe('name');
  });

  it('drops an emptied section', () => {
    let draft = draftFromContent(content);
    for (const item of draft.sections[1]!.items) draft = removeItem(draft, item.uid);
    const result = draftToContent(draft);
    expect(result.ok === false && result.problems).toEqual([{ field: `${draft.sections[1]!.uid}.items`, code: 'itemsRequired' }]);
  });
});

describe('keyFromLabel', () => {
  it('makes a readable key, unique among the taken ones', () => {
    expect(keyFromLabel('UPS Load %', new Set(), 'item')).toBe('ups-load');
    expect(keyFromLabel('UPS Load', new Set(['ups-load']), 'item')).toBe('ups-load-2');
    expect(keyFromLabel('温度', new Set(['item-1']), 'item')).toBe('item-2');
    expect(keyFromLabel('A', new Set(), 'option')).toBe('option-1');
  });
});
