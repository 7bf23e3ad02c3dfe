import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Files kept by their SHA-256 under `<root>/<first two hex digits>/<hash>`:
 * the same photo attached twice is stored once, a name never collides, and
 * sync can move and verify a blob by its hash alone (SYNC.md, guarantee 5).
 *
 * A blob is written to a temporary file in its final folder, flushed to disk,
 * then renamed into place, and the folder is flushed too: after a crash a
 * blob is either whole or absent, never half written. Every method is
 * synchronous on purpose (see AttachmentsService.upload).
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 in hex: ${sha256.slice(0, 80)}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /**
   * Stores bytes under their hash. A blob already there is checked and kept
   * (`created: false`); one whose bytes no longer match its name (a damaged
   * disk) is replaced.
   */
  put(bytes: Uint8Array): { sha256: string; created: boolean } {
    const sha256 = sha256Hex(bytes);
    const path = this.pathOf(sha256);
    if (existsSync(path) && this.read(sha256) !== null) return { sha256, created: false };
    const folder = join(this.root, sha256.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    const temporary = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = openSync(temporary, 'wx');
      try {
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    syncFolder(folder);
    return { sha256, created: true };
  }

  /** The blob's bytes, or null when it is missing or does not match its hash. */
  read(sha256: string): Buffer | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return sha256Hex(bytes) === sha256 ? bytes : null;
  }

  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }
}

/** Makes a rename durable. Windows cannot open a folder for this and does not need it (NTFS journals renames). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // best effort: see above
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
