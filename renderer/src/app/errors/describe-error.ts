import type { TFunction } from 'i18next';
import type { ErrorCode } from '@shared/errors';
import { isApiClientError } from '../../api';

export interface DescribedError {
  code: ErrorCode;
  /** Translated text for the code, or the raw message when there is no translation. */
  message: string;
  /** What the user sees: the message followed by the code, so a report or a search finds it. */
  text: string;
}

/**
 * Turns anything thrown into what the user reads. The code is always shown:
 * it is stable, it is what support asks for, and tests assert on it.
 */
export function describeError(error: unknown, t: TFunction): DescribedError {
  const code: ErrorCode = isApiClientError(error) ? error.code : 'internal.error';
  const raw = error instanceof Error ? error.message : String(error);
  // Unexpected errors keep their own message: "An internal error occurred" alone helps nobody.
  const message = isApiClientError(error) ? t(`errors.${code}`, { defaultValue: raw }) : raw || t('errors.unexpected');
  return { code, message, text: t('errors.withCode', { message, code }) };
}
