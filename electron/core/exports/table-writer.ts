import type { RecordRow } from '@shared/domain/records';

/**
 * One file format. The export feeds it chunk by chunk so that memory stays
 * flat however long the list; `destroy` stops writing after a cancel or an
 * error (the job runner then deletes the file).
 */
export interface TableWriter {
  /** `sample` is the first chunk (column widths are sized from it); nothing is written before this. */
  open(sample: readonly RecordRow[]): Promise<void>;
  append(rows: readonly RecordRow[]): Promise<void>;
  close(): Promise<void>;
  destroy(): void;
}

export const MIME_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
