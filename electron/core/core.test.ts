import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from './core';
import { DATABASE_FILE } from './store/local-store';
import { tempDataDir } from './testing/fixtures';

async function value<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('core', () => {
  it('enters recovery mode on a damaged database, serves only recovery, and leaves it after a restore', async () => {
    const dataDir = tempDataDir();
    const healthy = createCore({ dataDir, transport: 'web' });
    await value(healthy.call('profile.save', { name: '王工', role: 'supervisor' }));
    await value(healthy.call('locations.create', { kind: 'client', name: '电力公司' }));
    const backup = await value<{ file: string }>(healthy.call('backups.create', {}));
    healthy.close();

    writeFileSync(join(dataDir, DATABASE_FILE), Buffer.alloc(16384, 0x5a));
    const broken = createCore({ dataDir, transport: 'web', language: 'en' });
    const info = await value<{ mode: string; recoveryReason: string; settings: { language: string } }>(broken.call('system.info', {}));
    expect(info.mode).toBe('recovery');
    expect(info.recoveryReason).toMatch(/cannot be opened|integrity/);
    expect(info.settings.language).toBe('en');
    expect(await broken.call('locations.tree', {})).toMatchObject({ ok: false, error: { code: 'store.unavailable' } });
    const backups = await value<{ file: string }[]>(broken.call('backups.list', {}));
    expect(backups.map((b) => b.file)).toContain(backup.file);

    expect(await broken.call('backups.restore', { file: backup.file })).toMatchObject({ ok: true, value: { restored: true } });
    const after = await value<{ mode: string; profile: { name: string } }>(broken.call('system.info', {}));
    expect(after.mode).toBe('normal');
    expect(after.profile.name).toBe('王工');
    const tree = await value<{ clients: { name: string }[] }>(broken.call('locations.tree', {}));
    expect(tree.clients.map((c) => c.name)).toEqual(['电力公司']);
    broken.close();
  });

  it('picks the language from --lang, then the saved choice, then the OS locale', async () => {
    const dataDir = tempDataDir();
    const fromOs = createCore({ dataDir, transport: 'web', osLocale: 'zh_CN.UTF-8' });
    expect(await value(fromOs.call('system.info', {}))).toMatchObject({ settings: { language: 'zh-CN', theme: 'system' } });
    await value(fromOs.call('settings.update', { language: 'en', theme: 'dark' }));
    expect(await value(fromOs.call('system.info', {}))).toMatchObject({ settings: { language: 'en', theme: 'dark' } });
    fromOs.close();

    const withFlag = createCore({ dataDir, transport: 'web', osLocale: 'zh_CN.UTF-8', language: 'zh-CN' });
    expect(await value(withFlag.call('system.info', {}))).toMatchObject({ settings: { language: 'zh-CN' } });
    // A choice in Settings outranks the flag for the rest of the run.
    await value(withFlag.call('settings.update', { language: 'en' }));
    expect(await value(withFlag.call('system.info', {}))).toMatchObject({ settings: { language: 'en' } });
    withFlag.close();

    const saved = createCore({ dataDir, transport: 'web', osLocale: 'zh_CN.UTF-8' });
    expect(await value(saved.call('system.info', {}))).toMatchObject({ settings: { language: 'en' } });
    saved.close();
  });

  it('records who changed what in the audit log', async () => {
    const core = createCore({ dataDir: tempDataDir(), transport: 'web' });
    expect(await core.call('locations.create', { kind: 'client', name: 'Early' })).toMatchObject({ ok: false, error: { code: 'profile.required' } });
    await value(core.call('profile.save', { name: '赵工', role: 'engineer' }));
    const { id } = await value<{ id: string }>(core.call('locations.create', { kind: 'client', name: 'Bank' }));
    await value(core.call('locations.rename', { kind: 'client', id, name: 'Central Bank' }));
    const audit = await value<{ action: string; actorName: string; changes: unknown }[]>(core.call('audit.list', { entityId: id }));
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]).toMatchObject({ actorName: '赵工', changes: { name: ['Bank', 'Central Bank'] } });
    core.close();
  });
});
