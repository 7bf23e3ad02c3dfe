import type { CredentialKind } from '@shared/domain/credentials';
import type { Db } from '../store/database';

/** A row as stored; `secret` is ciphertext (see vault.ts), never plaintext. */
export interface CredentialRow {
  id: string;
  name: string;
  kind: CredentialKind;
  settings: string;
  secret: Buffer;
  created_at: number;
  updated_at: number;
}

/** What lists read: everything but the ciphertext, with the live assets that use it. */
export interface CredentialListRow {
  id: string;
  name: string;
  kind: CredentialKind;
  settings: string;
  secret_set: number;
  asset_ids: string;
  created_at: number;
  updated_at: number;
}

/**
 * The SQL of the credentials vault. Credentials are local to this laptop and
 * never synced, so they are written with plain statements here, not through
 * the write path (which would put them in the outbox and the audit log).
 */
export class CredentialsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Lists never select the `secret` column: what is not read cannot leak.
   * Only live assets are shown; links to a deleted asset stay and come back
   * with it if it is restored.
   */
  list(assetId?: string): CredentialListRow[] {
    const filter = assetId ? 'WHERE c.id IN (SELECT credential_id FROM asset_credentials WHERE asset_id = @assetId)' : '';
    return this.db
      .prepare(
        `SELECT c.id, c.name, c.kind, c.settings, length(c.secret) > 0 AS secret_set, c.created_at, c.updated_at,
                (SELECT json_group_array(ac.asset_id) FROM (
                   SELECT ac.asset_id FROM asset_credentials ac JOIN assets a ON a.id = ac.asset_id AND a.deleted_at IS NULL
                   WHERE ac.credential_id = c.id ORDER BY ac.asset_id) ac) AS asset_ids
         FROM credentials c ${filter}
         ORDER BY c.name COLLATE NOCASE, c.id`,
      )
      .all(assetId ? { assetId } : {}) as CredentialListRow[];
  }

  find(id: string): CredentialRow | undefined {
    return this.db.prepare('SELECT id, name, kind, settings, secret, created_at, updated_at FROM credentials WHERE id = ?').get(id) as CredentialRow | undefined;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM credentials WHERE id = ?').get(id) !== undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM credentials').get() as { n: number }).n;
  }

  /** Another credential with this name (any case), other than `exceptId`. */
  named(name: string, exceptId?: string): string | undefined {
    const row = this.db.prepare('SELECT id FROM credentials WHERE name = @name COLLATE NOCASE AND id != @exceptId LIMIT 1').get({ name, exceptId: exceptId ?? '' }) as
      | { id: string }
      | undefined;
    return row?.id;
  }

  /** Every credential row of one asset, secrets (ciphertext) included: for the device-check runner, never for the API. */
  forAsset(assetId: string): CredentialRow[] {
    return this.db
      .prepare(
        `SELECT c.id, c.name, c.kind, c.settings, c.secret, c.created_at, c.updated_at
         FROM credentials c JOIN asset_credentials ac ON ac.credential_id = c.id
         WHERE ac.asset_id = ? ORDER BY c.name COLLATE NOCASE, c.id`,
      )
      .all(assetId) as CredentialRow[];
  }

  insert(row: CredentialRow): void {
    this.db
      .prepare('INSERT INTO credentials (id, name, kind, settings, secret, created_at, updated_at) VALUES (@id, @name, @kind, @settings, @secret, @created_at, @updated_at)')
      .run(row);
  }

  rename(id: string, name: string, at: number): void {
    this.db.prepare('UPDATE credentials SET name = ?, updated_at = ? WHERE id = ?').run(name, at, id);
  }

  replaceSpec(id: string, kind: CredentialKind, settings: string, secret: Buffer, at: number): void {
    this.db.prepare('UPDATE credentials SET kind = ?, settings = ?, secret = ?, updated_at = ? WHERE id = ?').run(kind, settings, secret, at, id);
  }

  touch(id: string, at: number): void {
    this.db.prepare('UPDATE credentials SET updated_at = ? WHERE id = ?').run(at, id);
  }

  /** Deletes the row; its asset links go with it (ON DELETE CASCADE). */
  delete(id: string): void {
    this.db.prepare('DELETE FROM credentials WHERE id = ?').run(id);
  }

  /** Of `assetIds`, those that are not live assets. */
  missingAssets(assetIds: readonly string[]): string[] {
    const find = this.db.prepare('SELECT 1 FROM assets WHERE id = ? AND deleted_at IS NULL');
    return assetIds.filter((id) => find.get(id) === undefined);
  }

  attach(credentialId: string, assetIds: readonly string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO asset_credentials (asset_id, credential_id) VALUES (?, ?)');
    for (const assetId of assetIds) insert.run(assetId, credentialId);
  }

  detach(credentialId: string, assetIds: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM asset_credentials WHERE asset_id = ? AND credential_id = ?');
    for (const assetId of assetIds) remove.run(assetId, credentialId);
  }

  /** The live assets a credential is attached to. */
  assetIds(credentialId: string): string[] {
    return (
      this.db
        .prepare('SELECT ac.asset_id FROM asset_credentials ac JOIN assets a ON a.id = ac.asset_id AND a.deleted_at IS NULL WHERE ac.credential_id = ? ORDER BY ac.asset_id')
        .all(credentialId) as { asset_id: string }[]
    ).map((row) => row.asset_id);
  }
}
