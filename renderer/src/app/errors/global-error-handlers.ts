import { reportError } from './report-error';

/**
 * Errors nobody caught (a rejected promise in an event handler, a throw in a
 * timer) still reach the user instead of only the console.
 */
export function installGlobalErrorHandlers(win: Window = window): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    event.preventDefault();
    reportError(event.reason);
  };
  const onError = (event: ErrorEvent) => {
    // Resource load failures and cross-origin "Script error." carry no error object.
    if (event.error === undefined || event.error === null) return;
    reportError(event.error);
  };
  win.addEventListener('unhandledrejection', onRejection);
  win.addEventListener('error', onError);
  return () => {
    win.removeEventListener('unhandledrejection', onRejection);
    win.removeEventListener('error', onError);
  };
}
