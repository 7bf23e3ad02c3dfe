/**
 * Emergency plans through the core API (createCore, as either transport calls
 * it) over a real SQLite file in a temporary data directory, with the
 * templates shipped in resources/.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmergencyPlan, PlanSummary, PlanTemplateSummary } from '@shared/domain/emergency-plans';
import { createCore, type Core } from '../../electron/core/core';
import { DATABASE_FILE } from '../../electron/core/store/local-store';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('emergency plans through the core API', () => {
  let dataDir: string;
  let core: Core;
  const events: { name: string; payload: unknown }[] = [];

  async function open(): Promise<Core> {
    const opened = createCore({ dataDir, transport: 'web', resourcesDir: join(REPO, 'resources') });
    await opened.ready;
    opened.onEvent((name, payload) => events.push({ name, payload }));
    return opened;
  }

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-plans-'));
    events.length = 0;
    core = await open();
  });

  afterEach(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a plan from a template for a client, edits its steps, lists it by client and deletes it', async () => {
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    // Reading needs no profile; writing does.
    const templates = await call<PlanTemplateSummary[]>('plans.templates', {});
    const ups = templates.find((t) => t.id === 'power-failure-ups.zh-CN');
    expect(ups).toMatchObject({ language: 'zh-CN', scenario: 'power-failure', severity: 'critical' });
    expect(templates.filter((t) => t.language === 'en')).toHaveLength(3);

    const hospitalOnly = await call<{ id: string }>('locations.create', { kind: 'client', name: 'x' }).catch((error: Error) => error);
    expect(String(hospitalOnly)).toMatch(/profile\.required/);
    await call('profile.save', { name: '张工', role: 'engineer' });

    const hospital = await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    const outpatient = await call<{ id: string }>('locations.create', { kind: 'site', clientId: hospital.id, name: '门诊楼' });
    const bank = await call<{ id: string }>('locations.create', { kind: 'client', name: '城商银行' });

    const { id } = await call<{ id: string }>('plans.fromTemplate', { templateId: 'power-failure-ups.zh-CN', clientId: hospital.id });
    expect(events).toContainEqual({ name: 'records.changed', payload: { entities: ['emergencyPlan'] } });
    const copied = await call<EmergencyPlan>('plans.get', { id });
    expect(copied).toMatchObject({ clientId: hospital.id, clientName: '市人民医院', siteId: null, templateId: 'power-failure-ups.zh-CN', reviewedAt: null });
    expect(copied.steps.length).toBe(ups!.stepCount);

    // The engineer adapts the copy: a site, a reviewed version, one step fewer and one added, a contact called first.
    const steps = [
      ...copied.steps.slice(0, 2),
      { title: '启动柴油发电机', instructions: '确认油量，按操作卡启动并切换 ATS', responsibleRole: '动力值班员', expectedMinutes: 10, checkItem: '发电机已带载' },
      ...copied.steps.slice(3),
    ];
    const contacts = [{ key: 'duty', name: '李工', role: '值班工程师', organisation: '运维项目组', phones: ['138 0013 8000', '0571-8888 1234'], escalationLevel: 1 }, ...copied.contacts];
    const callList = [{ contactKey: 'duty', afterMinutes: 0, note: '先通知值班工程师' }, ...copied.callList];
    await call('plans.update', { id, fields: { siteId: outpatient.id, version: '1.1', reviewedAt: '2026-11-20', steps, contacts, callList } });
    const edited = await call<EmergencyPlan>('plans.get', { id });
    expect(edited).toMatchObject({ siteId: outpatient.id, siteName: '门诊楼', version: '1.1', reviewedAt: '2026-11-20' });
    expect(edited.steps.map((s) => s.title)).toEqual(steps.map((s) => s.title));
    expect(edited.steps[2]).toMatchObject({ title: '启动柴油发电机', expectedMinutes: 10 });
    expect(edited.callList[0]).toEqual({ contactKey: 'duty', afterMinutes: 0, note: '先通知值班工程师' });

    // A bad change is refused whole: a contact without a phone, a plan without steps.
    expect(await callError('plans.update', { id, fields: { steps: [] } })).toMatchObject({ code: 'api.invalid-input' });
    expect(await callError('plans.update', { id, fields: { contacts: [{ ...contacts[0], phones: [] }, ...copied.contacts] } })).toMatchObject({
      code: 'api.invalid-input',
      details: { issues: [expect.objectContaining({ path: 'fields.contacts.0.phones' })] },
    });
    expect((await call<EmergencyPlan>('plans.get', { id })).steps).toHaveLength(steps.length);

    await call('plans.create', {
      title: 'Ransomware at head office',
      clientId: bank.id,
      scenario: 'ransomware',
      severity: 'major',
      language: 'en',
      steps: [{ title: 'Isolate infected hosts' }],
    });
    expect((await call<PlanSummary[]>('plans.list', { clientId: hospital.id })).map((p) => [p.id, p.siteName, p.stepCount, p.contactCount])).toEqual([
      [id, '门诊楼', steps.length, contacts.length],
    ]);
    expect((await call<PlanSummary[]>('plans.list', { clientId: bank.id })).map((p) => p.title)).toEqual(['Ransomware at head office']);
    expect((await call<PlanSummary[]>('plans.list', { search: '柴油发电机' })).map((p) => p.id)).toEqual([id]);
    expect((await call<PlanSummary[]>('plans.list', { search: '李工' })).map((p) => p.id)).toEqual([id]);

    // Everything is in the file: a fresh core on the same directory reads it back.
    core.close();
    core = await open();
    expect((await call<EmergencyPlan>('plans.get', { id })).steps[2]?.title).toBe('启动柴油发电机');

    await call('plans.delete', { id });
    expect(await call<PlanSummary[]>('plans.list', { clientId: hospital.id })).toEqual([]);
    expect(await callError('plans.get', { id })).toMatchObject({ code: 'plans.not-found' });
    await call('plans.restore', { id });
    expect((await call<PlanSummary[]>('plans.list', { clientId: hospital.id })).map((p) => p.id)).toEqual([id]);
  });

  it('rejects bad input at the edge with stable codes', async () => {
    await call('profile.save', { name: '张工', role: 'engineer' });
    const client = await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    expect(await callError('plans.create', { title: 'x', clientId: client.id, scenario: 'fire', severity: 'minor', language: 'en', steps: [] })).toMatchObject({
      code: 'api.invalid-input',
    });
    expect(await callError('plans.fromTemplate', { templateId: 'no-such-template.en', clientId: client.id })).toMatchObject({ code: 'plans.not-found' });
    expect(await callError('plans.fromTemplate', { templateId: '../../etc/passwd', clientId: client.id })).toMatchObject({ code: 'api.invalid-input' });
    expect(await callError('plans.get', { id: '01890a5d-ac96-774b-bcce-b302099a8057' })).toMatchObject({ code: 'plans.not-found' });
    expect(await call<PlanSummary[]>('plans.list', {})).toEqual([]);
  });
});
