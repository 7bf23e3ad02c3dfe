import type { Migration } from './migration';

/**
 * Rounds (巡检): checklist templates and their versions, schedules, rounds,
 * their entries and the amendments of signed rounds. All synced, written
 * only by the write path.
 *
 * - checklist_templates: the current row of a template (name, language,
 *   which version is current, archived): mutable, last writer wins per field.
 * - checklist_template_versions: the content of every version as one JSON
 *   snapshot, append-only. A round points at the version it used, so editing
 *   a template never changes a round. Version numbers are not unique in the
 *   schema: two laptops editing the same template offline both make the next
 *   number, and that must not stop a sync (the template row decides which is
 *   current).
 * - round_schedules: mutable; deleting one is a tombstone (its rounds stay).
 * - rounds: the header; the assets it covers (id, name, type) are fixed as
 *   JSON when it starts, the room denormalised for "rounds of this room".
 * - round_entries: one row per item (and asset, for per-asset items) of a
 *   round, saved one transaction each as the engineer goes. Unique per round,
 *   section, item and asset (coalesce: asset_id is NULL for place items, and
 *   NULLs never collide in a UNIQUE index). `item_label` is the label of the
 *   item in the round's template version, so evidence links, readings and
 *   reports name the item without opening the snapshot. `filled` (0/1) says
 *   whether the value answers the item (shared/rounds/entry-rules.ts).
 *   Incident evidence of kind `round-item` points at these rows.
 * - round_amendments: corrections of signed rounds, append-only, with the
 *   value before and after.
 *
 * round_assets (not synced, kept by triggers like incident_assets in 0006):
 * one row per (asset, round) from rounds.assets, for "rounds of this asset"
 * by index.
 */
export const m0013: Migration = {
  version: 13,
  name: 'rounds',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_templates (
        id           TEXT PRIMARY KEY,
        builtin_key  TEXT,
        name         TEXT NOT NULL,
        language     TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version > 0),
        version_id   TEXT NOT NULL,
        archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        deleted_at   INTEGER
      ) STRICT;
      CREATE INDEX checklist_templates_builtin ON checklist_templates (builtin_key, language) WHERE builtin_key IS NOT NULL;

      CREATE TABLE checklist_template_versions (
        id           TEXT PRIMARY KEY,
        template_id  TEXT NOT NULL REFERENCES checklist_templates (id),
        version      INTEGER NOT NULL CHECK (version > 0),
        content      TEXT NOT NULL CHECK (json_valid(content)),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        deleted_at   INTEGER
      ) STRICT;
      CREATE INDEX checklist_template_versions_template ON checklist_template_versions (template_id, version);

      CREATE TABLE round_schedules (
        id           TEXT PRIMARY KEY,
        template_id  TEXT NOT NULL REFERENCES checklist_templates (id),
        target       TEXT NOT NULL CHECK (json_valid(target)),
        frequency    TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly')),
        start_date   TEXT NOT NULL,
        assignee     TEXT NOT NULL DEFAULT '',
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        deleted_at   INTEGER
      ) STRICT;
      CREATE INDEX round_schedules_template ON round_schedules (template_id);

      CREATE TABLE rounds (
        id                       TEXT PRIMARY KEY,
        template_id              TEXT NOT NULL REFERENCES checklist_templates (id),
        template_version_id      TEXT NOT NULL REFERENCES checklist_template_versions (id),
        schedule_id              TEXT,
        period_start             TEXT,
        target                   TEXT NOT NULL CHECK (json_valid(target)),
        room_id                  TEXT,
        assets                   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(assets)),
        status                   TEXT NOT NULL CHECK (status IN ('in-progress', 'paused', 'signed')),
        started_by               TEXT NOT NULL,
        started_at               INTEGER NOT NULL,
        signed_by                TEXT,
        signed_at                INTEGER,
        signature_attachment_id  TEXT,
        summary                  TEXT NOT NULL DEFAULT '',
        created_at               INTEGER NOT NULL,
        updated_at               INTEGER NOT NULL,
        deleted_at               INTEGER
      ) STRICT;
      CREATE INDEX rounds_started ON rounds (started_at);
      CREATE INDEX rounds_room ON rounds (room_id, started_at);
      CREATE INDEX rounds_schedule ON rounds (schedule_id, period_start);
      CREATE INDEX rounds_status ON rounds (status, started_at);

      CREATE TABLE round_assets (
        asset_id  TEXT NOT NULL,
        round_id  TEXT NOT NULL REFERENCES rounds (id),
        PRIMARY KEY (asset_id, round_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX round_assets_round ON round_assets (round_id);
      CREATE TRIGGER rounds_assets_insert AFTER INSERT ON rounds WHEN new.deleted_at IS NULL BEGIN
        INSERT OR IGNORE INTO round_assets (asset_id, round_id) SELECT json_extract(value, '$.id'), new.id FROM json_each(new.assets);
      END;
      CREATE TRIGGER rounds_assets_update AFTER UPDATE OF assets, deleted_at ON rounds BEGIN
        DELETE FROM round_assets WHERE round_id = new.id;
        INSERT OR IGNORE INTO round_assets (asset_id, round_id) SELECT json_extract(value, '$.id'), new.id FROM json_each(new.assets) WHERE new.deleted_at IS NULL;
      END;

      CREATE TABLE round_entries (
        id           TEXT PRIMARY KEY,
        round_id     TEXT NOT NULL REFERENCES rounds (id),
        section_key  TEXT NOT NULL,
        item_key     TEXT NOT NULL,
        asset_id     TEXT,
        item_label   TEXT NOT NULL,
        value        TEXT NOT NULL CHECK (json_valid(value)),
        outcome      TEXT NOT NULL CHECK (outcome IN ('ok', 'warning', 'failed', 'not-applicable')),
        filled       INTEGER NOT NULL CHECK (filled IN (0, 1)),
        note         TEXT NOT NULL DEFAULT '',
        entered_by   TEXT NOT NULL,
        entered_at   INTEGER NOT NULL,
        incident_id  TEXT,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        deleted_at   INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX round_entries_slot ON round_entries (round_id, section_key, item_key, coalesce(asset_id, ''));
      CREATE INDEX round_entries_item ON round_entries (item_key, asset_id, entered_at);
      CREATE INDEX round_entries_asset ON round_entries (asset_id) WHERE asset_id IS NOT NULL;

      CREATE TABLE round_amendments (
        id           TEXT PRIMARY KEY,
        round_id     TEXT NOT NULL REFERENCES rounds (id),
        entry_id     TEXT NOT NULL REFERENCES round_entries (id),
        before_value TEXT NOT NULL CHECK (json_valid(before_value)),
        after_value  TEXT NOT NULL CHECK (json_valid(after_value)),
        reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        amended_by   TEXT NOT NULL,
        at           INTEGER NOT NULL,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        deleted_at   INTEGER
      ) STRICT;
      CREATE INDEX round_amendments_round ON round_amendments (round_id, at);
    `);
  },
};
