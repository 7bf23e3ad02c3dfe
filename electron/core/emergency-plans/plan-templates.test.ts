import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanFields } from '@shared/domain/emergency-plans';
import { tempDataDir } from '../testing/fixtures';
import { loadPlanTemplates, PlanTemplateCatalog, PlanTemplateError, TEMPLATES_FOLDER } from './plan-templates';

const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));
const CLIENT_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

function problemsOf(resourcesDir: string): readonly string[] {
  try {
    loadPlanTemplates(resourcesDir);
  } catch (error) {
    if (error instanceof PlanTemplateError) return error.problems;
    throw error;
  }
  return [];
}

describe('shipped emergency plan templates', () => {
  const templates = loadPlanTemplates(RESOURCES);

  it('all parse, in both languages, for UPS power, the core switch and ransomware', () => {
    expect(templates.map((t) => t.id).sort()).toEqual([
      'core-switch-failure.en',
      'core-switch-failure.zh-CN',
      'power-failure-ups.en',
      'power-failure-ups.zh-CN',
      'ransomware.en',
      'ransomware.zh-CN',
    ]);
  });

  it.each(['core-switch-failure', 'power-failure-ups', 'ransomware'])('%s: the two languages say the same thing', (name) => {
    const zh = templates.find((t) => t.id === `${name}.zh-CN`)!;
    const en = templates.find((t) => t.id === `${name}.en`)!;
    expect(zh.language).toBe('zh-CN');
    expect(en.language).toBe('en');
    expect([en.scenario, en.severity]).toEqual([zh.scenario, zh.severity]);
    expect(en.steps.map((s) => [s.expectedMinutes, s.responsibleRole !== '', s.checkItem !== ''])).toEqual(
      zh.steps.map((s) => [s.expectedMinutes, s.responsibleRole !== '', s.checkItem !== '']),
    );
    expect(en.contacts.map((c) => [c.key, c.phones, c.escalationLevel])).toEqual(zh.contacts.map((c) => [c.key, c.phones, c.escalationLevel]));
    expect(en.callList.map((c) => [c.contactKey, c.afterMinutes])).toEqual(zh.callList.map((c) => [c.contactKey, c.afterMinutes]));
    // Chinese text in the Chinese version, none in the English one.
    expect(zh.steps.every((s) => /\p{Script=Han}/u.test(s.title))).toBe(true);
    expect([en.title, en.objective, en.strategies, ...en.steps.map((s) => s.instructions)].some((text) => /\p{Script=Han}/u.test(text))).toBe(false);
  });

  it('each one makes a valid plan once a client is given', () => {
    for (const { id: _id, ...content } of templates) {
      const parsed = PlanFields.safeParse({ ...content, clientId: CLIENT_ID });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});

describe('loadPlanTemplates', () => {
  const valid = JSON.parse(readFileSync(join(RESOURCES, TEMPLATES_FOLDER, 'ransomware.en.json'), 'utf8')) as Record<string, unknown>;

  function folderWith(files: Record<string, unknown>): string {
    const root = tempDataDir();
    mkdirSync(join(root, TEMPLATES_FOLDER));
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(root, TEMPLATES_FOLDER, name), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return root;
  }

  it('names every problem in every file, by file and field', () => {
    const steps = valid['steps'] as Record<string, unknown>[];
    const root = folderWith({
      'broken.en.json': '{ "id": ',
      'misspelt.en.json': { ...valid, id: 'misspelt.en', steps: [{ ...steps[0], expectedMinute: 5 }] },
      'renamed.en.json': { ...valid, id: 'other-name.en' },
      'wrong-language.en.json': { ...valid, id: 'wrong-language.en', language: 'zh-CN' },
      'no-steps.en.json': { ...valid, id: 'no-steps.en', steps: [] },
      'bad-calls.en.json': {
        ...valid,
        id: 'bad-calls.en',
        contacts: [{ key: 'x', name: 'X', phones: ['ext.'] }],
        callList: [{ contactKey: 'y', afterMinutes: 0 }],
      },
      'extra.en.json': { ...valid, id: 'extra.en', clientId: CLIENT_ID },
      'notes.txt': 'not a template',
    });
    const problems = problemsOf(root);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^emergency-plans\/broken\.en\.json: \(file\): not valid JSON/),
        'emergency-plans/misspelt.en.json: steps[0].expectedMinute: unknown field',
        'emergency-plans/renamed.en.json: id: "other-name.en" must be the file name ("renamed.en")',
        'emergency-plans/wrong-language.en.json: language: a zh-CN template\'s id ends in ".zh-CN"',
        'emergency-plans/no-steps.en.json: steps: A plan needs at least one step',
        'emergency-plans/bad-calls.en.json: contacts[0].phones[0]: A phone number needs at least 3 digits',
        'emergency-plans/bad-calls.en.json: callList[0].contactKey: The call list names a contact that is not in the plan',
        expect.stringMatching(/^emergency-plans\/extra\.en\.json: \(file\): Unrecognized key: "clientId"/),
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it('reports an empty or missing folder instead of offering no templates', () => {
    expect(problemsOf(folderWith({}))).toEqual([expect.stringMatching(/no template found/)]);
    expect(problemsOf(join(RESOURCES, 'no-such-folder'))).toEqual([expect.stringMatching(/no template found/)]);
  });

  it('the catalog reads once and finds templates by id; an unknown id is plans.not-found', () => {
    const root = folderWith({ 'ransomware.en.json': valid });
    const catalog = new PlanTemplateCatalog(root);
    expect(catalog.get('ransomware.en').title).toBe(valid['title']);
    writeFileSync(join(root, TEMPLATES_FOLDER, 'ransomware.en.json'), '{ broken');
    expect(catalog.all()).toHaveLength(1);
    expect(() => catalog.get('ransomware.zh-CN')).toThrow(expect.objectContaining({ code: 'plans.not-found' }));
  });
});
