import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { MAX_ATTACHMENT_BYTES } from '@shared/domain/attachments';
import { ApiClientError } from '../../api/api-client-error';
import { capturedFileName, uploadErrorText, imageExtension, localUploadProblem } from './attachment-files';

/** Renders keys with their values, so the test sees which message and which values were chosen. */
const t = ((key: string, values?: Record<string, unknown>) =>
  `${key}(${Object.entries(values ?? {})
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('; ')})`) as unknown as TFunction;

describe('attachment files in the renderer', () => {
  it('refuses files over the limit or empty before reading them', () => {
    expect(localUploadProblem({ size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(localUploadProblem({ size: MAX_ATTACHMENT_BYTES + 1 })).toMatchObject({ code: 'attachments.too-large', details: { limit: MAX_ATTACHMENT_BYTES, size: MAX_ATTACHMENT_BYTES + 1 } });
    expect(localUploadProblem({ size: 0 })).toMatchObject({ code: 'api.invalid-input', details: { reason: 'empty' } });
  });

  it('names pasted and captured images by local time', () => {
    expect(capturedFileName('照片', new Date(2026, 10, 7, 9, 5, 3), 'jpg')).toBe('照片 2026-11-07 090503.jpg');
    expect(imageExtension('image/jpeg')).toBe('jpg');
    expect(imageExtension('image/png')).toBe('png');
    expect(imageExtension('image/svg+xml')).toBe('svgxml');
  });

  it('explains a refusal with the file name, the sizes and the code', () => {
    const tooLarge = new ApiClientError({ code: 'attachments.too-large', message: 'x', details: { limit: 10 * 1024 * 1024, size: 12 * 1024 * 1024 }, retryable: false });
    const text = uploadErrorText(tooLarge, '现场.jpg', t, 'en');
    expect(text).toContain('attachments.errors.tooLarge');
    expect(text).toBe('errors.withCode(message=attachments.errors.tooLarge(name=现场.jpg; size=12 MB; limit=10 MB); code=attachments.too-large)');

    const mismatch = new ApiClientError({ code: 'attachments.type-mismatch', message: 'x', details: { extension: 'png', detected: 'pdf' }, retryable: false });
    expect(uploadErrorText(mismatch, 'scan.png', t, 'en')).toContain('attachments.errors.typeMismatch(name=scan.png; extension=png; detected=pdf)');
    const unknown = new ApiClientError({ code: 'attachments.type-mismatch', message: 'x', details: { extension: 'txt', detected: null }, retryable: false });
    expect(uploadErrorText(unknown, 'a.txt', t, 'en')).toContain('attachments.errors.typeUnknown');

    const other = new ApiClientError({ code: 'attachments.owner-not-found', message: 'gone', retryable: false });
    expect(uploadErrorText(other, 'a.txt', t, 'en')).toBeNull();
    expect(uploadErrorText(new Error('boom'), 'a.txt', t, 'en')).toBeNull();
  });
});
