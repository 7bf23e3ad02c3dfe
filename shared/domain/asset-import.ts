import { z } from 'zod';

/**
 * The asset fields a column of a client's spreadsheet can map to, plus the
 * location columns (created on request) and free custom fields (`custom:<name>`).
 */
export const IMPORT_FIELDS = [
  'name',
  'type',
  'vendor',
  'model',
  'serialNumber',
  'assetTag',
  'status',
  'owner',
  'contact',
  'purchaseDate',
  'warrantyEnd',
  'managementIps',
  'version',
  'patchLevel',
  'notes',
  'client',
  'site',
  'room',
  'rack',
  'rackUStart',
  'rackUHeight',
] as const;
export const ImportField = z.union([z.enum(IMPORT_FIELDS), z.string().regex(/^custom:.{1,60}$/, 'A custom field is named custom:<name>')]);
export type ImportField = z.infer<typeof ImportField>;

/** Columns a file must map, or nothing can be imported. */
export const REQUIRED_IMPORT_FIELDS = ['name', 'type'] as const;

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const DuplicatePolicy = z.enum(['update', 'skip', 'stop']);
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>;

export const ImportOptions = z.object({
  importId: z.string().min(1).max(100),
  /** One entry per column of the file: the field it fills, or null to ignore it. */
  mapping: z.array(ImportField.nullable()).max(500),
  /** Create clients, sites, rooms and racks named in the file that do not exist yet. */
  createLocations: z.boolean().default(false),
  duplicatePolicy: DuplicatePolicy.default('stop'),
});
export type ImportOptions = z.output<typeof ImportOptions>;

/** A problem in one cell: rows count from 1 at the first data row below the header, as a spreadsheet user sees it + 1. */
export const ImportProblem = z.object({
  /** 1-based line in the file (the header is line 1). */
  row: z.number().int(),
  /** 1-based column in the file, and its header text. */
  column: z.number().int().nullable(),
  header: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportDuplicate = z.object({
  row: z.number().int(),
  assetId: z.string(),
  assetName: z.string(),
  matchedOn: z.enum(['serialNumber', 'assetTag', 'managementIp']),
  value: z.string(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

export const ImportFile = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030']).nullable(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  /** The first rows as text, for the preview. */
  sample: z.array(z.array(z.string())),
  suggestedMapping: z.array(ImportField.nullable()),
});
export type ImportFile = z.infer<typeof ImportFile>;

export const ImportReport = z.object({
  rowCount: z.number().int(),
  valid: z.number().int(),
  problems: z.array(ImportProblem),
  /** True when problems were cut at the first 1,000. */
  problemsTruncated: z.boolean(),
  duplicates: z.array(ImportDuplicate),
  newLocations: z.array(z.object({ kind: z.enum(['client', 'site', 'room', 'rack']), path: z.array(z.string()) })),
  wouldCreate: z.number().int(),
  wouldUpdate: z.number().int(),
  wouldSkip: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;
