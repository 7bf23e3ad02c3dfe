import type { Migration } from './migration';

const FIELDS = 'name, management_ips, serial_number, model, asset_tag, vendor, notes';
const grams = (row: 'new' | 'old') => `walkdown_search_grams(${FIELDS.split(', ').map((f) => `${row}.${f}`).join(', ')})`;

/**
 * A second asset index for terms of one or two characters (see
 * store/search-grams.ts). Contentless: it stores only the postings, and the
 * triggers compute the tokens with a function registered on each connection.
 */
export const m0005: Migration = {
  version: 5,
  name: 'short-term search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE assets_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
      INSERT INTO assets_grams (rowid, grams) SELECT rowid, ${grams('new').replaceAll('new.', '')} FROM assets;
      CREATE TRIGGER assets_grams_insert AFTER INSERT ON assets BEGIN
        INSERT INTO assets_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
      END;
      CREATE TRIGGER assets_grams_delete AFTER DELETE ON assets BEGIN
        DELETE FROM assets_grams WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER assets_grams_update AFTER UPDATE OF ${FIELDS} ON assets BEGIN
        DELETE FROM assets_grams WHERE rowid = old.rowid;
        INSERT INTO assets_grams (rowid, grams) VALUES (new.rowid, ${grams('new')});
      END;
    `);
  },
};
