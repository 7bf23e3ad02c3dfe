import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SyncConflict, SyncState, SyncStatus } from '@shared/api/sync.contract';
import type { Profile } from '@shared/domain/profile';
import { AppError, toApiError } from '@shared/errors';
import { SYNC_LIMITS } from '@shared/sync/limits';
import { EnrolmentCode, EnrolResponse, PullResponse, SessionResponse, SYNC_ROUTES } from '@shared/sync/messages';
import { ATTACHMENTS_FOLDER } from '../attachments/attachments.service';
import { BlobStore } from '../attachments/blob-store';
import { Vault, VaultDecryptError } from '../credentials/vault';
import type { EventBus } from '../events/event-bus';
import type { LocalStore } from '../store/local-store';
import type { BackoffPolicy } from './backoff';
import { downloadBlob } from './blob-transfer';
import { ConflictLog } from './conflicts';
import { applyPullPage, retryParked, type PullApplyContext } from './pull-apply';
import { pushOutbox } from './push-outbox';
import { normaliseServerUrl } from './server-url';
import { SyncHttp, type FetchLike } from './sync-http';
import { SyncScheduler, type CycleOutcome } from './sync-scheduler';
import { SyncStateRepo, type SyncStateRow } from './sync-state.repo';

export interface SyncServiceDeps {
  store: LocalStore;
  events: EventBus;
  dataDir: string;
  now: () => number;
  actor: () => Profile | null;
  /** The vault key unwrapped by Electron's safeStorage; the key file under the data directory otherwise. */
  vaultKey?: Buffer;
  fetch?: FetchLike;
  intervalMs?: number;
  debounceMs?: number;
  backoff?: BackoffPolicy;
  deviceName?: string;
}

/** The server refused this device for good: background sync waits for a new enrolment. */
const STOP_CODES = new Set(['sync.unauthorized', 'sync.revoked', 'sync.device-diverged']);
const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_DEBOUNCE_MS = 2_000;
const STATUS_DEBOUNCE_MS = 300;
const BLOBS_PER_RUN = 200;
const MAX_PULL_PAGES_PER_RUN = 100_000;

/**
 * The console's sync client (SYNC.md, issue 7): enrolment, push of the outbox,
 * pull into the store, attachment files both ways, the conflict log and the
 * background schedule. Work never waits for it: it runs beside the app, and
 * every failure ends up in the status (with its code), not in the way.
 */
export class SyncService {
  private readonly repo: SyncStateRepo;
  private readonly vault: Vault;
  private readonly blobs: BlobStore;
  private readonly conflictLog: ConflictLog;
  private readonly scheduler: SyncScheduler;
  private readonly abort = new AbortController();
  private readonly unsubscribe: () => void;
  private statusTimer: NodeJS.Timeout | null = null;
  /** The clock drift last stored, so repeated answers with the same drift write nothing. */
  private lastDrift: { ms: number; at: number } | null = null;
  private emittingChanges = false;
  private closed = false;
  // Starts from the clock so a rebuilt service (after a restore) never counts below the one it replaces.
  private statusRevision = Date.now();

  constructor(private readonly deps: SyncServiceDeps) {
    this.repo = new SyncStateRepo(deps.store.db);
    this.vault = new Vault({ dataDir: deps.dataDir, providedKey: deps.vaultKey });
    this.blobs = new BlobStore(join(deps.dataDir, ATTACHMENTS_FOLDER));
    this.conflictLog = new ConflictLog(deps.store.db, deps.store.writePath, deps.store.deviceId, deps.now, deps.actor);
    this.scheduler = new SyncScheduler(() => this.cycle(), {
      intervalMs: deps.intervalMs ?? envNumber('WALKDOWN_SYNC_INTERVAL_MS') ?? DEFAULT_INTERVAL_MS,
      debounceMs: deps.debounceMs ?? DEFAULT_DEBOUNCE_MS,
      backoff: deps.backoff,
      now: deps.now,
      onChange: () => this.emitStatus(),
    });
    // Local writes: push soon, and let the top bar show the new pending count.
    this.unsubscribe = deps.events.on((name) => {
      if (name !== 'records.changed' || this.emittingChanges || this.closed) return;
      this.scheduler.poke();
      this.statusSoon();
    });
    if (this.isEnrolled(this.repo.get())) this.scheduler.start();
  }

  status(): SyncStatus {
    const row = this.repo.get();
    const enrolled = this.isEnrolled(row);
    const drift = row.clock_drift_ms;
    return {
      revision: ++this.statusRevision,
      state: this.state(row, enrolled),
      enrolled,
      serverUrl: row.server_url,
      deviceId: this.deps.store.deviceId,
      deviceName: row.device_name,
      user: row.user_id && row.user_name && row.user_role ? { id: row.user_id, name: row.user_name, role: row.user_role } : null,
      pending: this.repo.pendingCount(),
      setAside: this.repo.setAsideCount(),
      waiting: this.repo.parkedCount(),
      conflicts: this.conflictLog.openCount(),
      lastAttemptAt: row.last_attempt_at,
      lastSuccessAt: row.last_success_at,
      lastError:
        row.last_error_code && row.last_error_at !== null ? { code: row.last_error_code, message: row.last_error_message ?? '', at: row.last_error_at } : null,
      clockDriftMs: drift,
      driftWarning: drift !== null && Math.abs(drift) > SYNC_LIMITS.clockDriftWarningMs,
      nextAttemptAt: enrolled ? this.scheduler.nextAt : null,
    };
  }

  /**
   * Exchanges a one-time code for a device token. The token is sealed with the
   * vault key at once (AES-256-GCM, bound to this device id) and never leaves
   * core again except in the Authorization header to this same server.
   */
  async enrol(input: { serverUrl: string; code: string; deviceName?: string }): Promise<SyncStatus> {
    const serverUrl = normaliseServerUrl(input.serverUrl);
    const code = EnrolmentCode.safeParse(input.code);
    if (!code.success) throw new AppError('sync.enrolment-invalid', 'An enrolment code looks like ABCD-EFGH-JKMN-PQRS');
    const deviceId = this.deps.store.deviceId;
    const deviceName = input.deviceName ?? this.deps.deviceName ?? (hostname().slice(0, 100) || 'Walkdown');
    const answer = await this.http(serverUrl).json('POST', SYNC_ROUTES.enrol, EnrolResponse, {
      code: code.data,
      deviceId,
      deviceName,
      nextSeq: this.repo.firstUnpushedSeq(),
    });
    if (answer.deviceId !== deviceId) throw new AppError('sync.bad-response', 'The server enrolled another device id than this one');
    this.repo.enrol({
      serverUrl,
      deviceName,
      token: this.vault.encrypt(answer.token, tokenAad(deviceId)),
      tokenKeyCheck: this.vault.keyCheck(),
      user: answer.user,
      scope: answer.scope,
      acknowledgedSeq: answer.acknowledgedSeq,
      at: this.deps.now(),
    });
    this.scheduler.start();
    this.emitStatus();
    return this.status();
  }

  /** One run now (after the one in progress); failures land in the status. */
  async syncNow(): Promise<SyncStatus> {
    if (!this.isEnrolled(this.repo.get())) throw new AppError('sync.not-enrolled', 'Enrol this console with a sync server first');
    const outcome = await this.scheduler.runNow();
    // A manual run that worked brings background sync back (after a server that said "revoked" was fixed, say).
    if (outcome.ok && !this.scheduler.isEnabled) this.scheduler.start();
    return this.status();
  }

  forget(): SyncStatus {
    this.scheduler.stop();
    this.repo.forget();
    this.emitStatus();
    return this.status();
  }

  conflicts(input: { includeResolved: boolean; limit: number }): SyncConflict[] {
    return this.conflictLog.list(input);
  }

  resolveConflict(input: { id: string; keep: 'local' | 'remote' }): SyncConflict {
    const resolved = this.conflictLog.resolve(input.id, input.keep);
    this.changed(['conflict', resolved.entity]);
    this.scheduler.poke();
    this.emitStatus();
    return resolved;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.close();
    this.abort.abort();
    this.unsubscribe();
    if (this.statusTimer) clearTimeout(this.statusTimer);
  }

  // ------------------------------------------------------------ one run

  private async cycle(): Promise<CycleOutcome> {
    const row = this.repo.get();
    if (!this.isEnrolled(row)) return { ok: false, stop: true };
    const enrolledAt = row.enrolled_at;
    try {
      const http = this.http(row.server_url as string, this.openToken(row));
      this.repo.recordAttempt(this.deps.now());
      await this.refreshSession(http);
      const pushed = await pushOutbox({
        db: this.deps.store.db,
        writePath: this.deps.store.writePath,
        repo: this.repo,
        http,
        blobs: this.blobs,
        deviceId: this.deps.store.deviceId,
        now: this.deps.now,
        onProgress: (done, total) => this.progress('push', done, total),
      });
      if (pushed.setAside > 0) this.changed(['*']);
      await this.pull(http);
      await this.fetchBlobs(http);
      if (!this.stillEnrolled(enrolledAt)) return { ok: false, stop: true };
      this.repo.recordSuccess(this.deps.now());
      return { ok: true };
    } catch (error) {
      if (this.closed || !this.deps.store.db.open || !this.stillEnrolled(enrolledAt)) return { ok: false, stop: true };
      const apiError = toApiError(error);
      this.repo.recordError(apiError, this.deps.now(), apiError.code !== 'sync.unreachable');
      const retryAfterMs = (apiError.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
      return { ok: false, stop: STOP_CODES.has(apiError.code), retryAfterMs: typeof retryAfterMs === 'number' ? retryAfterMs : undefined };
    }
  }

  /** Who the server says this device is: a role or name changed by an admin shows here. A revoked device stops at this request. */
  private async refreshSession(http: SyncHttp): Promise<void> {
    const session = await http.json('GET', SYNC_ROUTES.session, SessionResponse);
    this.repo.recordSession(session.user, session.scope);
  }

  private async pull(http: SyncHttp): Promise<void> {
    const context = this.applyContext();
    let resets = 0;
    for (let page = 0; page < MAX_PULL_PAGES_PER_RUN; page += 1) {
      const state = this.repo.get();
      // The clock stored with the cursor: edits stamped after it were made once everything up to the cursor was here.
      const clock = state.cursor_clock ?? this.deps.store.writePath.receiveRemote([], this.deps.now(), this.deps.store.deviceId);
      const answer = await http.json('POST', SYNC_ROUTES.pull, PullResponse, { cursor: state.cursor, clock, limit: SYNC_LIMITS.pullDefaultLimit });
      if (answer.reset) {
        // The user's scope or role changed: everything again from the start (applying it twice changes nothing).
        resets += 1;
        if (resets > 2) throw new AppError('sync.bad-response', 'The server keeps asking for a pull from the start');
        this.repo.setCursor(0, null);
        continue;
      }
      const outcome = applyPullPage(context, { changes: answer.changes, cursor: answer.cursor });
      this.changed([...outcome.entities]);
      this.progress('pull', page + 1, null);
      // The server learns how far this console got only from the next request (its cursor and clock). Until it
      // knows, an edit made now would look concurrent with what was just pulled and log a false conflict: so
      // pull once more, until an answer brings nothing new.
      if (!answer.hasMore && answer.changes.length === 0 && answer.cursor === state.cursor) break;
    }
    const retried = retryParked(context);
    this.changed([...retried.entities]);
  }

  private async fetchBlobs(http: SyncHttp): Promise<void> {
    let fetched = 0;
    for (const sha256 of this.repo.blobsToFetch(BLOBS_PER_RUN)) {
      try {
        if (!this.blobs.has(sha256)) await downloadBlob(http, this.blobs, sha256);
        this.repo.blobFetched(sha256);
        fetched += 1;
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'sync.unreachable' || STOP_CODES.has(apiError.code)) throw error;
        // Not readable yet or damaged on the way: tried again next run, the rest go on.
        this.repo.blobFailed(sha256, `${apiError.code}: ${apiError.message}`);
      }
    }
    if (fetched > 0) this.changed(['attachment']);
  }

  // ------------------------------------------------------------ helpers

  private applyContext(): PullApplyContext {
    return {
      db: this.deps.store.db,
      writePath: this.deps.store.writePath,
      deviceId: this.deps.store.deviceId,
      now: this.deps.now,
      hasBlob: (sha256) => this.blobs.has(sha256),
    };
  }

  private http(baseUrl: string, token?: string): SyncHttp {
    return new SyncHttp({
      baseUrl,
      token,
      now: this.deps.now,
      fetch: this.deps.fetch,
      signal: this.abort.signal,
      onServerTime: (driftMs) => {
        if (this.closed || !this.deps.store.db.open) return;
        // Every answer carries the server's time; storing each one was a durable write (an fsync) per request,
        // most of the console's time in a long push. Store a drift that moved by a second, or once a minute.
        const now = this.deps.now();
        const last = this.lastDrift;
        if (last && Math.abs(driftMs - last.ms) < 1000 && now - last.at < 60_000) return;
        this.lastDrift = { ms: driftMs, at: now };
        this.repo.recordDrift(driftMs, now);
      },
    });
  }

  private openToken(row: SyncStateRow): string {
    if (!row.token || row.token_key_check !== this.vault.keyCheck()) {
      throw new AppError('sync.unauthorized', 'The device token was sealed with another vault key (another laptop, or a reset keychain); enrol again');
    }
    try {
      return this.vault.decrypt(row.token, tokenAad(this.deps.store.deviceId));
    } catch (error) {
      if (error instanceof VaultDecryptError) throw new AppError('sync.unauthorized', 'The device token cannot be decrypted; enrol again');
      throw error;
    }
  }

  private isEnrolled(row: SyncStateRow): boolean {
    return row.server_url !== null && row.token !== null;
  }

  private stillEnrolled(enrolledAt: number | null): boolean {
    const row = this.repo.get();
    return this.isEnrolled(row) && row.enrolled_at === enrolledAt;
  }

  private state(row: SyncStateRow, enrolled: boolean): SyncState {
    if (!enrolled) return 'not-enrolled';
    if (this.scheduler.isRunning) return 'syncing';
    const code = row.last_error_code;
    if (code) return STOP_CODES.has(code) ? 'stopped' : code === 'sync.unreachable' ? 'offline' : 'error';
    return row.last_success_at !== null ? 'online' : 'offline';
  }

  /** records.changed for what a pull applied; marked so our own listener does not take it for a local write. */
  private changed(entities: string[]): void {
    if (entities.length === 0 || this.closed) return;
    this.emittingChanges = true;
    try {
      this.deps.events.emit('records.changed', { entities });
    } finally {
      this.emittingChanges = false;
    }
  }

  private progress(label: 'push' | 'pull', done: number, total: number | null): void {
    if (this.closed) return;
    this.deps.events.emit('task.progress', { taskId: 'sync', label, done, total });
  }

  private emitStatus(): void {
    if (this.closed || !this.deps.store.db.open) return;
    this.deps.events.emit('sync.status', this.status());
  }

  private statusSoon(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.emitStatus();
    }, STATUS_DEBOUNCE_MS);
    this.statusTimer.unref?.();
  }
}

/** Binds the sealed token to this device: copied onto another laptop's store, it does not decrypt. */
function tokenAad(deviceId: string): string {
  return `walkdown sync token ${deviceId}`;
}

function envNumber(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
