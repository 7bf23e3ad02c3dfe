import type { ConfigBackupSummary } from '@shared/domain/checks';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import type { Mutation } from '../store/write-path';

interface BackupRow {
  id: string;
  asset_id: string;
  fetched_at: number;
  command: string;
  sha256: string;
  size_bytes: number;
  changed: number;
  content?: string;
}

const SUMMARY = 'id, asset_id, fetched_at, command, sha256, length(CAST(content AS BLOB)) AS size_bytes, changed';

/** Configuration versions (config_backups: synced, append-only; inserted through the write path only, see `insertBackup`). */
export class ConfigBackupsRepo {
  constructor(private readonly db: Db) {}

  list(assetId: string): ConfigBackupSummary[] {
    return (
      statement(this.db, `SELECT ${SUMMARY} FROM config_backups WHERE asset_id = ? AND deleted_at IS NULL ORDER BY fetched_at DESC, id DESC`).all(assetId) as BackupRow[]
    ).map(toSummary);
  }

  get(id: string): (ConfigBackupSummary & { content: string }) | undefined {
    const row = statement(this.db, `SELECT ${SUMMARY}, content FROM config_backups WHERE id = ? AND deleted_at IS NULL`).get(id) as BackupRow | undefined;
    return row ? { ...toSummary(row), content: row.content ?? '' } : undefined;
  }

  /** The newest version of the asset's configuration, with its text. */
  latest(assetId: string): (ConfigBackupSummary & { content: string }) | undefined {
    const row = statement(this.db, `SELECT ${SUMMARY}, content FROM config_backups WHERE asset_id = ? AND deleted_at IS NULL ORDER BY fetched_at DESC, id DESC LIMIT 1`).get(assetId) as
      | BackupRow
      | undefined;
    return row ? { ...toSummary(row), content: row.content ?? '' } : undefined;
  }
}

export function insertBackup(backup: { id: string; assetId: string; fetchedAt: number; command: string; sha256: string; content: string; changed: boolean }): Mutation {
  const { id, changed, ...fields } = backup;
  return { entity: 'configBackup', op: 'insert', id, fields: { ...fields, changed: changed ? 1 : 0 } };
}

function toSummary(row: BackupRow): ConfigBackupSummary {
  return { id: row.id, assetId: row.asset_id, fetchedAt: row.fetched_at, command: row.command, sha256: row.sha256, sizeBytes: row.size_bytes, changed: row.changed === 1 };
}
