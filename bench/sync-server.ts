import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PostgresCluster } from '../tests/server/postgres-cluster';
import { startServerProcess, type ServerProcess } from '../tests/server/server-process';
import { TestConsole } from '../tests/server/sync-client';
import { migrateToLatest } from '../server/db/migrations';

/*
 * The real sync server (out/server/cli.cjs) on a fresh database of the
 * bench's private PostgreSQL cluster, with its first admin enrolled on a
 * protocol-level console that issues users and enrolment codes.
 */

export interface BenchServer {
  process: ServerProcess;
  url: string;
  databaseUrl: string;
  admin: TestConsole;
  /** A user with the given role and scope, and a one-time code for one of their consoles. */
  user(name: string, role: 'engineer' | 'supervisor' | 'admin', scope: { all?: boolean; clientIds?: string[] }): Promise<string>;
  code(userId: string): Promise<string>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  dispose(): Promise<void>;
}

export async function startBenchServer(cluster: PostgresCluster, env: Record<string, string> = {}): Promise<BenchServer> {
  const databaseUrl = await cluster.createDatabase();
  // Its default log level (info): one JSON line per request, as deployed; the bench reads server-side durations from it.
  const process = await startServerProcess({ databaseUrl, env });
  if (!process.enrolmentCode) throw new Error(`The server printed no enrolment code:\n${process.stdout()}`);
  const admin = new TestConsole(process.url);
  const enrolled = await admin.enrol(process.enrolmentCode);
  if (enrolled.status !== 200) throw new Error(`Enrolling the admin failed: ${JSON.stringify(enrolled.body)}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    process,
    url: process.url,
    databaseUrl,
    admin,
    async user(name, role, scope) {
      const created = await admin.post('/v1/admin/users', { name, role, scope: { all: scope.all ?? false, clientIds: scope.clientIds ?? [], siteIds: [] } });
      if (created.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(created.body)}`);
      return (created.body.user as { id: string }).id;
    },
    async code(userId) {
      const issued = await admin.post('/v1/admin/enrolment-codes', { userId });
      if (issued.status !== 200) throw new Error(`issuing a code: ${JSON.stringify(issued.body)}`);
      return issued.body.code as string;
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async dispose() {
      await client.end().catch(() => undefined);
      await process.dispose();
    },
  };
}

/** A fresh database of the cluster with the server's schema (its own migrations), for the floor. */
export async function createServerSchemaDatabase(cluster: PostgresCluster): Promise<string> {
  const databaseUrl = await cluster.createDatabase();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, 'postgres');
  } finally {
    await db.destroy();
  }
  return databaseUrl;
}

/**
 * Multi-row INSERTs of `rows` into `table` in one transaction: the plain way
 * to put the same rows into the same database (chunks stay under PostgreSQL's
 * 65,535 bound parameters).
 */
export async function bulkInsert(client: pg.Client, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const perStatement = Math.floor(60_000 / columns.length);
  await client.query('BEGIN');
  try {
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values: unknown[] = [];
      const tuples = chunk.map((row) => {
        const placeholders = row.map((value) => {
          values.push(value);
          return `$${values.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await client.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
