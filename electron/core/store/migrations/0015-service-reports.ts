import type { Migration } from './migration';

/**
 * Periodic service reports (服务报告). Kept on this console only: a report is
 * the supervisor's document about synced records, not a record itself, so it
 * has no outbox, audit or HLC columns and is deliberately absent from
 * synced-entities.ts. Figures are not stored (they are computed from the data
 * on every read); what is stored is what the supervisor wrote and chose.
 *
 * - narrative: paragraph key → edited text; a key absent or null follows the
 *   text generated from the figures.
 * - typical_faults: [{incidentId, happened, cause, fix}] in the order shown.
 * - contract_items: [{item, commitment, measure, delivered, note}] (annual).
 */
export const m0015: Migration = {
  version: 15,
  name: 'service reports',
  up(db) {
    db.exec(`
      CREATE TABLE service_reports (
        id             TEXT PRIMARY KEY,
        client_id      TEXT NOT NULL,
        period_kind    TEXT NOT NULL CHECK (period_kind IN ('monthly', 'quarterly', 'half-year', 'annual')),
        period_year    INTEGER NOT NULL CHECK (period_year BETWEEN 2000 AND 2100),
        period_index   INTEGER NOT NULL CHECK (period_index BETWEEN 1 AND 12),
        language       TEXT NOT NULL CHECK (language IN ('zh-CN', 'en')),
        title          TEXT NOT NULL,
        narrative      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(narrative) AND json_type(narrative) = 'object'),
        typical_faults TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(typical_faults) AND json_type(typical_faults) = 'array'),
        contract_items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contract_items) AND json_type(contract_items) = 'array'),
        drills         INTEGER NOT NULL DEFAULT 0 CHECK (drills >= 0),
        status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        created_by     TEXT NOT NULL,
        created_at     INTEGER NOT NULL,
        updated_by     TEXT NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX service_reports_client_period ON service_reports (client_id, period_year, period_index);
    `);
  },
};
