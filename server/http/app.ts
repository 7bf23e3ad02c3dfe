import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { AppError } from '@shared/errors';
import { SYNC_LIMITS } from '@shared/sync/limits';
import {
  BlobChunkQuery,
  CreateUserRequest,
  EnrolRequest,
  IssueEnrolmentCodeRequest,
  PullRequest,
  PushRequest,
  Sha256,
  UpdateUserRequest,
} from '@shared/sync/messages';
import type { AccountsService, Session } from '../accounts/accounts.service';
import type { RateLimit, RateLimiter } from '../accounts/rate-limit';
import type { BlobsService } from '../blobs/blobs.service';
import { ping, type ServerStore } from '../db/database';
import type { Logger } from '../log/logger';
import type { PullService } from '../sync/pull.service';
import type { PushService } from '../sync/push.service';
import { parseWith, readBody, readJson } from './body';
import { httpStatusForSync, syncError } from './sync-error';

export interface AppDeps {
  store: ServerStore;
  accounts: AccountsService;
  push: PushService;
  pull: PullService;
  blobs: BlobsService;
  rateLimiter: RateLimiter;
  logger: Logger;
  now: () => number;
  /** Take the client address from the last X-Forwarded-For hop (behind a reverse proxy that sets it). */
  trustProxy: boolean;
  limits?: { enrol?: RateLimit; failedAuth?: RateLimit };
}

/** Per client address: enrolment attempts, and requests with a wrong token. */
export const DEFAULT_RATE_LIMITS = {
  enrol: { limit: 10, windowMs: 60_000 },
  failedAuth: { limit: 30, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

interface Context {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  ip: string;
  /** Set once authenticated, for the log line. */
  session?: Session;
}

type Handler = (context: Context, params: string[]) => Promise<unknown>;
interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  pattern: RegExp;
  handle: Handler;
}

const SHA = '([0-9a-f]{64})';
const ID = '([0-9A-Za-z_.:-]{1,100})';

/**
 * The HTTP surface of the sync server. Every answer is JSON with `serverTime`
 * (and an X-Server-Time header, also on the raw file download) except the file
 * download itself; errors carry a stable `sync.*` code and a 4xx/5xx status.
 */
export function createApp(deps: AppDeps): (request: IncomingMessage, response: ServerResponse) => void {
  const limits = { ...DEFAULT_RATE_LIMITS, ...deps.limits };

  const authenticated = async (context: Context): Promise<Session> => {
    const header = context.request.headers.authorization;
    const match = header ? /^Bearer\s+(\S{1,200})$/i.exec(header) : null;
    const failedKey = `auth-failed:${context.ip}`;
    if (await deps.rateLimiter.exceeded(failedKey, limits.failedAuth)) {
      throw syncError('sync.rate-limited', 'Too many requests with a wrong token; try again later', undefined, true);
    }
    try {
      if (!match) throw syncError('sync.unauthorized', 'Send the device token as "Authorization: Bearer <token>"');
      context.session = await deps.accounts.authenticate(match[1] as string);
      return context.session;
    } catch (error) {
      if (error instanceof AppError && error.code === 'sync.unauthorized') await deps.rateLimiter.hit(failedKey, { ...limits.failedAuth, limit: Infinity });
      throw error;
    }
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/health$/,
      handle: async () => {
        try {
          await ping(deps.store.db);
        } catch (error) {
          throw syncError('sync.unavailable', `The database does not answer: ${(error as Error).message}`, undefined, true);
        }
        return { database: deps.store.dialect };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/enrol$/,
      handle: async (context) => {
        await deps.rateLimiter.hit(`enrol:${context.ip}`, limits.enrol);
        const input = await readJson(context.request, SYNC_LIMITS.jsonMaxBytes, EnrolRequest);
        const enrolled = await deps.accounts.enrol(input);
        return { ...enrolled, deviceId: input.deviceId };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/session$/,
      handle: async (context) => {
        const session = await authenticated(context);
        const { siteClientIds: _derived, ...scope } = session.scope;
        return {
          user: { id: session.user.id, name: session.user.name, role: session.user.role },
          device: { id: session.device.id, name: session.device.name, acknowledgedSeq: session.device.lastSeq },
          scope: { ...scope, clientIds: [...scope.clientIds], siteIds: [...scope.siteIds] },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/push$/,
      handle: async (context) => {
        const session = await authenticated(context);
        const body = await readBody(context.request, SYNC_LIMITS.pushMaxBytes);
        const value = parseJsonBody(body);
        let input;
        try {
          input = parseWith(PushRequest, value);
        } catch (error) {
          throw withRejections(error, value);
        }
        return deps.push.push(session, input.deviceId, input.entries as Parameters<PushService['push']>[2], input.seen);
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/pull$/,
      handle: async (context) => {
        const session = await authenticated(context);
        const input = await readJson(context.request, SYNC_LIMITS.jsonMaxBytes, PullRequest);
        return deps.pull.pull(session, input);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/blobs/${SHA}$`),
      handle: async (context, [sha256]) => {
        await authenticated(context);
        return { sha256, ...(await deps.blobs.status(sha256 as string)) };
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/v1/blobs/${SHA}$`),
      handle: async (context, [sha256]) => {
        await authenticated(context);
        const query = parseWith(BlobChunkQuery, Object.fromEntries(context.url.searchParams));
        const bytes = await readBody(context.request, SYNC_LIMITS.blobChunkMaxBytes);
        return { sha256, ...(await deps.blobs.putChunk(sha256 as string, query.offset, query.size, bytes)) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/v1/blobs/${SHA}/content$`),
      handle: async (context, [sha256]) => {
        const session = await authenticated(context);
        const data = await deps.blobs.content(session, parseWith(Sha256, sha256));
        context.response.writeHead(200, {
          ...baseHeaders(deps.now()),
          'Content-Type': 'application/octet-stream',
          'Content-Length': data.length,
          ETag: `"${sha256}"`,
        });
        context.response.end(data);
        return RESPONDED;
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/admin\/users$/,
      handle: async (context) => ({ users: await deps.accounts.listUsers(await authenticated(context)) }),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/admin\/users$/,
      handle: async (context) => {
        const session = await authenticated(context);
        const input = await readJson(context.request, SYNC_LIMITS.jsonMaxBytes, CreateUserRequest);
        return { user: await deps.accounts.createUser(session, input) };
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^/v1/admin/users/${ID}$`),
      handle: async (context, [id]) => {
        const session = await authenticated(context);
        const input = await readJson(context.request, SYNC_LIMITS.jsonMaxBytes, UpdateUserRequest);
        return { user: await deps.accounts.updateUser(session, id as string, input) };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/admin/users/${ID}/revoke$`),
      handle: async (context, [id]) => ({ user: await deps.accounts.revokeUser(await authenticated(context), id as string) }),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/admin\/enrolment-codes$/,
      handle: async (context) => {
        const session = await authenticated(context);
        const input = await readJson(context.request, SYNC_LIMITS.jsonMaxBytes, IssueEnrolmentCodeRequest);
        return { ...(await deps.accounts.issueCode(session, input.userId, input.ttlMinutes)), userId: input.userId };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/admin\/devices$/,
      handle: async (context) => ({ devices: await deps.accounts.listDevices(await authenticated(context)) }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v1/admin/devices/${ID}/revoke$`),
      handle: async (context, [id]) => ({ device: await deps.accounts.revokeDevice(await authenticated(context), id as string) }),
    },
  ];

  return (request, response) => {
    const started = performance.now();
    const requestId = randomBytes(6).toString('hex');
    const url = new URL(request.url ?? '/', 'http://server');
    const context: Context = { request, response, url, ip: clientAddress(request, deps.trustProxy) };
    let code: string | undefined;

    const run = async () => {
      const matching = routes.map((route) => ({ route, match: route.pattern.exec(url.pathname) })).filter((m) => m.match);
      if (matching.length === 0) throw syncError('sync.not-found', `Nothing at ${url.pathname}`);
      const found = matching.find((m) => m.route.method === request.method);
      if (!found) {
        const allow = matching.map((m) => m.route.method).join(', ');
        throw syncError('sync.not-found', `Use ${allow} for ${url.pathname}`, { allow });
      }
      const result = await found.route.handle(context, (found.match as RegExpExecArray).slice(1));
      if (result !== RESPONDED) sendJson(request, response, 200, { ok: true, serverTime: deps.now(), ...(result as object) }, deps.now());
    };

    run()
      .catch((error: unknown) => {
        const apiError = asSyncError(error);
        code = apiError.code;
        if (apiError.code === 'internal.error' || apiError.code === 'sync.unavailable') {
          deps.logger.log('error', 'request failed', { requestId, path: url.pathname, error: (error as Error).stack ?? String(error) });
        }
        const details = apiError.details as { retryAfterMs?: number; allow?: string } | undefined;
        const status = details?.allow ? 405 : httpStatusForSync(apiError.code);
        const headers: Record<string, string> = details?.allow ? { Allow: details.allow } : {};
        const retryAfterMs = details?.retryAfterMs;
        if (retryAfterMs !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
        if (response.headersSent) return response.destroy();
        // A refused body may still be arriving: read and drop it, so that the client (still sending) gets the
        // answer instead of a reset connection. requestTimeout bounds how long that can go on.
        if (!request.readableEnded) request.resume();
        sendJson(request, response, status, { ok: false, serverTime: deps.now(), error: apiError.toApiError() }, deps.now(), headers);
      })
      .finally(() => {
        deps.logger.log('info', 'request', {
          requestId,
          method: request.method,
          path: url.pathname,
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
          ip: context.ip,
          ...(context.session ? { deviceId: context.session.device.id, userId: context.session.user.id } : {}),
          ...(code ? { code } : {}),
        });
      });
  };
}

const RESPONDED = Symbol('responded');

function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw syncError('sync.malformed-json', `The body is not JSON: ${(error as Error).message}`);
  }
}

/** Turns schema issues under entries[i] into per-entry rejections carrying that entry's seq. */
function withRejections(error: unknown, body: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const issues = (error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
  const entries = (body as { entries?: unknown } | null)?.entries;
  const rejections = issues.map((issue) => {
    const index = issue.path[0] === 'entries' ? Number(issue.path[1]) : NaN;
    const entry = Array.isArray(entries) && Number.isInteger(index) ? (entries[index] as { seq?: unknown } | undefined) : undefined;
    return { seq: typeof entry?.seq === 'number' ? entry.seq : null, code: 'sync.invalid', message: `${issue.path.join('.')}: ${issue.message}` };
  });
  return new AppError(error.code, error.message, { details: { issues, rejections } });
}

function asSyncError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // Connection loss, a PostgreSQL that is restarting or a busy SQLite file: worth retrying later.
  if (typeof code === 'string' && (/^E(CONN|PIPE|TIMEDOUT|HOSTUNREACH)/.test(code) || /^(08|57)/.test(code) || code === 'SQLITE_BUSY')) {
    return syncError('sync.unavailable', 'The database is not available; try again', undefined, true);
  }
  return new AppError('internal.error', 'The server failed; the request changed nothing it did not finish');
}

function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const hops = forwarded.split(',').map((hop) => hop.trim()).filter(Boolean);
    // The last hop was added by our own proxy; anything before it the client could have written.
    if (hops.length > 0) return hops[hops.length - 1] as string;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

function baseHeaders(serverTime: number): Record<string, string> {
  return { 'X-Server-Time': String(serverTime), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
}

function sendJson(request: IncomingMessage, response: ServerResponse, status: number, body: unknown, serverTime: number, headers: Record<string, string> = {}): void {
  let payload: Buffer = Buffer.from(JSON.stringify(body), 'utf8');
  const extra: Record<string, string> = {};
  if (payload.length > 1024 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    payload = gzipSync(payload);
    extra['Content-Encoding'] = 'gzip';
  }
  response.writeHead(status, {
    ...baseHeaders(serverTime),
    ...headers,
    ...extra,
    Vary: 'Accept-Encoding',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
  });
  response.end(payload);
}
