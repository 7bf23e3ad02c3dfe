/**
 * The renderer's only door to the rest of the app: `window.walkdown`, a typed
 * `invoke` and `on`, never ipcRenderer or an IPC event object (either would let
 * page script send on any channel or reach the sender). A sandboxed preload
 * can require nothing but 'electron', so this file imports only types.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WalkdownBridge } from '@shared/api';
import type { ErrorCode, Result } from '@shared/errors';

// Spelled the same in electron/main/ipc-relay.ts.
const INVOKE_CHANNEL = 'walkdown:invoke';
const EVENT_CHANNEL = 'walkdown:event';

type Listener = (payload: unknown) => void;

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, retryable: false } };
}

// One IPC listener fans out to every subscriber, so any number of views can
// subscribe without tripping Node's listener-leak warning on ipcRenderer.
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      // One broken view must not keep the event from the others; rethrown
      // later, the error still shows up in the console as uncaught.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
});

const bridge = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string') return Promise.resolve(failure('api.unknown-method', 'The method name must be a string'));
    // Errors are data across processes: even a failed send resolves to a Result.
    return ipcRenderer
      .invoke(INVOKE_CHANNEL, method, input)
      .catch((error: unknown) => failure('api.transport-failed', error instanceof Error ? error.message : String(error)));
  },

  on(event: string, listener: Listener): () => void {
    if (typeof event !== 'string' || typeof listener !== 'function') {
      throw new TypeError('walkdown.on(event, listener) needs an event name and a function');
    }
    let subscribers = listeners.get(event);
    if (!subscribers) {
      subscribers = new Set();
      listeners.set(event, subscribers);
    }
    // Wrapped, so subscribing the same function twice gives two independent subscriptions.
    const subscription: Listener = (payload) => listener(payload);
    subscribers.add(subscription);
    return () => {
      subscribers.delete(subscription);
      if (subscribers.size === 0 && listeners.get(event) === subscribers) listeners.delete(event);
    };
  },
} satisfies WalkdownBridge;

contextBridge.exposeInMainWorld('walkdown', bridge);
