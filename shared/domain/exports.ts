import { z } from 'zod';
import { Language } from './profile';
import { RecordsFilter, RecordsSort } from './records';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What can be exported through `exports.start`; other domains run their own files through the same job runner. */
export const ExportSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('records'), filter: RecordsFilter, sort: RecordsSort.default(RecordsSort.parse({})) }),
]);
export type ExportSource = z.infer<typeof ExportSource>;
export type ExportSourceInput = z.input<typeof ExportSource>;

export const ExportTaskState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type ExportTaskState = z.infer<typeof ExportTaskState>;

/** A long export as the renderer follows it (progress also arrives as `task.progress`). */
export const ExportTask = z.object({
  taskId: z.string(),
  label: z.string(),
  state: ExportTaskState,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  file: z.object({ fileName: z.string(), mimeType: z.string(), size: z.number().int().nonnegative(), rows: z.number().int().nonnegative() }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ExportTask = z.infer<typeof ExportTask>;

/** One slice of a finished file; the renderer asks for slices until `eof`. */
export const ExportChunk = z.object({
  offset: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  contentBase64: z.string(),
  eof: z.boolean(),
});
export type ExportChunk = z.infer<typeof ExportChunk>;

export const ExportRequest = z.object({ source: ExportSource, format: ExportFormat, language: Language });
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportRequestInput = z.input<typeof ExportRequest>;
