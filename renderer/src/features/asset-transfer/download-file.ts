import type { ExportedFile } from '@shared/api/asset-transfer.contract';

/** Decodes base64 to bytes in slices, so a large file never becomes one giant intermediate string. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((clean.length / 4) * 3 - padding);
  // A multiple of 4 characters decodes to whole bytes.
  const SLICE = 4 * 16_384;
  let offset = 0;
  for (let start = 0; start < clean.length; start += SLICE) {
    const binary = atob(clean.slice(start, start + SLICE));
    for (let i = 0; i < binary.length; i++) bytes[offset++] = binary.charCodeAt(i);
  }
  return bytes;
}

/** Encodes bytes as base64 in slices (String.fromCharCode on a whole file overflows the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 3 * 8_192;
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += SLICE) {
    const chunk = bytes.subarray(start, start + SLICE);
    let binary = '';
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i]!);
    parts.push(btoa(binary));
  }
  return parts.join('');
}

/**
 * Hands a file from core to the user: a Blob behind an object URL and a click
 * on an <a download>. Chromium saves it to Downloads (or asks), and so does
 * Electron's default will-download handling.
 */
export function downloadFile(file: Pick<ExportedFile, 'fileName' | 'mimeType' | 'contentBase64'>, doc: Document = document): void {
  saveBlob(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType || 'application/octet-stream' }), file.fileName, doc);
}

/** Saves a Blob under a name: an object URL and a click on an <a download> (exports of any size use it too). */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download synchronously; revoking a little later is safe.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
