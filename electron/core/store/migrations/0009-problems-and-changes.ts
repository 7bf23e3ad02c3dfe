import type { Migration } from './migration';

const PROBLEM_TEXT = ['title', 'description', 'question', 'answer', 'reporter', 'analysis_notes', 'confirmation_notes', 'resolution', 'feedback', 'feedback_to'];
const CHANGE_TEXT = ['title', 'description', 'plan', 'risk_text', 'rollback_plan', 'requester', 'implementer'];

/**
 * The two full-text indexes every searchable table gets (see 0003 and 0005):
 * a trigram index for terms of three characters or more and a contentless
 * 1–2 character gram index for short Chinese terms such as 备份. Both are kept
 * by triggers, so no write path can forget them.
 */
function searchIndexes(table: string, columns: readonly string[]): string {
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  const grams = (row: 'new' | 'old') => `walkdown_search_grams(${values(row)})`;
  return `
    CREATE VIRTUAL TABLE ${table}_fts USING fts5 (${list}, content = '${table}', content_rowid = 'rowid', tokenize = 'trigram');
    CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${table}_fts (rowid, ${list}) VALUES (new.rowid, ${values('new')});
    END;
    CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${table}_fts (${table}_fts, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
    END;
    CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${list} ON ${table} BEGIN
      INSERT INTO ${table}_fts (${table}_fts, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
      INSERT INTO ${table}_fts (rowid, ${list}) VALUES (new.rowid, ${values('new')});
    END;

    CREATE VIRTUAL TABLE ${table}_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
    CREATE TRIGGER ${table}_grams_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${table}_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
    END;
    CREATE TRIGGER ${table}_grams_delete AFTER DELETE ON ${table} BEGIN
      DELETE FROM ${table}_grams WHERE rowid = old.rowid;
    END;
    CREATE TRIGGER ${table}_grams_update AFTER UPDATE OF ${list} ON ${table} BEGIN
      DELETE FROM ${table}_grams WHERE rowid = old.rowid;
      INSERT INTO ${table}_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
    END;
  `;
}

/**
 * Problem records (问题记录规范) with one synced row per step taken, the
 * links from incidents to problems, and changes (变更).
 *
 * Cross-column rules (a consultation is always answered, a window ends after
 * it starts) are enforced by the services, not by CHECKs: sync merges fields
 * one by one, and a merge of two valid edits must never be refused by the file.
 * No foreign key points at incidents: links may arrive by sync before the
 * incident they name; the service checks that an incident exists when a
 * person links it.
 */
export const m0009: Migration = {
  version: 9,
  name: 'problems and changes',
  up(db) {
    db.exec(`
      CREATE TABLE problems (
        id                    TEXT PRIMARY KEY,
        type                  TEXT NOT NULL CHECK (type IN ('consultation', 'defect')),
        status                TEXT NOT NULL CHECK (status IN ('answered', 'submitted', 'analysed', 'confirmed', 'resolved', 'fed-back')),
        title                 TEXT NOT NULL,
        description           TEXT NOT NULL DEFAULT '',
        reporter              TEXT NOT NULL,
        contact               TEXT NOT NULL DEFAULT '',
        question              TEXT NOT NULL DEFAULT '',
        answer                TEXT NOT NULL DEFAULT '',
        asset_ids             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(asset_ids)),
        analysis_kind         TEXT CHECK (analysis_kind IS NULL OR analysis_kind IN ('technical', 'business', 'operation')),
        analysis_notes        TEXT NOT NULL DEFAULT '',
        confirmation_notes    TEXT NOT NULL DEFAULT '',
        resolution            TEXT NOT NULL DEFAULT '',
        feedback              TEXT NOT NULL DEFAULT '',
        feedback_to           TEXT NOT NULL DEFAULT '',
        converted_from_defect INTEGER NOT NULL DEFAULT 0 CHECK (converted_from_defect IN (0, 1)),
        reported_at           INTEGER NOT NULL,
        answered_at           INTEGER,
        created_by            TEXT NOT NULL,
        created_at            INTEGER NOT NULL,
        updated_at            INTEGER NOT NULL,
        deleted_at            INTEGER
      ) STRICT;
      CREATE INDEX problems_reported ON problems (reported_at);
      CREATE INDEX problems_type_status ON problems (type, status);

      -- Synced, append-only: one row per step taken, written with the problem's update.
      CREATE TABLE problem_steps (
        id         TEXT PRIMARY KEY,
        problem_id TEXT NOT NULL REFERENCES problems (id),
        step       TEXT NOT NULL CHECK (step IN ('answered', 'submitted', 'analysed', 'confirmed', 'resolved', 'fed-back')),
        actor      TEXT NOT NULL,
        at         INTEGER NOT NULL,
        data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX problem_steps_problem ON problem_steps (problem_id, at);

      -- Synced links; the id is derived from the pair, so the same link made on two laptops is one row.
      CREATE TABLE problem_incidents (
        id          TEXT PRIMARY KEY,
        problem_id  TEXT NOT NULL REFERENCES problems (id),
        incident_id TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER
      ) STRICT;
      CREATE INDEX problem_incidents_problem ON problem_incidents (problem_id);
      CREATE INDEX problem_incidents_incident ON problem_incidents (incident_id);

      CREATE TABLE changes (
        id               TEXT PRIMARY KEY,
        title            TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '',
        asset_ids        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(asset_ids)),
        plan             TEXT NOT NULL DEFAULT '',
        risk_level       TEXT CHECK (risk_level IS NULL OR risk_level IN ('low', 'medium', 'high')),
        risk_text        TEXT NOT NULL DEFAULT '',
        rollback_plan    TEXT NOT NULL DEFAULT '',
        window_start     INTEGER,
        window_end       INTEGER,
        requester        TEXT NOT NULL,
        implementer      TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'in-progress', 'completed', 'failed', 'rolled-back', 'cancelled')),
        submitted_at     INTEGER,
        decision         TEXT CHECK (decision IS NULL OR decision IN ('approved', 'rejected')),
        decided_by       TEXT NOT NULL DEFAULT '',
        decided_role     TEXT CHECK (decided_role IS NULL OR decided_role IN ('engineer', 'supervisor', 'admin')),
        decided_at       INTEGER,
        decision_comment TEXT NOT NULL DEFAULT '',
        started_at       INTEGER,
        result           TEXT NOT NULL DEFAULT '',
        result_at        INTEGER,
        cancelled_at     INTEGER,
        cancel_reason    TEXT NOT NULL DEFAULT '',
        created_by       TEXT NOT NULL,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        deleted_at       INTEGER
      ) STRICT;
      CREATE INDEX changes_status ON changes (status);
      CREATE INDEX changes_window ON changes (window_start);

      ${searchIndexes('problems', PROBLEM_TEXT)}
      ${searchIndexes('changes', CHANGE_TEXT)}
    `);
  },
};
