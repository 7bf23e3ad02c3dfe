import type { Migration } from './migration';

/**
 * SLA policies (服务级别), one per client contract plus the default for clients
 * without one. Synced and written only by the write path; the calendar, the
 * per-priority targets and the system-down hours are JSON columns because each
 * is edited as a whole in one dialog, so one field each is the right unit of
 * conflict.
 *
 * "One policy per client" is kept by the service, not by a unique index: two
 * laptops may each give a client a policy before they sync, and a pull must
 * not fail on that. The service then reads the oldest one (see
 * sla-policies.repo.ts), and the UI shows both so a person can delete one.
 */
export const m0007: Migration = {
  version: 7,
  name: 'sla policies',
  up(db) {
    db.exec(`
      CREATE TABLE sla_policies (
        id                  TEXT PRIMARY KEY,
        name                TEXT NOT NULL,
        client_id           TEXT REFERENCES clients (id),
        calendar            TEXT NOT NULL CHECK (json_valid(calendar)),
        targets             TEXT NOT NULL CHECK (json_valid(targets)),
        pause_while_pending INTEGER NOT NULL CHECK (pause_while_pending IN (0, 1)),
        at_risk_percent     INTEGER NOT NULL CHECK (at_risk_percent BETWEEN 1 AND 99),
        system_down         TEXT NOT NULL CHECK (json_valid(system_down)),
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL,
        deleted_at          INTEGER
      ) STRICT;
      CREATE INDEX sla_policies_client ON sla_policies (client_id);
    `);
  },
};
