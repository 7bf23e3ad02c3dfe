import { describe, expect, it } from 'vitest';
import { contentFingerprint, parseTemplateJson } from './template-file';

const valid = {
  name: 'UPS 巡检',
  language: 'zh-CN',
  scope: { kind: 'asset-type', assetTypes: ['ups'] },
  sections: [{ key: 'battery', title: '电池', items: [{ key: 'runtime', label: '后备时间', spec: { type: 'number', unit: 'min', thresholds: { failBelow: 10, warnBelow: 20 } } }] }],
};

describe('reading a template file', () => {
  it('accepts a valid file (with a byte-order mark) and fills the defaults', () => {
    const result = parseTemplateJson(`\uFEFF${JSON.stringify(valid)}`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.content.sections[0]!.items[0]).toMatchObject({ required: true, perAsset: false, assetTypes: [], spec: { decimals: 1, thresholds: { failAbove: null } } });
  });

  it('names the path of each problem', () => {
    const bad = structuredClone(valid) as Record<string, unknown>;
    (bad['sections'] as { items: { spec: Record<string, unknown> }[] }[])[0]!.items[0]!.spec['thresholds'] = { failBelow: 30, warnBelow: 20 };
    expect(parseTemplateJson(JSON.stringify(bad))).toEqual({ ok: false, problems: [{ path: 'sections[0].items[0].spec.thresholds.warnBelow', message: 'warnBelow must not be below failBelow' }] });
    expect(parseTemplateJson('{"name": ')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^Not valid JSON/) }] });
    const result = parseTemplateJson(JSON.stringify({ ...valid, language: 'fr' }));
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'language' }] });
  });

  it('refuses keys the format does not know, such as a misspelt field', () => {
    const typo = structuredClone(valid) as { sections: { items: { spec: Record<string, unknown> }[] }[] };
    const spec = typo.sections[0]!.items[0]!.spec;
    spec['threshold'] = spec['thresholds'];
    delete spec['thresholds'];
    expect(parseTemplateJson(JSON.stringify(typo))).toEqual({ ok: false, problems: [{ path: 'sections[0].items[0].spec.threshold', message: 'Unknown field' }] });
  });

  it('refuses a key used twice', () => {
    const twice = structuredClone(valid) as { sections: { key: string; items: { key: string }[] }[] };
    twice.sections.push(structuredClone(twice.sections[0]!));
    twice.sections[1]!.key = 'battery-2';
    expect(parseTemplateJson(JSON.stringify(twice))).toMatchObject({ ok: false, problems: [{ path: 'sections[1].items[0].key', message: 'Item key runtime is used twice' }] });
  });

  it('fingerprints content so that only a real change differs', () => {
    const a = parseTemplateJson(JSON.stringify(valid));
    const reordered = parseTemplateJson(JSON.stringify({ sections: valid.sections, scope: valid.scope, language: valid.language, name: valid.name, description: '' }));
    if (!a.ok || !reordered.ok) throw new Error('both parse');
    expect(contentFingerprint(a.content)).toBe(contentFingerprint(reordered.content));
    expect(contentFingerprint({ ...a.content, name: 'UPS 巡检 v2' })).not.toBe(contentFingerprint(a.content));
  });
});
