import type { Migration } from './migration';

/** The bookkeeping every later table leans on: device identity and clock, the sync outbox, the audit log. */
export const m0001: Migration = {
  version: 1,
  name: 'device, outbox and audit log',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- seq is the per-device mutation sequence that the server deduplicates on;
      -- AUTOINCREMENT so a number is never reused after acknowledged rows are deleted.
      CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
        fields     TEXT NOT NULL,
        hlc        TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Local only (never synced), so a rowid key: one index fewer to write on every save.
      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at          INTEGER NOT NULL,
        actor_name  TEXT NOT NULL,
        actor_role  TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        action      TEXT NOT NULL,
        changes     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity_id);
    `);
  },
};
