import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, linkSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/errors';

/** The data key file used under plain Node (web mode, tests); under Electron the key comes from main, unwrapped by safeStorage. */
export const VAULT_KEY_FILE = 'vault.key';
export const VAULT_KEY_BYTES = 32;

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export interface VaultOptions {
  dataDir: string;
  /** The raw data key when Electron's safeStorage unwrapped it in main; the key file is used otherwise. */
  providedKey?: Buffer;
}

/** Thrown when a ciphertext does not authenticate: wrong key, wrong row (AAD) or changed bytes. */
export class VaultDecryptError extends Error {
  constructor() {
    super('The secret does not decrypt with this vault key and credential id');
    this.name = 'VaultDecryptError';
  }
}

/**
 * Envelope encryption of credential secrets: one random 32-byte data key,
 * AES-256-GCM per secret with a fresh 12-byte IV, the credential id as
 * additional authenticated data so a ciphertext copied onto another row does
 * not decrypt. Stored as one blob: version (1) | iv (12) | tag (16) | ciphertext.
 *
 * The key is loaded on first use, not when core starts: a missing or unsafe key
 * file then costs the credentials (`credentials.vault-unavailable`), not the
 * whole app.
 */
export class Vault {
  private key: Buffer | null = null;

  constructor(private readonly options: VaultOptions) {}

  encrypt(plaintext: string, aad: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey(), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(FORMAT_V1), iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The plaintext, or {@link VaultDecryptError} when the blob is not one this key sealed for this `aad`. */
  decrypt(blob: Buffer, aad: string): string {
    const key = this.dataKey();
    if (blob.length < HEADER_BYTES || blob[0] !== FORMAT_V1) throw new VaultDecryptError();
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultDecryptError();
    }
  }

  /**
   * A fingerprint of the data key (HMAC of a fixed label, so it says nothing
   * about the key): stored beside the credentials so that a store opened with
   * another key (web mode over an Electron data directory, a restored backup
   * from another laptop, a reset keychain) is told apart from tampering.
   */
  keyCheck(): string {
    return createHmac('sha256', this.dataKey()).update('walkdown vault key check v1').digest('hex').slice(0, 32);
  }

  private dataKey(): Buffer {
    if (this.key) return this.key;
    if (this.options.providedKey) {
      if (this.options.providedKey.length !== VAULT_KEY_BYTES) {
        throw new AppError('credentials.vault-unavailable', `The vault key passed to core has ${this.options.providedKey.length} bytes, not ${VAULT_KEY_BYTES}`);
      }
      this.key = Buffer.from(this.options.providedKey);
    } else {
      this.key = loadOrCreateKeyFile(this.options.dataDir);
    }
    return this.key;
  }
}

/**
 * Reads `<dataDir>/vault.key`, creating it with a random key when absent.
 *
 * Created owner-only from the first byte: the key goes into a temporary file
 * opened with `wx` and mode 0600 (no window in which it is world-readable),
 * which is then hard-linked into place. The link fails if another process won
 * the race, so nobody ever reads a half-written key, and an existing key is
 * never overwritten. An existing file with group or other permission bits (on
 * POSIX; Windows has ACLs instead, and the user's profile folder is private)
 * or of the wrong length is refused rather than repaired: someone else may have
 * read it, and replacing it would orphan every stored secret.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = join(dataDir, VAULT_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeAll(fd, randomBytes(VAULT_KEY_BYTES));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } catch (error) {
    throw new AppError('credentials.vault-unavailable', `The vault key file cannot be created in ${dataDir}: ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(temp, { force: true });
  }
  const created = readKeyFile(file);
  if (!created) throw new AppError('credentials.vault-unavailable', `The vault key file ${file} vanished while it was being created`);
  return created;
}

/** The key in `file`, null when there is no such file; throws `credentials.vault-unavailable` when it is unsafe or damaged. */
function readKeyFile(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('credentials.vault-unavailable', `The vault key file ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  try {
    // fstat on the open descriptor: the file checked is the file read.
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new AppError('credentials.vault-unavailable', `The vault key ${file} is not a regular file`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new AppError(
        'credentials.vault-unavailable',
        `The vault key file ${file} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}); it must be 600. ` +
          'Check who may have read it, then restrict it (chmod 600) or remove the stored credentials and the file.',
      );
    }
    if (stat.size !== VAULT_KEY_BYTES) {
      throw new AppError('credentials.vault-unavailable', `The vault key file ${file} has ${stat.size} bytes, not ${VAULT_KEY_BYTES}: it is damaged`);
    }
    const key = Buffer.alloc(VAULT_KEY_BYTES);
    let read = 0;
    while (read < VAULT_KEY_BYTES) {
      const n = readSync(fd, key, read, VAULT_KEY_BYTES - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== VAULT_KEY_BYTES) throw new AppError('credentials.vault-unavailable', `The vault key file ${file} is shorter than ${VAULT_KEY_BYTES} bytes`);
    return key;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}
