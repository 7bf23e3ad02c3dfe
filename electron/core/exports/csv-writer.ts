import Papa from 'papaparse';
import type { RecordRow } from '@shared/domain/records';
import { FileSink } from './file-sink';
import type { RecordTable } from './record-table';
import type { TableWriter } from './table-writer';

/**
 * CSV for Excel: UTF-8 with a BOM (without it a Chinese Windows Excel reads
 * GBK and garbles every character), CRLF line ends, and text that Excel would
 * run as a formula (starting with = + - @, tab or CR) prefixed with an
 * apostrophe.
 */
export class CsvWriter implements TableWriter {
  private readonly sink: FileSink;

  constructor(
    path: string,
    private readonly table: RecordTable,
  ) {
    this.sink = new FileSink(path);
  }

  async open(): Promise<void> {
    await this.sink.write(`\uFEFF${this.unparse([this.table.headers])}\r\n`);
  }

  async append(rows: readonly RecordRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.sink.write(`${this.unparse(rows.map((row) => this.table.texts(row)))}\r\n`);
  }

  close(): Promise<void> {
    return this.sink.close();
  }

  destroy(): void {
    this.sink.destroy();
  }

  private unparse(data: (string | number)[][]): string {
    return Papa.unparse(data, { newline: '\r\n', escapeFormulae: true, header: false });
  }
}
