import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_LIMITS, WorkQueue, type JobOutcome, type QueueLimits } from '../electron/core/checks/runner/work-queue';
import {
  SnmpSessions,
  pingSweep,
  snmpGet,
  sshExec,
  staticHostKeyPolicy,
  type PingResult,
  type SnmpCredential,
  type SnmpGetResult,
  type SshCredential,
  type SshExecCall,
} from '../electron/core/checks/transports';
import { startLab, type Lab } from '../tests/lab';
import { median, report, round } from './report';

/*
 * `checks`: device checks against the lab (tests/lab: one wildcard snmpd and
 * one sshd answering on 200 fleet addresses in a network namespace), our
 * code against the command-line tools an engineer would use, both measured
 * in the same run. Needs root and the lab's Debian packages (bench/README.md).
 *
 * Our side goes through the layer that does the work in the product: the
 * WorkQueue (DEFAULT_LIMITS: 64 at once, ssh 8, 2 per host) and the
 * transports, one SnmpSessions pool per sweep, pinned host keys. The checks
 * service (`checks.run`) was still being written when this suite was; once
 * it is done, measure through it and say `path: 'service'`.
 *
 * - snmp-sweep-ms: 200 devices × 10 OIDs (v2c, one GET each) vs `xargs -P32
 *   snmpget` of the same. Target ratio ≤ 0.25.
 * - ssh-uptime-50-ms: `uptime` on 50 addresses at the product's ssh
 *   concurrency (8), and ssh-uptime-50-ms-at-16 at pssh's, vs `parallel-ssh
 *   -p 16`, both on the same key exchange, cipher and host key algorithm.
 *   Target ≤ 0.8.
 * - ping-254-ms: pingSweep of the whole /24 (200 fleet + the bridge's own .1
 *   alive, 53 dead) vs one fping. Target ≤ 1.2.
 * - sweep-fd-growth / sweep-heap-growth-mb: 100 small sweeps (20 devices ×
 *   SNMP + ping, one SSH); open fds and heap after a full GC at sweep 10 and
 *   100. Targets (on the value, not the ratio): ≤ 2 fds, ≤ 5 MB.
 *
 * Each timed comparison runs one warm-up of every side (ARP, JIT, module
 * loading), then ROUNDS rounds whose side order rotates; medians are reported.
 * Every side's answers are counted and the bench throws if any is missing.
 * Besides wall time each line has CPU time: `cpuMs` (this process and the
 * tools it ran) and, for SNMP and SSH, the lab daemon's (`agentCpuMs`,
 * `sshdCpuMs`). The daemons run on the same cores as the client, so a side
 * that costs the devices more work is slower for it on a 2-core machine.
 */

const ROUNDS = Number(process.env.WALKDOWN_BENCH_CHECK_ROUNDS ?? 5);
const SWEEPS = Number(process.env.WALKDOWN_BENCH_SWEEPS ?? 100);
const PATH = 'queue+transports' as const;

const SNMP_DEVICES = 200;
const SSH_HOSTS = 50;
const SWEEP_DEVICES = 20;
const PING_TIMEOUT_MS = 1000;
const SNMP_TIMEOUT_MS = 2000;
const XARGS_PARALLEL = 32;
const PSSH_PARALLEL = 16;

/** System group and three ifTable columns of ifIndex 1 (lo, present in every namespace). */
const OIDS = [
  '1.3.6.1.2.1.1.1.0', // sysDescr
  '1.3.6.1.2.1.1.2.0', // sysObjectID
  '1.3.6.1.2.1.1.3.0', // sysUpTime
  '1.3.6.1.2.1.1.4.0', // sysContact
  '1.3.6.1.2.1.1.5.0', // sysName
  '1.3.6.1.2.1.1.6.0', // sysLocation
  '1.3.6.1.2.1.1.7.0', // sysServices
  '1.3.6.1.2.1.2.2.1.2.1', // ifDescr.1
  '1.3.6.1.2.1.2.2.1.8.1', // ifOperStatus.1
  '1.3.6.1.2.1.2.2.1.10.1', // ifInOctets.1
];

export async function checksBench(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench checks: needs root (it starts its own lab of snmpd/sshd in network namespaces); see bench/README.md');
  for (const tool of ['/usr/bin/snmpget', '/usr/bin/xargs', '/usr/bin/parallel-ssh', '/usr/bin/fping', '/usr/bin/ssh']) {
    if (!isExecutable(tool)) throw new Error(`bench checks: ${tool} is missing; run \`bash scripts/ensure-system-deps.sh\` as root`);
  }
  const started = performance.now();
  const lab = await startLab({ hosts: 0, fleet: { size: SNMP_DEVICES, ssh: true } });
  const scratch = mkdtempSync(join(tmpdir(), 'walkdown-bench-checks-'));
  try {
    const ctx = setup(lab, scratch);
    await snmpSweepBench(ctx);
    await sshBench(ctx);
    await pingBench(ctx);
    await sweepLeakBench(ctx);
    process.stderr.write(`bench checks: done in ${round((performance.now() - started) / 1000, 1)} s (lab up in ${lab.timings.total ?? '?'} ms)\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await lab.stop();
  }
}

// ---------------------------------------------------------------- setup

interface Context {
  lab: Lab;
  fleet: string[];
  snmpCredential: SnmpCredential;
  sshCredential: SshCredential;
  /** Every fleet address pinned to the fleet sshd's ed25519 key, as the product pins accepted keys. */
  sshOptions: Parameters<typeof sshExec>[3];
  keyPath: string;
  knownHostsPath: string;
  scratch: string;
  /** The fleet's snmpd and sshd: their CPU time (sshd's with its reaped per-login children) is the devices' share of the work. */
  snmpdPid: number;
  sshdPid: number;
}

function setup(lab: Lab, scratch: string): Context {
  const fleet = lab.fleet?.addresses ?? [];
  const hostKey = lab.fleet?.hostKeys?.ed25519;
  if (fleet.length !== SNMP_DEVICES || !hostKey) throw new Error(`bench checks: the lab has ${fleet.length} fleet addresses${hostKey ? '' : ' and no fleet sshd'}`);
  const knownHostsPath = join(scratch, 'known_hosts');
  writeFileSync(knownHostsPath, lab.knownHosts(), { mode: 0o600 });
  const pins = new Map(fleet.map((address) => [`${address}:22`, { keyType: hostKey.algorithm, fingerprint: hostKey.fingerprint }]));
  const daemon = (name: string) => {
    const pid = lab.processes().find((p) => p.name === name)?.pid;
    if (pid === undefined) throw new Error(`bench checks: the lab runs no ${name}`);
    return pid;
  };
  return {
    lab,
    fleet,
    snmpCredential: { kind: 'snmp-community', settings: { version: 'v2c', port: 161 }, secret: { community: lab.snmp.community } },
    sshCredential: { kind: 'ssh-key', settings: { username: lab.ssh.username, port: 22 }, secret: { privateKey: lab.ssh.privateKey, passphrase: '' } },
    sshOptions: { hostKeyPolicy: staticHostKeyPolicy(pins), readyTimeoutMs: 15_000, timeoutMs: 15_000 },
    keyPath: lab.ssh.privateKeyPath,
    knownHostsPath,
    scratch,
    snmpdPid: daemon('snmpd fl'),
    sshdPid: daemon('sshd fl'),
  };
}

// ---------------------------------------------------------------- helpers

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface ToolRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell) and times it from spawn to exit with its pipes closed. */
function runTool(file: string, args: string[], input?: string): Promise<ToolRun> {
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
interface Sample {
  ms: number;
  cpuMs: number;
  serverCpuMs: number;
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

/** utime+stime of a process and cutime+cstime of its children that it has waited for, ms. */
function cpuTicks(pid: number | 'self'): { own: number; children: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const at = (i: number) => fields[i] ?? 0;
  return { own: (at(11) + at(12)) * TICK_MS, children: (at(13) + at(14)) * TICK_MS };
}

/** Runs `work` and accounts for its CPU: ours (process.cpuUsage) plus children's, and the daemon's (after its per-login children have exited). */
async function sample(serverPid: number | null, work: () => Promise<number>): Promise<Sample> {
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
async function alternate<K extends string>(sides: Record<K, () => Promise<Sample>>, rounds: number): Promise<Record<K, Sample[]>> {
  const names = Object.keys(sides) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<K, Sample[]>;
  for (const name of names) await sides[name]();
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length] as K);
    for (const name of order) samples[name].push(await sides[name]());
  }
  return samples;
}

/** Medians of a side's samples, rounded for the report. */
function medians(samples: Sample[]): { ms: number; cpuMs: number; serverCpuMs: number; roundsMs: number[] } {
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: round(median(samples.map((s) => s.cpuMs)), 0),
    serverCpuMs: round(median(samples.map((s) => s.serverCpuMs)), 0),
    roundsMs: samples.map((s) => round(s.ms, 0)),
  };
}

function queueWith(perKind: Record<string, number> = {}): WorkQueue {
  const limits: QueueLimits = { ...DEFAULT_LIMITS, perKind: { ...DEFAULT_LIMITS.perKind, ...perKind } };
  return new WorkQueue(limits);
}

function failures<T>(outcomes: JobOutcome<T>[], what: string): void {
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0) {
    const first = failed[0]?.error;
    throw new Error(`bench checks: ${what}: ${failed.length} of ${outcomes.length} jobs failed; first: ${first instanceof Error ? first.message : String(first)}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- 1. SNMP sweep

function countSnmpValues(results: SnmpGetResult[]): number {
  return results.reduce((sum, r) => sum + r.varbinds.filter((vb) => vb.value !== null && vb.type !== 'NoSuchObject' && vb.type !== 'NoSuchInstance' && vb.type !== 'EndOfMibView').length, 0);
}

/** The product's way: one queue job per device (kind snmp), one session pool for the sweep, closed at its end. */
async function ourSnmpSweep(ctx: Context, addresses: string[], queue = queueWith(), sessions = new SnmpSessions()): Promise<{ ms: number; values: number; results: SnmpGetResult[] }> {
  const start = performance.now();
  let outcomes: JobOutcome<SnmpGetResult>[];
  try {
    outcomes = await Promise.all(
      addresses.map((address) =>
        queue.add({
          kind: 'snmp',
          host: address,
          timeoutMs: 15_000,
          run: (signal) => snmpGet({ address }, ctx.snmpCredential, OIDS, { timeoutMs: SNMP_TIMEOUT_MS, retries: 0, sessions }, signal),
        }),
      ),
    );
  } finally {
    await sessions.close();
  }
  const ms = performance.now() - start;
  failures(outcomes, 'snmp sweep');
  const results = outcomes.map((o) => o.value as SnmpGetResult);
  return { ms, values: countSnmpValues(results), results };
}

/** `xargs -P32 snmpget`: one snmpget per device with the same 10 OIDs, v2c, -t 2 -r 0, numeric. */
async function xargsSnmpSweep(ctx: Context, addresses: string[]): Promise<{ ms: number; values: number }> {
  const args = [`-P${XARGS_PARALLEL}`, '-I{}', 'snmpget', '-v2c', '-c', ctx.lab.snmp.community, '-t', String(SNMP_TIMEOUT_MS / 1000), '-r', '0', '-On', '-m', '', '{}', ...OIDS];
  const run = await runTool('/usr/bin/xargs', args, `${addresses.join('\n')}\n`);
  const values = run.stdout.split('\n').filter((line) => /^\.1\.3\.6\.1\.2\.1\.[\d.]+ = /.test(line) && !/ = No Such (Object|Instance)/.test(line)).length;
  if (run.code !== 0 && values !== addresses.length * OIDS.length) throw new Error(`bench checks: xargs snmpget exited ${run.code}: ${run.stderr.slice(0, 500)}`);
  return { ms: run.ms, values };
}

async function snmpSweepBench(ctx: Context): Promise<void> {
  const addresses = ctx.fleet.slice(0, SNMP_DEVICES);
  const expected = addresses.length * OIDS.length;
  const counted = { ours: 0, xargs: 0 };
  const check = (side: 'ours' | 'xargs', values: number) => {
    if (values !== expected) throw new Error(`bench checks: snmp sweep (${side === 'ours' ? 'ours' : 'xargs snmpget'}) got ${values} of ${expected} values`);
    counted[side] = values;
  };
  const samples = await alternate(
    {
      ours: () =>
        sample(ctx.snmpdPid, async () => {
          const { ms, values, results } = await ourSnmpSweep(ctx, addresses);
          check('ours', values);
          const sysName = results[0]?.varbinds[4]?.value;
          if (sysName !== ctx.lab.fleet?.sysName) throw new Error(`bench checks: snmp sweep: sysName ${String(sysName)}`);
          return ms;
        }),
      xargs: () =>
        sample(ctx.snmpdPid, async () => {
          const { ms, values } = await xargsSnmpSweep(ctx, addresses);
          check('xargs', values);
          return ms;
        }),
    },
    ROUNDS,
  );
  const ours = medians(samples.ours);
  const xargs = medians(samples.xargs);
  report({
    bench: 'checks',
    metric: 'snmp-sweep-ms',
    value: round(ours.ms, 1),
    unit: 'ms',
    baseline: round(xargs.ms, 1),
    ratio: round(ours.ms / xargs.ms),
    target: 0.25,
    path: PATH,
    devices: addresses.length,
    oidsPerDevice: OIDS.length,
    values: counted.ours,
    baselineValues: counted.xargs,
    oidsPerSecond: Math.round((expected * 1000) / ours.ms),
    baselineOidsPerSecond: Math.round((expected * 1000) / xargs.ms),
    cpuMs: ours.cpuMs,
    baselineCpuMs: xargs.cpuMs,
    agentCpuMs: ours.serverCpuMs,
    baselineAgentCpuMs: xargs.serverCpuMs,
    limits: { global: DEFAULT_LIMITS.global, snmp: DEFAULT_LIMITS.perKind.snmp, perHost: DEFAULT_LIMITS.perHost, sessionsMaxOpen: new SnmpSessions().maxOpen },
    baselineCommand: `xargs -P${XARGS_PARALLEL} -I{} snmpget -v2c -c public -t 2 -r 0 -On -m '' {} <10 OIDs>`,
    rounds: ROUNDS,
    valueRoundsMs: ours.roundsMs,
    baselineRoundsMs: xargs.roundsMs,
  });
}

// ---------------------------------------------------------------- 2. SSH uptime

async function ourSshSweep(ctx: Context, addresses: string[], concurrency: number): Promise<{ ms: number; results: SshExecCall[] }> {
  const queue = queueWith({ ssh: concurrency });
  const start = performance.now();
  const outcomes = await Promise.all(
    addresses.map((address) => queue.add({ kind: 'ssh', host: address, timeoutMs: 30_000, run: (signal) => sshExec({ address }, ctx.sshCredential, 'uptime', ctx.sshOptions, signal) })),
  );
  const ms = performance.now() - start;
  failures(outcomes, `ssh uptime at ${concurrency}`);
  const results = outcomes.map((o) => o.value as SshExecCall);
  const silent = results.filter((r) => r.exitCode !== 0 || !/load average/.test(r.stdout));
  if (silent.length > 0) throw new Error(`bench checks: ssh uptime at ${concurrency}: ${silent.length} hosts gave no uptime (first: ${silent[0]?.connection.address}: ${JSON.stringify(silent[0]?.stdout)})`);
  return { ms, results };
}

interface Negotiated {
  kex: string;
  serverHostKey: string;
  cipher: string;
  mac: string;
}

function psshArgs(ctx: Context, hostsFile: string, algorithms: Negotiated): string[] {
  const options = [
    'StrictHostKeyChecking=no',
    `UserKnownHostsFile=${ctx.knownHostsPath}`,
    `KexAlgorithms=${algorithms.kex}`,
    `Ciphers=${algorithms.cipher}`,
    `HostKeyAlgorithms=${algorithms.serverHostKey}`,
    'BatchMode=yes',
  ];
  return ['-p', String(PSSH_PARALLEL), '-i', ...options.flatMap((o) => ['-O', o]), '-x', `-F /dev/null -i ${ctx.keyPath}`, '-l', ctx.lab.ssh.username, '-h', hostsFile, 'uptime'];
}

async function psshSweep(ctx: Context, hostsFile: string, addresses: string[], algorithms: Negotiated): Promise<number> {
  const run = await runTool('/usr/bin/parallel-ssh', psshArgs(ctx, hostsFile, algorithms));
  const answered = new Set([...run.stdout.matchAll(/\[SUCCESS\] (\S+)/g)].map((m) => m[1]));
  const uptimes = run.stdout.split('\n').filter((line) => /load average/.test(line)).length;
  const missing = addresses.filter((a) => !answered.has(a));
  if (missing.length > 0 || uptimes !== addresses.length || run.code !== 0) {
    throw new Error(`bench checks: parallel-ssh: ${answered.size} of ${addresses.length} answered, ${uptimes} uptimes, exit ${run.code}; missing ${missing.slice(0, 5).join(' ')}\n${run.stdout.slice(0, 800)}${run.stderr.slice(0, 800)}`);
  }
  return run.ms;
}

async function sshBench(ctx: Context): Promise<void> {
  const addresses = ctx.fleet.slice(0, SSH_HOSTS);
  const hostsFile = join(ctx.scratch, 'pssh-hosts');
  writeFileSync(hostsFile, `${addresses.join('\n')}\n`);
  // What our side negotiates (ssh2's defaults: the transports take no kex option); pssh is forced to the same.
  const probe = await ourSshSweep(ctx, addresses.slice(0, 1), 1);
  const algorithms = probe.results[0]?.connection.algorithms;
  if (!algorithms) throw new Error('bench checks: ssh: no negotiated algorithms reported');
  if (!/^curve25519-sha256/.test(algorithms.kex)) throw new Error(`bench checks: ssh: expected a curve25519 key exchange, got ${algorithms.kex}`);
  const productConcurrency = DEFAULT_LIMITS.perKind.ssh ?? 8;
  const loginMs: Record<number, number[]> = { [productConcurrency]: [], [PSSH_PARALLEL]: [] };
  const ours = (concurrency: number) => () =>
    sample(ctx.sshdPid, async () => {
      const { ms, results } = await ourSshSweep(ctx, addresses, concurrency);
      const other = results.find((r) => r.connection.algorithms?.kex !== algorithms.kex || r.connection.algorithms.cipher !== algorithms.cipher);
      if (other) throw new Error(`bench checks: ssh: ${other.connection.address} negotiated ${JSON.stringify(other.connection.algorithms)}, not ${JSON.stringify(algorithms)}`);
      loginMs[concurrency]?.push(median(results.map((r) => r.connection.connectMs)));
      return ms;
    });
  const samples = await alternate(
    {
      at8: ours(productConcurrency),
      at16: ours(PSSH_PARALLEL),
      pssh: () => sample(ctx.sshdPid, () => psshSweep(ctx, hostsFile, addresses, algorithms)),
    },
    ROUNDS,
  );
  const pssh = medians(samples.pssh);
  const line = (metric: string, concurrency: number, side: Sample[]) => {
    const m = medians(side);
    report({
      bench: 'checks',
      metric,
      value: round(m.ms, 1),
      unit: 'ms',
      baseline: round(pssh.ms, 1),
      ratio: round(m.ms / pssh.ms),
      target: 0.8,
      path: PATH,
      hosts: addresses.length,
      answered: addresses.length,
      baselineAnswered: addresses.length,
      concurrency,
      baselineConcurrency: PSSH_PARALLEL,
      algorithms,
      medianLoginMs: round(median(loginMs[concurrency] ?? []), 1),
      cpuMs: m.cpuMs,
      baselineCpuMs: pssh.cpuMs,
      sshdCpuMs: m.serverCpuMs,
      baselineSshdCpuMs: pssh.serverCpuMs,
      hostKeys: 'ours: pinned per address (trusted); pssh: the lab known_hosts',
      baselineCommand: `parallel-ssh ${psshArgs(ctx, 'hosts', algorithms)
        .join(' ')
        .replace(ctx.knownHostsPath, 'known_hosts')
        .replace(/-x -F \/dev\/null -i \S+/, "-x '-F /dev/null -i key'")}`,
      rounds: ROUNDS,
      valueRoundsMs: m.roundsMs,
      baselineRoundsMs: pssh.roundsMs,
    });
  };
  line('ssh-uptime-50-ms', productConcurrency, samples.at8);
  line('ssh-uptime-50-ms-at-16', PSSH_PARALLEL, samples.at16);
}

// ---------------------------------------------------------------- 3. ping

/** The whole /24 but network and broadcast: .1 (this machine's bridge address), the fleet (.50–.249), and the 53 others where nothing is (no hosts, vendor CLI or snmpsim in this lab). */
function pingTargets(lab: Lab): { addresses: string[]; alive: number } {
  const prefix = lab.subnet.replace(/\.0\/24$/, '');
  const addresses = Array.from({ length: 254 }, (_, i) => `${prefix}.${i + 1}`);
  const alive = new Set([lab.gateway, ...(lab.fleet?.addresses ?? [])]);
  if (lab.hosts.length > 0 || lab.vendorCli || lab.snmpsim) throw new Error('bench checks: the ping bench expects a lab with the fleet only');
  return { addresses, alive: addresses.filter((a) => alive.has(a)).length };
}

async function fpingSweep(addresses: string[]): Promise<{ ms: number; alive: number }> {
  const run = await runTool('/usr/bin/fping', ['-C', '1', '-q', '-t', String(PING_TIMEOUT_MS), '-i', '1', '--', ...addresses]);
  if (run.code !== 0 && run.code !== 1) throw new Error(`bench checks: fping exited ${run.code}: ${run.stderr.slice(0, 500)}`);
  const lines = run.stderr.split('\n').filter((line) => /^\S+\s+:\s+(\d|-)/.test(line));
  if (lines.length !== addresses.length) throw new Error(`bench checks: fping reported ${lines.length} of ${addresses.length} addresses`);
  return { ms: run.ms, alive: lines.filter((line) => /:\s+\d/.test(line)).length };
}

/** pingSweep as one queue job (a sweep is one fping process however many addresses). */
async function ourPingSweep(addresses: string[], queue = queueWith()): Promise<{ ms: number; alive: number; results: PingResult[] }> {
  const start = performance.now();
  const outcome = await queue.add({
    kind: 'ping',
    host: addresses.length === 1 ? (addresses[0] as string) : `sweep of ${addresses.length}`,
    timeoutMs: 60_000,
    run: (signal) => pingSweep(addresses.map((address) => ({ address })), { count: 1, timeoutMs: PING_TIMEOUT_MS }, signal),
  });
  const ms = performance.now() - start;
  failures([outcome], 'ping sweep');
  const results = outcome.value as PingResult[];
  if (results.length !== addresses.length) throw new Error(`bench checks: pingSweep gave ${results.length} results for ${addresses.length} addresses`);
  const errors = results.filter((r) => r.error);
  if (errors.length > 0) throw new Error(`bench checks: pingSweep: ${errors.length} errors; first: ${errors[0]?.error?.message}`);
  return { ms, alive: results.filter((r) => r.alive).length, results };
}

async function pingBench(ctx: Context): Promise<void> {
  const { addresses, alive: expected } = pingTargets(ctx.lab);
  const methods = new Set<string>();
  const samples = await alternate(
    {
      ours: () =>
        sample(null, async () => {
          const { ms, alive, results } = await ourPingSweep(addresses);
          for (const r of results) methods.add(r.method);
          if (alive !== expected) throw new Error(`bench checks: pingSweep found ${alive} alive, expected ${expected}`);
          return ms;
        }),
      fping: () =>
        sample(null, async () => {
          const { ms, alive } = await fpingSweep(addresses);
          if (alive !== expected) throw new Error(`bench checks: fping found ${alive} alive, expected ${expected}`);
          return ms;
        }),
    },
    ROUNDS,
  );
  const ours = medians(samples.ours);
  const fping = medians(samples.fping);
  report({
    bench: 'checks',
    metric: 'ping-254-ms',
    value: round(ours.ms, 1),
    unit: 'ms',
    baseline: round(fping.ms, 1),
    ratio: round(ours.ms / fping.ms),
    target: 1.2,
    path: PATH,
    addresses: addresses.length,
    alive: expected,
    baselineAlive: expected,
    dead: addresses.length - expected,
    timeoutMs: PING_TIMEOUT_MS,
    method: [...methods].join(','),
    cpuMs: ours.cpuMs,
    baselineCpuMs: fping.cpuMs,
    baselineCommand: `fping -C 1 -q -t ${PING_TIMEOUT_MS} -i 1 -- <254 addresses>`,
    rounds: ROUNDS,
    valueRoundsMs: ours.roundsMs,
    baselineRoundsMs: fping.roundsMs,
  });
}

// ---------------------------------------------------------------- 4. many small sweeps

/** `global.gc`, exposed at run time when node was started without --expose-gc (npm run bench is plain tsx). */
function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function openFds(): string[] {
  const dir = '/proc/self/fd';
  return readdirSync(dir).flatMap((fd) => {
    try {
      return [readlinkSync(join(dir, fd))];
    } catch {
      return []; // the directory handle of this very listing
    }
  });
}

/** One sweep as the runner would do it: SNMP of 20 devices and one SSH through one queue, and a ping sweep of the same 20, all at once. */
async function smallSweep(ctx: Context, addresses: string[]): Promise<void> {
  const queue = queueWith();
  const [snmp, ping, ssh] = await Promise.all([
    ourSnmpSweep(ctx, addresses, queue),
    ourPingSweep(addresses, queue),
    queue.add({ kind: 'ssh', host: addresses[0] ?? '', timeoutMs: 30_000, run: (signal) => sshExec({ address: addresses[0] ?? '' }, ctx.sshCredential, 'uptime', ctx.sshOptions, signal) }),
  ]);
  if (snmp.values !== addresses.length * OIDS.length) throw new Error(`bench checks: small sweep: ${snmp.values} SNMP values`);
  if (ping.alive !== addresses.length) throw new Error(`bench checks: small sweep: ${ping.alive} of ${addresses.length} alive`);
  failures([ssh], 'small sweep ssh');
  if (!/load average/.test(ssh.value?.stdout ?? '')) throw new Error('bench checks: small sweep: no uptime');
}

async function sweepLeakBench(ctx: Context): Promise<void> {
  const gc = gcFunction();
  const addresses = ctx.fleet.slice(0, SWEEP_DEVICES);
  const samples = new Map<number, { fds: string[]; heapMb: number; handles: number }>();
  const sweepMs: number[] = [];
  const heapMb: number[] = [];
  const fdCounts: number[] = [];
  for (let i = 1; i <= SWEEPS; i++) {
    const start = performance.now();
    await smallSweep(ctx, addresses);
    sweepMs.push(performance.now() - start);
    // Let closing handles finish (every transport settles after its sockets close; this is a margin), then a full GC.
    await sleep(10);
    gc();
    gc();
    const fds = openFds();
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    heapMb.push(heap);
    fdCounts.push(fds.length);
    if (i === 10 || i === SWEEPS) samples.set(i, { fds, heapMb: heap, handles: process.getActiveResourcesInfo().length });
  }
  const at10 = samples.get(10);
  const atEnd = samples.get(SWEEPS);
  if (!at10 || !atEnd) throw new Error(`bench checks: sweeps: need at least 10 (got ${SWEEPS})`);
  const fdGrowth = atEnd.fds.length - at10.fds.length;
  const newFds = [...atEnd.fds];
  for (const fd of at10.fds) {
    const index = newFds.indexOf(fd);
    if (index >= 0) newFds.splice(index, 1);
  }
  const common = {
    bench: 'checks',
    path: PATH,
    sweeps: SWEEPS,
    sweep: `${SWEEP_DEVICES} devices × SNMP (${OIDS.length} OIDs) + ping (count 1) + 1 SSH uptime`,
    targetOn: 'value',
    medianSweepMs: round(median(sweepMs), 1),
  };
  report({
    ...common,
    metric: 'sweep-fd-growth',
    value: fdGrowth,
    unit: 'fds',
    baseline: at10.fds.length,
    ratio: round(fdGrowth / at10.fds.length),
    target: 2,
    fdsAfterFirst: fdCounts[0],
    medianFdsFirst10: median(fdCounts.slice(0, 10)),
    medianFdsLast10: median(fdCounts.slice(-10)),
    handlesAt10: at10.handles,
    handlesAtEnd: atEnd.handles,
    ...(newFds.length > 0 ? { newFds: newFds.slice(0, 20) } : {}),
  });
  const heapGrowth = atEnd.heapMb - at10.heapMb;
  report({
    ...common,
    metric: 'sweep-heap-growth-mb',
    value: round(heapGrowth, 2),
    unit: 'MB',
    baseline: round(at10.heapMb, 2),
    ratio: round(heapGrowth / at10.heapMb),
    target: 5,
    gc: 'full GC (v8 gc(), twice) before each sample',
    medianHeapFirst10Mb: round(median(heapMb.slice(0, 10)), 2),
    medianHeapLast10Mb: round(median(heapMb.slice(-10)), 2),
  });
}
