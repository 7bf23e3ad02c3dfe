import type { ExportChunk, ExportRequest, ExportTask } from '@shared/domain/exports';
import { RECORD_KIND_LABELS } from '@shared/domain/records';
import type { RecordsService } from '../records/records.service';
import type { Db } from '../store/database';
import { MAX_READ_BYTES, type ExportJobs } from './export-jobs';
import { recordsExportWork } from './records-export';

/** The exports API: start an export of a filtered list, follow it, fetch its file in slices, cancel or discard it. */
export class ExportsService {
  constructor(
    private readonly db: Db,
    readonly jobs: ExportJobs,
    private readonly records: RecordsService,
  ) {}

  start(request: ExportRequest): ExportTask {
    const { source, format, language } = request;
    const label = `${RECORD_KIND_LABELS[source.filter.kind][language]} · ${format.toUpperCase()}`;
    const taskId = this.jobs.start(label, recordsExportWork(this.db, this.records, { filter: source.filter, sort: source.sort, format, language }));
    return this.jobs.status(taskId);
  }

  status(taskId: string): ExportTask {
    return this.jobs.status(taskId);
  }

  list(): ExportTask[] {
    return this.jobs.list();
  }

  cancel(taskId: string): Promise<ExportTask | null> {
    return this.jobs.cancel(taskId);
  }

  async read(taskId: string, offset: number): Promise<ExportChunk> {
    const { bytes, size } = await this.jobs.read(taskId, offset, MAX_READ_BYTES);
    return { offset, size, contentBase64: bytes.toString('base64'), eof: offset + bytes.length >= size };
  }

  release(taskId: string): { taskId: string } {
    this.jobs.release(taskId);
    return { taskId };
  }
}
