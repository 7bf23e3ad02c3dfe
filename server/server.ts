import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { AccountsService } from './accounts/accounts.service';
import { RateLimiter, type RateLimit } from './accounts/rate-limit';
import { BlobsService } from './blobs/blobs.service';
import { openStore, type ServerStore } from './db/database';
import { createApp } from './http/app';
import { silentLogger, type Logger } from './log/logger';
import { PullService } from './sync/pull.service';
import { PushService } from './sync/push.service';

export interface ServerOptions {
  dataDir: string;
  /** postgres://… ; without it an embedded SQLite file in dataDir. */
  databaseUrl?: string;
  host: string;
  port: number;
  tls?: { certFile: string; keyFile: string };
  trustProxy?: boolean;
  logger?: Logger;
  now?: () => number;
  rateLimits?: { enrol?: RateLimit; failedAuth?: RateLimit };
  /** Test hook: see PushOptions.commitDelayMs. */
  commitDelayMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  store: ServerStore;
  /** The code for the first admin, when this start created it. */
  firstEnrolment: { code: string; expiresAt: number } | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const accounts = new AccountsService(store, now);
  let firstEnrolment: RunningServer['firstEnrolment'];
  try {
    firstEnrolment = await accounts.bootstrap();
  } catch (error) {
    await store.close();
    throw error;
  }

  const handler = createApp({
    store,
    accounts,
    push: new PushService(store, now, { commitDelayMs: options.commitDelayMs }),
    pull: new PullService(store),
    blobs: new BlobsService(store, now),
    rateLimiter: new RateLimiter(store, now),
    logger,
    now,
    trustProxy: options.trustProxy ?? false,
    limits: options.rateLimits,
  });
  const server: Server = options.tls
    ? createHttpsServer({ cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) }, handler)
    : createHttpServer(handler);
  // Slow or stalled clients cannot hold a connection (and its memory) for long.
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 10_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? 'https' : 'http'}://${displayHost(options.host)}:${port}`;
  logger.log('info', 'started', { url, database: store.description });

  return {
    url,
    port,
    store,
    firstEnrolment,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await store.close();
    },
  };
}

/** Bound to every interface: show an address a console on the network could use. */
function displayHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  for (const addresses of Object.values(networkInterfaces())) {
    const external = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (external) return external.address;
  }
  return '127.0.0.1';
}
