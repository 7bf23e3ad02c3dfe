import type { RecordColumn, RecordRow } from '@shared/domain/records';
import { findLabelFont } from '../labels/label-font';
import { loadPdfKit } from '../labels/pdfkit-loader';
import { FileSink } from './file-sink';
import type { RecordTable } from './record-table';
import type { TableWriter } from './table-writer';

const MARGIN = 28;
const FONT_SIZE = 7;
const ROW_HEIGHT = 12;
/** Points per Latin character at FONT_SIZE (a CJK character counts as two). */
const CHAR_WIDTH = FONT_SIZE * 0.56;
const HEADER_HEIGHT = 14;
const FOOTER_HEIGHT = 16;
/** A4 landscape in points. */
const PAGE = { width: 841.89, height: 595.28 };

export interface PdfHeading {
  title: string;
  /** The period and the filters, one line each. */
  lines: string[];
  /** Rows the file will hold: page numbers ("Page 3 of 40") are printed as pages are made, so the count is needed up front. */
  totalRows: number;
}

type PdfDoc = InstanceType<Awaited<ReturnType<typeof loadPdfKit>>>;

/**
 * A landscape table: title with the period and filters on the first page,
 * the header row repeated on every page, one line per record (long text cut
 * with an ellipsis so every row has the same height), and "Page n of N".
 * Rows have a fixed height so N is known before the first page is written,
 * and pages go to disk as they are made rather than being held for numbering.
 */
export class PdfWriter implements TableWriter {
  private readonly sink: FileSink;
  private doc: PdfDoc | null = null;
  private xs: number[] = [];
  private widths: number[] = [];
  private y = 0;
  private page = 0;
  private pages = 1;
  private headingLines = 0;

  constructor(
    path: string,
    private readonly table: RecordTable,
    private readonly heading: PdfHeading,
  ) {
    this.sink = new FileSink(path);
  }

  async open(sample: readonly RecordRow[]): Promise<void> {
    const PDFDocument = await loadPdfKit();
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      font: findLabelFont(),
      autoFirstPage: false,
      info: { Title: this.heading.title, Creator: 'Walkdown' },
    });
    doc.pipe(this.sink.stream);
    this.doc = doc;
    const usable = PAGE.width - 2 * MARGIN;
    // Numbers, times and durations get the room they need; text columns share what is left (cut with an ellipsis).
    const wanted = this.table.widths(sample).map((width) => Math.min(width, 40) * CHAR_WIDTH);
    const isText = this.table.columns.map((column) => column.type === 'text');
    const fixed = wanted.reduce((sum, width, index) => sum + (isText[index] ? 0 : width), 0);
    const text = wanted.reduce((sum, width, index) => sum + (isText[index] ? width : 0), 0);
    const scale = text > 0 ? Math.min(1.6, Math.max(0.2, (usable - fixed) / text)) : 1;
    const widths = wanted.map((width, index) => (isText[index] ? width * scale : width));
    const total = widths.reduce((sum, width) => sum + width, 0);
    this.widths = widths.map((width) => (width / total) * usable);
    this.xs = [];
    let x = MARGIN;
    for (const width of this.widths) {
      this.xs.push(x);
      x += width;
    }
    this.headingLines = 1 + this.heading.lines.length;
    const firstPageRows = this.rowsPerPage(true);
    const rest = Math.max(0, this.heading.totalRows - firstPageRows);
    this.pages = 1 + Math.ceil(rest / this.rowsPerPage(false));
    this.newPage();
  }

  async append(rows: readonly RecordRow[]): Promise<void> {
    const doc = this.doc as PdfDoc;
    const bottom = PAGE.height - MARGIN - FOOTER_HEIGHT;
    for (const row of rows) {
      if (this.y + ROW_HEIGHT > bottom) this.newPage();
      const texts = this.table.texts(row);
      if ((this.y - this.tableTop()) / ROW_HEIGHT % 2 >= 1) doc.rect(MARGIN, this.y, PAGE.width - 2 * MARGIN, ROW_HEIGHT).fill('#f4f6f8');
      doc.fillColor('#000000').fontSize(FONT_SIZE);
      texts.forEach((text, index) => this.cell(String(text), index, this.y + 2.5, (this.table.columns[index] as RecordColumn).type !== 'text'));
      this.y += ROW_HEIGHT;
    }
    // pdfkit pushes pages into the stream as it goes; wait for the disk when it is behind.
    if (this.sink.stream.writableNeedDrain) await new Promise<void>((resolve) => this.sink.stream.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    const finished = new Promise<void>((resolve, reject) => {
      this.sink.stream.once('finish', resolve);
      this.sink.stream.once('error', reject);
    });
    (this.doc as PdfDoc).end();
    await finished;
  }

  destroy(): void {
    this.sink.destroy();
  }

  private rowsPerPage(first: boolean): number {
    const top = MARGIN + (first ? this.headingLines * 14 + 6 : 0) + HEADER_HEIGHT;
    return Math.floor((PAGE.height - MARGIN - FOOTER_HEIGHT - top) / ROW_HEIGHT);
  }

  private tableTop(): number {
    return MARGIN + (this.page === 1 ? this.headingLines * 14 + 6 : 0) + HEADER_HEIGHT;
  }

  private newPage(): void {
    const doc = this.doc as PdfDoc;
    doc.addPage();
    this.page += 1;
    let y = MARGIN;
    if (this.page === 1) {
      doc.fontSize(13).fillColor('#000000').text(this.heading.title, MARGIN, y, { lineBreak: false });
      y += 20;
      doc.fontSize(8).fillColor('#333333');
      for (const line of this.heading.lines) {
        doc.text(line, MARGIN, y, { lineBreak: false, width: PAGE.width - 2 * MARGIN, ellipsis: true, height: 12 });
        y += 14;
      }
      y = MARGIN + this.headingLines * 14 + 6;
    }
    doc.rect(MARGIN, y, PAGE.width - 2 * MARGIN, HEADER_HEIGHT).fill('#dde5ee');
    doc.fillColor('#000000').fontSize(FONT_SIZE + 0.5);
    this.table.headers.forEach((header, index) => this.cell(header, index, y + 3.5, (this.table.columns[index] as RecordColumn).type !== 'text'));
    this.y = y + HEADER_HEIGHT;
    const label = this.table.language === 'zh-CN' ? `第 ${this.page} 页 / 共 ${this.pages} 页` : `Page ${this.page} of ${this.pages}`;
    // Below the bottom margin: with the margin in force pdfkit would start another page for it.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#555555').text(label, MARGIN, PAGE.height - MARGIN - 10, { width: PAGE.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
    doc.fillColor('#000000');
  }

  private cell(text: string, index: number, y: number, alignRight: boolean): void {
    const width = (this.widths[index] as number) - 4;
    (this.doc as PdfDoc).text(text, (this.xs[index] as number) + 2, y, { width, height: ROW_HEIGHT - 2, lineBreak: false, ellipsis: true, align: alignRight ? 'right' : 'left' });
  }
}
