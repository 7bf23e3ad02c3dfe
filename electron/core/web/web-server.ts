import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AppError, type ApiError, type Result } from '@shared/errors';
import { CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';
import type { Core } from '../core';
import { httpStatusFor } from './http-status';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only in tests; a random one is made per start otherwise. */
  token?: string;
  /** For methods that declare no maxInputBytes of their own. */
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const HOST = '127.0.0.1';
const HEARTBEAT_MS = 25_000;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The web transport: core's registry over HTTP on 127.0.0.1 for development,
 * tests and the browser mode. Every API request needs the per-start token; a
 * request without it is refused before its body is read. Host and Origin are
 * checked so that a web page elsewhere cannot reach it through DNS rebinding.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const sockets = new Set<Socket>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendResult(response, { ok: false, error: { code: 'internal.error', message: (error as Error).message, retryable: false } });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    if (!hostAllowed(request.headers.host, port) || !originAllowed(request.headers.origin, port)) {
      return sendError(response, new AppError('api.forbidden-origin', 'Requests are accepted only from this console on 127.0.0.1'));
    }

    if (url.pathname === '/rpc' || url.pathname.startsWith('/rpc/')) {
      if (!tokenMatches(bearerToken(request), token)) return refuseUnauthorized(request, response);
      if (url.pathname === '/rpc') {
        if (request.method !== 'GET') return sendError(response, new AppError('api.not-found', 'Use GET /rpc to list methods'), { Allow: 'GET' });
        return sendJson(response, 200, { methods: options.core.describe() });
      }
      if (request.method !== 'POST') return sendError(response, new AppError('api.not-found', 'Call methods with POST'), { Allow: 'POST' });
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      const body = await readJsonBody(request, options.core.maxInputBytes(method) ?? maxBodyBytes);
      if (!body.ok) return sendResult(response, body);
      return sendResult(response, await options.core.call(method, body.value));
    }

    if (url.pathname === '/events') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return refuseUnauthorized(request, response);
      return streamEvents(request, response);
    }

    if (request.method === 'GET' || request.method === 'HEAD') {
      if (serveStatic(options.staticDir, url.pathname, response, SECURITY_HEADERS)) return;
    }
    return sendError(response, new AppError('api.not-found', `Nothing at ${url.pathname}`));
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = options.core.onEvent((name, payload) => {
      response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams never end on their own.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function refuseUnauthorized(request: IncomingMessage, response: ServerResponse): void {
  // Refused before the body is read: an unauthorised request touches nothing.
  request.resume();
  sendError(response, new AppError('api.unauthorized', 'Missing or wrong token: open the address printed at start'));
}

function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? (match[1] as string) : null;
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

async function readJsonBody(request: IncomingMessage, limit: number): Promise<Result<unknown>> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    return tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      return tooLarge(limit);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: { code: 'api.malformed-json', message: `The request body is not JSON: ${(error as Error).message}`, retryable: false } };
  }
}

function tooLarge(limit: number): Result<never> {
  return { ok: false, error: { code: 'api.payload-too-large', message: `The request body is larger than ${limit} bytes`, retryable: false, details: { limit } } };
}

function sendError(response: ServerResponse, error: AppError, headers: Record<string, string> = {}): void {
  sendResult(response, { ok: false, error: error.toApiError() }, headers);
}

function sendResult(response: ServerResponse, result: Result<unknown>, headers: Record<string, string> = {}): void {
  const status = result.ok ? 200 : httpStatusFor((result.error as ApiError).code);
  sendJson(response, status, result, headers);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
