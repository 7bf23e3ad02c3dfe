import { AssetFilter, HARDWARE_TYPES } from '@shared/domain/assets';
import type { CheckScope, RunnableCheckKind } from '@shared/domain/checks';
import type { CredentialSpec } from '@shared/domain/credentials';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import type { AssetRow, AssetsRepo } from '../assets/assets.repo';
import type { CredentialsService } from '../credentials/credentials.service';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { statement } from '../store/statements';
import { JobFailure, resultError } from './check-failure';
import { planChecks, splitPings, type PingJob, type PlanCredential, type PlannedJob, type PlannedStep } from './check-plan';
import type { ProfileCatalog } from './check-profiles';
import { CheckRunsRepo } from './check-runs.repo';
import type { CheckSettingsService } from './check-settings.service';
import type { JobContext, CheckTuning } from './jobs/job-context';
import { PING_SWEEP_CHUNK, runHttp, runPingSweep, runTcp, type PingSweepTarget } from './jobs/probe-jobs';
import { runSnmp } from './jobs/snmp-job';
import { runSsh } from './jobs/ssh-job';
import { ProgressThrottle } from './progress-throttle';
import { buildResult } from './result-recorder';
import { ResultWriter } from './result-writer';
import { CheckError, SnmpSessions, type HostKeyPolicy } from './transports';
import { cancelledError } from './transports/check-error';
import type { Gate } from './runner/gate';
import type { WorkQueue } from './runner/work-queue';
import { linkedSignal } from './runner/linked-signal';

/*
 * A run: the checks of one asset, a selection, or everything under a client,
 * site, room or rack (a sweep).
 *
 * - `start` resolves the scope, plans every job (check-plan.ts), stores the
 *   run and returns {runId, total} at once; the jobs go on in the background.
 * - Every job goes through the one WorkQueue of core (shared by all runs and
 *   by configuration backups), so its limits hold across everything that
 *   talks to devices: a global cap, per kind (16 SSH sessions, of which at
 *   most 8 logging in at once, the handshake gate: sshd's MaxStartups), per
 *   host (2: the VTY lines of a switch). A queue per
 *   run would let two sweeps of the same room double every limit. Each run
 *   has its own AbortController instead, linked to each job's queue signal (runner/linked-signal.ts).
 * - Each result is written through the write path as soon as its step is
 *   done: the results (and run counts) that finish within 100 ms share
 *   one transaction (result-writer.ts), so a crash or a cancel keeps what
 *   finished and a sweep does not wait on one fsync per device; the run's
 *   last progress event comes after its last result is stored.
 * - Pings: all pings of a run with an address are one queue job (kind
 *   'ping', host 'sweep:<runId>') calling pingSweep once per chunk of
 *   PING_SWEEP_CHUNK addresses (one fping process each), not one job and one
 *   process per asset. Each asset still gets its own ping result, stored as
 *   soon as its chunk returns.
 * - Progress: task.progress {taskId: runId, done, total} per finished job
 *   (total counts planned jobs, not steps: an asset's ping counts as one
 *   even though the run's pings share one queue job; its chunk adds one per
 *   asset when it is stored), and records.changed for checkResult and
 *   checkRun, at most `progressPerSecond` times a second, always once at the end.
 * - check_runs holds done / failed (planned jobs with a result that is error
 *   or failed) and the status: done, or cancelled by a person (finished results
 *   are kept; jobs not reached store nothing).
 * - Retries: a job is tried again (backoff with jitter) only when it failed
 *   before doing anything and the failure may pass by itself (timeout,
 *   unreachable, refused: a device rebooting, sshd dropping a handshake).
 *   In a ping sweep a single address's failure (a name that does not
 *   resolve) is that asset's result, not a failure of the job: not retried.
 */

export interface CheckRunnerDeps {
  store: LocalStore;
  events: EventBus;
  now: () => number;
  actor: () => Profile | null;
  assets: AssetsRepo;
  settings: CheckSettingsService;
  credentials: CredentialsService;
  profiles: ProfileCatalog;
  hostKeyPolicy: HostKeyPolicy;
  queue: WorkQueue;
  sshHandshakes: Gate;
  tuning: CheckTuning;
}

interface ActiveRun {
  id: string;
  label: string;
  total: number;
  done: number;
  failed: number;
  settled: number;
  cancelled: boolean;
  controller: AbortController;
  sessions: SnmpSessions;
  /** Credentials this run has decrypted, by id: each once, on first use; dropped when the run ends. */
  revealed: Map<string, CredentialSpec>;
  progress: ProgressThrottle;
  finished: Promise<void>;
  resolveFinished: () => void;
}

/** Assets a sweep leaves out: retired equipment is off the network. */
const SWEPT_STATUSES = ['in-use', 'spare', 'faulty'] as const;

export class CheckRunner {
  private readonly runs: CheckRunsRepo;
  private readonly writer: ResultWriter;
  private readonly active = new Map<string, ActiveRun>();

  constructor(private readonly deps: CheckRunnerDeps) {
    this.runs = new CheckRunsRepo(deps.store.db);
    this.writer = new ResultWriter(deps.store, (error, lost) => {
      // The store went away (core closing) or refused the rows: the runs cannot keep them, the others go on.
      process.stderr.write(`walkdown checks: ${lost} results not stored: ${(error as Error).message}\n`);
    });
    // Runs a previous process left behind will never finish.
    this.runs.endOrphans(deps.now());
  }

  start(scope: CheckScope, kinds: readonly RunnableCheckKind[]): { runId: string; total: number } {
    if (!this.deps.actor()) throw new AppError('profile.required', 'Set your name and role before running checks: results are signed with it');
    const profiles = this.deps.profiles.get();
    const { assets, label } = this.resolve(scope);
    const uniqueKinds = [...new Set(kinds)];
    const credentialsOf = this.credentialsByAsset();
    const jobs = assets.flatMap((row) =>
      planChecks({
        asset: { id: row.id, name: row.name },
        settings: this.deps.settings.forAsset(row),
        kinds: uniqueKinds,
        credentials: credentialsOf.get(row.id) ?? [],
        profiles,
      }),
    );

    const runId = newId();
    this.runs.create({ id: runId, label, kinds: uniqueKinds, total: jobs.length, startedAt: this.deps.now() });
    let resolveFinished = () => {};
    const run: ActiveRun = {
      id: runId,
      label,
      total: jobs.length,
      done: 0,
      failed: 0,
      settled: 0,
      cancelled: false,
      controller: new AbortController(),
      sessions: new SnmpSessions(),
      revealed: new Map(),
      progress: new ProgressThrottle(1000 / Math.max(1, this.deps.tuning.progressPerSecond), () => this.emitProgress(run)),
      finished: new Promise<void>((resolve) => (resolveFinished = resolve)),
      resolveFinished: () => resolveFinished(),
    };
    this.active.set(runId, run);
    run.progress.tick();
    if (jobs.length === 0) this.settle(run);
    // After the caller has its runId: results and events of fast jobs come after the answer.
    setImmediate(() => {
      const { pings, rest } = splitPings(jobs);
      if (pings.length > 0) this.launchPingSweep(run, pings);
      for (const job of rest) this.launch(run, job);
    });
    return { runId, total: jobs.length };
  }

  /** Stops a run: jobs in progress are aborted, jobs not started never start. Results already stored stay. */
  cancel(runId: string): { runId: string } {
    const run = this.active.get(runId);
    if (!run) {
      if (!this.runs.get(runId)) throw new AppError('check.not-found', `No check run ${runId}`, { details: { runId } });
      return { runId };
    }
    if (!run.cancelled) {
      run.cancelled = true;
      run.controller.abort(cancelledError({ runId }));
      // What finished before the cancel is kept.
      this.writer.flush();
      this.runs.finish(runId, 'cancelled', this.deps.now());
      run.progress.flush();
      run.progress.stop();
    }
    return { runId };
  }

  /** Resolves when the run has no job left running (at once for a run that is not active). For tests and shutdown. */
  settled(runId: string): Promise<void> {
    return this.active.get(runId)?.finished ?? Promise.resolve();
  }

  /** Cancels every run (core is closing or the store is being replaced). */
  close(): void {
    for (const runId of [...this.active.keys()]) this.cancel(runId);
    this.writer.flush();
  }

  /**
   * Each asset's credentials (without secrets) in credentials.list order (by
   * name), from one listing: a sweep plans hundreds of assets, and one query
   * per asset cost more than the checks of a fast device.
   */
  private credentialsByAsset(): Map<string, PlanCredential[]> {
    const byAsset = new Map<string, PlanCredential[]>();
    for (const credential of this.deps.credentials.list()) {
      for (const assetId of credential.assetIds) {
        const list = byAsset.get(assetId);
        if (list) list.push({ id: credential.id, kind: credential.kind });
        else byAsset.set(assetId, [{ id: credential.id, kind: credential.kind }]);
      }
    }
    return byAsset;
  }

  private resolve(scope: CheckScope): { assets: AssetRow[]; label: string } {
    const repo = this.deps.assets;
    if ('assetIds' in scope) {
      const ids = [...new Set(scope.assetIds)];
      const rows = repo.byIds(ids);
      const missing = ids.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length > 0) throw new AppError('assets.not-found', `${missing.length} of the assets to check do not exist (or were deleted)`, { details: { missing: missing.slice(0, 50) } });
      const first = rows[0] as AssetRow;
      return { assets: rows, label: rows.length === 1 ? first.name : `${first.name} +${rows.length - 1}` };
    }
    const { kind, id } = scope.location;
    const table = { client: 'clients', site: 'sites', room: 'rooms', rack: 'racks' }[kind];
    const location = statement(this.deps.store.db, `SELECT name FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as { name: string } | undefined;
    if (!location) throw new AppError('locations.not-found', `No ${kind} ${id}`, { details: { kind, id } });
    const filter = AssetFilter.parse({ location: { kind, id }, types: [...HARDWARE_TYPES], statuses: [...SWEPT_STATUSES] });
    const assets = [...repo.iterate({ filter, sort: { field: 'name', direction: 'asc' }, warrantyCutoff: '' })];
    return { assets, label: location.name };
  }

  /** The context a job of one asset records its steps through; `problem()` says whether one was error or failed. */
  private jobContext(run: ActiveRun, job: PlannedJob): { ctx: JobContext; problem: () => boolean; fillRemaining: (error: unknown) => void } {
    const recorded = new Set<string>();
    let problem = false;
    const ctx: JobContext = {
      runId: run.id,
      assetId: job.asset.id,
      tuning: this.deps.tuning,
      now: this.deps.now,
      credential: (id) => {
        let spec = run.revealed.get(id);
        if (!spec) {
          spec = this.deps.credentials.reveal(id).spec;
          run.revealed.set(id, spec);
        }
        return spec;
      },
      hostKeyPolicy: this.deps.hostKeyPolicy,
      sshHandshakes: this.deps.sshHandshakes,
      snmpSessions: run.sessions,
      record: (step, draft) => {
        const key = `${step.profileId}\u0000${step.step}`;
        if (recorded.has(key)) return null;
        recorded.add(key);
        const result = buildResult({ ...draft, runId: run.id, assetId: job.asset.id, kind: job.kind, target: draft.target ?? step.target, profileId: step.profileId, step: step.step });
        this.writer.add(result);
        if (result.status === 'error' || result.status === 'failed') problem = true;
        return result;
      },
    };
    const fillRemaining = (error: unknown) => {
      const failure = resultError(error);
      for (const step of job.steps) {
        const at = this.deps.now();
        ctx.record(step, { method: null, rawOutput: '', parsed: null, metrics: {}, error: failure, durationMs: 0, startedAt: at, finishedAt: at });
      }
    };
    return { ctx, problem: () => problem, fillRemaining };
  }

  private launch(run: ActiveRun, job: PlannedJob): void {
    const { ctx, problem, fillRemaining } = this.jobContext(run, job);
    if (job.work.type === 'unavailable') {
      fillRemaining(new AppError(job.work.code, job.work.message));
      this.jobDone(run, { counted: true, units: 1, problems: problem() ? 1 : 0 });
      return;
    }
    void this.deps.queue
      .add({
        kind: job.kind,
        host: job.host,
        timeoutMs: this.jobTimeoutMs(job),
        run: async (signal) => {
          const linked = linkedSignal([signal, run.controller.signal]);
          try {
            await this.execute(job, ctx, linked.signal);
          } finally {
            linked.release();
          }
        },
      })
      .then(
        (outcome) => {
          const cancelled = !outcome.ok && (run.cancelled || resultError(outcome.error).code === 'check.cancelled');
          if (!outcome.ok && !cancelled) fillRemaining(outcome.error);
          this.jobDone(run, { counted: !cancelled, units: 1, problems: problem() ? 1 : 0 });
        },
        (error: unknown) => {
          process.stderr.write(`walkdown checks: job failed unexpectedly: ${(error as Error).message}\n`);
          this.jobDone(run, { counted: true, units: 1, problems: 1 });
        },
      );
  }

  /**
   * Every ping of the run as one queue job. Each asset counts as one
   * finished job when its chunk is stored; when the job fails part-way the
   * assets not reached get its error (or, cancelled, nothing).
   */
  private launchPingSweep(run: ActiveRun, pings: readonly PingJob[]): void {
    type Item = PingSweepTarget & { problem: () => boolean; fillRemaining: (error: unknown) => void; counted: boolean };
    const items: Item[] = pings.map((job) => ({ ...this.jobContext(run, job), step: job.steps[0] as PlannedStep, address: job.work.address, counted: false }));
    const finish = (done: readonly Item[], counted: boolean) => {
      const fresh = done.filter((item) => !item.counted);
      if (fresh.length === 0) return;
      for (const item of fresh) item.counted = true;
      this.jobDone(run, { counted, units: fresh.length, problems: fresh.filter((item) => item.problem()).length });
    };
    void this.deps.queue
      .add({
        kind: 'ping',
        host: `sweep:${run.id}`,
        timeoutMs: this.pingSweepTimeoutMs(items.length),
        run: async (signal) => {
          const combined = linkedSignal([signal, run.controller.signal]);
          try {
            if (combined.signal.aborted) throw combined.signal.reason instanceof Error ? combined.signal.reason : cancelledError();
            await runPingSweep(items, combined.signal, (done) => finish(done, true));
          } finally {
            combined.release();
          }
        },
      })
      .then(
        (outcome) => {
          const cancelled = !outcome.ok && (run.cancelled || resultError(outcome.error).code === 'check.cancelled');
          if (!outcome.ok && !cancelled) for (const item of items) if (!item.counted) item.fillRemaining(outcome.error);
          finish(items, !cancelled);
        },
        (error: unknown) => {
          process.stderr.write(`walkdown checks: ping sweep failed unexpectedly: ${(error as Error).message}\n`);
          for (const item of items) if (!item.counted) item.fillRemaining(error);
          finish(items, true);
        },
      );
  }

  /** A backstop only: fping's own budget per chunk, or the system ping's (16 at a time) where fping cannot run. */
  private pingSweepTimeoutMs(addresses: number): number {
    const t = this.deps.tuning;
    const chunks = Math.ceil(addresses / PING_SWEEP_CHUNK);
    const perChunk = Math.min(addresses, PING_SWEEP_CHUNK);
    const fping = (t.pingCount - 1) * 250 + t.pingTimeoutMs + perChunk * t.pingCount + 5_000;
    const systemPing = Math.ceil(perChunk / 16) * ((t.pingCount - 1) * 1000 + 2 * t.pingTimeoutMs + 5_000);
    return chunks * (fping + systemPing) + 10_000;
  }

  private async execute(job: PlannedJob, ctx: JobContext, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : cancelledError();
    const step = job.steps[0] as PlannedStep;
    const work = job.work;
    switch (work.type) {
      case 'ping':
        // A run's pings go out as one sweep (launchPingSweep), never as a job of their own.
        return runPingSweep([{ ctx, step, address: work.address }], signal, () => {});
      case 'tcp':
        return runTcp(ctx, step, work.address, work.port, signal);
      case 'http':
        return runHttp(ctx, step, work.url, signal);
      case 'snmp':
        return runSnmp(ctx, job.steps, work.address, work.credentialId, work.profiles, signal);
      case 'ssh':
        return runSsh(ctx, job.steps, work, signal);
      case 'unavailable':
        throw new AppError(work.code, work.message);
    }
  }

  /** A backstop only: each transport has its own, shorter timeouts. */
  private jobTimeoutMs(job: PlannedJob): number {
    const t = this.deps.tuning;
    const slack = 10_000;
    switch (job.work.type) {
      case 'ping':
        return this.pingSweepTimeoutMs(1);
      case 'tcp':
        return t.tcpTimeoutMs + slack;
      case 'http':
        return t.httpTimeoutMs + slack;
      case 'snmp':
        return job.steps.length * (120_000 + (t.snmpSampleIntervalMs ?? 15_000)) + slack;
      case 'ssh':
        return t.sshReadyTimeoutMs + job.steps.length * t.sshCommandTimeoutMs + 2 * slack;
      default:
        return slack;
    }
  }

  /** `units` planned jobs have settled (one, or the assets of a ping sweep chunk); `problems` of them have an error or failed result. */
  private jobDone(run: ActiveRun, outcome: { counted: boolean; units: number; problems: number }): void {
    run.settled += outcome.units;
    if (outcome.counted && !run.cancelled) {
      run.done += outcome.units;
      run.failed += outcome.problems;
      this.writer.setProgress(run.id, run.done, run.failed);
      run.progress.tick();
    }
    if (run.settled >= run.total) this.settle(run);
  }

  private settle(run: ActiveRun): void {
    this.active.delete(run.id);
    run.revealed.clear();
    if (!run.cancelled) {
      this.writer.flush();
      try {
        this.runs.finish(run.id, 'done', this.deps.now());
      } catch {
        // The store is closing.
      }
      run.progress.flush();
    }
    run.progress.stop();
    void run.sessions.close().finally(() => run.resolveFinished());
  }

  private emitProgress(run: ActiveRun): void {
    this.deps.events.emit('task.progress', { taskId: run.id, label: run.label, done: run.done, total: run.total });
    this.deps.events.emit('records.changed', { entities: ['checkResult', 'checkRun'] });
  }
}

/** The retry rule of the check queue: only what failed before doing anything, and may pass by itself. */
export function retryableCheckFailure(error: unknown): boolean {
  if (error instanceof JobFailure) return error.retryable;
  return error instanceof CheckError && error.retryable;
}
