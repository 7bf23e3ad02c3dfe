import { MAX_IMPORT_ROWS } from '@shared/domain/asset-import';
import { AppError } from '@shared/errors';

/** One data row of a file, with the line a spreadsheet user sees it on (the header is on `headerLine`). */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A file read into text cells: the header row, then the non-empty rows below it. */
export interface ImportTable {
  headerLine: number;
  headers: string[];
  rows: TableRow[];
}

/**
 * Collects rows as a reader produces them. The header is the first non-empty
 * row (clients put titles and blank lines above it less often than not, but
 * blank lines do happen). Counting as rows arrive is what lets a 200,000-row
 * file fail at row 100,001 instead of after it has all been read.
 */
export class TableBuilder {
  private header: TableRow | null = null;
  private readonly rows: TableRow[] = [];

  /** Adds one row; `line` is its 1-based position in the file. Throws import.too-many-rows past the limit. */
  add(line: number, rawCells: readonly string[]): void {
    const cells = rawCells.map(cleanCell);
    if (cells.every((cell) => cell === '')) return;
    if (!this.header) {
      this.header = { line, cells };
      return;
    }
    if (this.rows.length >= MAX_IMPORT_ROWS) {
      throw new AppError('import.too-many-rows', `The file has more than ${MAX_IMPORT_ROWS} rows; split it into smaller files`, {
        details: { maxRows: MAX_IMPORT_ROWS },
      });
    }
    this.rows.push({ line, cells });
  }

  /** The table, every row padded to the same width (trailing empty columns dropped). */
  finish(): ImportTable {
    if (!this.header) throw new AppError('import.empty', 'The file has no rows');
    if (this.rows.length === 0) throw new AppError('import.empty', 'The file has a header row but no data below it', { details: { headerLine: this.header.line } });
    let width = usedWidth(this.header.cells);
    for (const row of this.rows) width = Math.max(width, usedWidth(row.cells));
    const pad = (cells: string[]) => (cells.length === width ? cells : Array.from({ length: width }, (_, i) => cells[i] ?? ''));
    return {
      headerLine: this.header.line,
      headers: pad(this.header.cells),
      rows: this.rows.map((row) => ({ line: row.line, cells: pad(row.cells) })),
    };
  }
}

/**
 * Cell text as a person means it: surrounding spaces dropped, and the
 * apostrophe our own CSV export puts before a leading = + - @ (so that Excel
 * does not run it as a formula) taken off again.
 */
export function cleanCell(value: string): string {
  const trimmed = value.trim();
  return /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

function usedWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i + 1;
  return 0;
}
