import { PassThrough } from 'node:stream';
import Papa from 'papaparse';
import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import { IMPORT_FIELDS } from '@shared/domain/asset-import';
import { isSoftwareType, warrantyCutoff, type AssetFilter } from '@shared/domain/assets';
import type { Language } from '@shared/domain/profile';
import { AssetsRepo, type AssetRow } from '../assets/assets.repo';
import type { LocalStore } from '../store/local-store';
import { statusLabel, typeLabel } from './asset-vocabulary';
import { CUSTOM_HEADER_PREFIX, exportHeader } from './header-aliases';

type Field = (typeof IMPORT_FIELDS)[number];
type Value = string | number | Date | null;

const DATE_FIELDS: readonly Field[] = ['purchaseDate', 'warrantyEnd'];
const NUMBER_FIELDS: readonly Field[] = ['rackUStart', 'rackUHeight'];
/** Excel would run a cell starting with one of these as a formula (CSV injection); the import takes the apostrophe off again. */
const FORMULA_START = /^[=+\-@]/;

export interface ExportRequest {
  filter: AssetFilter;
  sort: { field: string; direction: 'asc' | 'desc' };
  format: 'csv' | 'xlsx';
  language: Language;
}

/**
 * The asset list as a file for Excel: the columns of the import (so an edited
 * export imports again), location as names, custom fields after them. Rows
 * come from the register's own query, so the file matches the list on screen.
 * Credentials are a separate table that this never reads.
 */
export class AssetExporter {
  private readonly repo: AssetsRepo;

  constructor(
    store: LocalStore,
    private readonly now: () => number,
  ) {
    this.repo = new AssetsRepo(store.db);
  }

  async export(request: ExportRequest): Promise<ExportedFile> {
    const table = this.table(request);
    const stamp = dateStamp(this.now());
    if (request.format === 'csv') {
      const csv = Papa.unparse(
        { fields: table.headers, data: table.rows.map((row) => row.map(csvText)) },
        { newline: '\r\n', escapeFormulae: FORMULA_START },
      );
      // The BOM is how Excel knows the file is UTF-8; without it Chinese comes out garbled on a Chinese Windows.
      return {
        fileName: `assets-${stamp}.csv`,
        mimeType: 'text/csv; charset=utf-8',
        contentBase64: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8').toString('base64'),
        rows: table.rows.length,
      };
    }
    return {
      fileName: `assets-${stamp}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: (await xlsx(table, request.language)).toString('base64'),
      rows: table.rows.length,
    };
  }

  private table(request: ExportRequest): { headers: string[]; kinds: ('text' | 'date' | 'number')[]; rows: Value[][] } {
    const assets: AssetRow[] = [];
    const customNames: string[] = [];
    const seen = new Set<string>();
    for (const row of this.repo.iterate({ filter: request.filter, sort: request.sort, warrantyCutoff: warrantyCutoff(this.now()) })) {
      assets.push(row);
      for (const name of Object.keys(JSON.parse(row.custom_fields) as Record<string, string>)) {
        if (!seen.has(name)) {
          seen.add(name);
          customNames.push(name);
        }
      }
    }
    const headers = [...IMPORT_FIELDS.map((field) => exportHeader(field, request.language)), ...customNames.map((name) => `${CUSTOM_HEADER_PREFIX[request.language]}${name}`)];
    const kinds = [
      ...IMPORT_FIELDS.map((field) => (DATE_FIELDS.includes(field) ? 'date' : NUMBER_FIELDS.includes(field) ? 'number' : 'text') as 'text' | 'date' | 'number'),
      ...customNames.map(() => 'text' as const),
    ];
    const rows = assets.map((asset) => {
      const custom = JSON.parse(asset.custom_fields) as Record<string, string>;
      return [...IMPORT_FIELDS.map((field) => valueOf(asset, field, request.language)), ...customNames.map((name) => custom[name] ?? '')];
    });
    return { headers, kinds, rows };
  }
}

function valueOf(asset: AssetRow, field: Field, language: Language): Value {
  // Software takes its place from its host: shown in the app, but not written, since an import would refuse a location on software.
  const placed = !isSoftwareType(asset.type);
  switch (field) {
    case 'name':
      return asset.name;
    case 'type':
      return typeLabel(asset.type, language);
    case 'vendor':
      return asset.vendor;
    case 'model':
      return asset.model;
    case 'serialNumber':
      return asset.serial_number;
    case 'assetTag':
      return asset.asset_tag;
    case 'status':
      return statusLabel(asset.status, language);
    case 'owner':
      return asset.owner;
    case 'contact':
      return asset.contact;
    case 'purchaseDate':
      return asset.purchase_date;
    case 'warrantyEnd':
      return asset.warranty_end;
    case 'managementIps':
      return (JSON.parse(asset.management_ips) as string[]).join(', ');
    case 'version':
      return asset.version;
    case 'patchLevel':
      return asset.patch_level;
    case 'notes':
      return asset.notes;
    case 'client':
      return placed ? asset.client_name : null;
    case 'site':
      return placed ? asset.site_name : null;
    case 'room':
      return placed ? asset.room_name : null;
    case 'rack':
      return placed ? asset.rack_name : null;
    case 'rackUStart':
      return asset.rack_u_start;
    case 'rackUHeight':
      return asset.rack_u_height;
  }
}

function csvText(value: Value): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A typed workbook: dates as dates, U as numbers, bold frozen header with a filter, columns wide enough to read. */
async function xlsx(table: { headers: string[]; kinds: ('text' | 'date' | 'number')[]; rows: Value[][] }, language: Language): Promise<Buffer> {
  // Loaded on first use: exceljs is large and most starts of core never export.
  const { default: ExcelJS } = await import('exceljs');
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  // The streaming writer keeps memory flat: a loaded workbook of 100,000 rows costs hundreds of MB.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Walkdown';
  const sheet = workbook.addWorksheet(language === 'zh-CN' ? '资产' : 'Assets', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({
    header,
    width: columnWidth(header, table.rows, i),
    style: table.kinds[i] === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  sheet.getRow(1).commit();
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => (table.kinds[i] === 'date' && typeof value === 'string' ? isoDate(value) : (value ?? null)))).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Dates are stored as the calendar day chosen; Excel serials are days, so UTC midnight keeps the day. */
function isoDate(text: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : text;
}

/** Characters wide enough for the header and the longest of the first thousand values; CJK characters count double. */
function columnWidth(header: string, rows: Value[][], column: number): number {
  let widest = displayWidth(header);
  for (const row of rows.slice(0, 1000)) widest = Math.max(widest, displayWidth(csvText(row[column] ?? null)));
  return Math.min(60, Math.max(8, widest + 2));
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** YYYYMMDD on the laptop's calendar, for the file name. */
function dateStamp(nowMs: number): string {
  const date = new Date(nowMs);
  return `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
}
