import { createHash } from 'node:crypto';
import { formatHlc, receiveHlc, tickHlc, type Hlc } from '@shared/hlc';
import { parseHlc } from '@shared/hlc';
import type { Change, PushEntry } from '@shared/sync/messages';
import { v7 as uuidv7 } from 'uuid';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T & { ok: boolean; serverTime: number; error?: { code: string; message: string; details?: unknown; retryable: boolean } };
  headers: Headers;
}

export type Entry = PushEntry & { fields: Record<string, unknown> };

/** Raw HTTP against the server, as a console (or an attacker) would send it. */
export async function request(base: string, method: string, path: string, options: { token?: string; body?: unknown; raw?: Buffer | string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  let body: Buffer | string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body) });
  const text = await response.text();
  let parsed: Reply['body'];
  try {
    parsed = JSON.parse(text) as Reply['body'];
  } catch {
    parsed = { ok: false, serverTime: 0, raw: text } as unknown as Reply['body'];
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/**
 * A console as the server sees it: a device id, a token, an outbox seq and a
 * hybrid logical clock. It keeps the records it pulled, per entity and id,
 * applying changes the way the protocol says (fields in server order).
 */
export class TestConsole {
  token = '';
  seq = 0;
  cursor = 0;
  private clock: Hlc | null = null;
  /** The clock right after the cursor was last committed (SeenPosition). */
  private seenClock: string | null = null;
  readonly replica = new Map<string, Record<string, unknown>>();
  readonly received: Change[] = [];

  constructor(
    public base: string,
    readonly deviceId: string = uuidv7(),
  ) {}

  async enrol(code: string, options: { nextSeq?: number; deviceName?: string } = {}): Promise<Reply> {
    const reply = await request(this.base, 'POST', '/v1/enrol', {
      body: { code, deviceId: this.deviceId, deviceName: options.deviceName ?? `test ${this.deviceId.slice(-4)}`, ...(options.nextSeq ? { nextSeq: options.nextSeq } : {}) },
    });
    if (reply.status === 200) this.token = reply.body.token as string;
    return reply;
  }

  /** The next outbox entry, stamped and numbered like the console's write path does. */
  entry(entity: string, id: string, op: Entry['op'], fields: Record<string, unknown>, at = Date.now()): Entry {
    this.clock = tickHlc(this.clock, at, this.deviceId);
    this.seq += 1;
    return { seq: this.seq, entity: entity as Entry['entity'], id, op, fields: fields as Entry['fields'], hlc: formatHlc(this.clock) };
  }

  insert(entity: string, fields: Record<string, unknown>, id: string = uuidv7()): Entry {
    return this.entry(entity, id, 'insert', { ...fields, createdAt: Date.now(), updatedAt: Date.now() });
  }

  push(entries: Entry[], deviceId = this.deviceId): Promise<Reply> {
    const seen = this.seenClock ? { cursor: this.cursor, clock: this.seenClock } : undefined;
    return request(this.base, 'POST', '/v1/push', { token: this.token, body: { deviceId, entries, ...(seen ? { seen } : {}) } });
  }

  async pullOnce(limit?: number): Promise<Reply> {
    const clock = this.seenClock ?? formatHlc(this.clock ?? tickHlc(null, Date.now(), this.deviceId));
    const reply = await request(this.base, 'POST', '/v1/pull', { token: this.token, body: { cursor: this.cursor, clock, ...(limit ? { limit } : {}) } });
    if (reply.status !== 200) return reply;
    const changes = reply.body.changes as Change[];
    for (const change of changes) {
      this.received.push(change);
      if (change.hlc.length > 22) this.clock = receiveHlc(this.clock, parseHlc(change.hlc), Date.now(), this.deviceId);
      const key = `${change.entity}/${change.id}`;
      if (change.op === 'evict') this.replica.delete(key);
      else this.replica.set(key, { ...this.replica.get(key), ...change.fields });
    }
    this.cursor = reply.body.reset ? 0 : (reply.body.cursor as number);
    // Committed "in one transaction" with the cursor: the clock now covers every applied change.
    this.clock = tickHlc(this.clock, Date.now(), this.deviceId);
    this.seenClock = formatHlc(this.clock);
    return reply;
  }

  /** Pulls until hasMore is false; returns how many pages it took. */
  async pullAll(limit?: number): Promise<number> {
    let pages = 0;
    for (;;) {
      const reply = await this.pullOnce(limit);
      if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body.error)}`);
      pages += 1;
      if (!reply.body.hasMore) return pages;
    }
  }

  get(path: string): Promise<Reply> {
    return request(this.base, 'GET', path, { token: this.token });
  }

  send(method: string, path: string, body?: unknown): Promise<Reply> {
    return request(this.base, method, path, { token: this.token, body });
  }

  post(path: string, body: unknown): Promise<Reply> {
    return request(this.base, 'POST', path, { token: this.token, body });
  }

  /** Uploads a file in chunks; `corrupt` flips a byte of the last chunk on the way. */
  async upload(bytes: Buffer, options: { chunkSize?: number; sha256?: string; corrupt?: boolean } = {}): Promise<Reply> {
    const sha256 = options.sha256 ?? sha256Hex(bytes);
    const chunkSize = options.chunkSize ?? 256 * 1024;
    let last: Reply | undefined;
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      let chunk = bytes.subarray(offset, offset + chunkSize);
      if (options.corrupt && offset + chunkSize >= bytes.length) {
        chunk = Buffer.from(chunk);
        chunk[0] = (chunk[0] as number) ^ 0xff;
      }
      last = await this.putChunk(sha256, offset, bytes.length, chunk);
      if (last.status !== 200) return last;
    }
    return last as Reply;
  }

  putChunk(sha256: string, offset: number, size: number, chunk: Buffer): Promise<Reply> {
    return request(this.base, 'PUT', `/v1/blobs/${sha256}?offset=${offset}&size=${size}`, {
      token: this.token,
      raw: chunk,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
