import type { SshHostKey } from '@shared/domain/checks';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

interface HostKeyRow {
  address: string;
  port: number;
  key_type: string;
  fingerprint: string;
  pinned_at: number;
  pinned_by: string;
  pending_key_type: string | null;
  pending_fingerprint: string | null;
  pending_since: number | null;
}

/** Pinned SSH host keys (ssh_host_keys): this laptop's trust decisions, local and never synced. */
export class HostKeysRepo {
  constructor(private readonly db: Db) {}

  get(address: string, port: number): SshHostKey | undefined {
    const row = statement(this.db, 'SELECT * FROM ssh_host_keys WHERE address = ? AND port = ?').get(address, port) as HostKeyRow | undefined;
    return row ? toHostKey(row) : undefined;
  }

  /** Changed keys first (they need a decision), then by address. */
  list(): SshHostKey[] {
    return (statement(this.db, 'SELECT * FROM ssh_host_keys ORDER BY pending_fingerprint IS NULL, address, port').all() as HostKeyRow[]).map(toHostKey);
  }

  /** Pins a key where none is pinned yet; a key pinned meanwhile (a concurrent first connection) is left alone. */
  pinIfAbsent(key: { address: string; port: number; keyType: string; fingerprint: string; at: number; by: string }): void {
    statement(
      this.db,
      `INSERT INTO ssh_host_keys (address, port, key_type, fingerprint, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (address, port) DO NOTHING`,
    ).run(key.address, key.port, key.keyType, key.fingerprint, key.at, key.by);
  }

  /** Records the different key a device offered; `pending_since` keeps the first time this same key was seen. */
  setPending(address: string, port: number, keyType: string, fingerprint: string, at: number): void {
    statement(
      this.db,
      `UPDATE ssh_host_keys
       SET pending_since = CASE WHEN pending_fingerprint = @fingerprint THEN pending_since ELSE @at END, pending_key_type = @keyType, pending_fingerprint = @fingerprint
       WHERE address = @address AND port = @port`,
    ).run({ address, port, keyType, fingerprint, at });
  }

  /** The pending key becomes the pinned one. */
  replace(address: string, port: number, keyType: string, fingerprint: string, at: number, by: string): void {
    statement(
      this.db,
      `UPDATE ssh_host_keys SET key_type = ?, fingerprint = ?, pinned_at = ?, pinned_by = ?, pending_key_type = NULL, pending_fingerprint = NULL, pending_since = NULL
       WHERE address = ? AND port = ?`,
    ).run(keyType, fingerprint, at, by, address, port);
  }
}

function toHostKey(row: HostKeyRow): SshHostKey {
  return {
    address: row.address,
    port: row.port,
    keyType: row.key_type,
    fingerprint: row.fingerprint,
    pinnedAt: row.pinned_at,
    pinnedBy: row.pinned_by,
    pendingFingerprint: row.pending_fingerprint,
    pendingKeyType: row.pending_key_type,
    pendingSince: row.pending_since,
  };
}
