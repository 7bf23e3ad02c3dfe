import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { syncError } from './sync-error';

/**
 * Reads a request body up to `limit` bytes (after decompression too, so a
 * small gzip bomb cannot expand past it). Past the limit the request is
 * refused as soon as the declared or received length says so.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    // Not a for-await loop: leaving one early destroys the request, and with it the connection the answer must go out on.
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return raw;
  if (encoding !== 'gzip') throw syncError('sync.invalid', `Content-Encoding ${encoding} is not supported; use gzip or none`);
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
    throw syncError('sync.malformed-json', 'The gzip body could not be decompressed');
  }
}

export async function readJson<T extends z.ZodType>(request: IncomingMessage, limit: number, schema: T): Promise<z.output<T>> {
  const body = await readBody(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw syncError('sync.malformed-json', `The body is not JSON: ${(error as Error).message}`);
  }
  return parseWith(schema, value);
}

/** Validates with a zod schema; the first issues (path and message) travel in `details.issues`. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  let result: ReturnType<T['safeParse']>;
  try {
    result = schema.safeParse(value) as ReturnType<T['safeParse']>;
  } catch {
    // Pathologically nested input can exhaust the stack inside the validator.
    throw syncError('sync.invalid', 'The body is nested too deeply');
  }
  if (result.success) return result.data as z.output<T>;
  const issues = result.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  const first = issues[0];
  throw syncError('sync.invalid', first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'The body is not valid', { issues });
}

function tooLarge(limit: number) {
  return syncError('sync.payload-too-large', `The body is larger than ${limit} bytes`, { limit });
}
