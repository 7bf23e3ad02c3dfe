import { describe, expect, it } from 'vitest';
import { TemplateContent } from '@shared/domain/rounds';
import { newId } from '../store/ids';
import { ROOM_TEMPLATE, roundsSetup } from './testing/rounds-setup';

const code = (expected: string, details?: Record<string, unknown>) =>
  expect.objectContaining(details ? { code: expected, details: expect.objectContaining(details) } : { code: expected });

describe('TemplatesService', () => {
  it('creates a template as version 1 and makes a new version only when the content changes', async () => {
    const { templates, template, store } = await roundsSetup();
    expect(template).toMatchObject({ name: '机房日常巡检', version: 1, builtinKey: null, archived: false });
    const versions = () => (store.db.prepare('SELECT count(*) AS n FROM checklist_template_versions').get() as { n: number }).n;
    const before = versions();
    // The same content, keys in another order: no new version.
    const same = TemplateContent.parse(JSON.parse(JSON.stringify({ sections: ROOM_TEMPLATE.sections, scope: ROOM_TEMPLATE.scope, language: 'zh-CN', name: ROOM_TEMPLATE.name })));
    expect(templates.save(template.id, same)).toMatchObject({ version: 1, versionId: template.versionId });
    expect(versions()).toBe(before);
    const renamed = templates.save(template.id, { ...ROOM_TEMPLATE, name: '机房日常巡检（新）' });
    expect(renamed).toMatchObject({ id: template.id, version: 2, name: '机房日常巡检（新）' });
    expect(renamed.versionId).not.toBe(template.versionId);
    expect(templates.get(template.id, template.versionId)).toMatchObject({ version: 1, name: '机房日常巡检' });
    expect(templates.list(false).map((t) => [t.id, t.version])).toEqual([[template.id, 2]]);
    expect(() => templates.get(template.id, newId())).toThrow(code('templates.not-found'));
    expect(() => templates.save(newId(), ROOM_TEMPLATE)).toThrow(code('templates.not-found'));
  });

  it('archives and restores; archived ones are listed only when asked for', async () => {
    const { templates, template } = await roundsSetup();
    expect(templates.archive(template.id, true).archived).toBe(true);
    expect(templates.list(false)).toEqual([]);
    expect(templates.list(true).map((t) => t.id)).toEqual([template.id]);
    expect(templates.archive(template.id, false).archived).toBe(false);
  });

  it('exports the current version as the JSON an import reads back', async () => {
    const { templates, template } = await roundsSetup();
    const file = templates.export(template.id);
    expect(file).toMatchObject({ fileName: '机房日常巡检.v1.json', mimeType: 'application/json', rows: 1 });
    const json = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    const imported = templates.import(json);
    expect(imported.id).not.toBe(template.id);
    expect(TemplateContent.parse(imported)).toEqual(TemplateContent.parse(template));
  });

  it('refuses an invalid file with the path of the problem and saves nothing', async () => {
    const { templates, footprint } = await roundsSetup();
    const before = footprint();
    const bad = JSON.parse(JSON.stringify(ROOM_TEMPLATE)) as { sections: { items: { spec: Record<string, unknown> }[] }[] };
    bad.sections[0]!.items[0]!.spec['thresholds'] = { warnAbove: 30, failAbove: 27 };
    expect(() => templates.import(JSON.stringify(bad))).toThrow(code('templates.invalid-file', { path: 'sections[0].items[0].spec.thresholds.failAbove' }));
    expect(() => templates.import('not json')).toThrow(code('templates.invalid-file', { path: '' }));
    expect(() => templates.import(JSON.stringify({ ...ROOM_TEMPLATE, colour: 'red' }))).toThrow(code('templates.invalid-file', { path: 'colour' }));
    expect(footprint()).toEqual(before);
  });

  it('installs the shipped templates once, in one language or both', async () => {
    const { templates } = await roundsSetup();
    expect(templates.installDefaults('zh-CN')).toEqual({ installed: 6 });
    expect(templates.installDefaults('zh-CN')).toEqual({ installed: 0 });
    const machineRoom = templates.list(false).find((t) => t.builtinKey === 'machine-room');
    expect(machineRoom).toMatchObject({ name: '机房巡检', language: 'zh-CN', version: 1, scope: { kind: 'room' } });
    // An archived default still counts as installed.
    templates.archive(machineRoom!.id, true);
    expect(templates.installDefaults(undefined)).toEqual({ installed: 6 });
    expect(new Set(templates.list(true).filter((t) => t.builtinKey).map((t) => `${t.builtinKey}.${t.language}`)).size).toBe(12);
  });
});
