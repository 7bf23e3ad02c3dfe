import type { Migration } from './migration';

/**
 * search-grams indexes the first 2,000 characters of each field it is given,
 * and an article body is longer (up to 50,000). The body is passed as
 * overlapping slices, each its own field, so a two-character word anywhere in
 * it is found; the one shared character keeps the pair across each cut.
 */
const SLICE = 2000;
const MAX_BODY = 50_000;
const bodySlices = (row: string) =>
  Array.from({ length: Math.ceil(MAX_BODY / (SLICE - 1)) + 1 }, (_, k) => `substr(${row}.body, ${1 + k * (SLICE - 1)}, ${SLICE})`).join(', ');
const grams = (row: string) => `walkdown_search_grams(${row}.title, ${row}.tags, ${row}.vendors, ${bodySlices(row)})`;

const FTS_COLUMNS = 'title, body, tags, vendors';
const values = (row: string) => FTS_COLUMNS.split(', ').map((column) => `${row}.${column}`).join(', ');

/**
 * The knowledge base (知识库): articles in Markdown, synced. Tags, asset types
 * and vendors are JSON arrays. Two derived indexes are kept by triggers, as
 * for assets: knowledge_fts (trigram, terms of three or more characters,
 * ranked by bm25) and knowledge_grams (1–2 character terms such as 核心).
 * Deleted articles stay in both (a tombstone can be restored); queries join
 * the live rows.
 */
export const m0010: Migration = {
  version: 10,
  name: 'knowledge base',
  up(db) {
    db.exec(`
      CREATE TABLE knowledge_articles (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        language    TEXT NOT NULL,
        tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        asset_types TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(asset_types)),
        vendors     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(vendors)),
        source_type TEXT,
        source_id   TEXT,
        status      TEXT NOT NULL DEFAULT 'draft',
        author      TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER,
        -- Last: a long body spills into overflow pages, which a query reading only the columns before it never touches.
        body        TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX knowledge_articles_updated ON knowledge_articles (updated_at) WHERE deleted_at IS NULL;
      CREATE INDEX knowledge_articles_source ON knowledge_articles (source_type, source_id) WHERE source_id IS NOT NULL;

      CREATE VIRTUAL TABLE knowledge_fts USING fts5 (
        ${FTS_COLUMNS},
        content = 'knowledge_articles', content_rowid = 'rowid', tokenize = 'trigram'
      );
      CREATE TRIGGER knowledge_fts_insert AFTER INSERT ON knowledge_articles BEGIN
        INSERT INTO knowledge_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${values('new')});
      END;
      CREATE TRIGGER knowledge_fts_delete AFTER DELETE ON knowledge_articles BEGIN
        INSERT INTO knowledge_fts (knowledge_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${values('old')});
      END;
      CREATE TRIGGER knowledge_fts_update AFTER UPDATE OF ${FTS_COLUMNS} ON knowledge_articles BEGIN
        INSERT INTO knowledge_fts (knowledge_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${values('old')});
        INSERT INTO knowledge_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${values('new')});
      END;

      CREATE VIRTUAL TABLE knowledge_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
      CREATE TRIGGER knowledge_grams_insert AFTER INSERT ON knowledge_articles BEGIN
        INSERT INTO knowledge_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
      END;
      CREATE TRIGGER knowledge_grams_delete AFTER DELETE ON knowledge_articles BEGIN
        DELETE FROM knowledge_grams WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER knowledge_grams_update AFTER UPDATE OF ${FTS_COLUMNS} ON knowledge_articles BEGIN
        DELETE FROM knowledge_grams WHERE rowid = old.rowid;
        INSERT INTO knowledge_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
      END;
    `);
  },
};
