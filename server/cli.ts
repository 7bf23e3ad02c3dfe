import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AccountsService } from './accounts/accounts.service';
import { openStore } from './db/database';
import { createLogger, type LogLevel } from './log/logger';
import { startServer } from './server';

const USAGE = `Usage: npm run server -- [issue-code] [options]

  (no command)   start the sync server
  issue-code     print a new enrolment code for the first admin (run on the server host)

Options (environment variable in brackets):
  --data-dir <dir>       where the SQLite file lives [WALKDOWN_SERVER_DATA_DIR] (default ~/.walkdown-server)
  --database-url <url>   use PostgreSQL instead of SQLite [DATABASE_URL]
  --host <address>       address to listen on [WALKDOWN_SERVER_HOST] (default 0.0.0.0)
  --port <n>             port, 0 for any free one [PORT] (default 8470)
  --tls-cert <file>      PEM certificate: serve HTTPS [WALKDOWN_TLS_CERT]
  --tls-key <file>       PEM private key [WALKDOWN_TLS_KEY]
  --trust-proxy          take client addresses from X-Forwarded-For [WALKDOWN_TRUST_PROXY=1]
  --enrol-rate <n>       enrolment attempts per client address per minute [WALKDOWN_ENROL_RATE] (default 10)
  --log-level <level>    debug, info, warn or error [WALKDOWN_LOG_LEVEL] (default info)
`;

/**
 * `npm run server`: the central sync server. Prints exactly one line with its
 * address and, on the first start, one line with the first admin's enrolment
 * code; everything else is JSON logs on stderr.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'enrol-rate': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return void process.stdout.write(USAGE);
  const env = process.env;
  const dataDir = resolve(values['data-dir'] ?? env.WALKDOWN_SERVER_DATA_DIR ?? join(homedir(), '.walkdown-server'));
  const databaseUrl = values['database-url'] ?? (env.DATABASE_URL || undefined);
  const command = positionals[0];

  if (command === 'issue-code') {
    const store = await openStore({ dataDir, databaseUrl });
    try {
      const issued = await new AccountsService(store, Date.now).issueCodeForFirstAdmin();
      process.stdout.write(`Enrolment code: ${issued.code}\n`);
    } finally {
      await store.close();
    }
    return;
  }
  if (command !== undefined) fail(`Unknown command "${command}"\n${USAGE}`);

  const logLevel = (values['log-level'] ?? env.WALKDOWN_LOG_LEVEL ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) fail(`--log-level must be debug, info, warn or error, not "${logLevel}"`);
  const port = Number(values.port ?? env.PORT ?? 8470);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535`);
  const enrolRate = Number(values['enrol-rate'] ?? env.WALKDOWN_ENROL_RATE ?? 10);
  if (!Number.isInteger(enrolRate) || enrolRate < 1) fail('--enrol-rate must be a positive whole number');
  const certFile = values['tls-cert'] ?? env.WALKDOWN_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.WALKDOWN_TLS_KEY;
  if (!!certFile !== !!keyFile) fail('--tls-cert and --tls-key go together');
  const commitDelayMs = Number(env.WALKDOWN_SERVER_TEST_COMMIT_DELAY_MS ?? 0);

  const logger = createLogger(logLevel);
  const server = await startServer({
    dataDir,
    databaseUrl,
    host: values.host ?? env.WALKDOWN_SERVER_HOST ?? '0.0.0.0',
    port,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    trustProxy: values['trust-proxy'] ?? env.WALKDOWN_TRUST_PROXY === '1',
    logger,
    rateLimits: { enrol: { limit: enrolRate, windowMs: 60_000 } },
    commitDelayMs: commitDelayMs > 0 ? commitDelayMs : undefined,
  });
  // One write, so a process reading our output gets both lines together.
  process.stdout.write(`Walkdown server: ${server.url}\n${server.firstEnrolment ? `Enrolment code: ${server.firstEnrolment.code}\n` : ''}`);
  if (server.firstEnrolment) {
    logger.log('info', 'first admin created', { enrolmentCodeExpiresAt: new Date(server.firstEnrolment.expiresAt).toISOString() });
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function fail(message: string): never {
  process.stderr.write(`Walkdown server: ${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`Walkdown server failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
