import Papa from 'papaparse';
import { AppError } from '@shared/errors';
import { TableBuilder, type ImportTable } from './import-table';

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Reads CSV text into a table. Every record counts as one row, blank ones
 * too, so that a problem on "row 7" is row 7 when the file is opened in Excel
 * (a quoted cell spanning lines is still one row there).
 */
export function readCsv(text: string): ImportTable {
  const builder = new TableBuilder();
  let record = 0;
  let failure: unknown = null;
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      record += 1;
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      try {
        if (quoteError) {
          // The broken field is the last one read: an unterminated quote swallows the rest of the file into it.
          const column = Math.max(1, result.data.length);
          throw new AppError('import.unreadable', `Broken quotes in row ${record}, column ${column}: ${quoteError.message}`, {
            details: { row: record, column, reason: quoteError.code },
          });
        }
        builder.add(record, result.data);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return builder.finish();
}

/**
 * Comma, tab, semicolon (European Excel) or pipe: the one that splits the first
 * lines into the same number (above zero) of fields most consistently.
 * Papaparse's own guess counts the empty record after a final newline and then
 * misses two-column files, so the guess is made here.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const mode = mostCommon(counts.filter((n) => n > 0));
    if (mode === null) continue;
    const score = counts.filter((n) => n === mode).length * 1000 + mode;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function mostCommon(values: number[]): number | null {
  const tally = new Map<number, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  let best: [number, number] | null = null;
  for (const entry of tally) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  return best ? best[0] : null;
}
