import iconv from 'iconv-lite';
import { MAX_IMPORT_BYTES } from '@shared/domain/asset-import';
import { AppError } from '@shared/errors';

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The bytes of an uploaded file, checked for size. */
export function decodeBase64(contentBase64: string): Buffer {
  // Buffer.from ignores characters outside the alphabet; a payload that is not base64 at all decodes to (almost) nothing.
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('import.too-large', `The file is ${bytes.length} bytes; at most ${MAX_IMPORT_BYTES} can be imported`, {
      details: { bytes: bytes.length, maxBytes: MAX_IMPORT_BYTES },
    });
  }
  if (bytes.length === 0) throw new AppError('import.empty', 'The file is empty');
  return bytes;
}

/**
 * CSV or XLSX, by content rather than by name: clients rename files freely
 * (资产表.csv that is really an .xlsx, or an old .xls saved as .csv).
 */
export function detectFormat(bytes: Buffer): FileFormat {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE2)) {
    throw new AppError('import.unsupported-format', 'This is an old Excel workbook (.xls); save it as .xlsx or CSV and import that', {
      details: { detected: 'xls' },
    });
  }
  if (startsWith(bytes, PDF)) throw new AppError('import.unsupported-format', 'This is a PDF; import a CSV or XLSX file', { details: { detected: 'pdf' } });
  if (utf16Bom(bytes)) {
    throw new AppError('import.unsupported-format', 'This text file is UTF-16 (Excel "Unicode Text"); save it as "CSV UTF-8" or XLSX and import that', {
      details: { detected: utf16Bom(bytes) },
    });
  }
  // Text never holds NUL bytes; UTF-16 without a BOM and binary files do.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new AppError('import.unsupported-format', 'This is not a CSV or XLSX file (it holds binary data)', { details: { detected: 'binary' } });
  }
  return 'csv';
}

/**
 * Text of a CSV file. Excel on Chinese Windows writes "CSV" in GBK (a subset of
 * GB18030) and "CSV UTF-8" with a BOM; other tools write UTF-8 without one.
 * UTF-8 is strict enough to tell apart: GBK text of any length is almost never
 * valid UTF-8, so a file that decodes strictly as UTF-8 is taken as UTF-8.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: decodeUtf8(bytes.subarray(UTF8_BOM.length), 'utf-8-bom'), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 maps every byte sequence except broken ones, which come out as U+FFFD.
  }
  const text = iconv.decode(bytes, 'gb18030');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split(/\r\n|\r|\n/).length;
    throw new AppError('import.unreadable', `The file is neither UTF-8 nor GBK/GB18030 text: unreadable bytes on line ${line}`, {
      details: { line, encodings: ['utf-8', 'gb18030'] },
    });
  }
  return { text, encoding: 'gb18030' };
}

function decodeUtf8(bytes: Buffer, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('import.unreadable', `The file says it is UTF-8 (${label}) but holds bytes that are not UTF-8`, { details: { encoding: label } });
  }
}

function utf16Bom(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}
