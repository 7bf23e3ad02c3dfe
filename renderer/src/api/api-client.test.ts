import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WalkdownBridge } from '@shared/api';
import { createApiClient } from './api-client';
import { ApiClientError } from './api-client-error';
import { createIpcTransport } from './ipc-transport';
import { takeWebToken } from './web-token';
import { createWebTransport } from './web-transport';

const settings = { language: 'zh-CN', theme: 'system' } as const;

function bridge(invoke: WalkdownBridge['invoke'], on: WalkdownBridge['on'] = () => () => undefined): WalkdownBridge {
  return { invoke, on };
}

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiClientError);
  return error as ApiClientError;
}

describe('api client over the Electron bridge', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the value of an ok Result', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: settings }));
    const api = createApiClient(createIpcTransport(bridge(invoke)));
    await expect(api.call('settings.update', { language: 'zh-CN' })).resolves.toEqual(settings);
    expect(invoke).toHaveBeenCalledWith('settings.update', { language: 'zh-CN' });
  });

  it('throws ApiClientError carrying code, message and details of an error Result', async () => {
    const api = createApiClient(
      createIpcTransport(
        bridge(async () => ({
          ok: false,
          error: { code: 'locations.duplicate-name', message: 'exists', details: { field: 'name' }, retryable: false },
        })),
      ),
    );
    const error = await failure(api.call('locations.create', { kind: 'client', name: 'A' }));
    expect(error.code).toBe('locations.duplicate-name');
    expect(error.message).toBe('exists');
    expect(error.details).toEqual({ field: 'name' });
  });

  it('turns a failed or malformed IPC call into api.transport-failed', async () => {
    const broken = createApiClient(createIpcTransport(bridge(async () => Promise.reject(new Error('channel closed')))));
    expect((await failure(broken.call('system.info', {}))).code).toBe('api.transport-failed');
    const strange = createApiClient(createIpcTransport(bridge(async () => 'hello')));
    expect((await failure(strange.call('system.info', {}))).code).toBe('api.transport-failed');
  });

  it('refuses an answer that does not match the contract (api.invalid-output)', async () => {
    const api = createApiClient(createIpcTransport(bridge(async () => ({ ok: true, value: { language: 'fr' } }))));
    expect((await failure(api.call('settings.update', {}))).code).toBe('api.invalid-output');
  });

  it('keeps an unknown error code visible instead of dropping it', async () => {
    const api = createApiClient(
      createIpcTransport(bridge(async () => ({ ok: false, error: { code: 'future.thing', message: 'new', retryable: false } }))),
    );
    const error = await failure(api.call('system.info', {}));
    expect(error.code).toBe('internal.error');
    expect(error.message).toContain('future.thing');
  });

  it('delivers valid event payloads and drops invalid ones', async () => {
    let emit: (payload: unknown) => void = () => undefined;
    const on = vi.fn((_event: string, listener: (payload: unknown) => void) => {
      emit = listener;
      return () => undefined;
    });
    const api = createApiClient(createIpcTransport(bridge(async () => ({ ok: true, value: null }), on)));
    const seen: unknown[] = [];
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.on('records.changed', (payload) => seen.push(payload));
    emit({ entities: ['client'] });
    emit({ entities: 'client' });
    expect(on).toHaveBeenCalledWith('records.changed', expect.any(Function));
    expect(seen).toEqual([{ entities: ['client'] }]);
  });
});

describe('api client over the web transport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('POSTs JSON to /rpc/<method> with the bearer token', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: settings }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const api = createApiClient(createWebTransport('secret', 'http://127.0.0.1:4000'));
    await api.call('settings.update', { theme: 'dark' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('http://127.0.0.1:4000/rpc/settings.update');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer secret', 'Content-Type': 'application/json' });
    expect(init.body).toBe(JSON.stringify({ theme: 'dark' }));
  });

  it('reads the error Result of a 4xx answer', async () => {
    const body = { ok: false, error: { code: 'api.unauthorized', message: 'no token', retryable: false } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 401 }));
    const api = createApiClient(createWebTransport(null, 'http://127.0.0.1:4000'));
    expect((await failure(api.call('system.info', {}))).code).toBe('api.unauthorized');
  });

  it('reports a network failure or a body that is not JSON as api.transport-failed', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const offline = createApiClient(createWebTransport('t', 'http://127.0.0.1:4000'));
    const error = await failure(offline.call('system.info', {}));
    expect(error.code).toBe('api.transport-failed');
    expect(error.retryable).toBe(true);

    vi.stubGlobal('fetch', async () => new Response('<html>proxy error</html>', { status: 502 }));
    expect((await failure(offline.call('system.info', {}))).code).toBe('api.transport-failed');
  });
});

describe('web token', () => {
  function fakeWindow(href: string, stored: Record<string, string> = {}) {
    const storage = new Map(Object.entries(stored));
    const replaced: string[] = [];
    const win = {
      location: { href },
      sessionStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
      },
      history: { state: null, replaceState: (_state: unknown, _unused: string, url: string) => void replaced.push(url) },
    } as unknown as Window;
    return { win, storage, replaced };
  }

  it('moves the token from the address bar into sessionStorage, keeping the route', () => {
    const { win, storage, replaced } = fakeWindow('http://127.0.0.1:4000/?token=abc#/settings');
    expect(takeWebToken(win)).toBe('abc');
    expect([...storage.values()]).toEqual(['abc']);
    expect(replaced).toEqual(['/#/settings']);
  });

  it('reads it back from sessionStorage after a reload', () => {
    const { win } = fakeWindow('http://127.0.0.1:4000/#/locations', { 'walkdown.webToken': 'abc' });
    expect(takeWebToken(win)).toBe('abc');
  });
});
