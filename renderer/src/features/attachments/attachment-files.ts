import type { TFunction } from 'i18next';
import { MAX_ATTACHMENT_BYTES } from '@shared/domain/attachments';
import { isErrorCode, type ErrorCode } from '@shared/errors';
import { isApiClientError } from '../../api/api-client-error';
import { formatBytes } from '../../i18n/format';

/** A file refused before it is read: the same code core would answer with, so the message is the same. */
export class LocalUploadError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'LocalUploadError';
  }
}

/**
 * Checked before a file is read: a 2 GB video must be refused at once, not
 * after the renderer has turned it into base64. Type checks stay in core,
 * which reads the content.
 */
export function localUploadProblem(file: { size: number }): LocalUploadError | null {
  if (file.size > MAX_ATTACHMENT_BYTES) return new LocalUploadError('attachments.too-large', { limit: MAX_ATTACHMENT_BYTES, size: file.size });
  if (file.size === 0) return new LocalUploadError('api.invalid-input', { reason: 'empty' });
  return null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A name for a file that has none of its own (a pasted screenshot, a camera
 * shot): the label and the local time, e.g. "照片 2026-11-27 091503.jpg", so
 * several taken in a row sort in order and never collide.
 */
export function capturedFileName(label: string, at: Date, extension: string): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${label} ${date} ${time}.${extension}`;
}

/** The extension for an image MIME type from the clipboard. */
export function imageExtension(mimeType: string): string {
  const subtype = mimeType.split('/')[1]?.toLowerCase() ?? 'png';
  return subtype === 'jpeg' ? 'jpg' : subtype.replace(/[^a-z0-9]/g, '') || 'png';
}

function codeAndDetails(error: unknown): { code: ErrorCode; details: Record<string, unknown> } | null {
  if (error instanceof LocalUploadError) return { code: error.code, details: error.details };
  if (isApiClientError(error) && isErrorCode(error.code)) {
    const details = error.details;
    return { code: error.code, details: details && typeof details === 'object' ? (details as Record<string, unknown>) : {} };
  }
  return null;
}

/**
 * What went wrong with one file, in the user's words: the file name, the
 * sizes or types involved, then the stable code. Null for errors that say
 * nothing about the file; the caller shows the app-wide text for those.
 */
export function uploadErrorText(error: unknown, fileName: string, t: TFunction, language: string): string | null {
  const known = codeAndDetails(error);
  const withCode = (message: string, code: string) => t('errors.withCode', { message, code });
  if (known) {
    const { code, details } = known;
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
    switch (code) {
      case 'attachments.too-large':
        return withCode(
          t('attachments.errors.tooLarge', {
            name: fileName,
            size: formatBytes(Number(details['size'] ?? 0), language),
            limit: formatBytes(Number(details['limit'] ?? MAX_ATTACHMENT_BYTES), language),
          }),
          code,
        );
      case 'attachments.type-mismatch': {
        const detected = text(details['detected']);
        return withCode(
          detected
            ? t('attachments.errors.typeMismatch', { name: fileName, extension: text(details['extension']) ?? '', detected: detected === 'text' ? t('attachments.detectedText') : detected })
            : t('attachments.errors.typeUnknown', { name: fileName, extension: text(details['extension']) ?? '' }),
          code,
        );
      }
      case 'attachments.unsupported-type':
        return withCode(t('attachments.errors.unsupportedType', { name: fileName }), code);
      case 'api.invalid-input':
        if (details['reason'] === 'empty') return withCode(t('attachments.errors.empty', { name: fileName }), code);
        break;
      default:
        break;
    }
  }
  return null;
}
