import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { newId } from '../store/ids';
import { tempDataDir } from '../testing/fixtures';
import { VAULT_KEY_FILE } from './vault';

const SECRET = 'Sup3r-S3cret-社区';

async function ok<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('credentials over the API', () => {
  it('takes secrets in and never gives them back, in results or in errors', async () => {
    const vaultKey = randomBytes(32).toString('base64');
    const dataDir = tempDataDir();
    const core = createCore({ dataDir, transport: 'web', vaultKey });
    const results: unknown[] = [];
    const call = async (method: string, input: unknown) => {
      const result = await core.call(method, input);
      results.push(result);
      return result;
    };

    const created = await ok<{ id: string }>(
      call('credentials.create', { name: 'Core', spec: { kind: 'ssh-password', settings: { username: 'root' }, secret: { password: SECRET } } }),
    );
    await ok(call('credentials.update', { id: created.id, spec: { kind: 'snmp-community', settings: {}, secret: { community: `${SECRET}-2` } } }));
    const list = await ok<Record<string, unknown>[]>(call('credentials.list', {}));
    expect(list).toEqual([expect.objectContaining({ id: created.id, kind: 'snmp-community', settings: { version: 'v2c', port: 161 }, secretSet: true, assetIds: [] })]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['assetIds', 'createdAt', 'id', 'kind', 'name', 'secretSet', 'settings', 'updatedAt']);

    // Failures name fields, never values.
    expect(
      await call('credentials.create', {
        name: 'v3',
        spec: { kind: 'snmp-v3', settings: { username: 'u', securityLevel: 'authPriv', authProtocol: 'sha' }, secret: { authKey: `${SECRET}-auth`, privKey: 'x' } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'credentials.invalid', details: { issues: [{ path: 'spec.settings.privProtocol' }, { path: 'spec.secret.privKey' }] } } });
    expect(await call('credentials.create', { name: 'core', spec: { kind: 'ssh-password', settings: { username: 'root' }, secret: { password: SECRET } } })).toMatchObject({
      ok: false,
      error: { code: 'credentials.duplicate-name' },
    });
    expect(await call('credentials.create', { name: 'long', spec: { kind: 'snmp-community', settings: {}, secret: { community: `${SECRET}${'x'.repeat(200)}` } } })).toMatchObject({
      ok: false,
      error: { code: 'api.invalid-input' },
    });
    expect(await call('credentials.assign', { id: created.id, assetIds: [newId()], attach: true })).toMatchObject({ ok: false, error: { code: 'assets.not-found' } });
    expect(await call('credentials.delete', { id: created.id })).toEqual({ ok: true, value: { id: created.id } });
    expect(await call('credentials.list', {})).toEqual({ ok: true, value: [] });

    expect(JSON.stringify(results)).not.toContain('Sup3r-S3cret');
    // The key came from the init options: no key file was made.
    expect(readdirSync(dataDir)).not.toContain(VAULT_KEY_FILE);
    core.close();
  });
});
