import type { Migration } from './migration';

/**
 * Device checks: how each asset is checked, the runs, every result as
 * evidence (synced, append-only), pinned SSH host keys and configuration
 * versions.
 */
export const m0004: Migration = {
  version: 4,
  name: 'device checks',
  up(db) {
    db.exec(`
      -- Local: how this laptop checks an asset (addresses and profiles are site knowledge, not synced yet).
      CREATE TABLE asset_check_settings (
        asset_id           TEXT PRIMARY KEY REFERENCES assets (id),
        address            TEXT,
        ssh_profile        TEXT,
        snmp_profiles      TEXT CHECK (snmp_profiles IS NULL OR json_valid(snmp_profiles)),
        tcp_ports          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tcp_ports)),
        http_urls          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(http_urls)),
        legacy_algorithms  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(legacy_algorithms)),
        updated_at         INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE check_runs (
        id          TEXT PRIMARY KEY,
        label       TEXT NOT NULL,
        kinds       TEXT NOT NULL CHECK (json_valid(kinds)),
        status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled')),
        total       INTEGER NOT NULL,
        done        INTEGER NOT NULL DEFAULT 0,
        failed      INTEGER NOT NULL DEFAULT 0,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX check_runs_started ON check_runs (started_at);

      -- Synced, append-only evidence.
      CREATE TABLE check_results (
        id            TEXT PRIMARY KEY,
        run_id        TEXT,
        asset_id      TEXT REFERENCES assets (id),
        target        TEXT NOT NULL,
        kind          TEXT NOT NULL,
        profile_id    TEXT NOT NULL,
        step          TEXT NOT NULL,
        method        TEXT,
        raw_output    TEXT NOT NULL,
        parsed        TEXT CHECK (parsed IS NULL OR json_valid(parsed)),
        metrics       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metrics)),
        status        TEXT NOT NULL CHECK (status IN ('ok', 'warning', 'failed', 'error', 'cancelled')),
        error_code    TEXT,
        error_message TEXT,
        duration_ms   INTEGER NOT NULL,
        started_at    INTEGER NOT NULL,
        finished_at   INTEGER NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        deleted_at    INTEGER
      ) STRICT;
      CREATE INDEX check_results_asset ON check_results (asset_id, started_at);
      CREATE INDEX check_results_run ON check_results (run_id);

      -- Local: trust decisions of this laptop.
      CREATE TABLE ssh_host_keys (
        address             TEXT NOT NULL,
        port                INTEGER NOT NULL,
        key_type            TEXT NOT NULL,
        fingerprint         TEXT NOT NULL,
        pinned_at           INTEGER NOT NULL,
        pinned_by           TEXT NOT NULL,
        pending_key_type    TEXT,
        pending_fingerprint TEXT,
        pending_since       INTEGER,
        PRIMARY KEY (address, port)
      ) STRICT;

      -- Synced, append-only: one row per fetched version.
      CREATE TABLE config_backups (
        id          TEXT PRIMARY KEY,
        asset_id    TEXT NOT NULL REFERENCES assets (id),
        fetched_at  INTEGER NOT NULL,
        command     TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        content     TEXT NOT NULL,
        changed     INTEGER NOT NULL CHECK (changed IN (0, 1)),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER
      ) STRICT;
      CREATE INDEX config_backups_asset ON config_backups (asset_id, fetched_at);
    `);
  },
};
