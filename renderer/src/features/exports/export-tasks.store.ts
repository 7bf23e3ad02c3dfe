import { create } from 'zustand';
import type { ExportFormat, ExportTask } from '@shared/domain/exports';
import { isErrorCode } from '@shared/errors';
import { api, ApiClientError } from '../../api';
import { reportError } from '../../app/errors/report-error';
import { fetchExport, saveBlob } from './export-download';

/** One export the user started in this window, as the menu shows it. */
export interface ExportEntry {
  task: ExportTask;
  format: ExportFormat;
  /** The finished file is being fetched. */
  saving: boolean;
}

interface ExportTasksState {
  entries: Record<string, ExportEntry>;
  /** Starts an export (whatever `start` asks core for) and follows it to the download. */
  run(format: ExportFormat, start: () => Promise<{ taskId: string }>): Promise<string | null>;
  cancel(taskId: string): Promise<void>;
}

const POLL_MS = 600;

/**
 * Exports in flight. Progress comes from `task.progress` events, the outcome
 * from `exports.status` (polled too, so nothing hangs if an event is missed);
 * a finished file is fetched in slices, saved, then released in core.
 * Nothing here is modal: the page stays usable while files are made.
 */
export const useExportTasks = create<ExportTasksState>()((set, get) => {
  const update = (taskId: string, change: Partial<ExportEntry> | ((entry: ExportEntry) => Partial<ExportEntry>)) =>
    set((state) => {
      const entry = state.entries[taskId];
      if (!entry) return state;
      return { entries: { ...state.entries, [taskId]: { ...entry, ...(typeof change === 'function' ? change(entry) : change) } } };
    });
  const remove = (taskId: string) =>
    set((state) => {
      const entries = { ...state.entries };
      delete entries[taskId];
      return { entries };
    });

  api.on('task.progress', ({ taskId, done, total }) => update(taskId, (entry) => ({ task: { ...entry.task, done, total } })));

  const follow = async (taskId: string) => {
    for (;;) {
      const entry = get().entries[taskId];
      if (!entry) return;
      let task: ExportTask;
      try {
        task = await api.call('exports.status', { taskId });
      } catch (error) {
        remove(taskId);
        reportError(error);
        return;
      }
      if (task.state === 'running') {
        update(taskId, { task: { ...task, done: Math.max(task.done, get().entries[taskId]?.task.done ?? 0) } });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        continue;
      }
      if (task.state === 'done' && task.file) {
        update(taskId, { task, saving: true });
        try {
          const blob = await fetchExport((offset) => api.call('exports.read', { taskId, offset }), task.file.mimeType);
          saveBlob(blob, task.file.fileName);
          await api.call('exports.release', { taskId });
        } catch (error) {
          reportError(error);
        }
      } else if (task.state === 'failed' && task.error) {
        // The task failed in core: its code reads like any refused call's.
        reportError(new ApiClientError({ code: isErrorCode(task.error.code) ? task.error.code : 'internal.error', message: task.error.message, retryable: false }));
      }
      remove(taskId);
      return;
    }
  };

  return {
    entries: {},
    async run(format, start) {
      let task: ExportTask;
      try {
        const started = await start();
        // Other domains' exports may answer with just the id.
        task = 'state' in started ? (started as ExportTask) : await api.call('exports.status', { taskId: started.taskId });
      } catch (error) {
        reportError(error);
        return null;
      }
      set((state) => ({ entries: { ...state.entries, [task.taskId]: { task, format, saving: false } } }));
      void follow(task.taskId);
      return task.taskId;
    },
    async cancel(taskId) {
      try {
        await api.call('exports.cancel', { taskId });
      } catch (error) {
        reportError(error);
      }
      remove(taskId);
    },
  };
});
