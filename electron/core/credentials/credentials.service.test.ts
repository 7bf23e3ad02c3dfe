import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialSpec } from '@shared/domain/credentials';
import { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { CredentialsService } from './credentials.service';
import { Vault, VAULT_KEY_FILE } from './vault';

/** Distinctive, with non-ASCII, so a search of raw bytes cannot hit it by accident. */
const SECRET = 'Sup3r-S3cret-社区';

const community = (secret = SECRET) => CredentialSpec.parse({ kind: 'snmp-community', settings: { version: 'v2c' }, secret: { community: secret } });
const sshKey = () =>
  CredentialSpec.parse({
    kind: 'ssh-key',
    settings: { username: 'ops' },
    secret: { privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}-key\n-----END OPENSSH PRIVATE KEY-----`, passphrase: `${SECRET}-pass`, enableSecret: `${SECRET}-enable` },
  });
const snmpV3 = (settings: Record<string, unknown>, secret: Record<string, unknown>) =>
  CredentialSpec.parse({ kind: 'snmp-v3', settings: { username: 'monitor', ...settings }, secret });

async function setup(options: { dataDir?: string; vaultKey?: Buffer } = {}) {
  const dataDir = options.dataDir ?? tempDataDir();
  const clock = manualClock();
  const store = await LocalStore.open({ dataDir, now: clock.now, actor: () => TEST_ACTOR });
  const events = new EventBus();
  const seen: unknown[] = [];
  events.on((name, payload) => seen.push([name, payload]));
  const service = new CredentialsService({ store, events, dataDir, now: clock.now, vaultKey: options.vaultKey });
  const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  /** Assets are written with SQL: the assets service is not what is tested here. */
  const asset = (name: string, deleted = false) => {
    const id = newId();
    store.db
      .prepare('INSERT INTO assets (id, type, name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, 'switch', name, clock.now(), clock.now(), deleted ? clock.now() : null);
    return id;
  };
  return { dataDir, store, service, seen, count, asset, clock };
}

/** Every file under dir, recursively (database, WAL, backups, ...). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('CredentialsService', () => {
  it('saves a credential, lists it without its secret, and reveals it only inside core', async () => {
    const { service, asset, seen } = await setup();
    const sw = asset('核心交换机');
    const { id } = service.create({ name: 'Core SNMP', spec: community(), assetIds: [sw] });
    const list = service.list();
    expect(list).toEqual([
      {
        id,
        name: 'Core SNMP',
        kind: 'snmp-community',
        settings: { version: 'v2c', port: 161 },
        secretSet: true,
        assetIds: [sw],
        createdAt: expect.any(Number),
        updatedAt: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(SECRET);
    expect(JSON.stringify(list)).not.toMatch(/"(secret|community)"/);
    expect(service.reveal(id)).toEqual({ id, name: 'Core SNMP', spec: community() });
    expect(service.forAsset(sw)).toEqual([{ id, name: 'Core SNMP', spec: community() }]);
    expect(seen).toContainEqual(['records.changed', { entities: ['credential'] }]);
  });

  it('never writes the secret in plaintext: not in the database file, its WAL, backups, outbox or audit log', async () => {
    const { dataDir, store, service, count, asset } = await setup();
    const sw = asset('sw-1');
    const a = service.create({ name: 'snmp-名字-看得见', spec: community(), assetIds: [sw] });
    const b = service.create({ name: 'ssh', spec: sshKey(), assetIds: [sw] });
    service.update({ id: a.id, spec: community(`${SECRET}-2`) });
    await store.backups.create(store.db, 'manual', Date.now());
    expect(count('outbox')).toBe(0);
    expect(count('audit_log')).toBe(0);

    const needles = [SECRET, 'Sup3r-S3cret', 'OPENSSH PRIVATE KEY'].flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]);
    const files = filesUnder(dataDir).filter((file) => !file.endsWith(VAULT_KEY_FILE));
    expect(files.some((file) => file.endsWith('walkdown.sqlite3-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${needle.toString()} in ${file}`).toBe(false);
    }
    // The scan does see what is stored: the name, which is not secret, is there in plaintext.
    expect(files.some((file) => readFileSync(file).includes(Buffer.from('snmp-名字-看得见')))).toBe(true);
    // ... and still decryptable afterwards.
    expect(service.reveal(b.id).spec).toEqual(sshKey());
    store.close();
    const reopened = await setup({ dataDir });
    expect(reopened.service.reveal(a.id).spec).toEqual(community(`${SECRET}-2`));
  });

  it('applies the SNMPv3 rules of each security level', async () => {
    const { service, count } = await setup();
    const fails = (spec: CredentialSpec) => {
      try {
        service.create({ name: `v3-${count('credentials')}-${Math.random()}`, spec, assetIds: [] });
      } catch (error) {
        return error as { code: string; details: { issues: { path: string }[] }; message: string };
      }
      throw new Error('expected a failure');
    };
    const authPriv = fails(snmpV3({ securityLevel: 'authPriv', authProtocol: 'sha256' }, { authKey: 'short', privKey: '' }));
    expect(authPriv.code).toBe('credentials.invalid');
    expect(authPriv.details.issues.map((i) => i.path)).toEqual(['spec.secret.authKey', 'spec.settings.privProtocol', 'spec.secret.privKey']);
    expect(authPriv.message).not.toContain('short');
    const authNoPriv = fails(snmpV3({ securityLevel: 'authNoPriv' }, { authKey: 'long-enough-key' }));
    expect(authNoPriv.details.issues.map((i) => i.path)).toEqual(['spec.settings.authProtocol']);
    expect(count('credentials')).toBe(0);

    service.create({ name: 'noAuth', spec: snmpV3({ securityLevel: 'noAuthNoPriv' }, {}), assetIds: [] });
    const ok = service.create({
      name: 'authPriv',
      spec: snmpV3({ securityLevel: 'authPriv', authProtocol: 'sha512', privProtocol: 'aes256r' }, { authKey: `${SECRET}-auth`, privKey: `${SECRET}-priv` }),
      assetIds: [],
    });
    expect(service.reveal(ok.id).spec.secret).toEqual({ authKey: `${SECRET}-auth`, privKey: `${SECRET}-priv` });
    expect(service.list().map((c) => c.settings)).toContainEqual({
      username: 'monitor',
      securityLevel: 'authPriv',
      authProtocol: 'sha512',
      privProtocol: 'aes256r',
      port: 161,
    });
  });

  it('refuses a duplicate name in any case, on create and on rename', async () => {
    const { service, count } = await setup();
    const first = service.create({ name: 'Lab SSH', spec: sshKey(), assetIds: [] });
    expect(() => service.create({ name: 'lab ssh', spec: community(), assetIds: [] })).toThrow(expect.objectContaining({ code: 'credentials.duplicate-name' }));
    const second = service.create({ name: 'Other', spec: community(), assetIds: [] });
    expect(() => service.update({ id: second.id, name: 'LAB SSH' })).toThrow(expect.objectContaining({ code: 'credentials.duplicate-name' }));
    // Renaming to itself in another case is fine.
    service.update({ id: first.id, name: 'LAB ssh' });
    expect(service.list().map((c) => c.name)).toEqual(['LAB ssh', 'Other']);
    expect(count('credentials')).toBe(2);
  });

  it('replaces the whole spec on update, kind included, and keeps it on a rename', async () => {
    const { service, clock } = await setup();
    const { id } = service.create({ name: 'dev', spec: community(), assetIds: [] });
    clock.advance(1000);
    service.update({ id, name: 'dev-renamed' });
    expect(service.reveal(id).spec).toEqual(community());
    service.update({ id, spec: CredentialSpec.parse({ kind: 'ssh-password', settings: { username: 'admin', port: 2222 }, secret: { password: `${SECRET}!` } }) });
    const [listed] = service.list();
    expect(listed).toMatchObject({ name: 'dev-renamed', kind: 'ssh-password', settings: { username: 'admin', port: 2222 }, secretSet: true });
    expect(listed?.updatedAt).toBeGreaterThan(listed?.createdAt ?? Infinity);
    expect(service.reveal(id).spec).toEqual({ kind: 'ssh-password', settings: { username: 'admin', port: 2222 }, secret: { password: `${SECRET}!`, enableSecret: '' } });
    expect(() => service.update({ id: newId(), name: 'x' })).toThrow(expect.objectContaining({ code: 'credentials.not-found' }));
  });

  it('attaches only to live assets, detaches, and lists by asset', async () => {
    const { service, asset, store } = await setup();
    const [a, b, gone] = [asset('a'), asset('b'), asset('gone', true)];
    expect(() => service.create({ name: 'x', spec: community(), assetIds: [a, gone] })).toThrow(
      expect.objectContaining({ code: 'assets.not-found', details: { assetIds: [gone] } }),
    );
    expect(() => service.create({ name: 'x', spec: community(), assetIds: [newId()] })).toThrow(expect.objectContaining({ code: 'assets.not-found' }));
    expect(service.list()).toEqual([]);

    const shared = service.create({ name: 'shared', spec: community(), assetIds: [a] });
    const own = service.create({ name: 'own', spec: sshKey(), assetIds: [b] });
    expect(service.assign({ id: shared.id, assetIds: [b, b], attach: true })).toEqual({ id: shared.id, assetIds: [a, b].sort() });
    expect(() => service.assign({ id: shared.id, assetIds: [gone], attach: true })).toThrow(expect.objectContaining({ code: 'assets.not-found' }));
    expect(service.list({ assetId: b }).map((c) => c.name)).toEqual(['own', 'shared']);
    expect(service.list({ assetId: a }).map((c) => c.name)).toEqual(['shared']);

    expect(service.assign({ id: shared.id, assetIds: [a], attach: false })).toEqual({ id: shared.id, assetIds: [b] });
    expect(service.list({ assetId: a })).toEqual([]);
    expect(service.forAsset(b).map((c) => c.id)).toEqual([own.id, shared.id]);
    expect(() => service.assign({ id: newId(), assetIds: [a], attach: true })).toThrow(expect.objectContaining({ code: 'credentials.not-found' }));

    // A deleted asset drops out of the lists; its link comes back with it.
    store.db.prepare('UPDATE assets SET deleted_at = 1 WHERE id = ?').run(b);
    expect(service.list().find((c) => c.id === own.id)?.assetIds).toEqual([]);
    store.db.prepare('UPDATE assets SET deleted_at = NULL WHERE id = ?').run(b);
    expect(service.list().find((c) => c.id === own.id)?.assetIds).toEqual([b]);
  });

  it('deletes a credential with its secret and its asset links', async () => {
    const { service, asset, count } = await setup();
    const a = asset('a');
    const { id } = service.create({ name: 'x', spec: community(), assetIds: [a] });
    service.create({ name: 'y', spec: community(), assetIds: [a] });
    expect(count('asset_credentials')).toBe(2);
    service.delete({ id });
    expect(count('asset_credentials')).toBe(1);
    expect(service.list().map((c) => c.name)).toEqual(['y']);
    expect(() => service.reveal(id)).toThrow(expect.objectContaining({ code: 'credentials.not-found' }));
    expect(() => service.delete({ id })).toThrow(expect.objectContaining({ code: 'credentials.not-found' }));
  });

  it('tells a ciphertext moved to another row (or damaged) from one sealed with another key', async () => {
    const { dataDir, store, service } = await setup();
    const a = service.create({ name: 'a', spec: community('first-secret'), assetIds: [] });
    const b = service.create({ name: 'b', spec: community('second-secret'), assetIds: [] });
    const secretOf = (id: string) => (store.db.prepare('SELECT secret FROM credentials WHERE id = ?').get(id) as { secret: Buffer }).secret;
    const [sa, sb] = [secretOf(a.id), secretOf(b.id)];
    store.db.prepare('UPDATE credentials SET secret = ? WHERE id = ?').run(sb, a.id);
    expect(() => service.reveal(a.id)).toThrow(expect.objectContaining({ code: 'store.corrupt' }));
    store.db.prepare('UPDATE credentials SET secret = ? WHERE id = ?').run(sa, a.id);
    expect(service.reveal(a.id).spec.secret).toEqual({ community: 'first-secret' });

    // The same store opened with another key (say web mode over the Electron data directory).
    const other = new CredentialsService({ store, events: new EventBus(), dataDir, now: Date.now }, new Vault({ dataDir, providedKey: randomBytes(32) }));
    expect(() => other.reveal(a.id)).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
    expect(() => other.create({ name: 'c', spec: community(), assetIds: [] })).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
    // Listing and deleting need no key; once nothing sealed with the old key is left, the new key is adopted.
    expect(other.list().map((c) => c.name)).toEqual(['a', 'b']);
    other.delete(a);
    other.update({ id: b.id, spec: community('re-entered') });
    expect(other.reveal(b.id).spec.secret).toEqual({ community: 're-entered' });
    other.create({ name: 'c', spec: community(), assetIds: [] });
    expect(() => service.reveal(b.id)).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
  });

  it('keeps a Cisco enable secret with the rest of the secret: sealed, never listed, revealed in core; older secrets read as having none', async () => {
    const vaultKey = randomBytes(32);
    const { dataDir, store, service } = await setup({ vaultKey });
    const spec = CredentialSpec.parse({ kind: 'ssh-password', settings: { username: 'admin' }, secret: { password: 'login-pw', enableSecret: `${SECRET}-enable` } });
    const { id } = service.create({ name: 'cisco', spec, assetIds: [] });
    expect(service.reveal(id).spec.secret).toEqual({ password: 'login-pw', enableSecret: `${SECRET}-enable` });
    expect(JSON.stringify(service.list())).not.toContain('enable');
    const row = store.db.prepare('SELECT settings, secret FROM credentials WHERE id = ?').get(id) as { settings: string; secret: Buffer };
    expect(row.settings).not.toContain('enable');
    expect(row.secret.includes(Buffer.from(`${SECRET}-enable`))).toBe(false);

    // A secret sealed before the field existed: {password} only.
    const vault = new Vault({ dataDir, providedKey: Buffer.from(vaultKey) });
    store.db.prepare('UPDATE credentials SET secret = ? WHERE id = ?').run(vault.encrypt(JSON.stringify({ password: 'login-pw' }), id), id);
    expect(service.reveal(id).spec.secret).toEqual({ password: 'login-pw', enableSecret: '' });
  });

  it('uses the key Electron passed in, and makes no key file then', async () => {
    const vaultKey = randomBytes(32);
    const { dataDir, store, service } = await setup({ vaultKey });
    const { id } = service.create({ name: 'x', spec: community(), assetIds: [] });
    expect(readdirSync(dataDir)).not.toContain(VAULT_KEY_FILE);
    const again = new CredentialsService({ store, events: new EventBus(), dataDir, now: Date.now }, new Vault({ dataDir, providedKey: Buffer.from(vaultKey) }));
    expect(again.reveal(id).spec).toEqual(community());
  });

  it('leaves everything else working when the key file is unsafe', async () => {
    const { dataDir, service } = await setup();
    const { chmodSync, writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, VAULT_KEY_FILE), randomBytes(32), { mode: 0o600 });
    if (process.platform !== 'win32') chmodSync(join(dataDir, VAULT_KEY_FILE), 0o644);
    else writeFileSync(join(dataDir, VAULT_KEY_FILE), randomBytes(7));
    expect(() => service.create({ name: 'x', spec: community(), assetIds: [] })).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
    expect(service.list()).toEqual([]);
  });
});
