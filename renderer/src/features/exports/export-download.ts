import type { ExportChunk } from '@shared/domain/exports';
import { base64ToBytes } from '../asset-transfer/download-file';

type Read = (offset: number) => Promise<ExportChunk>;

/**
 * Fetches a finished export slice by slice (each at most a few MiB) into a
 * Blob: the browser keeps the parts, never one huge string, so a 100,000-row
 * workbook downloads without a giant message.
 */
export async function fetchExport(read: Read, mimeType: string, signal?: AbortSignal): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    if (signal?.aborted) throw new DOMException('The download was cancelled', 'AbortError');
    const chunk = await read(offset);
    const bytes = base64ToBytes(chunk.contentBase64);
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.eof || bytes.length === 0) break;
  }
  return new Blob(parts, { type: mimeType || 'application/octet-stream' });
}

export { saveBlob } from '../asset-transfer/download-file';
