import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';

/** What a job's work gets: where to write, how to report progress, and whether to stop. */
export interface ExportJob {
  readonly taskId: string;
  /** A fresh, empty file path reserved for this job (its directory exists); write the result here. */
  readonly filePath: string;
  /** A directory only this job uses, for anything else it writes; removed with the job. */
  readonly workDir: string;
  readonly signal: AbortSignal;
  /** Reports progress; events are throttled, so calling it per row is fine. */
  progress(done: number, total: number | null): void;
  /**
   * Gives the event loop a turn (other API calls answer meanwhile) and throws
   * if the job was cancelled. Call it between chunks of rows.
   */
  yield(): Promise<void>;
}

/** What the work returns once it has written `job.filePath`. */
export interface ExportJobOutput {
  fileName: string;
  mimeType: string;
  /** Data rows written (or pages, for a report); shown to the user. */
  rows: number;
}

export type ExportWork = (job: ExportJob) => Promise<ExportJobOutput>;

export type ExportTaskState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportTaskStatus {
  taskId: string;
  label: string;
  state: ExportTaskState;
  done: number;
  total: number | null;
  startedAt: number;
  finishedAt: number | null;
  /** Set when state is 'done'. */
  file: { fileName: string; mimeType: string; size: number; rows: number } | null;
  /** Set when state is 'failed'. */
  error: { code: string; message: string } | null;
}

interface Task {
  status: ExportTaskStatus;
  controller: AbortController;
  dir: string;
  filePath: string;
  finished: Promise<void>;
  lastEmit: number;
}

export interface ExportJobsOptions {
  events: EventBus;
  /** Files are made under <dataDir>/exports/<taskId>/. */
  dataDir: string;
  now?: () => number;
  /** Finished files nobody fetched are deleted after this long. */
  keepFinishedMs?: number;
  /** Minimum gap between two task.progress events of one task. */
  progressIntervalMs?: number;
}

const DEFAULT_KEEP_MS = 60 * 60 * 1000;
/** Largest slice `read` hands out at once: big enough to be quick, small enough to stay a modest JSON message. */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

/**
 * Runs long exports off the request path: `start` returns a task id at once,
 * the work writes a file under the data directory while reporting
 * `task.progress`, and the renderer fetches the finished file in slices
 * (never one huge message). Cancelling or failing removes whatever the job
 * wrote. Reused by every domain that produces files (records, service reports).
 */
export class ExportJobs {
  private readonly tasks = new Map<string, Task>();
  private readonly root: string;
  private readonly now: () => number;
  private readonly keepMs: number;
  private readonly progressIntervalMs: number;
  private readonly events: EventBus;

  constructor(options: ExportJobsOptions) {
    this.events = options.events;
    this.root = join(options.dataDir, 'exports');
    this.now = options.now ?? Date.now;
    this.keepMs = options.keepFinishedMs ?? DEFAULT_KEEP_MS;
    this.progressIntervalMs = options.progressIntervalMs ?? 200;
    this.removeLeftovers();
  }

  /** Starts `work` on a later turn of the event loop and returns its task id at once. */
  start(label: string, work: ExportWork): string {
    this.expireOld();
    const taskId = randomUUID();
    const dir = join(this.root, taskId);
    mkdirSync(dir, { recursive: true });
    const controller = new AbortController();
    const task: Task = {
      status: { taskId, label, state: 'running', done: 0, total: null, startedAt: this.now(), finishedAt: null, file: null, error: null },
      controller,
      dir,
      filePath: join(dir, 'output.part'),
      finished: Promise.resolve(),
      lastEmit: 0,
    };
    this.tasks.set(taskId, task);
    task.finished = this.run(task, work);
    return taskId;
  }

  /** Stops a running task (its files are deleted) or forgets a finished one. Unknown ids are ignored. */
  async cancel(taskId: string): Promise<ExportTaskStatus | null> {
    const task = this.tasks.get(taskId);
    if (!task) return null;
    if (task.status.state === 'running') {
      task.controller.abort();
      await task.finished;
    } else {
      this.release(taskId);
    }
    return { ...task.status };
  }

  status(taskId: string): ExportTaskStatus {
    return { ...this.task(taskId).status };
  }

  list(): ExportTaskStatus[] {
    return [...this.tasks.values()].map((task) => ({ ...task.status }));
  }

  /** Resolves when the task has stopped, whatever the outcome. */
  async settled(taskId: string): Promise<ExportTaskStatus> {
    const task = this.task(taskId);
    await task.finished;
    return { ...task.status };
  }

  /** Where the finished file is on disk (for core-side consumers and tests). */
  filePath(taskId: string): string {
    const task = this.task(taskId);
    if (task.status.state !== 'done') throw new AppError('exports.not-ready', `Export ${taskId} is ${task.status.state}`, { details: { state: task.status.state } });
    return task.filePath;
  }

  /** A slice of the finished file. */
  async read(taskId: string, offset: number, length: number = MAX_READ_BYTES): Promise<{ bytes: Buffer; size: number }> {
    const path = this.filePath(taskId);
    const size = statSync(path).size;
    const wanted = Math.max(0, Math.min(length, MAX_READ_BYTES, size - offset));
    const bytes = Buffer.alloc(wanted);
    if (wanted > 0) {
      const handle = await open(path, 'r');
      try {
        await handle.read(bytes, 0, wanted, offset);
      } finally {
        await handle.close();
      }
    }
    return { bytes, size };
  }

  /** Deletes a task's files and forgets it (after the renderer has the file). */
  release(taskId: string): void {
    const task = this.tasks.get(taskId);
    if (!task) return;
    if (task.status.state === 'running') task.controller.abort();
    else {
      this.tasks.delete(taskId);
      rmSync(task.dir, { recursive: true, force: true });
    }
  }

  /** Cancels everything (the store is closing). */
  async close(): Promise<void> {
    const running = [...this.tasks.values()].filter((task) => task.status.state === 'running');
    for (const task of running) task.controller.abort();
    await Promise.all(running.map((task) => task.finished));
  }

  private async run(task: Task, work: ExportWork): Promise<void> {
    // The caller gets its task id before any work happens.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { status, controller } = task;
    const job: ExportJob = {
      taskId: status.taskId,
      filePath: task.filePath,
      workDir: task.dir,
      signal: controller.signal,
      progress: (done, total) => {
        status.done = Math.max(0, Math.floor(done));
        status.total = total === null ? null : Math.max(0, Math.floor(total));
        const at = this.now();
        if (at - task.lastEmit >= this.progressIntervalMs) {
          task.lastEmit = at;
          this.emit(status);
        }
      },
      yield: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        throwIfAborted(controller.signal);
      },
    };
    try {
      throwIfAborted(controller.signal);
      const output = await work(job);
      throwIfAborted(controller.signal);
      const size = statSync(task.filePath).size;
      status.file = { fileName: output.fileName, mimeType: output.mimeType, size, rows: output.rows };
      status.state = 'done';
      if (status.total !== null) status.done = status.total;
    } catch (error) {
      // Whatever the job wrote is incomplete: remove it all.
      rmSync(task.dir, { recursive: true, force: true });
      if (controller.signal.aborted) {
        status.state = 'cancelled';
      } else {
        status.state = 'failed';
        status.error = error instanceof AppError ? { code: error.code, message: error.message } : { code: 'internal.error', message: (error as Error)?.message ?? String(error) };
      }
    }
    status.finishedAt = this.now();
    this.emit(status);
    if (status.state === 'cancelled') this.tasks.delete(status.taskId);
  }

  private emit(status: ExportTaskStatus): void {
    this.events.emit('task.progress', { taskId: status.taskId, label: status.label, done: status.done, total: status.total });
  }

  private task(taskId: string): Task {
    const task = this.tasks.get(taskId);
    if (!task) throw new AppError('exports.not-found', `No export ${taskId}`, { details: { taskId } });
    return task;
  }

  private expireOld(): void {
    const cutoff = this.now() - this.keepMs;
    for (const task of this.tasks.values()) {
      if (task.status.state !== 'running' && (task.status.finishedAt ?? 0) < cutoff) this.release(task.status.taskId);
    }
  }

  /** Files of a previous run can never be fetched again (task ids live in memory). */
  private removeLeftovers(): void {
    let names: string[];
    try {
      names = readdirSync(this.root);
    } catch {
      return;
    }
    for (const name of names) rmSync(join(this.root, name), { recursive: true, force: true });
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('exports.cancelled', 'The export was cancelled');
}
