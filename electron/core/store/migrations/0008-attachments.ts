import type { Migration } from './migration';

/**
 * Attachments: one synced metadata row per file attached to a service-desk
 * record. The bytes are not in the database: they sit in a content-addressed
 * blob store beside it (<dataDir>/attachments, see attachments/blob-store.ts),
 * and `sha256` / `thumbnail_sha256` name them.
 *
 * owner_type has no CHECK list: rounds (photo items) and later record kinds
 * attach files too, and rows synced from a newer console must still insert;
 * the API validates owner types. owner_id has no foreign key because the
 * owner lives in one of several tables, some of which arrive in later steps.
 */
export const m0008: Migration = {
  version: 8,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id                TEXT PRIMARY KEY,
        owner_type        TEXT NOT NULL,
        owner_id          TEXT NOT NULL,
        file_name         TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        mime_type         TEXT NOT NULL,
        size_bytes        INTEGER NOT NULL CHECK (size_bytes >= 0),
        sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
        thumbnail_sha256  TEXT CHECK (thumbnail_sha256 IS NULL OR length(thumbnail_sha256) = 64),
        width             INTEGER CHECK (width IS NULL OR width > 0),
        height            INTEGER CHECK (height IS NULL OR height > 0),
        note              TEXT NOT NULL DEFAULT '',
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        deleted_at        INTEGER
      ) STRICT;
      CREATE INDEX attachments_owner ON attachments (owner_type, owner_id, created_at);
      -- Whether a blob is still referenced (dedupe, clean-up after a failed save).
      CREATE INDEX attachments_sha256 ON attachments (sha256);
      CREATE INDEX attachments_thumbnail ON attachments (thumbnail_sha256) WHERE thumbnail_sha256 IS NOT NULL;
    `);
  },
};
