import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The credentials vault's data key under Electron: 32 random bytes, kept on
 * disk only wrapped by the OS (safeStorage: DPAPI, Keychain, libsecret or
 * KWallet) in `<userData>/vault.key.safe`, unwrapped here and handed to core in
 * its init message. Core falls back to a plain owner-only key file
 * (`<userData>/vault.key`) when no key is passed.
 *
 * Uses the async safeStorage calls: Electron 45 deprecates the synchronous
 * encryptString/decryptString/isEncryptionAvailable.
 */

export const WRAPPED_VAULT_KEY_FILE = 'vault.key.safe';
/** Core's fallback key file (electron/core/credentials/vault.ts); adopted and removed when safeStorage becomes usable. */
export const PLAIN_VAULT_KEY_FILE = 'vault.key';
const KEY_BYTES = 32;

/** The part of Electron's safeStorage used here, so this runs in unit tests without Electron. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export interface VaultKeyOptions {
  userDataDir: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
  warn: (message: string) => void;
}

/**
 * The base64 data key for core, or undefined when safeStorage cannot protect
 * it (core then uses its key file). Never throws: a vault problem costs the
 * stored credentials, never the start of the app. Never logs the key.
 */
export async function loadVaultKey({ userDataDir, safeStorage, platform = process.platform, warn }: VaultKeyOptions): Promise<string | undefined> {
  const wrappedFile = path.join(userDataDir, WRAPPED_VAULT_KEY_FILE);
  const plainFile = path.join(userDataDir, PLAIN_VAULT_KEY_FILE);
  const fallback = `core will keep credentials under the owner-only key file ${plainFile} instead`;
  try {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      warn(`safeStorage cannot encrypt on this system; ${fallback}`);
      return undefined;
    }
    // On Linux without a keyring, safeStorage "encrypts" with a password built
    // into Chromium: no better than the key file, and harder to see through.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      warn(`no OS keyring (libsecret or KWallet) is available to safeStorage; ${fallback}`);
      return undefined;
    }

    let wrapped: Buffer | null = null;
    try {
      wrapped = readFileSync(wrappedFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }

    if (wrapped) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(wrapped);
      const key = Buffer.from(result, 'base64');
      if (key.length !== KEY_BYTES || key.toString('base64') !== result) throw new Error(`${wrappedFile} does not hold a ${KEY_BYTES}-byte key`);
      if (shouldReEncrypt) {
        try {
          replaceFile(wrappedFile, await safeStorage.encryptStringAsync(result));
        } catch (error) {
          warn(`could not re-encrypt ${wrappedFile} with the OS's newer key: ${describe(error)}`);
        }
      }
      return result;
    }

    // First start with safeStorage: keep the key core used so far, if any, so
    // the credentials it protects stay readable; a fresh key otherwise.
    const adopted = readPlainKey(plainFile, platform, warn);
    const key = (adopted ?? randomBytes(KEY_BYTES)).toString('base64');
    createFileExclusively(wrappedFile, await safeStorage.encryptStringAsync(key));
    if (adopted) {
      try {
        rmSync(plainFile, { force: true });
      } catch (error) {
        warn(`the old key file ${plainFile} could not be removed after it was wrapped: ${describe(error)}`);
      }
    }
    return key;
  } catch (error) {
    // The wrapped file stays as it is: the keyring may be locked only for now,
    // and replacing the file would orphan every stored secret.
    warn(`the credentials vault key could not be unwrapped from ${wrappedFile} (${describe(error)}); ${fallback}`);
    return undefined;
  }
}

/** Core's fallback key, when it exists and is intact and private; otherwise it is left alone and not adopted. */
function readPlainKey(file: string, platform: NodeJS.Platform, warn: (message: string) => void): Buffer | null {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size !== KEY_BYTES) {
      warn(`${file} is not a ${KEY_BYTES}-byte key file; a new vault key is made`);
      return null;
    }
    if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      warn(`${file} is readable by other users; it is not adopted and a new vault key is made`);
      return null;
    }
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`${file} cannot be read (${describe(error)}); a new vault key is made`);
    return null;
  }
}

/**
 * Writes `data` to `file` only if it does not exist, owner-only from the first
 * byte, and never half-written: a temporary file is filled and then linked in.
 */
function createFileExclusively(file: string, data: Buffer): void {
  const temp = writeTemp(file, data);
  try {
    linkSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

function replaceFile(file: string, data: Buffer): void {
  const temp = writeTemp(file, data);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function writeTemp(file: string, data: Buffer): string {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
