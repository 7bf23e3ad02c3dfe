import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { EventBus } from '../events/event-bus';
import { tempDataDir } from '../testing/fixtures';
import { ExportJobs, type ExportWork } from './export-jobs';

function setup() {
  const dataDir = tempDataDir();
  const events = new EventBus();
  const progress: { taskId: string; done: number; total: number | null }[] = [];
  events.on((name, payload) => {
    if (name === 'task.progress') progress.push(payload as (typeof progress)[number]);
  });
  const jobs = new ExportJobs({ events, dataDir, progressIntervalMs: 0 });
  return { dataDir, jobs, progress };
}

/** Writes `chunks` lines of text, yielding between them, as a real export does. */
function lines(chunks: number, onChunk?: (index: number) => void): ExportWork {
  return async (job) => {
    writeFileSync(job.filePath, '');
    for (let i = 0; i < chunks; i++) {
      await appendFile(job.filePath, `line ${i}\n`);
      job.progress(i + 1, chunks);
      onChunk?.(i);
      await job.yield();
    }
    return { fileName: 'lines.txt', mimeType: 'text/plain', rows: chunks };
  };
}

describe('ExportJobs', () => {
  it('returns a task id at once, reports progress, and hands the finished file over in slices', async () => {
    const { jobs, progress } = setup();
    const taskId = jobs.start('Lines', lines(5));
    expect(jobs.status(taskId)).toMatchObject({ state: 'running', done: 0 });
    const done = await jobs.settled(taskId);
    expect(done).toMatchObject({ state: 'done', done: 5, total: 5, file: { fileName: 'lines.txt', mimeType: 'text/plain', rows: 5 } });
    expect(progress.filter((event) => event.taskId === taskId).map((event) => event.done)).toEqual([1, 2, 3, 4, 5, 5]);
    const expected = Array.from({ length: 5 }, (_, i) => `line ${i}\n`).join('');
    expect(done.file?.size).toBe(Buffer.byteLength(expected));
    const first = await jobs.read(taskId, 0, 7);
    const rest = await jobs.read(taskId, 7);
    expect(Buffer.concat([first.bytes, rest.bytes]).toString()).toBe(expected);
    expect(readFileSync(jobs.filePath(taskId), 'utf8')).toBe(expected);
  });

  it('cancelling mid-way deletes the partial file and leaves other exports alone', async () => {
    const { dataDir, jobs } = setup();
    const keep = jobs.start('Keep', lines(2));
    await jobs.settled(keep);
    let cancelAt: Promise<unknown> | null = null;
    const taskId = jobs.start(
      'Long',
      lines(1000, (i) => {
        if (i === 10) cancelAt = jobs.cancel(taskId);
      }),
    );
    const status = await jobs.settled(taskId);
    await cancelAt;
    expect(status.state).toBe('cancelled');
    expect(status.done).toBeLessThan(20);
    expect(existsSync(join(dataDir, 'exports', taskId))).toBe(false);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([keep]);
    expect(jobs.status(keep).state).toBe('done');
    expect(readFileSync(jobs.filePath(keep), 'utf8')).toBe('line 0\nline 1\n');
    expect(() => jobs.status(taskId)).toThrow(expect.objectContaining({ code: 'exports.not-found' }));
  });

  it('a failing job leaves no file and says why', async () => {
    const { dataDir, jobs } = setup();
    const taskId = jobs.start('Broken', async (job) => {
      writeFileSync(job.filePath, 'half');
      writeFileSync(join(job.workDir, 'scratch.tmp'), 'x');
      throw new AppError('records.invalid-filter', 'bad filter');
    });
    const status = await jobs.settled(taskId);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'records.invalid-filter', message: 'bad filter' }, file: null });
    expect(existsSync(join(dataDir, 'exports', taskId))).toBe(false);
    await expect(jobs.read(taskId, 0)).rejects.toMatchObject({ code: 'exports.not-ready' });
  });

  it('gives the event loop a turn between chunks, so other calls keep answering', async () => {
    const { jobs } = setup();
    let ticks = 0;
    const seen: number[] = [];
    const timer = setInterval(() => (ticks += 1), 0);
    const taskId = jobs.start(
      'Busy',
      lines(200, () => seen.push(ticks)),
    );
    await jobs.settled(taskId);
    clearInterval(timer);
    // Timers ran while the job was in the middle of its chunks, not only after it.
    expect(seen[seen.length - 1]!).toBeGreaterThan(seen[0]!);
  });

  it('release deletes the file; leftovers of an earlier run are removed at start', async () => {
    const { dataDir, jobs } = setup();
    const taskId = jobs.start('Lines', lines(1));
    await jobs.settled(taskId);
    jobs.release(taskId);
    expect(existsSync(join(dataDir, 'exports', taskId))).toBe(false);
    expect(() => jobs.status(taskId)).toThrow(expect.objectContaining({ code: 'exports.not-found' }));
    const other = jobs.start('Lines', lines(1));
    await jobs.settled(other);
    new ExportJobs({ events: new EventBus(), dataDir });
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
  });

  it('finished files nobody fetched expire', async () => {
    const dataDir = tempDataDir();
    let now = 1_000;
    const jobs = new ExportJobs({ events: new EventBus(), dataDir, now: () => now, keepFinishedMs: 100 });
    const old = jobs.start('Old', lines(1));
    await jobs.settled(old);
    now += 500;
    const fresh = jobs.start('Fresh', lines(1));
    await jobs.settled(fresh);
    expect(() => jobs.status(old)).toThrow(expect.objectContaining({ code: 'exports.not-found' }));
    expect(jobs.status(fresh).state).toBe('done');
  });
});
