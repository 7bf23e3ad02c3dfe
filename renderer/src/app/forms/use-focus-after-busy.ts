import { useEffect, useRef } from 'react';

/**
 * A button that is disabled while its request runs drops keyboard focus to
 * <body>, and the next Tab starts again at the top of the page. This gives
 * focus back to the control once it is enabled again, unless the user has
 * already moved on.
 */
export function useFocusAfterBusy<T extends HTMLElement>(busy: boolean) {
  const ref = useRef<T>(null);
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy && (document.activeElement === null || document.activeElement === document.body)) ref.current?.focus();
    wasBusy.current = busy;
  }, [busy]);
  return ref;
}
