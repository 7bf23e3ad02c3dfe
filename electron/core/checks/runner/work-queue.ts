import { linkedSignal } from './linked-signal';

/**
 * The one queue every device check goes through. Limits are what keep a sweep
 * of a machine room from tripping the devices themselves: real sshd drops
 * handshakes past MaxStartups (10 by default), small switches answer SNMP
 * slowly when asked many things at once.
 */
export interface QueueLimits {
  /** Jobs running at once, all kinds together. */
  global: number;
  /** Jobs of one kind at once (e.g. ssh: 16 sessions). Kinds not listed share only the global limit. */
  perKind: Readonly<Record<string, number>>;
  /** Jobs against one host at once. */
  perHost: number;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Whether a failure is worth another attempt (a timeout is; a wrong password is not). */
  retryable(error: unknown): boolean;
}

export interface Job<T> {
  kind: string;
  host: string;
  /** Per attempt; the signal aborts on timeout or cancellation. */
  timeoutMs: number;
  run(signal: AbortSignal): Promise<T>;
}

export interface JobOutcome<T> {
  ok: boolean;
  value?: T;
  error?: unknown;
  attempts: number;
}

export const DEFAULT_LIMITS: QueueLimits = { global: 64, perKind: { ssh: 16, snmp: 64, http: 16, tcp: 64 }, perHost: 2 };
/**
 * SSH logins in progress at once (TCP connect, key exchange, authentication),
 * all SSH jobs together: sshd counts only connections not yet logged in
 * against MaxStartups (10 by default, past which it drops them), and one
 * sshd can stand behind many addresses (a console server, a host with
 * several IPs). A logged-in session does not count, so the queue's ssh
 * limit (16 sessions) can be the larger one. See runner/gate.ts.
 */
export const SSH_HANDSHAKES = 8;
export const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, retryable: () => false };

interface Pending {
  job: Job<unknown>;
  resolve(outcome: JobOutcome<unknown>): void;
}

export class TimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Runs jobs under the limits, with a timeout per attempt, retries with
 * exponential backoff and jitter, and cancellation of everything at once.
 * A job never rejects: its outcome says how it ended.
 */
export class WorkQueue {
  private readonly waiting: Pending[] = [];
  private running = 0;
  private readonly runningByKind = new Map<string, number>();
  private readonly runningByHost = new Map<string, number>();
  private readonly cancel = new AbortController();

  constructor(
    private readonly limits: QueueLimits = DEFAULT_LIMITS,
    private readonly retry: RetryPolicy = NO_RETRY,
    private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void> = abortableSleep,
    private readonly random: () => number = Math.random,
  ) {}

  get cancelled(): boolean {
    return this.cancel.signal.aborted;
  }

  add<T>(job: Job<T>): Promise<JobOutcome<T>> {
    if (this.cancelled) return Promise.resolve({ ok: false, error: new CancelledError(), attempts: 0 });
    return new Promise<JobOutcome<T>>((resolve) => {
      this.waiting.push({ job, resolve: resolve as (outcome: JobOutcome<unknown>) => void });
      this.pump();
    });
  }

  /** Stops everything: running jobs see their signal abort, waiting ones end as cancelled without running. */
  cancelAll(): void {
    if (this.cancelled) return;
    this.cancel.abort();
    for (const pending of this.waiting.splice(0)) pending.resolve({ ok: false, error: new CancelledError(), attempts: 0 });
  }

  private pump(): void {
    // The first waiting job whose kind and host have room goes next; others keep their place.
    for (let i = 0; i < this.waiting.length && this.running < this.limits.global; ) {
      const pending = this.waiting[i] as Pending;
      if (!this.hasRoom(pending.job)) {
        i += 1;
        continue;
      }
      this.waiting.splice(i, 1);
      this.start(pending);
    }
  }

  private hasRoom(job: Job<unknown>): boolean {
    const kindLimit = this.limits.perKind[job.kind];
    if (kindLimit !== undefined && (this.runningByKind.get(job.kind) ?? 0) >= kindLimit) return false;
    return (this.runningByHost.get(job.host) ?? 0) < this.limits.perHost;
  }

  private start(pending: Pending): void {
    const { job } = pending;
    this.running += 1;
    bump(this.runningByKind, job.kind, 1);
    bump(this.runningByHost, job.host, 1);
    void this.attempt(job).then((outcome) => {
      this.running -= 1;
      bump(this.runningByKind, job.kind, -1);
      bump(this.runningByHost, job.host, -1);
      pending.resolve(outcome);
      this.pump();
    });
  }

  private async attempt(job: Job<unknown>): Promise<JobOutcome<unknown>> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.cancelled) return { ok: false, error: new CancelledError(), attempts: attempt - 1 };
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new TimeoutError(job.timeoutMs)), job.timeoutMs);
      const { signal, release } = linkedSignal([this.cancel.signal, timeout.signal]);
      try {
        const value = await raceAbort(job.run(signal), signal);
        return { ok: true, value, attempts: attempt };
      } catch (error) {
        const failure = this.cancelled ? new CancelledError() : timeout.signal.aborted ? (timeout.signal.reason as TimeoutError) : error;
        const again = !this.cancelled && attempt < this.retry.attempts && this.retry.retryable(failure);
        if (!again) return { ok: false, error: failure, attempts: attempt };
        const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        // Full jitter: retries of a whole room do not arrive at the devices in step.
        await this.sleep(Math.round(delay * this.random()), this.cancel.signal).catch(() => undefined);
      } finally {
        clearTimeout(timer);
        release();
      }
    }
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** A job that ignores its signal still ends when the signal aborts; its late answer is dropped. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
