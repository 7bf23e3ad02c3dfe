import { z } from 'zod';
import { AssetFilter, AssetSort } from '../domain/assets';
import { ImportFile, ImportOptions, ImportReport, MAX_IMPORT_BYTES } from '../domain/asset-import';
import { Language } from '../domain/profile';
import { method } from './define';

/** A file produced by core for the user to save. */
export const ExportedFile = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), rows: z.number().int() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const assetTransferContract = {
  /**
   * Read a CSV (UTF-8 with or without BOM, GBK/GB18030) or XLSX file and stage
   * it: headers, a sample, the row count and a suggested column mapping.
   * Nothing is written to the register.
   */
  'imports.parse': method({
    summary: 'Stage a CSV or XLSX file of assets: headers, sample rows, suggested mapping.',
    maxInputBytes: Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4096,
    input: z.object({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().min(1).max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
    }),
    output: ImportFile,
  }),
  /** Change one cell of a staged file (fixing an error row in the preview). */
  'imports.editCell': method({
    summary: 'Change one cell of a staged import.',
    input: z.object({ importId: z.string().min(1).max(100), row: z.number().int().min(2), column: z.number().int().min(1), value: z.string().max(10_000) }),
    output: z.object({ importId: z.string() }),
  }),
  /** Dry run: validate every row with the mapping and report problems and duplicates. Writes nothing. */
  'imports.preview': method({
    summary: 'Dry run of an import: problems per row and column, duplicates, what would be created.',
    input: ImportOptions,
    output: ImportReport,
  }),
  /** Import all rows in one transaction, or none: any problem refuses the whole file. */
  'imports.commit': method({
    summary: 'Import a staged file, all rows or none.',
    input: ImportOptions,
    output: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), locationsCreated: z.number().int() }),
  }),
  'imports.discard': method({
    summary: 'Forget a staged file.',
    input: z.object({ importId: z.string().min(1).max(100) }),
    output: z.object({ importId: z.string() }),
  }),
  /** The filtered, sorted asset list as CSV (UTF-8 with BOM, for Excel) or XLSX. Never includes credentials. */
  'assets.export': method({
    summary: 'Export the filtered asset list to CSV (UTF-8 with BOM) or XLSX.',
    input: z.object({
      filter: AssetFilter.default(AssetFilter.parse({})),
      sort: AssetSort.default(AssetSort.parse({})),
      format: z.enum(['csv', 'xlsx']),
      language: Language,
    }),
    output: ExportedFile,
  }),
  /** A PDF sheet of QR labels (asset tag + name) for the chosen assets. */
  'labels.pdf': method({
    summary: 'A PDF of QR labels (asset tag and name) on an A4 label grid.',
    input: z.object({
      assetIds: z.array(z.string()).min(1).max(5000),
      layout: z.enum(['a4-3x8', 'a4-4x10', 'a4-2x5']).default('a4-3x8'),
      language: Language,
    }),
    output: ExportedFile,
  }),
};
