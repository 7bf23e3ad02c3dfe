import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { tempDataDir } from '../testing/fixtures';
import { startWebServer, type WebServer } from './web-server';

let core: Core;
let server: WebServer;

afterEach(async () => {
  await server?.close();
  core?.close();
});

async function start(options: { maxBodyBytes?: number } = {}) {
  const dataDir = tempDataDir();
  const staticDir = join(dataDir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Walkdown</title>');
  writeFileSync(join(dataDir, 'secret.txt'), 'not for the web');
  core = createCore({ dataDir, transport: 'web', language: 'zh-CN' });
  server = await startWebServer({ core, staticDir, port: 0, ...options });
  const base = `http://127.0.0.1:${server.port}`;
  const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/rpc/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const clientCount = async () => {
    const response = await rpc('locations.tree', {});
    return ((await response.json()) as { value: { clients: unknown[] } }).value.clients.length;
  };
  return { base, rpc, clientCount };
}

describe('web transport', () => {
  it('prints a token URL on 127.0.0.1 and serves the renderer with a CSP', async () => {
    const { base } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Walkdown</title>');
    expect((await fetch(`${base}/../secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('calls a method with JSON in and a JSON result out', async () => {
    const { rpc } = await start();
    await rpc('profile.save', { name: '李工', role: 'engineer' });
    const created = await rpc('locations.create', { kind: 'client', name: '市人民医院' });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ ok: true, value: { id: expect.any(String) } });
  });

  it('refuses a request without the right token with 401, and changes nothing', async () => {
    const { base, rpc, clientCount } = await start();
    await rpc('profile.save', { name: '李工', role: 'engineer' });
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${server.token}`]) {
      const response = await fetch(`${base}/rpc/locations.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ kind: 'client', name: 'Intruder' }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'api.unauthorized' } });
    }
    expect((await fetch(`${base}/rpc`)).status).toBe(401);
    expect((await fetch(`${base}/events`)).status).toBe(401);
    expect(await clientCount()).toBe(0);
  });

  it('answers bad requests with 4xx and stable codes, changing nothing', async () => {
    const { rpc, clientCount } = await start({ maxBodyBytes: 1024 });
    await rpc('profile.save', { name: '李工', role: 'engineer' });
    const cases: [Response, number, string][] = [
      [await rpc('locations.nope', {}), 404, 'api.unknown-method'],
      [await rpc('locations.create', '{"kind": "client", "name": '), 400, 'api.malformed-json'],
      [await rpc('locations.create', { kind: 'client', name: 42 }), 400, 'api.invalid-input'],
      [await rpc('locations.create', { kind: 'planet', name: 'Mars' }), 400, 'api.invalid-input'],
      [await rpc('locations.create', { kind: 'client', name: 'x'.repeat(5000) }), 413, 'api.payload-too-large'],
    ];
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ ok: false, error: { code } });
    }
    expect(await clientCount()).toBe(0);
  });

  it('maps domain refusals to 409 with their code', async () => {
    const { rpc } = await start();
    await rpc('profile.save', { name: '李工', role: 'engineer' });
    await rpc('locations.create', { kind: 'client', name: 'Acme' });
    const duplicate = await rpc('locations.create', { kind: 'client', name: 'acme' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ ok: false, error: { code: 'locations.duplicate-name' } });
  });

  it('refuses requests naming another host or coming from another origin (DNS rebinding)', async () => {
    const { rpc } = await start();
    const foreignOrigin = await rpc('system.info', {}, { origin: 'http://evil.example' });
    expect(foreignOrigin.status).toBe(403);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('lists every method with JSON Schema at GET /rpc', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/rpc`, { headers: { authorization: `Bearer ${server.token}` } });
    const body = (await response.json()) as { methods: { name: string; input: { type?: string; anyOf?: unknown; oneOf?: unknown } }[] };
    const names = body.methods.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['system.info', 'locations.create', 'locations.tree', 'backups.restore']));
    const create = body.methods.find((m) => m.name === 'locations.create');
    expect(create?.input.oneOf ?? create?.input.anyOf).toBeDefined();
  });

  it('streams events to a subscriber', async () => {
    const { base, rpc } = await start();
    await rpc('profile.save', { name: '李工', role: 'engineer' });
    const controller = new AbortController();
    const stream = await fetch(`${base}/events?token=${server.token}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    await reader.read(); // ": connected"
    await rpc('locations.create', { kind: 'client', name: 'Evented' });
    let text = '';
    while (!text.includes('records.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: records.changed\ndata: {"entities":["client","site","room","rack"]}');
    controller.abort();
  });
});
