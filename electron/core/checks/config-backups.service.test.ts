import { describe, expect, it } from 'vitest';
import { newId } from '../store/ids';
import { insertBackup } from './config-backups.repo';
import { checksSetup } from './testing/check-fixtures';

describe('configuration backups', () => {
  it('lists versions newest first and diffs any two; an unknown version is config.not-found', async () => {
    const { checks, store, asset, room, clock } = await checksSetup();
    const sw = asset({ type: 'switch', name: 'S1', vendor: 'Huawei', roomId: room.id });
    // Sizes are bytes of UTF-8: a Chinese description counts three each.
    const A = 'sysname A\n#\nreturn\n';
    const B = 'sysname B\n#\n description 核心\nreturn\n';
    const v1 = newId();
    const v2 = newId();
    store.writePath.write([insertBackup({ id: v1, assetId: sw, fetchedAt: clock.now(), command: 'display current-configuration', sha256: 'a'.repeat(64), content: A, changed: false })]);
    clock.advance(1000);
    store.writePath.write([insertBackup({ id: v2, assetId: sw, fetchedAt: clock.now(), command: 'display current-configuration', sha256: 'b'.repeat(64), content: B, changed: true })]);
    expect(checks.configBackups.list(sw).map((b) => [b.id, b.changed, b.sizeBytes])).toEqual([
      [v2, true, Buffer.byteLength(B)],
      [v1, false, A.length],
    ]);
    expect(checks.configBackups.get(v1)).toMatchObject({ content: A, assetId: sw });
    expect(checks.configBackups.diff(v1, v2)).toMatchObject({ fromId: v1, toId: v2, added: 2, removed: 1, unified: expect.stringContaining('+sysname B') });
    expect(() => checks.configBackups.get(newId())).toThrow(expect.objectContaining({ code: 'config.not-found' }));
    expect(() => checks.configBackups.diff(v1, newId())).toThrow(expect.objectContaining({ code: 'config.not-found' }));
  });

  it('says why a device cannot be backed up before touching the network', async () => {
    const { checks, asset, room, credential } = await checksSetup();
    const server = asset({ type: 'server', name: 'linux', vendor: 'Dell', roomId: room.id, managementIps: ['127.0.0.1'] });
    await expect(checks.configBackups.fetch(server)).rejects.toMatchObject({ code: 'api.invalid-input' });
    const noAddress = asset({ type: 'switch', name: 'no-ip', vendor: 'Cisco', roomId: room.id });
    await expect(checks.configBackups.fetch(noAddress)).rejects.toMatchObject({ code: 'check.no-address' });
    const noCredential = asset({ type: 'router', name: 'no-cred', vendor: 'H3C', roomId: room.id, managementIps: ['127.0.0.1'] });
    credential({ kind: 'snmp-community', settings: { version: 'v2c' }, secret: { community: 'public' } }, [noCredential]);
    await expect(checks.configBackups.fetch(noCredential)).rejects.toMatchObject({ code: 'check.no-credential' });
  });
});
