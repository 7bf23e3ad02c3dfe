import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/server-process';
import type { ServerNamespace } from './sync-network';

const SERVER_CLI = join(REPO_ROOT, 'out', 'server', 'cli.cjs');
const WEB_CLI = join(REPO_ROOT, 'out', 'web', 'cli.cjs');
/** Each server gets its own port: a server a failed run left behind cannot block the next. */
let nextPort = 8470;

/** One line of the server's JSON request log. */
export interface RequestLine {
  method: string;
  path: string;
  status: number;
  deviceId?: string;
}

/**
 * The sync server (out/server/cli.cjs) running inside a namespace at a fixed
 * address, so that it can be killed and started again on the same data (SQLite
 * directory or PostgreSQL database) where the consoles expect it.
 */
export class NamespacedServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stderrTail = '';
  private listeners = new Set<(line: RequestLine) => void>();
  /** Printed on the first start only. */
  enrolmentCode: string | null = null;
  starts = 0;
  private readonly port = nextPort++;

  constructor(
    private readonly ns: ServerNamespace,
    readonly dataDir: string,
    readonly databaseUrl: string | undefined,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://${this.ns.serverAddress}:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (!existsSync(SERVER_CLI)) throw new Error(`${SERVER_CLI} is missing: run "npm run build" first`);
    if (this.running) return;
    const argv = this.ns.exec([process.execPath, SERVER_CLI, '--data-dir', this.dataDir, '--host', this.ns.serverAddress, '--port', String(this.port)]);
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: this.databaseUrl ?? '', WALKDOWN_ENROL_RATE: '1000', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let stdout = '';
    let partial = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.onLogLine(line);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail('did not print its address within 20 s'), 20_000);
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`The server ${why}.\nstdout:\n${stdout}\nstderr:\n${this.stderrTail}`));
      };
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const code = /^Enrolment code: (\S+)$/m.exec(stdout);
        if (code?.[1]) this.enrolmentCode = code[1];
        if (/^Walkdown server: \S+$/m.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
    });
  }

  /** SIGKILL: a crash (power cut, OOM killer). */
  async kill(): Promise<void> {
    if (this.running) this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, a clean restart's first half; SIGKILL after 5 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Resolves at the next request line that matches (or after `timeoutMs`, with false). */
  waitForRequest(match: (line: RequestLine) => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const listener = (line: RequestLine) => {
        if (!match(line)) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (seen: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(seen);
      };
      this.listeners.add(listener);
    });
  }

  logTail(): string {
    return this.stderrTail;
  }

  private onLogLine(text: string): void {
    if (this.listeners.size === 0 || !text.startsWith('{')) return;
    try {
      const line = JSON.parse(text) as { msg?: string; method?: string; path?: string; status?: number; deviceId?: string };
      if (line.msg !== 'request' || typeof line.path !== 'string') return;
      for (const listener of [...this.listeners]) listener({ method: line.method ?? '', path: line.path, status: Number(line.status), deviceId: line.deviceId });
    } catch {
      // Not a log line of ours.
    }
  }
}

export class RpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`${method}: ${code} ${message}`);
    this.name = 'RpcError';
  }
}

/**
 * A console's backend as a process of its own (out/web/cli.cjs: the core
 * behind the web transport), called over its RPC endpoint. Killed with
 * SIGKILL and started again on the same data directory, as a laptop that
 * crashed or lost power.
 */
export class ConsoleProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private origin = '';
  private token = '';
  private stderr = '';
  kills = 0;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (!existsSync(WEB_CLI)) throw new Error(`${WEB_CLI} is missing: run "npm run build" first`);
    if (this.running) return;
    const child = spawn(process.execPath, [WEB_CLI, '--data-dir', this.dataDir, '--port', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: backend not ready in 20 s\n${this.stderr}`)), 20_000);
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = /^Walkdown web: (http:\/\/\S+)$/m.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.name}: backend exited (${code ?? signal}) before it was ready\n${this.stderr}`));
      });
    });
    const parsed = new URL(url);
    this.origin = parsed.origin;
    this.token = parsed.searchParams.get('token') ?? '';
  }

  async kill(): Promise<void> {
    if (this.running) {
      this.child!.kill('SIGKILL');
      this.kills += 1;
    }
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Calls a core method; an RpcError for a refusal, a plain Error when the process is gone. */
  async call<T>(method: string, input: unknown = {}): Promise<T> {
    const response = await fetch(`${this.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
    if (!result.ok) throw new RpcError(method, result.error?.code ?? 'unknown', result.error?.message ?? '');
    return result.value as T;
  }

  logTail(): string {
    return this.stderr;
  }
}
