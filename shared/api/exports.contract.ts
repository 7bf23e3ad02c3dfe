import { z } from 'zod';
import { ExportChunk, ExportRequest, ExportTask } from '../domain/exports';
import { method } from './define';

const TaskId = z.object({ taskId: z.string().min(1).max(100) });

/**
 * Long exports run as tasks: start returns at once, progress arrives as
 * `task.progress`, and the finished file is fetched in slices (a 100,000-row
 * workbook is never one message). Cancelling deletes what was written.
 */
export const exportsContract = {
  'exports.start': method({
    summary: 'Start exporting a filtered list (CSV, XLSX or PDF); returns the task to follow.',
    input: ExportRequest,
    output: ExportTask,
  }),
  'exports.status': method({
    summary: 'Where an export task stands; its file once done.',
    input: TaskId,
    output: ExportTask,
  }),
  'exports.list': method({
    summary: 'Export tasks of this session (running and finished, not yet fetched).',
    input: z.object({}),
    output: z.array(ExportTask),
  }),
  'exports.cancel': method({
    summary: 'Cancel a running export (its partial file is deleted) or discard a finished one.',
    input: TaskId,
    output: ExportTask.nullable(),
  }),
  'exports.read': method({
    summary: 'A slice (up to 4 MiB, base64) of a finished export file.',
    input: TaskId.extend({ offset: z.number().int().nonnegative().default(0) }),
    output: ExportChunk,
  }),
  'exports.release': method({
    summary: 'Delete a finished export file once it has been saved.',
    input: TaskId,
    output: z.object({ taskId: z.string() }),
  }),
};
