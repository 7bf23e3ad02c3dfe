import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';

export type CycleOutcome =
  | { ok: true }
  /** `stop`: the server refused this device for good; background sync waits for a new enrolment. */
  | { ok: false; stop?: boolean; retryAfterMs?: number };

export interface SchedulerOptions {
  /** Between successful runs. */
  intervalMs: number;
  /** After a local write, wait this long for more before pushing. */
  debounceMs: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Wall clock for `nextAt` (what the status shows). */
  now?: () => number;
  /** Told after every run and whenever the next run moves. */
  onChange?: () => void;
}

/**
 * When background sync runs: every `intervalMs` while things go well, soon
 * after a local write, and after failures at growing, jittered intervals
 * (backoff.ts). One run at a time: `runNow` waits for the running one, then
 * runs again. Timers are unref'd and everything is asynchronous, so nothing
 * here holds up the app or keeps the process alive; `close` ends it for good.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private dueAt: number | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private running = false;
  private enabled = false;
  private closed = false;
  private failures = 0;
  /** A local write arrived during a run: the next run comes after the debounce, not the full interval. */
  private dirty = false;

  constructor(
    private readonly cycle: () => Promise<CycleOutcome>,
    private readonly options: SchedulerOptions,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Epoch ms of the next background run, or null. */
  get nextAt(): number | null {
    return this.dueAt;
  }

  /** Background sync on, first run at once. */
  start(): void {
    if (this.closed) return;
    this.enabled = true;
    this.failures = 0;
    this.schedule(0, true);
  }

  /** Background sync off (un-enrolled, or refused for good); `runNow` still works. */
  stop(): void {
    this.enabled = false;
    this.clearTimer();
    this.options.onChange?.();
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  /** A local write: run soon, unless a run is already due sooner or failures asked for patience. */
  poke(): void {
    if (!this.enabled || this.closed || this.failures > 0) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.schedule(this.options.debounceMs, false);
  }

  /** Runs once now (after the run in progress) and resolves with its outcome. */
  runNow(): Promise<CycleOutcome> {
    if (this.closed) return Promise.resolve({ ok: false });
    const run = this.chain.then(() => this.runOnce());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async runOnce(): Promise<CycleOutcome> {
    if (this.closed) return { ok: false };
    this.clearTimer();
    this.running = true;
    this.dirty = false;
    this.options.onChange?.();
    let outcome: CycleOutcome;
    try {
      outcome = await this.cycle();
    } catch {
      outcome = { ok: false };
    }
    this.running = false;
    if (outcome.ok) {
      this.failures = 0;
      this.schedule(this.dirty ? this.options.debounceMs : this.options.intervalMs, true);
    } else if (outcome.stop) {
      this.enabled = false;
    } else {
      this.failures += 1;
      const delay = Math.max(backoffDelay(this.failures, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random), outcome.retryAfterMs ?? 0);
      this.schedule(delay, true);
    }
    this.options.onChange?.();
    return outcome;
  }

  /** `replace`: set the next run to exactly this delay; otherwise only bring it forward. */
  private schedule(delayMs: number, replace: boolean): void {
    if (!this.enabled || this.closed) return;
    const now = this.options.now?.() ?? Date.now();
    const due = now + delayMs;
    if (!replace && this.dueAt !== null && this.dueAt <= due) return;
    this.clearTimer();
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      void this.runNow();
    }, delayMs);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
  }
}
