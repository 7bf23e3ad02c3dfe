import { Readable } from 'node:stream';
import { AppError } from '@shared/errors';
import { TableBuilder, type ImportTable } from './import-table';

/**
 * Reads the first worksheet that has data. exceljs's streaming reader is used
 * rather than loading the workbook: a loaded workbook costs hundreds of bytes
 * per cell, and a 200,000-row file must fail on its row count, not on memory.
 */
export async function readXlsx(bytes: Buffer): Promise<ImportTable> {
  // Loaded on first use: exceljs is large, and most starts of core never import a file.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    // Styles tell dates from numbers (a date is a number with a date format).
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const builder = new TableBuilder();
      let rows = 0;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        builder.add(
          row.number,
          Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])),
        );
        rows += 1;
      }
      if (rows > 0) {
        try {
          return builder.finish();
        } catch (error) {
          // A sheet of blank-looking rows (formatting only): try the next one.
          if (error instanceof AppError && error.code === 'import.empty' && !(error.details as { headerLine?: number } | undefined)?.headerLine) continue;
          throw error;
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import.unreadable', `The XLSX file cannot be read: ${(error as Error).message}`, { cause: error });
  }
  throw new AppError('import.empty', 'The workbook has no worksheet with data');
}

/**
 * A cell as the text a person sees for its value: dates as YYYY-MM-DD, numbers
 * as typed, rich text joined, formulas as their last computed result.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) return (object.richText as { text?: unknown }[]).map((part) => String(part.text ?? '')).join('');
    if ('result' in object) return cellText(object.result);
    if ('formula' in object || 'sharedFormula' in object) return '';
    if ('text' in object) return cellText(object.text);
    if ('error' in object) return String(object.error);
  }
  return String(value);
}

/** Excel dates have no time zone: exceljs gives them as UTC midnight of the day shown. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}
