import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { median, round } from './report';

/*
 * Timing and CPU accounting for suites that compare our code with
 * command-line tools (the checks suite): wall time, CPU of this process and
 * of the tools it ran, CPU of a lab daemon serving both, rounds whose side
 * order rotates.
 */

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ToolRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell) and times it from spawn to exit with its pipes closed. */
export function runTool(file: string, args: string[], input?: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C', LC_ALL: 'C', HOME: process.env.HOME ?? '/root' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input ?? '');
  });
}

/** One timed run of one side: wall time, CPU of this process and its reaped children (the tools), CPU of the lab daemon serving it. */
export interface Sample {
  ms: number;
  cpuMs: number;
  serverCpuMs: number;
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

/** utime+stime of a process and cutime+cstime of its children that it has waited for, ms. */
export function cpuTicks(pid: number | 'self'): { own: number; children: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const at = (i: number) => fields[i] ?? 0;
  return { own: (at(11) + at(12)) * TICK_MS, children: (at(13) + at(14)) * TICK_MS };
}

/** Runs `work` and accounts for its CPU: ours (process.cpuUsage) plus children's, and the daemon's (after its per-login children have exited). */
export async function sample(serverPid: number | null, work: () => Promise<number>): Promise<Sample> {
  const server = () => {
    if (serverPid === null) return 0;
    const t = cpuTicks(serverPid);
    return t.own + t.children;
  };
  const server0 = server();
  const children0 = cpuTicks('self').children;
  const cpu0 = process.cpuUsage();
  const ms = await work();
  const cpu = process.cpuUsage(cpu0);
  // sshd's session processes exit (and are reaped) just after the client has closed.
  await sleep(serverPid === null ? 0 : 150);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 + (cpuTicks('self').children - children0), serverCpuMs: server() - server0 };
}

/** One warm-up of every side, then `rounds` rounds whose side order rotates; returns each side's timed samples. */
export async function alternate<K extends string>(sides: Record<K, () => Promise<Sample>>, rounds: number): Promise<Record<K, Sample[]>> {
  const names = Object.keys(sides) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<K, Sample[]>;
  for (const name of names) await sides[name]();
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length] as K);
    for (const name of order) samples[name].push(await sides[name]());
  }
  return samples;
}

export interface SideMedians {
  ms: number;
  cpuMs: number;
  serverCpuMs: number;
  roundsMs: number[];
}

/** Medians of a side's samples, rounded for the report. */
export function medians(samples: Sample[]): SideMedians {
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: round(median(samples.map((s) => s.cpuMs)), 0),
    serverCpuMs: round(median(samples.map((s) => s.serverCpuMs)), 0),
    roundsMs: samples.map((s) => round(s.ms, 0)),
  };
}

/** `global.gc`, exposed at run time when node was started without --expose-gc (npm run bench is plain tsx). */
export function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** What each open file descriptor of this process points at. */
export function openFds(): string[] {
  const dir = '/proc/self/fd';
  return readdirSync(dir).flatMap((fd) => {
    try {
      return [readlinkSync(join(dir, fd))];
    } catch {
      return []; // the directory handle of this very listing
    }
  });
}
