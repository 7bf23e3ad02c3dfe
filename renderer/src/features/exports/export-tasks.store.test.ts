import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportTask } from '@shared/domain/exports';
import type * as ExportDownload from './export-download';

const call = vi.fn();
const listeners = new Map<string, (payload: unknown) => void>();
vi.mock('../../api', async () => {
  const errors = await import('../../api/api-client-error');
  return {
    api: { call: (...args: unknown[]) => call(...args), on: (event: string, listener: (payload: unknown) => void) => (listeners.set(event, listener), () => undefined) },
    ApiClientError: errors.ApiClientError,
    isApiClientError: errors.isApiClientError,
  };
});
const saved: { name: string; size: number }[] = [];
vi.mock('./export-download', async (original) => ({
  ...(await original<typeof ExportDownload>()),
  saveBlob: (blob: Blob, name: string) => saved.push({ name, size: blob.size }),
}));
const reported: unknown[] = [];
vi.mock('../../app/errors/report-error', () => ({ reportError: (error: unknown) => reported.push(error) }));

const { useExportTasks } = await import('./export-tasks.store');

function task(state: ExportTask['state'], extra: Partial<ExportTask> = {}): ExportTask {
  return { taskId: 't1', label: '事件 · XLSX', state, done: 0, total: 10, startedAt: 1, finishedAt: null, file: null, error: null, ...extra };
}

describe('export tasks in the renderer', () => {
  beforeEach(() => {
    call.mockReset();
    saved.length = 0;
    reported.length = 0;
  });

  it('follows progress, then fetches, saves and releases the file', async () => {
    const file = { fileName: '事件.xlsx', mimeType: 'application/x', size: 5, rows: 10 };
    let statusCalls = 0;
    call.mockImplementation(async (method: string) => {
      if (method === 'exports.status') return ++statusCalls < 2 ? task('running', { done: 4 }) : task('done', { done: 10, file });
      if (method === 'exports.read') return { offset: 0, size: 5, contentBase64: Buffer.from('hello').toString('base64'), eof: true };
      if (method === 'exports.release') return { taskId: 't1' };
      throw new Error(method);
    });
    const taskId = await useExportTasks.getState().run('xlsx', async () => task('running'));
    expect(taskId).toBe('t1');
    listeners.get('task.progress')?.({ taskId: 't1', label: 'x', done: 7, total: 10 });
    expect(useExportTasks.getState().entries['t1']?.task.done).toBe(7);
    await vi.waitFor(() => expect(saved).toEqual([{ name: '事件.xlsx', size: 5 }]), { timeout: 3000 });
    expect(call).toHaveBeenCalledWith('exports.release', { taskId: 't1' });
    expect(useExportTasks.getState().entries['t1']).toBeUndefined();
  });

  it('cancel asks core to cancel and forgets the task; a failed task is reported with its code', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'exports.status') return task('running');
      if (method === 'exports.cancel') return task('cancelled');
      throw new Error(method);
    });
    await useExportTasks.getState().run('csv', async () => ({ taskId: 't1' }));
    await useExportTasks.getState().cancel('t1');
    expect(call).toHaveBeenCalledWith('exports.cancel', { taskId: 't1' });
    expect(useExportTasks.getState().entries['t1']).toBeUndefined();

    call.mockImplementation(async (method: string) => {
      if (method === 'exports.status') return task('failed', { error: { code: 'records.invalid-filter', message: 'bad' } });
      throw new Error(method);
    });
    await useExportTasks.getState().run('pdf', async () => task('running'));
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(reported[0]).toMatchObject({ code: 'records.invalid-filter' });
    expect(saved).toEqual([]);
  });
});
