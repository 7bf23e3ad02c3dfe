import { useCallback, useEffect, useRef, useState } from 'react';
import { isErrorCode } from '@shared/errors';
import { api, ApiClientError } from '../../api';
import { reportError } from '../../app/errors/report-error';
import { fetchExport, saveBlob } from '../exports/export-download';

export interface ExportProgress {
  taskId: string | null;
  label: string;
  done: number;
  total: number | null;
}

/** How often the task is asked for its state; task.progress events move the bar in between. */
const POLL_MS = 250;

/**
 * Runs one background export of core (start → progress → fetch in slices →
 * download) without blocking the page: the user keeps editing meanwhile and
 * may cancel, which deletes the partial file in core.
 */
export function useExportTask(): {
  progress: ExportProgress | null;
  run(label: string, start: () => Promise<{ taskId: string }>): Promise<void>;
  cancel(): void;
} {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const current = useRef<{ taskId: string | null; cancelled: boolean } | null>(null);

  useEffect(
    () =>
      api.on('task.progress', (event) => {
        if (current.current?.taskId !== event.taskId) return;
        setProgress((previous) => (previous ? { ...previous, done: event.done, total: event.total } : previous));
      }),
    [],
  );
  // Leaving the page stops what it started.
  useEffect(
    () => () => {
      const running = current.current;
      if (running?.taskId) void api.call('exports.cancel', { taskId: running.taskId }).catch(() => undefined);
    },
    [],
  );

  const run = useCallback(async (label: string, start: () => Promise<{ taskId: string }>) => {
    const mine = { taskId: null as string | null, cancelled: false };
    current.current = mine;
    setProgress({ taskId: null, label, done: 0, total: null });
    try {
      const { taskId } = await start();
      mine.taskId = taskId;
      if (mine.cancelled) {
        await api.call('exports.cancel', { taskId });
        return;
      }
      setProgress({ taskId, label, done: 0, total: null });
      let task = await api.call('exports.status', { taskId });
      while (task.state === 'running' && !mine.cancelled) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        task = await api.call('exports.status', { taskId });
        setProgress({ taskId, label, done: task.done, total: task.total });
      }
      if (mine.cancelled || task.state === 'cancelled') return;
      if (task.state === 'failed' || !task.file) {
        const code = task.error?.code;
        reportError(new ApiClientError({ code: isErrorCode(code) ? code : 'internal.error', message: task.error?.message ?? 'Export failed', retryable: false }));
        return;
      }
      const blob = await fetchExport((offset) => api.call('exports.read', { taskId, offset }), task.file.mimeType);
      saveBlob(blob, task.file.fileName);
      await api.call('exports.release', { taskId });
    } catch (error) {
      if (!mine.cancelled) reportError(error);
    } finally {
      if (current.current === mine) {
        current.current = null;
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const running = current.current;
    if (!running) return;
    running.cancelled = true;
    if (running.taskId) void api.call('exports.cancel', { taskId: running.taskId }).catch(reportError);
    current.current = null;
    setProgress(null);
  }, []);

  return { progress, run, cancel };
}
