import type { WalkdownBridge } from '@shared/api';
import { transportFailed } from './api-client-error';
import { asResult, type Transport } from './transport';

/** Electron: preload exposes `window.walkdown`, which relays to core over IPC. */
export function createIpcTransport(bridge: WalkdownBridge): Transport {
  return {
    kind: 'ipc',
    async invoke(method, input) {
      let answer: unknown;
      try {
        answer = await bridge.invoke(method, input);
      } catch (cause) {
        throw transportFailed(`IPC call ${method} failed: ${messageOf(cause)}`, cause);
      }
      const result = asResult(answer);
      if (!result) throw transportFailed(`IPC call ${method} returned something that is not a Result`);
      return result;
    },
    on(event, listener) {
      return bridge.on(event, listener);
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
