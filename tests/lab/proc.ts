/**
 * Process helpers for the lab: run a command, identify a process by PID *and*
 * start time (so a recycled PID is never signalled), stop it by that identity,
 * and find the processes living in one of our network namespaces.
 *
 * Everything that stops processes is synchronous on purpose: the same code runs
 * from `lab.stop()`, from a `process.on('exit')` hook (where nothing async runs)
 * and from the stale-run cleanup of a later test run.
 */
import { execFile, execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

export interface ProcRef {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot): with the pid it names one process for good. */
  startTime: string;
  /** What it is, for messages and the record (snmpd, sshd, snmpsimd, ...). */
  name: string;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell) and resolves with its exit code and output; never rejects on a non-zero exit. */
export function run(file: string, args: readonly string[], options: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024, env: options.env ?? process.env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number' && !error.killed && error.signal === null) {
          reject(new Error(`${file} could not be run: ${error.message}`));
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 128) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Like run() but throws with the command's stderr when it fails. */
export async function runOk(file: string, args: readonly string[], options: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    throw new Error(`${file} ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}

/** Synchronous run that never throws; for teardown paths. */
export function runSync(file: string, args: readonly string[], input?: string): RunResult {
  const options: ExecFileSyncOptions = { stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000, ...(input !== undefined ? { input } : {}) };
  try {
    const stdout = execFileSync(file, args, options);
    return { code: 0, stdout: String(stdout), stderr: '' };
  } catch (error) {
    const e = error as { status?: number | null; stdout?: Buffer | string; stderr?: Buffer | string };
    return { code: e.status ?? 1, stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? '') };
  }
}

function readStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm (field 2) may contain spaces and parentheses: split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = rest[0];
    const startTime = rest[19];
    if (state === undefined || startTime === undefined) return undefined;
    return { state, startTime };
  } catch {
    return undefined;
  }
}

export function startTimeOf(pid: number): string | undefined {
  return readStat(pid)?.startTime;
}

/** True while that very process (same start time) exists and is not a zombie. */
export function isAlive(ref: Pick<ProcRef, 'pid' | 'startTime'>): boolean {
  const stat = readStat(ref.pid);
  return stat !== undefined && stat.startTime === ref.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

export function commOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread; only for teardown, where the exit hook cannot await. */
export function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * SIGTERM to each process that is still the one recorded, then SIGKILL to any
 * still alive after `graceMs`. Returns the ones that needed SIGKILL.
 */
export function stopProcesses(refs: readonly Pick<ProcRef, 'pid' | 'startTime' | 'name'>[], graceMs = 2_000): string[] {
  const alive = refs.filter((ref) => isAlive(ref));
  for (const ref of alive) signal(ref.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  let remaining = alive.filter((ref) => isAlive(ref));
  while (remaining.length > 0 && Date.now() < deadline) {
    sleepSync(20);
    remaining = remaining.filter((ref) => isAlive(ref));
  }
  for (const ref of remaining) signal(ref.pid, 'SIGKILL');
  const killDeadline = Date.now() + 2_000;
  while (remaining.some((ref) => isAlive(ref)) && Date.now() < killDeadline) sleepSync(10);
  return remaining.map((ref) => `${ref.name}[${ref.pid}]`);
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

/**
 * Processes whose network namespace is the named one (what `ip netns pids`
 * prints, without a subprocess): sshd session children and emulators that
 * outlive their listener, for example.
 */
export function pidsInNetns(netns: string): ProcRef[] {
  const target = inode(`/run/netns/${netns}`);
  if (target === undefined) return [];
  const found: ProcRef[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    if (inode(`/proc/${pid}/ns/net`) !== target) continue;
    const startTime = startTimeOf(pid);
    if (startTime !== undefined) found.push({ pid, startTime, name: commOf(pid) ?? 'process' });
  }
  return found;
}

/** Sockets of one process's network namespace, as /proc/<pid>/net/{udp,tcp} list them. */
export function listeningPorts(pid: number, proto: 'udp' | 'tcp'): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/net/${proto}`, 'utf8');
    const ports: number[] = [];
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      const state = cols[3];
      if (!local || !state) continue;
      // UDP sockets bound and unconnected are state 07; TCP listeners are 0A.
      if ((proto === 'udp' && state === '07') || (proto === 'tcp' && state === '0A')) {
        ports.push(parseInt(local.split(':')[1] ?? '0', 16));
      }
    }
    return ports;
  } catch {
    return [];
  }
}
