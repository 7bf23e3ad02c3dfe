import type { Migration } from './migration';

/**
 * Client → site → machine room. Deletes are tombstones (deleted_at) so that a
 * delete can be undone and can travel to the server like any other change.
 * Sibling names are unique among live rows, case-insensitively for ASCII.
 */
export const m0002: Migration = {
  version: 2,
  name: 'location tree',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX clients_live_name ON clients (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE sites (
        id         TEXT PRIMARY KEY,
        client_id  TEXT NOT NULL REFERENCES clients (id),
        name       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX sites_client ON sites (client_id);
      CREATE UNIQUE INDEX sites_live_name ON sites (client_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE rooms (
        id         TEXT PRIMARY KEY,
        site_id    TEXT NOT NULL REFERENCES sites (id),
        name       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX rooms_site ON rooms (site_id);
      CREATE UNIQUE INDEX rooms_live_name ON rooms (site_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;
    `);
  },
};
