import { i18next } from '../../i18n/i18n';
import { devLog } from '../dev-log';
import { describeError } from './describe-error';
import { useNotices } from './notices.store';

/** Puts any error in the app-wide snackbar. Usable outside React (stores, global handlers). */
export function reportError(error: unknown): void {
  const described = describeError(error, i18next.t);
  devLog.error(error);
  useNotices.getState().show({ severity: 'error', text: described.message, code: described.code });
}

/** A confirmation or an Undo offer in the same snackbar. */
export function notify(text: string, options: { severity?: 'success' | 'info'; action?: { label: string; run: () => void | Promise<void> } } = {}): void {
  useNotices.getState().show({ severity: options.severity ?? 'success', text, ...(options.action ? { action: options.action } : {}) });
}
