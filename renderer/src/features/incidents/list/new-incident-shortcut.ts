import { useEffect, useRef } from 'react';
import { isEditable } from '../../quick-open/scanner-input';

export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** "N" alone, outside any text field: a person asking for a new incident. */
export function isNewIncidentKey(event: ShortcutKey): boolean {
  return (event.key === 'n' || event.key === 'N') && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
}

/**
 * A barcode scanner is a keyboard too, and a code may start with N. A scanner
 * types the next key within a few tens of milliseconds, a person does not, so
 * the shortcut fires only when no other key follows within this time.
 */
export const SCANNER_GAP_MS = 60;

/**
 * Calls `onTrigger` on the N shortcut while `enabled` (no dialog open, say).
 * Another key soon after cancels it: that was a scan, which quick open handles.
 */
export function useNewIncidentShortcut(enabled: boolean, onTrigger: () => void): void {
  const callback = useRef(onTrigger);
  useEffect(() => {
    callback.current = onTrigger;
  });
  useEffect(() => {
    if (!enabled) return;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (pending !== null) {
        clearTimeout(pending);
        pending = null;
        return;
      }
      // MUI dialogs and menus are in portals outside the page; a key meant for them is not a shortcut.
      if (!isNewIncidentKey(event) || document.querySelector('[role="dialog"], [role="presentation"].MuiPopover-root, [role="listbox"]')) return;
      event.preventDefault();
      pending = setTimeout(() => {
        pending = null;
        callback.current();
      }, SCANNER_GAP_MS);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (pending !== null) clearTimeout(pending);
    };
  }, [enabled]);
}
