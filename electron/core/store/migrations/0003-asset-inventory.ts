import type { Migration } from './migration';

/**
 * The asset inventory (信息资产统计): racks under rooms, assets with their rack
 * placement, the IP plan's subnets, and credentials for device checks.
 *
 * Derived tables are kept by triggers, not by application code, so no write
 * path can forget them: asset_ips (one row per management address, for the IP
 * plan and duplicate checks) and assets_fts (trigram full-text index: finds
 * Chinese substrings such as 核心 in 核心交换机).
 */
export const m0003: Migration = {
  version: 3,
  name: 'asset inventory',
  up(db) {
    db.exec(`
      CREATE TABLE racks (
        id         TEXT PRIMARY KEY,
        room_id    TEXT NOT NULL REFERENCES rooms (id),
        name       TEXT NOT NULL,
        height_u   INTEGER NOT NULL CHECK (height_u BETWEEN 1 AND 60),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX racks_room ON racks (room_id);
      CREATE UNIQUE INDEX racks_live_name ON racks (room_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE assets (
        id              TEXT PRIMARY KEY,
        type            TEXT NOT NULL,
        name            TEXT NOT NULL,
        vendor          TEXT NOT NULL DEFAULT '',
        model           TEXT NOT NULL DEFAULT '',
        serial_number   TEXT NOT NULL DEFAULT '',
        asset_tag       TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'in-use',
        owner           TEXT NOT NULL DEFAULT '',
        contact         TEXT NOT NULL DEFAULT '',
        purchase_date   TEXT,
        warranty_end    TEXT,
        management_ips  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(management_ips)),
        version         TEXT NOT NULL DEFAULT '',
        patch_level     TEXT NOT NULL DEFAULT '',
        notes           TEXT NOT NULL DEFAULT '',
        custom_fields   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
        room_id         TEXT REFERENCES rooms (id),
        rack_id         TEXT REFERENCES racks (id),
        rack_u_start    INTEGER,
        rack_u_height   INTEGER,
        installed_on_id TEXT REFERENCES assets (id),
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        deleted_at      INTEGER,
        CHECK ((rack_id IS NULL) = (rack_u_start IS NULL) AND (rack_id IS NULL) = (rack_u_height IS NULL))
      ) STRICT;
      CREATE INDEX assets_name ON assets (name COLLATE NOCASE);
      CREATE INDEX assets_type ON assets (type);
      CREATE INDEX assets_status ON assets (status);
      CREATE INDEX assets_vendor ON assets (vendor COLLATE NOCASE);
      CREATE INDEX assets_room ON assets (room_id);
      CREATE INDEX assets_rack ON assets (rack_id, rack_u_start);
      CREATE INDEX assets_installed_on ON assets (installed_on_id);
      CREATE INDEX assets_serial ON assets (serial_number) WHERE serial_number != '';
      CREATE INDEX assets_warranty ON assets (warranty_end) WHERE warranty_end IS NOT NULL;
      CREATE UNIQUE INDEX assets_live_tag ON assets (asset_tag COLLATE NOCASE) WHERE asset_tag != '' AND deleted_at IS NULL;

      CREATE TABLE asset_ips (
        ip       TEXT NOT NULL,
        asset_id TEXT NOT NULL REFERENCES assets (id),
        PRIMARY KEY (ip, asset_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX asset_ips_asset ON asset_ips (asset_id);

      CREATE TRIGGER assets_ips_insert AFTER INSERT ON assets WHEN new.deleted_at IS NULL BEGIN
        INSERT OR IGNORE INTO asset_ips (ip, asset_id) SELECT lower(value), new.id FROM json_each(new.management_ips);
      END;
      CREATE TRIGGER assets_ips_update AFTER UPDATE OF management_ips, deleted_at ON assets BEGIN
        DELETE FROM asset_ips WHERE asset_id = new.id;
        INSERT OR IGNORE INTO asset_ips (ip, asset_id) SELECT lower(value), new.id FROM json_each(new.management_ips) WHERE new.deleted_at IS NULL;
      END;

      CREATE VIRTUAL TABLE assets_fts USING fts5 (
        name, management_ips, serial_number, model, asset_tag, vendor, notes,
        content = 'assets', content_rowid = 'rowid', tokenize = 'trigram'
      );
      CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
        INSERT INTO assets_fts (rowid, name, management_ips, serial_number, model, asset_tag, vendor, notes)
        VALUES (new.rowid, new.name, new.management_ips, new.serial_number, new.model, new.asset_tag, new.vendor, new.notes);
      END;
      CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
        INSERT INTO assets_fts (assets_fts, rowid, name, management_ips, serial_number, model, asset_tag, vendor, notes)
        VALUES ('delete', old.rowid, old.name, old.management_ips, old.serial_number, old.model, old.asset_tag, old.vendor, old.notes);
      END;
      CREATE TRIGGER assets_fts_update AFTER UPDATE OF name, management_ips, serial_number, model, asset_tag, vendor, notes ON assets BEGIN
        INSERT INTO assets_fts (assets_fts, rowid, name, management_ips, serial_number, model, asset_tag, vendor, notes)
        VALUES ('delete', old.rowid, old.name, old.management_ips, old.serial_number, old.model, old.asset_tag, old.vendor, old.notes);
        INSERT INTO assets_fts (rowid, name, management_ips, serial_number, model, asset_tag, vendor, notes)
        VALUES (new.rowid, new.name, new.management_ips, new.serial_number, new.model, new.asset_tag, new.vendor, new.notes);
      END;

      CREATE TABLE subnets (
        id         TEXT PRIMARY KEY,
        site_id    TEXT NOT NULL REFERENCES sites (id),
        cidr       TEXT NOT NULL,
        vlan       INTEGER CHECK (vlan BETWEEN 1 AND 4094),
        gateway    TEXT,
        purpose    TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX subnets_live_cidr ON subnets (site_id, cidr) WHERE deleted_at IS NULL;

      -- Local to this laptop, never synced: the secret column holds ciphertext only.
      CREATE TABLE credentials (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('snmp-community', 'snmp-v3', 'ssh-password', 'ssh-key')),
        settings   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
        secret     BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX credentials_name ON credentials (name COLLATE NOCASE);

      CREATE TABLE asset_credentials (
        asset_id      TEXT NOT NULL REFERENCES assets (id),
        credential_id TEXT NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
        PRIMARY KEY (asset_id, credential_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX asset_credentials_credential ON asset_credentials (credential_id);
    `);
  },
};
