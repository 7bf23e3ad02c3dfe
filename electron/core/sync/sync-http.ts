import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { AppError, isErrorCode } from '@shared/errors';
import { ErrorResponse } from '@shared/sync/messages';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface SyncHttpOptions {
  /** Normalised server address (server-url.ts). */
  baseUrl: string;
  /** The device token; absent for enrolment. */
  token?: string;
  now: () => number;
  /** Told the server's clock minus ours at every answer (the midpoint of the request on our side). */
  onServerTime?: (driftMs: number) => void;
  fetch?: FetchLike;
  /** Per request; a blob chunk gets longer. */
  timeoutMs?: number;
  /** Aborts every request in flight (core closing). */
  signal?: AbortSignal;
}

const JSON_TIMEOUT_MS = 30_000;
const BYTES_TIMEOUT_MS = 120_000;
/** Bodies above this are sent gzip-compressed (a push of incidents shrinks several times). */
const GZIP_ABOVE_BYTES = 16 * 1024;

/**
 * HTTP to the sync server, answers checked against the shared schemas.
 * Every failure becomes an AppError with a stable code: the server's own
 * `sync.*` code when it answered, `sync.unreachable` when it could not be
 * reached (retryable), `sync.bad-response` when the answer is not the protocol
 * (a wrong address that happens to serve something). Redirects are refused:
 * the token must only ever go to the address the person enrolled with.
 */
export class SyncHttp {
  private readonly fetch: FetchLike;

  constructor(private readonly options: SyncHttpOptions) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
  }

  async json<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
    let payload: Buffer | undefined;
    if (body !== undefined) {
      payload = Buffer.from(JSON.stringify(body), 'utf8');
      headers['content-type'] = 'application/json';
      if (payload.length > GZIP_ABOVE_BYTES) {
        payload = gzipSync(payload);
        headers['content-encoding'] = 'gzip';
      }
    }
    const response = await this.send(method, path, headers, payload, this.options.timeoutMs ?? JSON_TIMEOUT_MS);
    return this.parse(response, schema);
  }

  async putBytes<S extends z.ZodType>(path: string, bytes: Uint8Array, schema: S): Promise<z.output<S>> {
    const response = await this.send('PUT', path, { 'content-type': 'application/octet-stream' }, bytes, BYTES_TIMEOUT_MS);
    return this.parse(response, schema);
  }

  async getBytes(path: string): Promise<Buffer> {
    const response = await this.send('GET', path, { accept: 'application/octet-stream' }, undefined, BYTES_TIMEOUT_MS);
    if (!response.ok) await this.parse(response, ErrorResponse);
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new AppError('sync.unreachable', `The download broke off: ${(error as Error).message}`, { retryable: true, cause: error });
    }
  }

  private async send(method: string, path: string, headers: Record<string, string>, body: Uint8Array | undefined, timeoutMs: number): Promise<Response> {
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const started = this.options.now();
    let response: Response;
    try {
      response = await this.fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers,
        // Buffers from fs and zlib sit on a plain ArrayBuffer; the type only allows for a SharedArrayBuffer.
        body: body as Uint8Array<ArrayBuffer> | undefined,
        redirect: 'error',
        signal: this.options.signal ? AbortSignal.any([this.options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AppError('sync.unreachable', `${method} ${path} did not reach the server: ${describeNetworkError(error)}`, { retryable: true, cause: error });
    }
    const serverTime = Number(response.headers.get('x-server-time'));
    if (Number.isFinite(serverTime) && serverTime > 0) {
      this.options.onServerTime?.(Math.round(serverTime - (started + this.options.now()) / 2));
    }
    return response;
  }

  private async parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new AppError('sync.unreachable', `The answer broke off: ${(error as Error).message}`, { retryable: true, cause: error });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError('sync.bad-response', `The server answered ${response.status} with something that is not JSON`, { retryable: response.status >= 500 });
    }
    if (!response.ok) {
      const failure = ErrorResponse.safeParse(value);
      if (!failure.success) throw new AppError('sync.bad-response', `The server answered ${response.status} without an error code`, { retryable: response.status >= 500 });
      const { code, message, details, retryable } = failure.data.error;
      throw new AppError(isErrorCode(code) ? code : 'sync.bad-response', message, { details, retryable: retryable || response.status >= 500 });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new AppError('sync.bad-response', `The server's answer does not match the protocol: ${parsed.error.message.slice(0, 300)}`);
    return parsed.data as z.output<S>;
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
