/**
 * The renderer's one way to the developer console (devtools in the browser,
 * Electron forwards it to the main process log). The user is told through the
 * UI; this is for whoever debugs it. Everything else in the renderer is kept
 * off the console by lint.
 */
export const devLog = {
  warn(...args: unknown[]): void {
    // eslint-disable-next-line no-console
    console.warn(...args);
  },
  error(...args: unknown[]): void {
    // eslint-disable-next-line no-console
    console.error(...args);
  },
};
