import { join } from 'node:path';
import { cleanFileName, MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentOwnerType } from '@shared/domain/attachments';
import type { Profile } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { acceptType, sniffContent } from './attachment-type';
import { AttachmentsRepo, insertAttachment, toAttachment, type AttachmentRow } from './attachments.repo';
import { BlobStore } from './blob-store';
import { describeImage, thumbnailMimeType, type ImageFacts } from './thumbnails';

export interface AttachmentsDeps {
  store: LocalStore;
  events: EventBus;
  dataDir: string;
  actor: () => Profile | null;
}

export interface UploadRequest {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  fileName: string;
  bytes: Buffer;
  note?: string;
}

const ENTITIES = ['attachment'];

/** Folder of the blob store inside the data directory. */
export const ATTACHMENTS_FOLDER = 'attachments';

/**
 * Photos and files attached to service-desk records (incidents, work-log
 * entries, problems, changes, knowledge articles, emergency plans, and round
 * items later). The rules: at most MAX_ATTACHMENT_BYTES; content decides the
 * type and the name must agree; the owner must exist; nothing is stored when
 * any of that fails.
 *
 * Sync: only the metadata row travels with the write path today. Moving the
 * blobs (upload before the mutation that references them, resumable,
 * verified by SHA-256: SYNC.md) belongs to the sync issue; until then a row
 * synced from another laptop reports `contentAvailable: false` and its
 * content and thumbnail are not found here. Thumbnails are derived data: a
 * device that receives a row without the thumbnail blob may regenerate it.
 */
export class AttachmentsService {
  readonly blobs: BlobStore;
  private readonly repo: AttachmentsRepo;

  constructor(private readonly deps: AttachmentsDeps) {
    this.repo = new AttachmentsRepo(deps.store.db);
    this.blobs = new BlobStore(join(deps.dataDir, ATTACHMENTS_FOLDER));
  }

  async upload(request: UploadRequest): Promise<Attachment> {
    if (!this.deps.actor()) throw new AppError('profile.required', 'Set your name and role before attaching files');
    const { ownerType, ownerId, bytes } = request;
    const fileName = cleanFileName(request.fileName);
    if (fileName === '') throw new AppError('api.invalid-input', 'The file name is required', { details: { reason: 'file-name' } });
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('attachments.too-large', `${fileName} is ${bytes.length} bytes; the limit is ${MAX_ATTACHMENT_BYTES}`, {
        details: { limit: MAX_ATTACHMENT_BYTES, size: bytes.length },
      });
    }
    if (bytes.length === 0) throw new AppError('api.invalid-input', `${fileName} is empty`, { details: { reason: 'empty' } });
    const type = acceptType(fileName, await sniffContent(bytes));
    this.assertOwner(ownerType, ownerId);
    const image: ImageFacts = type.kind === 'image' ? await describeImage(bytes, type.mimeType) : { width: null, height: null, thumbnail: null };

    // From here to the end everything is synchronous, so no other call runs between storing the
    // blobs and committing the row: removing a blob after a failed commit can never take one
    // away from an upload that just found it already stored.
    const content = this.blobs.put(bytes);
    const thumbnail = image.thumbnail === null ? null : image.thumbnail.isOriginal ? { sha256: content.sha256, created: false } : this.blobs.put(image.thumbnail.bytes);
    const id = newId();
    try {
      this.deps.store.writePath.write(() => {
        // Checked again inside the transaction: the owner may have been deleted while the thumbnail was made.
        this.assertOwner(ownerType, ownerId);
        return [
          insertAttachment({
            id,
            ownerType,
            ownerId,
            fileName,
            mimeType: type.mimeType,
            sizeBytes: bytes.length,
            sha256: content.sha256,
            thumbnailSha256: thumbnail?.sha256 ?? null,
            width: image.width,
            height: image.height,
            note: request.note ?? '',
          }),
        ];
      });
    } catch (error) {
      for (const blob of [content, thumbnail]) {
        if (blob?.created && !this.repo.references(blob.sha256)) this.blobs.remove(blob.sha256);
      }
      throw error;
    }
    this.changed();
    return this.get(id);
  }

  get(id: string): Attachment {
    return this.toAttachment(this.liveRow(id));
  }

  list(ownerType: AttachmentOwnerType, ownerId: string): Attachment[] {
    return this.repo.list(ownerType, ownerId).map((row) => this.toAttachment(row));
  }

  /** The attachments of many owners at once (reports, exports), ordered by owner then time. */
  listFor(ownerType: AttachmentOwnerType, ownerIds: readonly string[]): Attachment[] {
    return this.repo.listFor(ownerType, ownerIds).map((row) => this.toAttachment(row));
  }

  /** The file as stored, checked against its SHA-256. */
  content(id: string): { attachment: Attachment; bytes: Buffer } {
    const row = this.liveRow(id);
    const bytes = this.blobs.read(row.sha256);
    if (!bytes) {
      throw new AppError('attachments.not-found', `The content of ${row.file_name} is not on this device`, { details: { id, reason: 'content-unavailable' } });
    }
    return { attachment: this.toAttachment(row), bytes };
  }

  /** The thumbnail, or null for files that have none (documents, HEIC, WebP, images too large to decode) or whose thumbnail is not on this device. */
  thumbnail(id: string): { mimeType: string; bytes: Buffer } | null {
    const row = this.liveRow(id);
    if (row.thumbnail_sha256 === null) return null;
    const bytes = this.blobs.read(row.thumbnail_sha256);
    return bytes ? { mimeType: thumbnailMimeType(bytes), bytes } : null;
  }

  /** Soft delete through the write path; the blob stays, since the row can be restored (and other rows may share it). */
  delete(id: string): { id: string } {
    this.deps.store.writePath.write([{ entity: 'attachment', op: 'delete', id }], () => void this.liveRow(id));
    this.changed();
    return { id };
  }

  /** Undoes a delete. Restoring a live attachment changes nothing. */
  restore(id: string): Attachment {
    const row = this.repo.get(id);
    if (!row) throw notFound(id);
    if (row.deleted_at !== null) {
      this.deps.store.writePath.write([{ entity: 'attachment', op: 'restore', id }]);
      this.changed();
    }
    return this.get(id);
  }

  private assertOwner(ownerType: AttachmentOwnerType, ownerId: string): void {
    if (this.repo.ownerExists(ownerType, ownerId) === false) {
      throw new AppError('attachments.owner-not-found', `No ${ownerType} ${ownerId} to attach to`, { details: { ownerType, ownerId } });
    }
  }

  private liveRow(id: string): AttachmentRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw notFound(id);
    return row;
  }

  private toAttachment(row: AttachmentRow): Attachment {
    return toAttachment(row, this.blobs.has(row.sha256));
  }

  private changed(): void {
    this.deps.events.emit('records.changed', { entities: ENTITIES });
  }
}

function notFound(id: string): AppError {
  return new AppError('attachments.not-found', `No attachment ${id}`, { details: { id } });
}
