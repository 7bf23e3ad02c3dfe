import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures';
import { Vault, VAULT_KEY_FILE, VaultDecryptError } from './vault';

const SECRET = JSON.stringify({ community: 'Sup3r-S3cret-社区' });
const ID = '0193a1b2-0000-7000-8000-0000000000c1';
const posix = process.platform !== 'win32';

describe('Vault', () => {
  it('round-trips a secret, with a fresh IV each time', () => {
    const vault = new Vault({ dataDir: tempDataDir() });
    const a = vault.encrypt(SECRET, ID);
    const b = vault.encrypt(SECRET, ID);
    expect(vault.decrypt(a, ID)).toBe(SECRET);
    expect(vault.decrypt(b, ID)).toBe(SECRET);
    expect(a.equals(b)).toBe(false);
    // version | 12-byte IV | 16-byte tag | ciphertext as long as the plaintext (GCM is a stream mode)
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + Buffer.byteLength(SECRET));
    expect(a.includes(Buffer.from('Sup3r-S3cret'))).toBe(false);
  });

  it('refuses a changed byte anywhere, another row id (AAD), or another key', () => {
    const dataDir = tempDataDir();
    const vault = new Vault({ dataDir });
    const blob = vault.encrypt(SECRET, ID);
    for (const at of [0, 1, 13, 29, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(() => vault.decrypt(tampered, ID)).toThrow(VaultDecryptError);
    }
    expect(() => vault.decrypt(blob.subarray(0, 20), ID)).toThrow(VaultDecryptError);
    expect(() => vault.decrypt(blob, '0193a1b2-0000-7000-8000-0000000000c2')).toThrow(VaultDecryptError);
    expect(() => new Vault({ dataDir, providedKey: randomBytes(32) }).decrypt(blob, ID)).toThrow(VaultDecryptError);
  });

  it('creates the key file owner-only, once, and reads it back', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, VAULT_KEY_FILE);
    const blob = new Vault({ dataDir }).encrypt(SECRET, ID);
    expect(statSync(file).size).toBe(32);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file);
    // Another instance (a core restart) uses the same key, and leaves no temporary files behind.
    expect(new Vault({ dataDir }).decrypt(blob, ID)).toBe(SECRET);
    expect(readFileSync(file).equals(key)).toBe(true);
    expect(readdirSync(dataDir)).toEqual([VAULT_KEY_FILE]);
  });

  it.runIf(posix)('refuses a key file other users may read, without replacing it', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, VAULT_KEY_FILE);
    new Vault({ dataDir }).keyCheck();
    const key = readFileSync(file);
    chmodSync(file, 0o644);
    expect(() => new Vault({ dataDir }).encrypt(SECRET, ID)).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
    chmodSync(file, 0o640);
    expect(() => new Vault({ dataDir }).keyCheck()).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
    expect(readFileSync(file).equals(key)).toBe(true);
    chmodSync(file, 0o600);
    expect(() => new Vault({ dataDir }).keyCheck()).not.toThrow();
  });

  it('refuses a key file of the wrong length', () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, VAULT_KEY_FILE), randomBytes(16), { mode: 0o600 });
    expect(() => new Vault({ dataDir }).encrypt(SECRET, ID)).toThrow(expect.objectContaining({ code: 'credentials.vault-unavailable' }));
  });

  it('uses a provided key instead of the file, and never creates the file', () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const blob = new Vault({ dataDir, providedKey: key }).encrypt(SECRET, ID);
    expect(existsSync(join(dataDir, VAULT_KEY_FILE))).toBe(false);
    expect(new Vault({ dataDir, providedKey: Buffer.from(key.toString('base64'), 'base64') }).decrypt(blob, ID)).toBe(SECRET);
    expect(() => new Vault({ dataDir }).decrypt(blob, ID)).toThrow(VaultDecryptError);
    expect(() => new Vault({ dataDir, providedKey: randomBytes(31) }).encrypt(SECRET, ID)).toThrow(
      expect.objectContaining({ code: 'credentials.vault-unavailable' }),
    );
  });

  it('fingerprints the key without revealing it', () => {
    const key = randomBytes(32);
    const check = new Vault({ dataDir: tempDataDir(), providedKey: key }).keyCheck();
    expect(check).toMatch(/^[0-9a-f]{32}$/);
    expect(check).toBe(new Vault({ dataDir: tempDataDir(), providedKey: key }).keyCheck());
    expect(check).not.toBe(new Vault({ dataDir: tempDataDir(), providedKey: randomBytes(32) }).keyCheck());
    expect(key.toString('hex')).not.toContain(check);
  });
});
