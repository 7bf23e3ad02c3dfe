import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresCluster {
  port: number;
  /** A URL for a database of this cluster (127.0.0.1, password auth). */
  url(database: string): string;
  /** Makes a fresh, empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops and drops the cluster and removes its files. */
  stop(): Promise<void>;
}

const ROLE = 'walkdown';
const PASSWORD = 'walkdown-test';
let databases = 0;

/**
 * A private PostgreSQL cluster for one test run (TESTING.md): its own data
 * directory and socket directory under a temporary folder, listening on
 * 127.0.0.1 only at a free port, with durability switched off for speed. The
 * Debian cluster tools run as root and hand the files to the postgres user.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!existsSync('/usr/bin/pg_createcluster')) {
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (the server tests run against it too)');
  }
  const version = await installedVersion();
  const name = `walkdown-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const dir = await mkdtemp(join(tmpdir(), 'walkdown-pg-'));
  // The postgres user must be able to reach its data directory inside.
  await chmod(dir, 0o755);
  const port = await freePort();
  let created = false;

  const stop = async () => {
    if (created) await run('pg_dropcluster', [version, name, '--stop']).catch(() => undefined);
    created = false;
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await run('pg_createcluster', [version, name, '-d', join(dir, 'data'), '-s', join(dir, 'run'), '-p', String(port), '--', '--auth-local=peer', '--auth-host=scram-sha-256']);
    created = true;
    await appendFile(
      `/etc/postgresql/${version}/${name}/postgresql.conf`,
      ["listen_addresses = '127.0.0.1'", 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', 'max_connections = 200', ''].join('\n'),
    );
    await run('pg_ctlcluster', [version, name, 'start']);
    await run('runuser', ['-u', 'postgres', '--', 'psql', '-h', join(dir, 'run'), '-p', String(port), '-v', 'ON_ERROR_STOP=1', '-c', `CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`]);
  } catch (error) {
    await stop();
    throw error;
  }

  const url = (database: string) => `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(dbName = `walkdown_${process.pid}_${(databases += 1)}`) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${dbName}`);
      } finally {
        await client.end();
      }
      return url(dbName);
    },
    stop,
  };
}

async function installedVersion(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('No PostgreSQL server version under /usr/lib/postgresql');
  return versions[0];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
