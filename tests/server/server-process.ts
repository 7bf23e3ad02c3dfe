import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO_ROOT, 'out', 'server', 'cli.cjs');
const URL_LINE = /^Walkdown server: (\S+)$/m;
const CODE_LINE = /^Enrolment code: (\S+)$/m;

export interface ServerProcess {
  url: string;
  /** Printed on the first start only. */
  enrolmentCode: string | null;
  dataDir: string;
  databaseUrl?: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  /** Stops it and removes the data directory it made. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  databaseUrl?: string;
  args?: string[];
  env?: Record<string, string>;
  port?: number;
}

/** Starts the built server (`npm run build` makes out/server/cli.cjs) and resolves once it printed its address. */
export async function startServerProcess(options: StartOptions = {}): Promise<ServerProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'walkdown-server-')));
  const ownsDataDir = options.dataDir === undefined;
  const args = [CLI, '--data-dir', dataDir, '--host', '127.0.0.1', '--port', String(options.port ?? 0), ...(options.args ?? [])];
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: options.databaseUrl ?? '', WALKDOWN_ENROL_RATE: '1000', ...options.env };
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not print its address within 20 s'), 20_000);
    const onData = () => {
      const match = URL_LINE.exec(stdout);
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null) => fail(`exited with ${code} before it was ready`);
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    }
    function fail(why: string) {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`The server ${why}.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });

  const stop = () => terminate(child, exited, 'SIGTERM');
  return {
    url,
    enrolmentCode: CODE_LINE.exec(stdout)?.[1] ?? null,
    dataDir,
    databaseUrl: options.databaseUrl,
    stdout: () => stdout,
    stderr: () => stderr,
    stop,
    kill: () => terminate(child, exited, 'SIGKILL'),
    dispose: async () => {
      await stop();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function terminate(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
