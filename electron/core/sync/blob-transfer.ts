import { AppError } from '@shared/errors';
import { SYNC_LIMITS } from '@shared/sync/limits';
import { BlobChunkResponse, BlobStatusResponse, SYNC_ROUTES } from '@shared/sync/messages';
import type { BlobStore } from '../attachments/blob-store';
import { sha256Hex } from '../attachments/blob-store';
import type { SyncHttp } from './sync-http';

/** 1 MiB chunks: a broken upload over a weak link loses at most this much. */
export const UPLOAD_CHUNK_BYTES = Math.min(1024 * 1024, SYNC_LIMITS.blobChunkMaxBytes);

export type UploadResult = 'uploaded' | 'present' | 'missing-locally';

/**
 * Sends one attachment file, content-addressed (SYNC.md guarantee 5): asks the
 * server what it has, continues an unfinished upload from where it stopped,
 * and the server checks the SHA-256 of the whole before it keeps it. A file
 * this laptop no longer holds intact is reported, not invented.
 */
export async function uploadBlob(http: SyncHttp, blobs: BlobStore, sha256: string, chunkBytes = UPLOAD_CHUNK_BYTES): Promise<UploadResult> {
  const status = await http.json('GET', SYNC_ROUTES.blob(sha256), BlobStatusResponse);
  if (status.present) return 'present';
  const bytes = blobs.read(sha256);
  // The protocol has no empty files (size is positive); the console never stores one.
  if (!bytes || bytes.length === 0) return 'missing-locally';
  let offset = status.receivedBytes <= bytes.length ? status.receivedBytes : 0;
  let restarted = false;
  while (offset < bytes.length) {
    const chunk = bytes.subarray(offset, offset + chunkBytes);
    let answer;
    try {
      answer = await http.putBytes(`${SYNC_ROUTES.blob(sha256)}?offset=${offset}&size=${bytes.length}`, chunk, BlobChunkResponse);
    } catch (error) {
      if (!(error instanceof AppError) || restarted) throw error;
      // The server holds another length than we thought (a parallel upload, a restart): ask again and continue from there.
      if (error.code === 'sync.upload-offset' || error.code === 'sync.hash-mismatch') {
        restarted = true;
        const again = await http.json('GET', SYNC_ROUTES.blob(sha256), BlobStatusResponse);
        if (again.present) return 'present';
        offset = again.receivedBytes <= bytes.length ? again.receivedBytes : 0;
        continue;
      }
      throw error;
    }
    if (answer.complete) return 'uploaded';
    if (answer.receivedBytes <= offset) throw new AppError('sync.bad-response', `The server did not take the chunk at ${offset} of ${sha256}`, { retryable: true });
    offset = answer.receivedBytes;
  }
  const final = await http.json('GET', SYNC_ROUTES.blob(sha256), BlobStatusResponse);
  if (!final.present) throw new AppError('sync.hash-mismatch', `The server did not accept ${sha256} after the whole file was sent`, { retryable: true });
  return 'uploaded';
}

/** Fetches a file another console attached and keeps it only if its SHA-256 matches. */
export async function downloadBlob(http: SyncHttp, blobs: BlobStore, sha256: string): Promise<void> {
  const bytes = await http.getBytes(SYNC_ROUTES.blobContent(sha256));
  if (sha256Hex(bytes) !== sha256) throw new AppError('sync.hash-mismatch', `The file ${sha256} arrived damaged; it will be fetched again`, { retryable: true });
  blobs.put(bytes);
}
