import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isEventName, isMethodName, type MethodName } from '@shared/api';
import type { ErrorCode, Result } from '@shared/errors';
import { log } from './log';

// The same names are spelled out in electron/preload/index.ts, which cannot import from here.
export const INVOKE_CHANNEL = 'walkdown:invoke';
export const EVENT_CHANNEL = 'walkdown:event';

export interface IpcRelayOptions {
  /** The main window, or null while there is none. */
  window: () => BrowserWindow | null;
  isAppDocument: (url: string) => boolean;
  call: (method: MethodName, input: unknown) => Promise<Result<unknown>>;
}

export interface IpcRelay {
  /** Sends a core event to the window, if our document is showing in it. */
  forwardEvent(name: string, payload: unknown): void;
  dispose(): void;
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, retryable: false } };
}

/**
 * Only the top frame of our own window, showing our own document, may call
 * core. Anything else reaching this handler (a frame that navigated despite the
 * guards, an iframe, another web contents) is refused.
 */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, isAppDocument: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame || frame.detached || frame.parent !== null) return false;
  if (event.sender.id !== win.webContents.id) return false;
  try {
    const main = win.webContents.mainFrame;
    return frame.processId === main.processId && frame.routingId === main.routingId && isAppDocument(frame.url);
  } catch {
    // A frame disposed mid-call throws on access; it cannot be trusted.
    return false;
  }
}

/** Relays the renderer's calls to core and core's events to the renderer (see ARCHITECTURE.md, "One API, two transports"). */
export function registerIpcRelay({ window, isAppDocument, call }: IpcRelayOptions): IpcRelay {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, window(), isAppDocument)) {
      return failure('api.forbidden-origin', 'Calls are accepted only from the Walkdown window');
    }
    if (!isMethodName(method)) {
      return failure('api.unknown-method', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    return call(method, input);
  });

  return {
    forwardEvent(name, payload) {
      if (!isEventName(name)) {
        log.warn(`dropped an undeclared event from core: ${name.slice(0, 100)}`);
        return;
      }
      const win = window();
      if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
      if (!isAppDocument(win.webContents.getURL())) return;
      win.webContents.send(EVENT_CHANNEL, name, payload);
    },
    dispose() {
      ipcMain.removeHandler(INVOKE_CHANNEL);
    },
  };
}
