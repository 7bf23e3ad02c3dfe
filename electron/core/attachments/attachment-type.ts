import { fileTypeFromBuffer } from 'file-type/core';
import { ATTACHMENT_TYPES, ZIP_BASED_TYPES, fileExtension, type AttachmentKind } from '@shared/domain/attachments';
import { AppError } from '@shared/errors';

/** What the bytes are, whatever the name says. */
export interface SniffedContent {
  /** MIME type: file-type's for binary formats, `text/plain` for text, null when nothing is recognised. */
  mime: string | null;
  /** A short name for messages (`pdf`, `png`, `exe`, `text`), null when nothing is recognised. */
  label: string | null;
}

const ALLOWED_MIME_TYPES: ReadonlySet<string> = new Set(ATTACHMENT_TYPES.map((type) => type.detected));

/** How much of a file the text test reads: enough to see a binary header, cheap on a 10 MiB log. */
const TEXT_SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which bytes are not text (ANSI colours and form feeds in logs stay under it). */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Recognises content by its bytes. Binary formats by their signatures
 * (file-type's `core` entry: pure, no file system, bundles to CommonJS with
 * esbuild; it also opens zip containers to tell .docx and .xlsx from a zip).
 * Text has no signature, so bytes without NULs and with almost no control
 * characters count as text: UTF-8, GBK/GB18030 (every byte of a GBK pair is
 * ≥ 0x40) and UTF-16 with a BOM all pass; executables and images never do.
 */
export async function sniffContent(bytes: Uint8Array): Promise<SniffedContent> {
  const found = await fileTypeFromBuffer(bytes);
  // Two-byte signatures (MZ, %!, ID3) also start ordinary text now and then: text stays text
  // unless the signature is of a type we accept. Programs never pass as text (they hold NULs).
  if (found && (ALLOWED_MIME_TYPES.has(found.mime) || !looksLikeText(bytes))) return { mime: found.mime, label: found.ext };
  if (looksLikeText(bytes)) return { mime: 'text/plain', label: 'text' };
  return { mime: null, label: null };
}

export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    // Tab, line feed, vertical tab, form feed, carriage return and escape are text.
    if ((byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) || byte === 0x7f) control += 1;
  }
  return control / sample.length <= MAX_CONTROL_SHARE;
}

export interface AcceptedType {
  /** The MIME type stored: from the content, refined by the extension where the content alone is ambiguous. */
  mimeType: string;
  kind: AttachmentKind;
}

/**
 * Decides whether a file may be attached. Content decides the type; the name
 * must agree with it, so a PDF named .png or a program named .jpg is refused
 * before anything is stored. A name without an extension has nothing to
 * disagree with and takes the content's type.
 *
 * - content not on the list (executables, scripts' containers, unknown
 *   binary) or an extension that no allowed type uses → `attachments.unsupported-type`
 * - an allowed extension on content of another allowed type → `attachments.type-mismatch`
 */
export function acceptType(fileName: string, sniffed: SniffedContent): AcceptedType {
  const extension = fileExtension(fileName);
  const details = { extension, detected: sniffed.label };
  const candidates = ATTACHMENT_TYPES.filter((type) => type.detected === sniffed.mime);
  const knownExtension = extension === '' || ATTACHMENT_TYPES.some((type) => type.extensions.includes(extension));

  if (candidates.length === 0 || !knownExtension) {
    // An allowed name on unrecognised binary is a file pretending to be something it is not.
    if (sniffed.mime === null && extension !== '' && knownExtension) {
      throw new AppError('attachments.type-mismatch', `${fileName}: the content is not a .${extension} file`, { details });
    }
    throw new AppError('attachments.unsupported-type', `${fileName}: this kind of file cannot be attached (content: ${sniffed.label ?? 'unknown'})`, { details });
  }
  if (extension === '') return { mimeType: sniffed.mime!, kind: candidates[0]!.kind };

  const agreeing = candidates.find((type) => type.extensions.includes(extension));
  if (agreeing) return { mimeType: agreeing.mimeByExtension?.[extension] ?? agreeing.detected, kind: agreeing.kind };
  if (extension === 'zip' && ZIP_BASED_TYPES.has(sniffed.mime!)) return { mimeType: 'application/zip', kind: 'archive' };
  throw new AppError('attachments.type-mismatch', `${fileName}: the name says .${extension} but the content is ${sniffed.label}`, { details });
}
