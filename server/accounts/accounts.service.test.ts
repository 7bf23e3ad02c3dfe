import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type ServerStore } from '../db/database';
import { AccountsService } from './accounts.service';
import { secretHash } from './secrets';

let store: ServerStore | undefined;
let dir: string | undefined;

afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function accounts(now: () => number) {
  dir = mkdtempSync(join(tmpdir(), 'walkdown-accounts-'));
  store = await openStore({ dataDir: dir });
  return new AccountsService(store, now);
}

const device = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;

describe('accounts', () => {
  it('creates the first admin once, with a code that expires', async () => {
    let now = 1_760_000_000_000;
    const service = await accounts(() => now);
    const first = await service.bootstrap();
    expect(first?.expiresAt).toBe(now + 24 * 3600_000);
    expect(await service.bootstrap()).toBeNull();
    now += 24 * 3600_000;
    await expect(service.enrol({ code: first?.code as string, deviceId: device(1), deviceName: 'x', nextSeq: 1 })).rejects.toMatchObject({ code: 'sync.enrolment-invalid' });
    const fresh = await service.issueCodeForFirstAdmin();
    const enrolled = await service.enrol({ code: fresh.code, deviceId: device(1), deviceName: 'x', nextSeq: 41 });
    expect(enrolled).toMatchObject({ user: { role: 'admin' }, acknowledgedSeq: 40 });
    expect(enrolled.token).toMatch(/^wdt_[\w-]{43}$/);
  });

  it('keeps only hashes, and finds the device by its token', async () => {
    const service = await accounts(() => 1_760_000_000_000);
    const first = await service.bootstrap();
    const { token } = await service.enrol({ code: first?.code as string, deviceId: device(2), deviceName: 'ThinkPad', nextSeq: 1 });
    const row = await store?.db.selectFrom('devices').selectAll().executeTakeFirstOrThrow();
    expect(row?.token_hash).toBe(secretHash(token));
    const codes = await store?.db.selectFrom('enrolment_codes').select('code_hash').execute();
    expect(codes?.map((c) => c.code_hash)).toEqual([secretHash(first?.code as string)]);
    const session = await service.authenticate(token);
    expect(session).toMatchObject({ device: { id: device(2), lastSeq: 0 }, user: { role: 'admin' }, scope: { all: true } });
    await expect(service.authenticate(`${token}x`)).rejects.toMatchObject({ code: 'sync.unauthorized' });
  });

  it('re-enrols a device of the same user without losing its place, and refuses it to another user', async () => {
    const service = await accounts(() => 1_760_000_000_000);
    const first = await service.bootstrap();
    const { token } = await service.enrol({ code: first?.code as string, deviceId: device(3), deviceName: 'x', nextSeq: 8 });
    const admin = await service.authenticate(token);
    const again = await service.issueCode(admin, admin.user.id, undefined);
    expect((await service.enrol({ code: again.code, deviceId: device(3), deviceName: 'y', nextSeq: 1 })).acknowledgedSeq).toBe(7);
    const engineer = await service.createUser(admin, { name: '李工', role: 'engineer', scope: { all: false, clientIds: ['c1'], siteIds: [] } });
    const forEngineer = await service.issueCode(admin, engineer.id, 5);
    await expect(service.enrol({ code: forEngineer.code, deviceId: device(3), deviceName: 'z', nextSeq: 1 })).rejects.toMatchObject({ code: 'sync.enrolment-invalid' });
  });
});
