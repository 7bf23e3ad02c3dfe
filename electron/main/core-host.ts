import type { ErrorCode, Result } from '@shared/errors';
import {
  isEventMessage,
  isReplyMessage,
  type CallMessage,
  type CoreInitOptions,
  type InitMessage,
  type ShutdownMessage,
} from '../core/process/protocol';

/**
 * The part of Electron's UtilityProcess the host uses; an interface so the
 * supervision logic runs in unit tests without Electron.
 */
export interface CoreChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreHostOptions {
  fork: () => CoreChild;
  init: CoreInitOptions;
  onEvent: (name: string, payload: unknown) => void;
  /** Called once, when core has crashed more often than the restart budget allows. */
  onGiveUp: (lastExitCode: number) => void;
  /** Restarts allowed within `restartWindowMs` before giving up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long core may take to close the store on quit before it is killed. */
  shutdownGraceMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

type HostState = 'idle' | 'running' | 'stopping' | 'stopped' | 'failed';

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, retryable: false } };
}

/**
 * Runs core in a child process and relays calls to it by request id.
 *
 * Calls never time out: long work (imports, sweeps, sync) reports progress
 * through events instead, and a deadline here would only turn slow-but-fine
 * work into a false failure. What ends a call early is the process dying: its
 * calls then fail (not retryable, since a write may or may not have been
 * committed) and core is started again, a bounded number of times, because a
 * core that crashes on every start would otherwise spin forever.
 */
export class CoreHost {
  private child: CoreChild | null = null;
  private state: HostState = 'idle';
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private crashTimes: number[] = [];
  private stopping: Promise<void> | null = null;
  private readonly maxRestarts: number;
  private readonly restartWindowMs: number;
  private readonly shutdownGraceMs: number;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: CoreHostOptions) {
    this.maxRestarts = options.maxRestarts ?? 3;
    this.restartWindowMs = options.restartWindowMs ?? 60_000;
    this.shutdownGraceMs = options.shutdownGraceMs ?? 3_000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => process.stderr.write(`${message}\n`));
  }

  start(): void {
    if (this.state === 'idle') this.spawn();
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    const child = this.child;
    if (this.state === 'failed') {
      return Promise.resolve(failure('api.transport-failed', 'The Walkdown core process stopped repeatedly and was not restarted'));
    }
    if (this.state !== 'running' || !child) {
      return Promise.resolve(failure('api.transport-failed', 'The Walkdown core process is not running (the app is starting or quitting)'));
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        child.postMessage({ id, method, input } satisfies CallMessage);
      } catch (error) {
        this.pending.delete(id);
        resolve(failure('api.transport-failed', `The request could not be sent to core: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  /** Asks core to close the store and exit; kills it if it has not exited within the grace period. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    const child = this.child;
    if (this.state !== 'running' || !child) {
      this.state = 'stopped';
      return Promise.resolve();
    }
    this.state = 'stopping';
    this.failPending('api.transport-failed', 'Walkdown is quitting');
    this.stopping = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.log('core did not exit in time; killing it');
        child.kill();
        resolve();
      }, this.shutdownGraceMs);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        child.postMessage({ shutdown: true } satisfies ShutdownMessage);
      } catch {
        child.kill();
      }
    });
    return this.stopping;
  }

  /** Last resort when the app exits without waiting for stop(). */
  kill(): void {
    this.state = 'stopped';
    this.child?.kill();
    this.child = null;
  }

  private spawn(): void {
    let child: CoreChild;
    try {
      child = this.options.fork();
    } catch (error) {
      // Forking fails the same way every time (a missing file, say): restarting cannot help.
      this.log(`could not start core: ${error instanceof Error ? error.message : String(error)}`);
      this.giveUp(-1);
      return;
    }
    this.child = child;
    this.state = 'running';
    child.on('message', (message) => this.receive(child, message));
    child.on('exit', (code) => this.exited(child, code));
    child.postMessage({ init: this.options.init } satisfies InitMessage);
  }

  private receive(child: CoreChild, message: unknown): void {
    if (child !== this.child) return;
    if (isReplyMessage(message)) {
      if (message.id === null) {
        this.log(`core rejected a malformed request: ${JSON.stringify(message.result)}`);
        return;
      }
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (isEventMessage(message)) {
      this.options.onEvent(message.event, message.payload);
    } else {
      this.log('ignored a malformed message from core');
    }
  }

  private exited(child: CoreChild, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    if (this.state === 'stopping' || this.state === 'stopped') {
      this.state = 'stopped';
      return;
    }
    this.failPending('api.transport-failed', `The Walkdown core process stopped (exit code ${code}) before answering; the request may or may not have been applied`);
    const now = this.now();
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < this.restartWindowMs), now];
    if (this.crashTimes.length > this.maxRestarts) {
      this.log(`core stopped ${this.crashTimes.length} times within ${this.restartWindowMs / 1000} s; not restarting it`);
      this.giveUp(code);
      return;
    }
    this.log(`core stopped unexpectedly (exit code ${code}); restarting it`);
    this.spawn();
  }

  private giveUp(code: number): void {
    this.state = 'failed';
    this.failPending('api.transport-failed', 'The Walkdown core process could not be started');
    this.options.onGiveUp(code);
  }

  private failPending(code: ErrorCode, message: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(failure(code, message));
  }
}
