import { z } from 'zod';
import { EpochMs, Id } from './ids';

/**
 * Attachments (附件): photos and files kept with a service-desk record. The
 * content lives in a content-addressed blob store on the laptop (SHA-256);
 * the metadata row is a synced, append-only record.
 */

/** The records a file can be attached to. `round-item` is for photo items of rounds (a later issue). */
export const ATTACHMENT_OWNER_TYPES = ['incident', 'work-log', 'problem', 'change', 'knowledge', 'plan', 'round-item'] as const;
export const AttachmentOwnerType = z.enum(ATTACHMENT_OWNER_TYPES);
export type AttachmentOwnerType = z.infer<typeof AttachmentOwnerType>;

/** The largest file accepted: a phone photo or a scanned PDF fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Longest side of a thumbnail, in pixels: sharp in a 160 px grid cell on a 2× screen. */
export const THUMBNAIL_MAX_SIDE = 320;

export type AttachmentKind = 'image' | 'document' | 'text' | 'archive';

/**
 * One kind of file that may be attached: the MIME type its content is
 * recognised as, the extensions a name of that kind may carry, and the MIME
 * type stored. Content decides; the extension must agree with it.
 */
export interface AttachmentType {
  /** What content sniffing reports (file-type's MIME, or `text/plain` for text). */
  detected: string;
  /** Lower-case, without the dot. The first one is the usual. */
  extensions: readonly string[];
  kind: AttachmentKind;
  /**
   * The MIME type stored, by extension, when one detected type covers several
   * (text/plain read as .csv is text/csv; an OLE2 container named .xls is Excel 97).
   */
  mimeByExtension?: Readonly<Record<string, string>>;
}

const TEXT_EXTENSIONS = ['txt', 'log', 'csv', 'tsv', 'cfg', 'conf', 'ini', 'json', 'md'];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { detected: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], kind: 'image' },
  { detected: 'image/png', extensions: ['png'], kind: 'image' },
  { detected: 'image/gif', extensions: ['gif'], kind: 'image' },
  { detected: 'image/webp', extensions: ['webp'], kind: 'image' },
  // iPhone photos. Stored and downloadable; no thumbnail (no pure-JS HEIF decoder worth bundling).
  { detected: 'image/heic', extensions: ['heic', 'heif'], kind: 'image' },
  { detected: 'image/heif', extensions: ['heif', 'heic'], kind: 'image' },
  { detected: 'application/pdf', extensions: ['pdf'], kind: 'document' },
  { detected: DOCX, extensions: ['docx'], kind: 'document' },
  { detected: XLSX, extensions: ['xlsx'], kind: 'document' },
  { detected: PPTX, extensions: ['pptx'], kind: 'document' },
  // Office 97–2003 files are OLE2 containers; the content alone cannot tell Word from Excel, so the name does.
  {
    detected: 'application/x-cfb',
    extensions: ['doc', 'xls', 'ppt'],
    kind: 'document',
    mimeByExtension: { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' },
  },
  { detected: 'application/zip', extensions: ['zip'], kind: 'archive' },
  { detected: 'application/x-7z-compressed', extensions: ['7z'], kind: 'archive' },
  { detected: 'application/gzip', extensions: ['gz', 'tgz'], kind: 'archive' },
  // Device configurations and logs are plain text under many names.
  {
    detected: 'text/plain',
    extensions: [...TEXT_EXTENSIONS, 'xml'],
    kind: 'text',
    mimeByExtension: { csv: 'text/csv', tsv: 'text/tab-separated-values', xml: 'application/xml' },
  },
  // Text that starts with an XML declaration is recognised as XML; it is still text under a text name.
  {
    detected: 'application/xml',
    extensions: ['xml', ...TEXT_EXTENSIONS],
    kind: 'text',
    mimeByExtension: Object.fromEntries(TEXT_EXTENSIONS.map((ext) => [ext, 'text/plain'])),
  },
];

/** Containers whose extension `.zip` is also true of the formats built on them (a .docx renamed .zip is still a zip). */
export const ZIP_BASED_TYPES: ReadonlySet<string> = new Set([DOCX, XLSX, PPTX]);

/** What the file picker offers; core still decides by content. */
export const ATTACHMENT_ACCEPT = [...new Set(ATTACHMENT_TYPES.flatMap((type) => type.extensions))].map((ext) => `.${ext}`).join(',');

/** The lower-case extension of a file name without the dot, or '' when it has none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Characters no file name on Windows, macOS or Linux may hold, plus control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f<>:"|?*]/g;

/**
 * A file name as given by a browser, a camera or a clipboard, reduced to its
 * last path segment without characters that would break a download on any
 * system. The stored name is what the user sees and saves as.
 */
export function cleanFileName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').replace(UNSAFE_NAME_CHARACTERS, '').trim().slice(0, 255);
}

export const AttachmentFileName = z.string().max(1000).transform(cleanFileName).pipe(z.string().min(1, 'The file name is required'));

export const Attachment = z.object({
  id: Id,
  ownerType: AttachmentOwnerType,
  ownerId: Id,
  fileName: z.string(),
  /** From the sniffed content, not from the name or the browser. */
  mimeType: z.string(),
  kind: z.enum(['image', 'document', 'text', 'archive']),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  thumbnailSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  note: z.string(),
  /**
   * Whether the file itself is on this laptop. Metadata synced from another
   * device arrives before (or without) its content until blob transfer exists.
   */
  contentAvailable: z.boolean(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Attachment = z.infer<typeof Attachment>;

/** The kind of an attachment from its stored MIME type (unknown types count as documents). */
export function attachmentKind(mimeType: string): AttachmentKind {
  for (const type of ATTACHMENT_TYPES) {
    if (type.detected === mimeType || Object.values(type.mimeByExtension ?? {}).includes(mimeType)) return type.kind;
  }
  return 'document';
}
