import type { Migration } from './migration';

const SEARCHED = ['number', 'title', 'description', 'reporter_name', 'assignee'] as const;
const columns = SEARCHED.join(', ');
const values = (row: 'new' | 'old') => SEARCHED.map((column) => `${row}.${column}`).join(', ');
const grams = (row: 'new' | 'old') => `walkdown_search_grams(${values(row)})`;

/**
 * Incidents (事件/故障) and what hangs off them. All four tables are synced and
 * written only by the write path:
 *
 * - incidents: the mutable record (per-field last-writer-wins). The resolution
 *   and the saved fault report are JSON columns on it: each is edited as a
 *   whole, so one field each is the right unit of conflict.
 * - incident_work_log, incident_evidence, incident_events: append-only
 *   children (an unlinked evidence row is a tombstone). incident_events is the
 *   history: status, priority, system-down, assignee, workaround and fault
 *   report facts, each with the time recorded on the laptop (`at`) and who
 *   did it. The timeline and the SLA clocks are computed from it, so work done
 *   offline counts when it happened and two laptops' histories merge without
 *   conflict.
 *
 * Derived tables are kept by triggers (as asset_ips in 0003), so no path can
 * forget them, and a change that arrives by sync updates them too:
 * - incident_assets: one row per (asset, incident) from the asset_ids JSON, for
 *   "incidents of this asset" by index. It is not synced: the set of assets is
 *   edited as a whole in the form and travels as one field of the incident; a
 *   synced child table would make every edit several records that could
 *   conflict one by one, and could drift from the JSON.
 * - incidents_fts (trigram, 3+ characters) and incidents_grams (1–2
 *   characters, see store/search-grams.ts) over number, title, description,
 *   reporter and assignee.
 */
export const m0006: Migration = {
  version: 6,
  name: 'incidents',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id                TEXT PRIMARY KEY,
        number            TEXT NOT NULL,
        title             TEXT NOT NULL,
        description       TEXT NOT NULL DEFAULT '',
        category          TEXT NOT NULL,
        impact            TEXT NOT NULL,
        urgency           TEXT NOT NULL,
        priority          TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        priority_override TEXT CHECK (priority_override IS NULL OR priority_override IN ('P1', 'P2', 'P3', 'P4')),
        priority_reason   TEXT NOT NULL DEFAULT '',
        system_down       INTEGER NOT NULL DEFAULT 0 CHECK (system_down IN (0, 1)),
        status            TEXT NOT NULL,
        pending_reason    TEXT,
        asset_ids         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(asset_ids)),
        location_id       TEXT,
        reporter_name     TEXT NOT NULL,
        reporter_contact  TEXT NOT NULL DEFAULT '',
        assignee          TEXT NOT NULL DEFAULT '',
        reported_at       INTEGER NOT NULL,
        acknowledged_at   INTEGER,
        resolved_at       INTEGER,
        closed_at         INTEGER,
        workaround        TEXT NOT NULL DEFAULT '',
        workaround_at     INTEGER,
        resolution        TEXT CHECK (resolution IS NULL OR json_valid(resolution)),
        fault_report      TEXT CHECK (fault_report IS NULL OR json_valid(fault_report)),
        fault_report_at   INTEGER,
        created_by        TEXT NOT NULL,
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        deleted_at        INTEGER
      ) STRICT;
      CREATE INDEX incidents_reported ON incidents (reported_at);
      CREATE INDEX incidents_status ON incidents (status, reported_at);
      CREATE INDEX incidents_location ON incidents (location_id);
      -- Numbers are made per device (they carry a device suffix); not unique in the schema, so a freak collision cannot stop a sync.
      CREATE INDEX incidents_number ON incidents (number);

      CREATE TABLE incident_assets (
        asset_id    TEXT NOT NULL,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        PRIMARY KEY (asset_id, incident_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_assets_incident ON incident_assets (incident_id);
      CREATE TRIGGER incidents_assets_insert AFTER INSERT ON incidents WHEN new.deleted_at IS NULL BEGIN
        INSERT OR IGNORE INTO incident_assets (asset_id, incident_id) SELECT value, new.id FROM json_each(new.asset_ids);
      END;
      CREATE TRIGGER incidents_assets_update AFTER UPDATE OF asset_ids, deleted_at ON incidents BEGIN
        DELETE FROM incident_assets WHERE incident_id = new.id;
        INSERT OR IGNORE INTO incident_assets (asset_id, incident_id) SELECT value, new.id FROM json_each(new.asset_ids) WHERE new.deleted_at IS NULL;
      END;

      CREATE TABLE incident_work_log (
        id            TEXT PRIMARY KEY,
        incident_id   TEXT NOT NULL REFERENCES incidents (id),
        at            INTEGER NOT NULL,
        author        TEXT NOT NULL,
        text          TEXT NOT NULL,
        minutes_spent INTEGER NOT NULL CHECK (minutes_spent >= 0),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        deleted_at    INTEGER
      ) STRICT;
      CREATE INDEX incident_work_log_incident ON incident_work_log (incident_id, at);

      CREATE TABLE incident_evidence (
        id          TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        kind        TEXT NOT NULL,
        target_id   TEXT NOT NULL,
        label       TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER
      ) STRICT;
      CREATE INDEX incident_evidence_incident ON incident_evidence (incident_id);
      CREATE INDEX incident_evidence_target ON incident_evidence (kind, target_id);

      CREATE TABLE incident_events (
        id          TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        at          INTEGER NOT NULL,
        actor       TEXT NOT NULL,
        kind        TEXT NOT NULL,
        data        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER
      ) STRICT;
      CREATE INDEX incident_events_incident ON incident_events (incident_id, at);

      CREATE VIRTUAL TABLE incidents_fts USING fts5 (${columns}, content = 'incidents', content_rowid = 'rowid', tokenize = 'trigram');
      CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
        INSERT INTO incidents_fts (rowid, ${columns}) VALUES (new.rowid, ${values('new')});
      END;
      CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
        INSERT INTO incidents_fts (incidents_fts, rowid, ${columns}) VALUES ('delete', old.rowid, ${values('old')});
      END;
      CREATE TRIGGER incidents_fts_update AFTER UPDATE OF ${columns} ON incidents BEGIN
        INSERT INTO incidents_fts (incidents_fts, rowid, ${columns}) VALUES ('delete', old.rowid, ${values('old')});
        INSERT INTO incidents_fts (rowid, ${columns}) VALUES (new.rowid, ${values('new')});
      END;

      CREATE VIRTUAL TABLE incidents_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
      CREATE TRIGGER incidents_grams_insert AFTER INSERT ON incidents BEGIN
        INSERT INTO incidents_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
      END;
      CREATE TRIGGER incidents_grams_delete AFTER DELETE ON incidents BEGIN
        DELETE FROM incidents_grams WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER incidents_grams_update AFTER UPDATE OF ${columns} ON incidents BEGIN
        DELETE FROM incidents_grams WHERE rowid = old.rowid;
        INSERT INTO incidents_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
      END;
    `);
  },
};
