import type { WalkdownBridge } from '@shared/api';
import { createApiClient, type ApiClient } from './api-client';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { takeWebToken } from './web-token';
import { createWebTransport } from './web-transport';

declare global {
  interface Window {
    /** Present only under Electron, where preload exposes it. */
    walkdown?: WalkdownBridge;
  }
}

/** Picked once at start: the Electron bridge when preload put it there, the web endpoint otherwise. */
function pickTransport(): Transport {
  return window.walkdown ? createIpcTransport(window.walkdown) : createWebTransport(takeWebToken());
}

/** The app-wide client. Created at module load so the web token leaves the address bar before anything renders. */
export const api: ApiClient = createApiClient(pickTransport());

export type { ApiClient } from './api-client';
export { ApiClientError, isApiClientError } from './api-client-error';
