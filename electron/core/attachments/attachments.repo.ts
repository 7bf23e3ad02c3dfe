import { attachmentKind, type Attachment, type AttachmentOwnerType } from '@shared/domain/attachments';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { syncedEntities, type SyncedEntity } from '../store/synced-entities';
import type { Mutation } from '../store/write-path';

export interface AttachmentRow {
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  thumbnail_sha256: string | null;
  width: number | null;
  height: number | null;
  note: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/**
 * The synced entity whose table holds each kind of owner. Looked up through
 * synced-entities.ts rather than by table name, so the owners' own migrations
 * decide their tables. Round photos and signatures are uploaded before their
 * entry exists, so a `round-item` attachment belongs to the round.
 */
const OWNER_ENTITIES: Record<AttachmentOwnerType, string> = {
  incident: 'incident',
  'work-log': 'incidentWorkLog',
  problem: 'problem',
  change: 'change',
  knowledge: 'knowledgeArticle',
  plan: 'emergencyPlan',
  'round-item': 'round',
};

/** Attachment metadata (attachments: synced; written through the write path only, see `insertAttachment`). */
export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  /** Live or deleted: delete and restore need both. */
  get(id: string): AttachmentRow | undefined {
    return statement(this.db, 'SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  }

  list(ownerType: AttachmentOwnerType, ownerId: string): AttachmentRow[] {
    return statement(this.db, 'SELECT * FROM attachments WHERE owner_type = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY created_at, id').all(
      ownerType,
      ownerId,
    ) as AttachmentRow[];
  }

  listFor(ownerType: AttachmentOwnerType, ownerIds: readonly string[]): AttachmentRow[] {
    if (ownerIds.length === 0) return [];
    // One statement for any number of owners: the ids travel as one JSON array, not as thousands of parameters.
    return statement(
      this.db,
      'SELECT * FROM attachments WHERE owner_type = ? AND owner_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY owner_id, created_at, id',
    ).all(ownerType, JSON.stringify(ownerIds)) as AttachmentRow[];
  }

  /** Whether any row, live or deleted, names this blob as its file or its thumbnail (deleted rows can be restored). */
  references(sha256: string): boolean {
    return (
      statement(this.db, 'SELECT 1 FROM attachments WHERE sha256 = ? UNION ALL SELECT 1 FROM attachments WHERE thumbnail_sha256 = ? LIMIT 1').get(sha256, sha256) !==
      undefined
    );
  }

  /**
   * Whether the owner exists and is not deleted; `undefined` when its table
   * does not exist yet (its entity is not declared, or its migration has not
   * created it), in which case the owner cannot be checked and is trusted.
   */
  ownerExists(ownerType: AttachmentOwnerType, ownerId: string): boolean | undefined {
    const entity = (syncedEntities as Record<string, SyncedEntity | undefined>)[OWNER_ENTITIES[ownerType]];
    if (!entity) return undefined;
    const table = statement(this.db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(entity.table);
    if (!table) return undefined;
    // The table name comes from synced-entities.ts, never from input.
    return statement(this.db, `SELECT 1 FROM ${entity.table} WHERE id = ? AND deleted_at IS NULL`).get(ownerId) !== undefined;
  }
}

export interface NewAttachment {
  id: string;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  thumbnailSha256: string | null;
  width: number | null;
  height: number | null;
  note: string;
}

export function insertAttachment(attachment: NewAttachment): Mutation {
  const { id, ...fields } = attachment;
  return { entity: 'attachment', op: 'insert', id, fields };
}

export function toAttachment(row: AttachmentRow, contentAvailable: boolean): Attachment {
  return {
    id: row.id,
    ownerType: row.owner_type as AttachmentOwnerType,
    ownerId: row.owner_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    kind: attachmentKind(row.mime_type),
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    thumbnailSha256: row.thumbnail_sha256,
    width: row.width,
    height: row.height,
    note: row.note,
    contentAvailable,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
