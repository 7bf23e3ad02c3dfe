import type { Role } from '@shared/domain/profile';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import type { OutboxRow } from './push-batch';

export interface SyncStateRow {
  server_url: string | null;
  device_name: string | null;
  token: Buffer | null;
  token_key_check: string | null;
  user_id: string | null;
  user_name: string | null;
  user_role: Role | null;
  scope: string | null;
  enrolled_at: number | null;
  cursor: number;
  cursor_clock: string | null;
  acknowledged_seq: number;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: number | null;
  reachable: number | null;
  clock_drift_ms: number | null;
  drift_measured_at: number | null;
}

export interface Enrolment {
  serverUrl: string;
  deviceName: string;
  token: Buffer;
  tokenKeyCheck: string;
  user: { id: string; name: string; role: Role };
  scope: unknown;
  acknowledgedSeq: number;
  at: number;
}

/** The one row of sync_state (migration 0014) and the counts the status shows. Local only: never synced. */
export class SyncStateRepo {
  constructor(private readonly db: Db) {}

  get(): SyncStateRow {
    return statement(this.db, 'SELECT * FROM sync_state WHERE id = 1').get() as SyncStateRow;
  }

  /** A different server starts from its first change; the same server keeps the place this console reached. */
  enrol(enrolment: Enrolment): void {
    const previous = this.get();
    const sameServer = previous.server_url === enrolment.serverUrl;
    statement(
      this.db,
      `UPDATE sync_state SET server_url = ?, device_name = ?, token = ?, token_key_check = ?, user_id = ?, user_name = ?, user_role = ?,
              scope = ?, enrolled_at = ?, acknowledged_seq = ?, cursor = ?, cursor_clock = ?,
              last_error_code = NULL, last_error_message = NULL, last_error_at = NULL, reachable = 1
        WHERE id = 1`,
    ).run(
      enrolment.serverUrl,
      enrolment.deviceName,
      enrolment.token,
      enrolment.tokenKeyCheck,
      enrolment.user.id,
      enrolment.user.name,
      enrolment.user.role,
      JSON.stringify(enrolment.scope),
      enrolment.at,
      enrolment.acknowledgedSeq,
      sameServer ? previous.cursor : 0,
      sameServer ? previous.cursor_clock : null,
    );
  }

  /** Forgets the server, the token and how far sync got; the records and the outbox stay. */
  forget(): void {
    statement(
      this.db,
      `UPDATE sync_state SET server_url = NULL, device_name = NULL, token = NULL, token_key_check = NULL, user_id = NULL, user_name = NULL,
              user_role = NULL, scope = NULL, enrolled_at = NULL, cursor = 0, cursor_clock = NULL, acknowledged_seq = 0,
              last_attempt_at = NULL, last_success_at = NULL, last_error_code = NULL, last_error_message = NULL, last_error_at = NULL,
              reachable = NULL, clock_drift_ms = NULL, drift_measured_at = NULL
        WHERE id = 1`,
    ).run();
  }

  setCursor(cursor: number, clock: string | null): void {
    statement(this.db, 'UPDATE sync_state SET cursor = ?, cursor_clock = ? WHERE id = 1').run(cursor, clock);
  }

  recordAttempt(at: number): void {
    statement(this.db, 'UPDATE sync_state SET last_attempt_at = ? WHERE id = 1').run(at);
  }

  recordSuccess(at: number): void {
    statement(
      this.db,
      'UPDATE sync_state SET last_success_at = ?, last_error_code = NULL, last_error_message = NULL, last_error_at = NULL, reachable = 1 WHERE id = 1',
    ).run(at);
  }

  recordError(error: { code: string; message: string }, at: number, reachable: boolean): void {
    statement(this.db, 'UPDATE sync_state SET last_error_code = ?, last_error_message = ?, last_error_at = ?, reachable = ? WHERE id = 1').run(
      error.code,
      error.message.slice(0, 1000),
      at,
      reachable ? 1 : 0,
    );
  }

  recordDrift(driftMs: number, at: number): void {
    statement(this.db, 'UPDATE sync_state SET clock_drift_ms = ?, drift_measured_at = ? WHERE id = 1').run(driftMs, at);
  }

  recordSession(user: { id: string; name: string; role: Role }, scope: unknown): void {
    statement(this.db, 'UPDATE sync_state SET user_id = ?, user_name = ?, user_role = ?, scope = ? WHERE id = 1').run(user.id, user.name, user.role, JSON.stringify(scope));
  }

  pendingCount(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  setAsideCount(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM sync_set_aside').get() as { n: number }).n;
  }

  parkedCount(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM sync_parked').get() as { n: number }).n;
  }

  /** The seq the server should expect first from this console: the oldest unpushed entry, or the next one to be made. */
  firstUnpushedSeq(): number {
    const oldest = (statement(this.db, 'SELECT min(seq) AS seq FROM outbox').get() as { seq: number | null }).seq;
    if (oldest !== null) return oldest;
    const last = statement(this.db, "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number } | undefined;
    return (last?.seq ?? 0) + 1;
  }

  newestSeq(): number {
    return (statement(this.db, 'SELECT coalesce(max(seq), 0) AS seq FROM outbox').get() as { seq: number }).seq;
  }

  outboxHead(upTo: number, limit: number): OutboxRow[] {
    return statement(this.db, 'SELECT seq, entity, entity_id, op, fields, hlc FROM outbox WHERE seq <= ? ORDER BY seq LIMIT ?').all(upTo, limit) as OutboxRow[];
  }

  blobsToFetch(limit: number): string[] {
    return (statement(this.db, 'SELECT sha256 FROM sync_blob_downloads ORDER BY attempts, queued_at LIMIT ?').all(limit) as { sha256: string }[]).map((row) => row.sha256);
  }

  blobFetched(sha256: string): void {
    statement(this.db, 'DELETE FROM sync_blob_downloads WHERE sha256 = ?').run(sha256);
  }

  blobFailed(sha256: string, message: string): void {
    statement(this.db, 'UPDATE sync_blob_downloads SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?').run(message.slice(0, 500), sha256);
  }
}
