import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Role } from '@shared/domain/profile';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { startServerProcess, type ServerProcess, type StartOptions } from './server-process';
import { TestConsole } from './sync-client';

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = ['sqlite', 'postgres'];

/**
 * One PostgreSQL cluster per test file, a fresh database per server; SQLite
 * servers get a fresh data directory. Call `setUp` in beforeAll and
 * `tearDown` in afterAll.
 */
export class ServerStacks {
  private cluster: PostgresCluster | null = null;
  private readonly running: ServerProcess[] = [];

  async setUp(): Promise<void> {
    this.cluster = await startPostgresCluster();
  }

  async tearDown(): Promise<void> {
    // Newest first and one at a time: a later server may share an earlier one's data directory.
    for (const server of [...this.running].reverse()) await server.dispose().catch(() => undefined);
    await this.cluster?.stop();
  }

  /** A fresh server on the given database, with its first admin enrolled on a console. */
  async start(kind: DatabaseKind, options: StartOptions = {}): Promise<Stack> {
    const databaseUrl = kind === 'postgres' ? await this.postgres().createDatabase() : undefined;
    const server = await this.launch({ ...options, databaseUrl });
    if (!server.enrolmentCode) throw new Error(`The first start printed no enrolment code:\n${server.stdout()}`);
    const admin = new TestConsole(server.url);
    const enrolled = await admin.enrol(server.enrolmentCode);
    if (enrolled.status !== 200) throw new Error(`Enrolling the admin failed: ${JSON.stringify(enrolled.body)}`);
    return new Stack(this, kind, server, admin);
  }

  async launch(options: StartOptions): Promise<ServerProcess> {
    const server = await startServerProcess(options);
    this.running.push(server);
    return server;
  }

  postgres(): PostgresCluster {
    if (!this.cluster) throw new Error('setUp() first');
    return this.cluster;
  }
}

export class Stack {
  constructor(
    readonly stacks: ServerStacks,
    readonly kind: DatabaseKind,
    readonly server: ServerProcess,
    readonly admin: TestConsole,
  ) {}

  get url(): string {
    return this.server.url;
  }

  /** A user with an enrolled console. */
  async console(name: string, role: Role, scope: { all?: boolean; clientIds?: string[]; siteIds?: string[] } = {}): Promise<{ console: TestConsole; userId: string }> {
    const created = await this.admin.post('/v1/admin/users', {
      name,
      role,
      scope: { all: scope.all ?? false, clientIds: scope.clientIds ?? [], siteIds: scope.siteIds ?? [] },
    });
    if (created.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(created.body)}`);
    const userId = (created.body.user as { id: string }).id;
    return { console: await this.enrolled(userId), userId };
  }

  /** Another console for an existing user. */
  async enrolled(userId: string): Promise<TestConsole> {
    const issued = await this.admin.post('/v1/admin/enrolment-codes', { userId });
    if (issued.status !== 200) throw new Error(`issuing a code: ${JSON.stringify(issued.body)}`);
    const device = new TestConsole(this.url);
    const enrolled = await device.enrol(issued.body.code as string);
    if (enrolled.status !== 200) throw new Error(`enrolling: ${JSON.stringify(enrolled.body)}`);
    return device;
  }

  /** A digest of every table (see databaseDigest). */
  digest(): Promise<string> {
    return databaseDigest(this.kind, this.kind === 'postgres' ? (this.server.databaseUrl as string) : join(this.server.dataDir, 'walkdown-server.sqlite'));
  }

  /** Rows of a query, for assertions on what the server stored. */
  rows(sql: string): Promise<Record<string, unknown>[]> {
    return queryRows(this.server, sql);
  }
}

/** Runs a query against a server's database (its SQLite file, read-only, or its PostgreSQL database). */
export async function queryRows(server: { dataDir: string; databaseUrl?: string }, sql: string): Promise<Record<string, unknown>[]> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(server.dataDir, 'walkdown-server.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/**
 * SHA-256 over every row of every table, in a stable order. Left out: the
 * rate-limit counters and when a device was last seen, which a refused request
 * may rightly touch; nothing else may change.
 */
export async function databaseDigest(kind: DatabaseKind, target: string): Promise<string> {
  const hash = createHash('sha256');
  const add = (table: string, rows: Record<string, unknown>[]) => {
    const lines = rows.map((row) => {
      const { last_seen_at: _seen, ...rest } = row;
      return JSON.stringify(Object.keys(rest).sort().map((key) => [key, normalise(rest[key])]));
    });
    hash.update(`${table}\n${lines.sort().join('\n')}\n`);
  };
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
      for (const { table_name } of tables.rows) {
        if (table_name === 'rate_limits') continue;
        add(table_name, (await client.query(`SELECT * FROM "${table_name}"`)).rows);
      }
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(target, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
      for (const { name } of tables) {
        if (name === 'rate_limits') continue;
        add(name, db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]);
      }
    } finally {
      db.close();
    }
  }
  return hash.digest('hex');
}

function normalise(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return createHash('sha256').update(value).digest('hex');
  if (typeof value === 'bigint') return Number(value);
  // pg returns bigint columns as text unless told otherwise.
  if (typeof value === 'string' && /^\d+$/.test(value) && value.length < 16) return Number(value);
  return value;
}
