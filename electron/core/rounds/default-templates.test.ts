import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemSpec } from '@shared/domain/rounds';
import { metricCatalogue } from '../checks/metric-catalogue';
import { loadProfiles } from '../checks/profiles/profile-loader';
import { loadDefaultTemplates } from './default-templates';
import { RESOURCES_DIR } from './testing/rounds-setup';

describe('the shipped checklist templates (resources/checklists)', () => {
  const shipped = loadDefaultTemplates(RESOURCES_DIR);

  it('parse, each in zh-CN and en with the same keys and item types', () => {
    const keys = [...new Set(shipped.map((t) => t.builtinKey))].sort();
    expect(keys).toEqual(['database', 'machine-room', 'network-device', 'pc', 'server-storage', 'ups-power']);
    for (const key of keys) {
      const [en, zh] = ['en', 'zh-CN'].map((language) => shipped.find((t) => t.builtinKey === key && t.language === language)?.content);
      expect(en, key).toBeDefined();
      // Everything but the words: keys, types, limits, bindings, option values and outcomes.
      const spec = (x: ItemSpec) => (x.type === 'choice' ? { ...x, options: x.options.map((o) => [o.value, o.outcome]) } : x);
      const shape = (c: typeof en) => c!.sections.map((s) => [s.key, s.items.map((i) => [i.key, spec(i.spec), i.perAsset, i.assetTypes, i.required])]);
      expect(shape(zh), key).toEqual(shape(en));
      expect(zh!.scope).toEqual(en!.scope);
    }
  });

  it('carry the machine-room standards: cold aisle 18–27 °C, humidity 40–60 %', () => {
    const room = shipped.find((t) => t.builtinKey === 'machine-room' && t.language === 'zh-CN')!.content;
    const spec = (key: string) => room.sections.flatMap((s) => s.items).find((i) => i.key === key)?.spec as Extract<ItemSpec, { type: 'number' }>;
    expect(spec('cold-aisle-temperature').thresholds).toMatchObject({ warnBelow: 18, warnAbove: 27 });
    expect(spec('relative-humidity').thresholds).toMatchObject({ warnBelow: 40, warnAbove: 60 });
  });

  it('bind automatic items to metrics the named profile (or, unnamed, a profile of the kind) measures, in the metric\'s unit', () => {
    const profiles = loadProfiles(RESOURCES_DIR);
    const catalogue = new Map(metricCatalogue(profiles).map((entry) => [entry.name, entry]));
    const kindOf = new Map(profiles.all.map((p) => [p.id, p.kind]));
    let bound = 0;
    for (const template of shipped) {
      for (const item of template.content.sections.flatMap((s) => s.items)) {
        if (item.spec.type !== 'auto') continue;
        bound += 1;
        const { kind, profileId, metric } = item.spec.binding;
        const entry = catalogue.get(metric);
        const where = `${template.file} ${item.key}`;
        expect(entry, where).toBeDefined();
        const producers = entry!.producedBy.map((p) => p.split('/')[0]!);
        if (profileId !== null) expect(producers, where).toContain(profileId);
        else if (kind === 'ping' || kind === 'tcp' || kind === 'http') expect(producers, where).toContain(kind);
        else expect(producers.some((p) => kindOf.get(p) === kind), where).toBe(true);
        if (entry!.unit !== null && entry!.unit !== 'count') expect(item.spec.unit, where).toBe(entry!.unit);
      }
    }
    expect(bound).toBeGreaterThan(20);
  });

  it('reports every problem of a broken folder with its file and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkdown-checklists-'));
    try {
      mkdirSync(join(dir, 'checklists'));
      writeFileSync(join(dir, 'checklists', 'broken.en.json'), JSON.stringify({ name: 'x', language: 'en', scope: { kind: 'room' }, sections: [] }));
      writeFileSync(join(dir, 'checklists', 'wrong.zh-CN.json'), JSON.stringify({ name: 'x', language: 'en', scope: { kind: 'room' }, sections: [{ key: 'a', title: 'A', items: [{ key: 'b', label: 'B', spec: { type: 'text' } }] }] }));
      writeFileSync(join(dir, 'checklists', 'noLanguage.json'), '{}');
      expect(() => loadDefaultTemplates(dir)).toThrow(/checklists\/broken\.en\.json: sections: [\s\S]*noLanguage\.json: the name[\s\S]*wrong\.zh-CN\.json: language/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
