import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '@shared/domain/profile';

export interface WebApp {
  /** The URL the CLI printed, token included, as a user would open it. */
  url: string;
  /** Origin only (no token), for opening the app after the token moved into sessionStorage. */
  origin: string;
  token: string;
  dataDir: string;
  /** Kills the process, waits until it has exited and removes the data directory. */
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO_ROOT, 'out', 'web', 'cli.cjs');
const READY_LINE = /^Walkdown web: (http:\/\/\S+)$/m;

/**
 * Starts the real backend with its web transport (`node out/web/cli.js`, built
 * by `npm run build`) on a free port with a fresh data directory, and resolves
 * once it prints the line with its URL.
 */
export async function startWebApp(options: { lang?: Language; dataDir?: string; timeoutMs?: number } = {}): Promise<WebApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'walkdown-e2e-')));
  const ownsDataDir = options.dataDir === undefined;
  const args = [CLI, '--data-dir', dataDir, '--port', '0', ...(options.lang ? ['--lang', options.lang] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    await kill(child, exited);
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 20_000;
      const timer = setTimeout(() => fail(`did not print its URL within ${timeoutMs} ms`), timeoutMs);
      const onData = () => {
        const match = READY_LINE.exec(stdout);
        if (match?.[1]) {
          cleanup();
          resolve(match[1]);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (code ${code}, signal ${signal}) before it was ready`);
      const onError = (error: Error) => fail(`could not be started: ${error.message}`);
      function cleanup() {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        child.off('error', onError);
      }
      function fail(why: string) {
        cleanup();
        reject(new Error(`Walkdown web (${args.join(' ')}) ${why}.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      }
      child.stdout.on('data', onData);
      child.once('exit', onExit);
      child.once('error', onError);
    });
    const parsed = new URL(url);
    const token = parsed.searchParams.get('token');
    if (!token) throw new Error(`Walkdown web printed a URL without a token: ${url}`);
    return { url, origin: parsed.origin, token, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM lets the CLI close the store cleanly; SIGKILL if it hangs. */
async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Calls the API the way the renderer does, for arranging data a test is not about. */
export async function callApi(app: WebApp, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${app.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code} ${result.error?.message}`);
  return result.value;
}
