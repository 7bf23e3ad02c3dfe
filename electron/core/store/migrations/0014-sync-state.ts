import type { Migration } from './migration';

/**
 * The console's side of sync (SYNC.md): where it syncs to and how far it got,
 * the clocks that let pulled changes be merged field by field, and the
 * conflicts the server (or this console) found.
 *
 * - sync_state: one row. The device token is sealed with the vault key
 *   (AES-256-GCM, electron/core/credentials/vault.ts), never stored in clear.
 *   `cursor` and `cursor_clock` move only in the transaction that commits the
 *   pulled changes they cover (guarantee 3).
 * - sync_record_clocks: per record, the HLC stamp of the value each field holds,
 *   for fields this console's own acknowledged pushes or pulls set. Unpushed
 *   edits keep theirs in the outbox. One JSON row per record rather than a row
 *   per field: ten thousand check results would otherwise be 170,000 rows.
 * - sync_conflicts: the synced `conflict` records (the server makes them, a
 *   console only records how a person resolved one), plus conflicts this
 *   console saw while pulling over its own unpushed edits (`origin = 'local'`,
 *   never pushed; replaced by the server's record once that arrives).
 * - sync_parked: pulled changes that cannot be applied yet (a record they
 *   refer to has not arrived): kept, retried after every pull, never dropped.
 * - sync_blob_downloads: attachment files to fetch after a pull committed.
 * - sync_set_aside: outbox entries the server refused for good (outside the
 *   user's scope, a role that may not write them); the server keeps them for
 *   review and this is what the console remembers of them.
 * - sync_users: accounts the server sends down (for assignees).
 */
export const m0014: Migration = {
  version: 14,
  name: 'sync state',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        server_url         TEXT,
        device_name        TEXT,
        token              BLOB,
        token_key_check    TEXT,
        user_id            TEXT,
        user_name          TEXT,
        user_role          TEXT,
        scope              TEXT CHECK (scope IS NULL OR json_valid(scope)),
        enrolled_at        INTEGER,
        cursor             INTEGER NOT NULL DEFAULT 0,
        cursor_clock       TEXT,
        acknowledged_seq   INTEGER NOT NULL DEFAULT 0,
        last_attempt_at    INTEGER,
        last_success_at    INTEGER,
        last_error_code    TEXT,
        last_error_message TEXT,
        last_error_at      INTEGER,
        reachable          INTEGER,
        clock_drift_ms     INTEGER,
        drift_measured_at  INTEGER
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE sync_record_clocks (
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        clocks    TEXT NOT NULL CHECK (json_valid(clocks)),
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_conflicts (
        id          TEXT PRIMARY KEY,
        origin      TEXT NOT NULL DEFAULT 'server' CHECK (origin IN ('server', 'local')),
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        fields      TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'object'),
        detected_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT,
        resolution  TEXT CHECK (resolution IS NULL OR resolution IN ('kept-winner', 'kept-loser')),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts (detected_at) WHERE resolved_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX sync_conflicts_record ON sync_conflicts (entity_id);

      CREATE TABLE sync_parked (
        server_seq INTEGER PRIMARY KEY,
        change     TEXT NOT NULL CHECK (json_valid(change)),
        reason     TEXT NOT NULL,
        parked_at  INTEGER NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE sync_blob_downloads (
        sha256     TEXT PRIMARY KEY,
        queued_at  INTEGER NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_set_aside (
        seq       INTEGER PRIMARY KEY,
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op        TEXT NOT NULL,
        code      TEXT NOT NULL,
        at        INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sync_users (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL,
        revoked_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
