import type { Worksheet, stream } from 'exceljs';
import type { RecordColumn, RecordRow } from '@shared/domain/records';
import { FileSink } from './file-sink';
import type { RecordTable } from './record-table';
import type { TableWriter } from './table-writer';

const NUMBER_FORMATS: Record<RecordColumn['type'], string | undefined> = {
  text: undefined,
  number: undefined,
  dateTime: 'yyyy-mm-dd hh:mm',
  // Excel counts time spans in days; [h] lets hours pass 24.
  duration: '[h]:mm',
  ratio: '0.0%',
};

const MS_PER_DAY = 86_400_000;
/** exceljs's sheet stream buffers 64 KiB at a time. */
const SHEET_BUFFER_BYTES = 65_536;
/** Sheet XML allowed to wait for the zip: enough to keep zlib busy, small next to the sheet. */
const MAX_QUEUED_BYTES = 2 * 1024 * 1024;

/** What of exceljs's internal sheet stream (a StreamBuf piped into archiver) tells how much waits. */
interface SheetStream {
  buffers?: unknown[];
  pipes?: { writableLength?: number; _writableState?: { length: number } }[];
}

/**
 * A typed workbook through exceljs's streaming writer (memory stays flat;
 * strings inline rather than shared, since a shared-string table of 100,000
 * rows is held in memory until the end): numbers as numbers, times as dates
 * in the scope's zone, durations as time spans, a bold frozen header with an
 * auto filter and columns sized to their contents.
 */
export class XlsxWriter implements TableWriter {
  private readonly sink: FileSink;
  private workbook: stream.xlsx.WorkbookWriter | null = null;
  private sheet: Worksheet | null = null;

  constructor(
    path: string,
    private readonly table: RecordTable,
  ) {
    this.sink = new FileSink(path);
  }

  async open(sample: readonly RecordRow[]): Promise<void> {
    // Loaded on first use: exceljs is large and most starts of core never export.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.sink.stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Walkdown';
    const sheet = workbook.addWorksheet(this.table.title().slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    const widths = this.table.widths(sample);
    sheet.columns = this.table.columns.map((column, index) => {
      const numFmt = NUMBER_FORMATS[column.type];
      return { header: this.table.headers[index], key: column.key, width: widths[index], ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: this.table.columns.length } };
    header.commit();
    this.workbook = workbook;
    this.sheet = sheet;
  }

  async append(rows: readonly RecordRow[]): Promise<void> {
    const sheet = this.sheet as Worksheet;
    const { columns, clock } = this.table;
    for (const row of rows) {
      const cells = this.table.cells(row);
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (typeof cell !== 'number') continue;
        const type = (columns[i] as RecordColumn).type;
        if (type === 'dateTime') (cells as unknown[])[i] = clock.wallDate(cell);
        else if (type === 'duration') cells[i] = cell / MS_PER_DAY;
      }
      sheet.addRow(cells).commit();
    }
    await this.settle();
  }

  /**
   * Waits while the sheet's XML is ahead of the zip. exceljs's sheet stream
   * ignores backpressure: it writes every row on into archiver's deflate
   * stream, which queues what zlib has not taken yet, so without this a fast
   * query would pile most of the sheet up in memory (≈1.5 KB a row).
   */
  private async settle(): Promise<void> {
    const stream = (this.sheet as unknown as { stream?: SheetStream }).stream;
    const queued = () =>
      (stream?.buffers?.length ?? 0) * SHEET_BUFFER_BYTES + (stream?.pipes ?? []).reduce((sum, pipe) => sum + (pipe.writableLength ?? pipe._writableState?.length ?? 0), 0);
    while (queued() > MAX_QUEUED_BYTES || this.sink.stream.writableNeedDrain) {
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
    }
  }

  async close(): Promise<void> {
    const sheet = this.sheet as Worksheet;
    sheet.commit();
    const finished = new Promise<void>((resolve, reject) => {
      this.sink.stream.once('finish', resolve);
      this.sink.stream.once('error', reject);
    });
    await (this.workbook as stream.xlsx.WorkbookWriter).commit();
    await finished;
  }

  destroy(): void {
    this.sink.destroy();
  }
}
