import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { tempDataDir } from '../testing/fixtures';

describe('assets over the API', () => {
  it('changes only the fields an update names', async () => {
    const core = createCore({ dataDir: tempDataDir(), transport: 'web' });
    await core.call('profile.save', { name: '测试', role: 'engineer' });
    const created = await core.call('assets.create', { type: 'switch', name: 'SW-1', vendor: 'H3C', status: 'spare', managementIps: ['10.0.0.1'] });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    expect(await core.call('assets.update', { id, fields: { notes: '3F 东侧' } })).toMatchObject({ ok: true });
    const got = await core.call('assets.get', { id });
    expect(got).toMatchObject({ ok: true, value: { asset: { vendor: 'H3C', status: 'spare', managementIps: ['10.0.0.1'], notes: '3F 东侧' } } });
    expect(await core.call('assets.update', { id, fields: { managementIps: ['300.1.1.1'] } })).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    core.close();
  });
});
