import { z } from 'zod';
import { Attachment, AttachmentFileName, AttachmentOwnerType, MAX_ATTACHMENT_BYTES } from '../domain/attachments';
import { Id } from '../domain/ids';
import { method } from './define';

/**
 * Base64 of up to twice the size limit passes the transport, so that a file
 * a little over the limit is refused by core with `attachments.too-large` and
 * its real size (the renderer checks the size before reading a file as well).
 */
const MAX_UPLOAD_BASE64 = Math.ceil((2 * MAX_ATTACHMENT_BYTES) / 3) * 4;

const AttachmentId = z.object({ id: Id });

export const attachmentsContract = {
  /**
   * Attach a file to a record. The type comes from the content, and the
   * name's extension must agree with it. Refuses, storing nothing:
   * `attachments.too-large` ({limit, size}), `attachments.type-mismatch`
   * ({extension, detected}), `attachments.unsupported-type` ({extension,
   * detected}: executables, unknown binary, names of types not on the list),
   * `attachments.owner-not-found` ({ownerType, ownerId}), `profile.required`.
   * Images get their size and a thumbnail of at most 320 px.
   */
  'attachments.upload': method({
    summary: 'Attach a photo or file (base64) to an incident, work-log entry, problem, change, article or plan.',
    maxInputBytes: MAX_UPLOAD_BASE64 + 16 * 1024,
    input: z.object({
      ownerType: AttachmentOwnerType,
      ownerId: Id,
      fileName: AttachmentFileName,
      contentBase64: z.string().min(1).max(MAX_UPLOAD_BASE64),
      note: z.string().trim().max(2000).default(''),
    }),
    output: Attachment,
  }),
  /** The live attachments of one record, oldest first. */
  'attachments.list': method({
    summary: 'The attachments of one record, oldest first.',
    input: z.object({ ownerType: AttachmentOwnerType, ownerId: Id }),
    output: z.array(Attachment),
  }),
  /** The file itself, checked against its SHA-256; `attachments.not-found` when it is not on this device. */
  'attachments.content': method({
    summary: 'The content of an attachment (base64) with its name and MIME type.',
    input: AttachmentId,
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  }),
  /** The thumbnail of an image (JPEG or PNG, at most 320 px), or null when there is none. */
  'attachments.thumbnail': method({
    summary: 'The thumbnail of an image attachment, or null.',
    input: AttachmentId,
    output: z.object({ mimeType: z.string(), contentBase64: z.string() }).nullable(),
  }),
  /** Soft delete (a tombstone that syncs); the file is kept so the delete can be undone. */
  'attachments.delete': method({
    summary: 'Delete an attachment (can be undone with attachments.restore).',
    input: AttachmentId,
    output: z.object({ id: z.string() }),
  }),
  /** Undo a delete. */
  'attachments.restore': method({
    summary: 'Restore a deleted attachment.',
    input: AttachmentId,
    output: Attachment,
  }),
};
