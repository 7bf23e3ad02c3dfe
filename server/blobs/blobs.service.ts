import { createHash } from 'node:crypto';
import { SYNC_ENTITIES, type PushableEntityName } from '@shared/sync/entities';
import { SYNC_LIMITS } from '@shared/sync/limits';
import { canRead, receivesRecord } from '@shared/sync/scope';
import type { Session } from '../accounts/accounts.service';
import type { ServerStore } from '../db/database';
import { syncError } from '../http/sync-error';

export interface BlobStatus {
  present: boolean;
  size: number | null;
  receivedBytes: number;
}

/** Uploads nobody continued for this long are dropped. */
const STALE_UPLOAD_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Attachment files, content-addressed by SHA-256 (SYNC.md guarantee 5). An
 * upload is a series of chunks at increasing offsets; it can stop anywhere and
 * continue later (even on another server instance: the chunks are in the
 * database) from `receivedBytes`. When the last byte arrives the whole file is
 * hashed: a match makes it a blob, a mismatch discards the upload. Files live
 * in the database, so instances share them and one backup holds everything.
 */
export class BlobsService {
  constructor(
    private readonly store: ServerStore,
    private readonly now: () => number,
  ) {}

  async status(sha256: string): Promise<BlobStatus> {
    const blob = await this.store.db.selectFrom('blobs').select('size').where('sha256', '=', sha256).executeTakeFirst();
    if (blob) return { present: true, size: Number(blob.size), receivedBytes: Number(blob.size) };
    const upload = await this.store.db.selectFrom('uploads').select(['size', 'received']).where('sha256', '=', sha256).executeTakeFirst();
    return { present: false, size: upload ? Number(upload.size) : null, receivedBytes: upload ? Number(upload.received) : 0 };
  }

  async putChunk(sha256: string, offset: number, size: number, bytes: Buffer): Promise<{ receivedBytes: number; complete: boolean }> {
    if (size > SYNC_LIMITS.blobMaxBytes) throw syncError('sync.payload-too-large', `Files are at most ${SYNC_LIMITS.blobMaxBytes} bytes`);
    if (bytes.length === 0) throw syncError('sync.invalid', 'An empty chunk');
    const now = this.now();
    const outcome = await this.store.db.transaction().execute(async (trx) => {
      const blob = await trx.selectFrom('blobs').select('size').where('sha256', '=', sha256).executeTakeFirst();
      if (blob) return { receivedBytes: Number(blob.size), complete: true, mismatch: false };
      const stale = await trx.selectFrom('uploads').select('sha256').where('updated_at', '<', now - STALE_UPLOAD_MS).limit(100).execute();
      if (stale.length > 0) {
        const shas = stale.map((row) => row.sha256);
        await trx.deleteFrom('upload_chunks').where('sha256', 'in', shas).execute();
        await trx.deleteFrom('uploads').where('sha256', 'in', shas).execute();
      }
      await trx
        .insertInto('uploads')
        .values({ sha256, size, received: 0, created_at: now, updated_at: now })
        .onConflict((c) => c.column('sha256').doNothing())
        .execute();
      // FOR UPDATE: two devices uploading the same file through two instances take turns.
      let query = trx.selectFrom('uploads').select(['size', 'received']).where('sha256', '=', sha256);
      if (this.store.dialect === 'postgres') query = query.forUpdate();
      const upload = await query.executeTakeFirstOrThrow();
      let received = Number(upload.received);
      if (Number(upload.size) !== size) {
        if (received !== 0) throw syncError('sync.invalid', `This upload is ${upload.size} bytes long, not ${size}`);
        await trx.updateTable('uploads').set({ size }).where('sha256', '=', sha256).execute();
      }
      if (offset !== received) throw syncError('sync.upload-offset', `Continue at byte ${received}`, { receivedBytes: received });
      if (received + bytes.length > size) throw syncError('sync.invalid', 'The chunk runs past the declared size');
      if (offset === 0 && bytes.length === size) {
        // The whole file in one request (most photos): verified in memory and stored once, not written as a chunk,
        // read back and written again. A mismatch still commits the cleanup: the next attempt starts at 0.
        await trx.deleteFrom('uploads').where('sha256', '=', sha256).execute();
        if (createHash('sha256').update(bytes).digest('hex') !== sha256) return { receivedBytes: 0, complete: false, mismatch: true };
        await trx.insertInto('blobs').values({ sha256, size, data: bytes, created_at: now }).execute();
        return { receivedBytes: size, complete: true, mismatch: false };
      }

      await trx.insertInto('upload_chunks').values({ sha256, start_offset: offset, data: bytes }).execute();
      received += bytes.length;
      await trx.updateTable('uploads').set({ received, updated_at: now }).where('sha256', '=', sha256).execute();
      if (received < size) return { receivedBytes: received, complete: false, mismatch: false };

      const chunks = await trx.selectFrom('upload_chunks').select('data').where('sha256', '=', sha256).orderBy('start_offset').execute();
      const whole = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data)));
      const actual = createHash('sha256').update(whole).digest('hex');
      await trx.deleteFrom('upload_chunks').where('sha256', '=', sha256).execute();
      await trx.deleteFrom('uploads').where('sha256', '=', sha256).execute();
      // A mismatch still commits: the bad bytes are gone and the next attempt starts at 0.
      if (actual !== sha256) return { receivedBytes: 0, complete: false, mismatch: true };
      await trx.insertInto('blobs').values({ sha256, size, data: whole, created_at: now }).execute();
      return { receivedBytes: size, complete: true, mismatch: false };
    });
    if (outcome.mismatch) throw syncError('sync.hash-mismatch', 'The file does not match its SHA-256; upload it again from byte 0', { receivedBytes: 0 });
    return { receivedBytes: outcome.receivedBytes, complete: outcome.complete };
  }

  /** The bytes, only for someone who may receive an attachment record that references them. */
  async content(session: Session, sha256: string): Promise<Buffer> {
    const attachments = await this.store.db
      .selectFrom('attachment_blobs')
      .innerJoin('records', (join) => join.onRef('records.id', '=', 'attachment_blobs.attachment_id').on('records.entity', '=', 'attachment'))
      .select(['records.client_id', 'records.site_id', 'records.owner_user_id'])
      .where('attachment_blobs.sha256', '=', sha256)
      .execute();
    const kind = SYNC_ENTITIES['attachment' satisfies PushableEntityName].kind;
    const allowed = attachments.some(
      (row) =>
        canRead(session.scope, { clientId: row.client_id, siteId: row.site_id }) &&
        receivesRecord(session.user, { kind, ownerUserId: row.owner_user_id, peerUserId: null }),
    );
    const blob = allowed ? await this.store.db.selectFrom('blobs').select('data').where('sha256', '=', sha256).executeTakeFirst() : undefined;
    // The same answer whether the file is missing or not the caller's: its existence is not disclosed.
    if (!blob) throw syncError('sync.not-found', 'No such file');
    return Buffer.from(blob.data);
  }
}
