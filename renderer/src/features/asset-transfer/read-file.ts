import { MAX_IMPORT_BYTES } from '@shared/domain/asset-import';
import { bytesToBase64 } from './download-file';

export type ImportFileProblem = { key: 'tooLarge'; sizeMb: string; maxMb: string } | { key: 'emptyFile' } | { key: 'wrongType' };

const ACCEPTED = /\.(csv|txt|tsv|xlsx)$/i;
/** What the file picker offers; core tells CSV from XLSX by content, not by name. */
export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/**
 * Checked before anything is read: a 500 MB file must be refused at once, not
 * after the renderer has turned it into base64. The limit is the contract's.
 */
export function importFileProblem(file: { name: string; size: number }): ImportFileProblem | null {
  if (file.size > MAX_IMPORT_BYTES) return { key: 'tooLarge', sizeMb: megabytes(file.size), maxMb: megabytes(MAX_IMPORT_BYTES) };
  if (file.size === 0) return { key: 'emptyFile' };
  if (!ACCEPTED.test(file.name)) return { key: 'wrongType' };
  return null;
}

/** The file's bytes as base64 for `imports.parse`, encoded slice by slice. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  const buffer = await file.arrayBuffer();
  return bytesToBase64(new Uint8Array(buffer));
}
