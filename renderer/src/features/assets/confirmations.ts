import { useNotices } from '../../app/errors/notices.store';
import { notify } from '../../app/errors/report-error';

/**
 * A confirmation or an Undo offer that replaces the confirmations still
 * waiting in the snackbar queue. The queue shows one notice at a time, each
 * for up to ten seconds; without this, the Undo of a delete could wait behind
 * "Saved …" lines that no longer matter. Errors are never dropped.
 */
export function announce(text: string, options: Parameters<typeof notify>[1] = {}): void {
  const { queue, dismiss } = useNotices.getState();
  for (const notice of queue) if (notice.severity !== 'error') dismiss(notice.id);
  notify(text, options);
}
