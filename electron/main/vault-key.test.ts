import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadVaultKey, PLAIN_VAULT_KEY_FILE, WRAPPED_VAULT_KEY_FILE, type SafeStorageLike } from './vault-key';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function userData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'walkdown-vault-key-'));
  dirs.push(dir);
  return dir;
}

/** Stands in for the OS keychain: reversible, but not the plaintext. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; reEncrypt?: boolean; broken?: boolean } = {}) {
  const mask = (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? true),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.concat([Buffer.from('v11'), mask(Buffer.from(text, 'utf8'))])),
    decryptStringAsync: vi.fn(async (data: Buffer) => {
      if (options.broken || !data.subarray(0, 3).equals(Buffer.from('v11'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: mask(data.subarray(3)).toString('utf8'), shouldReEncrypt: options.reEncrypt ?? false };
    }),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  } satisfies SafeStorageLike;
}

const posix = process.platform !== 'win32';

describe('loadVaultKey', () => {
  it('makes a random key once, stores it only wrapped and owner-only, and returns the same key after', async () => {
    const dir = userData();
    const warn = vi.fn();
    const key = await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn });
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    const file = path.join(dir, WRAPPED_VAULT_KEY_FILE);
    expect(readFileSync(file).includes(Buffer.from(key ?? ''))).toBe(false);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([WRAPPED_VAULT_KEY_FILE]);
    expect(await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn })).toBe(key);
    expect(warn).not.toHaveBeenCalled();
  });

  it('passes no key, and writes nothing, when safeStorage cannot encrypt or has no keyring on Linux', async () => {
    for (const safeStorage of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
      const dir = userData();
      const warn = vi.fn();
      expect(await loadVaultKey({ userDataDir: dir, safeStorage, platform: 'linux', warn })).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(PLAIN_VAULT_KEY_FILE));
      expect(readdirSync(dir)).toEqual([]);
    }
    // basic_text is a Linux notion only.
    expect(await loadVaultKey({ userDataDir: userData(), safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'darwin', warn: vi.fn() })).toBeDefined();
  });

  it('keeps a wrapped key it cannot unwrap, and falls back without it', async () => {
    const dir = userData();
    const key = await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn: vi.fn() });
    const wrapped = readFileSync(path.join(dir, WRAPPED_VAULT_KEY_FILE));
    const warn = vi.fn();
    expect(await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage({ broken: true }), warn })).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(key);
    expect(readFileSync(path.join(dir, WRAPPED_VAULT_KEY_FILE)).equals(wrapped)).toBe(true);
    // The keychain is back: the same key again.
    expect(await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn: vi.fn() })).toBe(key);
  });

  it('refuses a wrapped file that does not hold a 32-byte key', async () => {
    const dir = userData();
    const safeStorage = fakeSafeStorage();
    writeFileSync(path.join(dir, WRAPPED_VAULT_KEY_FILE), await safeStorage.encryptStringAsync(randomBytes(16).toString('base64')));
    const warn = vi.fn();
    expect(await loadVaultKey({ userDataDir: dir, safeStorage, warn })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('32-byte'));
  });

  it('adopts the key file core used before safeStorage was available, then removes it', async () => {
    const dir = userData();
    const plain = randomBytes(32);
    writeFileSync(path.join(dir, PLAIN_VAULT_KEY_FILE), plain, { mode: 0o600 });
    expect(await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn: vi.fn() })).toBe(plain.toString('base64'));
    expect(existsSync(path.join(dir, PLAIN_VAULT_KEY_FILE))).toBe(false);
    expect(await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn: vi.fn() })).toBe(plain.toString('base64'));
  });

  it.runIf(posix)('does not adopt a key file other users could read', async () => {
    const dir = userData();
    const plain = randomBytes(32);
    writeFileSync(path.join(dir, PLAIN_VAULT_KEY_FILE), plain, { mode: 0o644 });
    const warn = vi.fn();
    const key = await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn });
    expect(key).not.toBe(plain.toString('base64'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('readable by other users'));
    expect(readFileSync(path.join(dir, PLAIN_VAULT_KEY_FILE)).equals(plain)).toBe(true);
  });

  it('re-wraps the key when the OS asks for it, keeping the key', async () => {
    const dir = userData();
    const key = await loadVaultKey({ userDataDir: dir, safeStorage: fakeSafeStorage(), warn: vi.fn() });
    const safeStorage = fakeSafeStorage({ reEncrypt: true });
    expect(await loadVaultKey({ userDataDir: dir, safeStorage, warn: vi.fn() })).toBe(key);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(key);
    expect(readdirSync(dir)).toEqual([WRAPPED_VAULT_KEY_FILE]);
    if (posix) expect(statSync(path.join(dir, WRAPPED_VAULT_KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});
