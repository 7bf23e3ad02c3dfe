import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY_FIELDS, DEFAULT_SLA_POLICY_ID } from '@shared/sla';
import { createCore } from '../core';
import { tempDataDir } from '../testing/fixtures';

describe('sla over the API', () => {
  it('lists, saves, resolves and deletes policies, with stable error codes', async () => {
    const core = createCore({ dataDir: tempDataDir(), transport: 'web' });
    await core.call('profile.save', { name: '测试', role: 'supervisor' });
    const client = await core.call('locations.create', { kind: 'client', name: '市人民医院' });
    if (!client.ok) throw new Error(client.error.message);
    const clientId = (client.value as { id: string }).id;

    expect(await core.call('sla.policies', {})).toMatchObject({ ok: true, value: [{ id: DEFAULT_SLA_POLICY_ID, clientId: null }] });
    const saved = await core.call('sla.savePolicy', { fields: { ...DEFAULT_SLA_POLICY_FIELDS, name: '医院', clientId } });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.value as { id: string }).id;
    expect(await core.call('sla.effectivePolicy', { clientId })).toMatchObject({ ok: true, value: { id, name: '医院' } });
    expect(await core.call('sla.effectivePolicy', { clientId: null })).toMatchObject({ ok: true, value: { id: DEFAULT_SLA_POLICY_ID } });
    expect(await core.call('sla.savePolicy', { fields: { ...DEFAULT_SLA_POLICY_FIELDS, clientId } })).toMatchObject({
      ok: false,
      error: { code: 'sla.duplicate-client' },
    });
    expect(await core.call('sla.savePolicy', { fields: { ...DEFAULT_SLA_POLICY_FIELDS, atRiskPercent: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'api.invalid-input' },
    });
    expect(await core.call('sla.deletePolicy', { id: DEFAULT_SLA_POLICY_ID })).toMatchObject({ ok: false, error: { code: 'sla.default-required' } });
    expect(await core.call('sla.deletePolicy', { id })).toEqual({ ok: true, value: { id } });
    expect(await core.call('sla.effectivePolicy', { clientId })).toMatchObject({ ok: true, value: { id: DEFAULT_SLA_POLICY_ID } });
    core.close();
  });
});
