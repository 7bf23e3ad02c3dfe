import type { Migration } from './migration';

/*
 * The searchable text of a plan, by part: its own text fields, then what
 * people search steps and contacts by (a contact's name or phone number finds
 * the plan). Steps and contacts are JSON arrays, read with json_each so the
 * index never holds the JSON keys themselves.
 */
const STEPS_TEXT = `(SELECT group_concat(concat_ws(' ', s.value ->> '$.title', s.value ->> '$.instructions', s.value ->> '$.responsibleRole', s.value ->> '$.checkItem'), char(10)) FROM json_each(new.steps) AS s)`;
// Aliased throughout: an unqualified "value" inside the phones subquery would mean the phone, not the contact.
const CONTACTS_TEXT = `(SELECT group_concat(concat_ws(' ', c.value ->> '$.name', c.value ->> '$.role', c.value ->> '$.organisation', (SELECT group_concat(p.value, ' ') FROM json_each(c.value -> '$.phones') AS p)), char(10)) FROM json_each(new.contacts) AS c)`;
const PARTS = ['new.title', 'new.trigger_conditions', 'new.objective', 'new.strategies', STEPS_TEXT, CONTACTS_TEXT];
const BODY = `concat_ws(char(10), ${PARTS.join(', ')})`;
const GRAMS = `walkdown_search_grams(${PARTS.join(', ')})`;
const SEARCHED_COLUMNS = 'title, trigger_conditions, objective, strategies, steps, contacts';

/**
 * Emergency plans (应急预案), synced: one row per plan, its steps, contacts
 * and call list as JSON (a plan is read and written whole). Two contentless
 * search indexes kept by triggers, as for assets: trigram for terms of three
 * characters or more, the 1–2 character gram index for words such as 断电.
 */
export const m0011: Migration = {
  version: 11,
  name: 'emergency plans',
  up(db) {
    db.exec(`
      CREATE TABLE emergency_plans (
        id                 TEXT PRIMARY KEY,
        client_id          TEXT NOT NULL REFERENCES clients (id),
        site_id            TEXT REFERENCES sites (id),
        title              TEXT NOT NULL,
        scenario           TEXT NOT NULL,
        severity           TEXT NOT NULL,
        trigger_conditions TEXT NOT NULL DEFAULT '',
        objective          TEXT NOT NULL DEFAULT '',
        steps              TEXT NOT NULL CHECK (json_valid(steps) AND json_type(steps) = 'array'),
        contacts           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contacts) AND json_type(contacts) = 'array'),
        call_list          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(call_list) AND json_type(call_list) = 'array'),
        strategies         TEXT NOT NULL DEFAULT '',
        version            TEXT NOT NULL DEFAULT '1.0',
        reviewed_at        TEXT,
        language           TEXT NOT NULL,
        template_id        TEXT,
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        deleted_at         INTEGER
      ) STRICT;
      CREATE INDEX emergency_plans_client ON emergency_plans (client_id, site_id);
      CREATE INDEX emergency_plans_site ON emergency_plans (site_id) WHERE site_id IS NOT NULL;

      CREATE VIRTUAL TABLE emergency_plans_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'trigram');
      CREATE VIRTUAL TABLE emergency_plans_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61');

      CREATE TRIGGER emergency_plans_search_insert AFTER INSERT ON emergency_plans BEGIN
        INSERT INTO emergency_plans_fts (rowid, body) VALUES (new.rowid, ${BODY});
        INSERT INTO emergency_plans_grams (rowid, grams) VALUES (new.rowid, ${GRAMS});
      END;
      CREATE TRIGGER emergency_plans_search_delete AFTER DELETE ON emergency_plans BEGIN
        DELETE FROM emergency_plans_fts WHERE rowid = old.rowid;
        DELETE FROM emergency_plans_grams WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER emergency_plans_search_update AFTER UPDATE OF ${SEARCHED_COLUMNS} ON emergency_plans BEGIN
        DELETE FROM emergency_plans_fts WHERE rowid = old.rowid;
        DELETE FROM emergency_plans_grams WHERE rowid = old.rowid;
        INSERT INTO emergency_plans_fts (rowid, body) VALUES (new.rowid, ${BODY});
        INSERT INTO emergency_plans_grams (rowid, grams) VALUES (new.rowid, ${GRAMS});
      END;
    `);
  },
};
