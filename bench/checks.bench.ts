import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunnableCheckKind } from '@shared/domain/checks';
import { DEFAULT_LIMITS, SSH_HANDSHAKES } from '../electron/core/checks/runner/work-queue';
import { SnmpSessions, staticHostKeyPolicy, type SshExecCall } from '../electron/core/checks/transports';
import { startLab, type Lab } from '../tests/lab';
import { layerPingSweep, layerSnmpSweep, layerSshSweep, type LayerContext } from './checks-layer';
import { BENCH_OIDS, BENCH_SNMP_PROFILE, BENCH_SSH_PROFILE, ServiceBench, type BenchRoom, type SweepOutcome } from './checks-service';
import { alternate, gcFunction, isExecutable, medians, openFds, runTool, sample, sleep, type Sample } from './measure';
import { median, report, round } from './report';

/*
 * `checks`: device checks against the lab (tests/lab: one wildcard snmpd and
 * one sshd answering on 200 fleet addresses in a network namespace), our
 * code against the command-line tools an engineer would use, both measured
 * in the same run. Needs root and the lab's Debian packages (bench/README.md).
 *
 * Our side is the path a person triggers: `checks.run` of a room through
 * core's API over a real SQLite store (checks-service.ts), every result
 * stored through the write path, timed until the run's last progress event.
 * The layer under it (WorkQueue + transports, nothing stored) runs in the
 * same rounds and is reported beside it (`layerMs`).
 *
 * - snmp-sweep-ms: a room of 200 devices × 10 OIDs (v2c, one GET each) vs
 *   `xargs -P32 snmpget` of the same. Target ratio ≤ 0.25.
 * - ssh-uptime-50-ms: a room of 50 hosts, `uptime` over exec, at the
 *   product's SSH limits (16 sessions, at most 8 of them logging in), vs
 *   `parallel-ssh -p 16`, both on the same key exchange, cipher and host key
 *   algorithm, one connection per host on each side (counted in sshd's log).
 *   Target ≤ 0.8. ssh-uptime-50-ms-at-16: the layer as pssh works, 16 at
 *   once with logins not held back (the service has no such knob).
 * - ping-254-ms: a room of 254 assets, the whole /24 (200 fleet + the
 *   bridge's own .1 alive, 53 dead), vs one fping. Target ≤ 1.2.
 * - sweep-fd-growth / sweep-heap-growth-mb: 100 sweeps of a room (20 devices
 *   × SNMP + ping, one SSH host) through checks.run; open fds and heap after
 *   a full GC at sweep 10 and 100. Targets (on the value): ≤ 2 fds, ≤ 5 MB.
 *
 * Each comparison runs one warm-up of every side (ARP, JIT, host keys pinned
 * on first use), then ROUNDS rounds whose side order rotates; medians are
 * reported. Every side's answers are counted and the bench throws if any is
 * missing. Besides wall time each line has CPU time: `cpuMs` (this process
 * and the tools it ran) and, for SNMP and SSH, the lab daemon's (`agentCpuMs`,
 * `sshdCpuMs`). The daemons share the cores with the client.
 */

const ROUNDS = Number(process.env.WALKDOWN_BENCH_CHECK_ROUNDS ?? 5);
const SWEEPS = Number(process.env.WALKDOWN_BENCH_SWEEPS ?? 100);
/** Which comparisons to run (comma-separated: snmp, ssh, ping, sweeps); all by default. */
const PARTS = new Set((process.env.WALKDOWN_BENCH_CHECKS ?? 'snmp,ssh,ping,sweeps').split(',').map((part) => part.trim()));

const SNMP_DEVICES = 200;
const SSH_HOSTS = 50;
const SWEEP_DEVICES = 20;
const PING_TIMEOUT_MS = 1000;
const SNMP_TIMEOUT_MS = 2000;
const XARGS_PARALLEL = 32;
const PSSH_PARALLEL = 16;
/** The product's SSH limits: jobs (one session each) and logins in progress at once. */
const PRODUCT_SSH_SESSIONS = DEFAULT_LIMITS.perKind.ssh ?? 16;
const PRODUCT_SSH_LOGINS = SSH_HANDSHAKES;

export async function checksBench(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench checks: needs root (it starts its own lab of snmpd/sshd in network namespaces); see bench/README.md');
  for (const tool of ['/usr/bin/snmpget', '/usr/bin/xargs', '/usr/bin/parallel-ssh', '/usr/bin/fping', '/usr/bin/ssh']) {
    if (!isExecutable(tool)) throw new Error(`bench checks: ${tool} is missing; run \`bash scripts/ensure-system-deps.sh\` as root`);
  }
  const started = performance.now();
  const lab = await startLab({ hosts: 0, fleet: { size: SNMP_DEVICES, ssh: true } });
  const scratch = mkdtempSync(join(tmpdir(), 'walkdown-bench-checks-'));
  let service: ServiceBench | null = null;
  try {
    const ctx = setup(lab, scratch);
    service = await ServiceBench.start(
      { tuning: { snmpTimeoutMs: SNMP_TIMEOUT_MS, snmpRetries: 0, pingCount: 1, pingTimeoutMs: PING_TIMEOUT_MS } },
      { community: lab.snmp.community, username: lab.ssh.username, privateKey: lab.ssh.privateKey },
    );
    const rooms = await makeRooms(service, lab);
    process.stderr.write(`bench checks: lab up in ${lab.timings.total ?? '?'} ms, ${Object.values(rooms).reduce((n, r) => n + r.assetIds.length, 0)} assets in ${round((performance.now() - started) / 1000, 1)} s\n`);
    if (PARTS.has('snmp')) await snmpSweepBench(ctx, service, rooms.snmp);
    if (PARTS.has('ssh')) await sshBench(ctx, service, rooms.ssh);
    if (PARTS.has('ping')) await pingBench(ctx, service, rooms.ping);
    if (PARTS.has('sweeps')) await sweepLeakBench(service, rooms.sweep);
    process.stderr.write(`bench checks: done in ${round((performance.now() - started) / 1000, 1)} s\n`);
  } finally {
    service?.close();
    rmSync(scratch, { recursive: true, force: true });
    await lab.stop();
  }
}

// ---------------------------------------------------------------- setup

interface Context extends LayerContext {
  lab: Lab;
  fleet: string[];
  keyPath: string;
  knownHostsPath: string;
  scratch: string;
  /** The fleet sshd's log: one "Accepted publickey" line per login. */
  sshdLogPath: string;
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
  const sshdLogPath = join(lab.workDir, 'fl', 'ssh', 'sshd.log');
  if (!existsSync(sshdLogPath)) throw new Error(`bench checks: no fleet sshd log at ${sshdLogPath}`);
  return {
    lab,
    fleet,
    snmpCredential: { kind: 'snmp-community', settings: { version: 'v2c', port: 161 }, secret: { community: lab.snmp.community } },
    sshCredential: { kind: 'ssh-key', settings: { username: lab.ssh.username, port: 22 }, secret: { privateKey: lab.ssh.privateKey, passphrase: '', enableSecret: '' } },
    sshOptions: { hostKeyPolicy: staticHostKeyPolicy(pins), readyTimeoutMs: 15_000, timeoutMs: 15_000 },
    keyPath: lab.ssh.privateKeyPath,
    knownHostsPath,
    scratch,
    sshdLogPath,
    snmpdPid: daemon('snmpd fl'),
    sshdPid: daemon('sshd fl'),
  };
}

interface Rooms {
  snmp: BenchRoom;
  ssh: BenchRoom;
  ping: BenchRoom;
  sweep: BenchRoom;
}

/** The whole /24 but network and broadcast: .1 (this machine's bridge address), the fleet (.50–.249), and the 53 others where nothing is. */
function pingTargets(lab: Lab): { addresses: string[]; alive: number } {
  const prefix = lab.subnet.replace(/\.0\/24$/, '');
  const addresses = Array.from({ length: 254 }, (_, i) => `${prefix}.${i + 1}`);
  const alive = new Set([lab.gateway, ...(lab.fleet?.addresses ?? [])]);
  if (lab.hosts.length > 0 || lab.vendorCli || lab.snmpsim) throw new Error('bench checks: the ping bench expects a lab with the fleet only');
  return { addresses, alive: addresses.filter((a) => alive.has(a)).length };
}

async function makeRooms(service: ServiceBench, lab: Lab): Promise<Rooms> {
  const fleet = lab.fleet?.addresses ?? [];
  const sweep = await service.room('sweep', fleet.slice(0, SWEEP_DEVICES), { snmp: true });
  await service.addAssets(sweep, fleet.slice(SWEEP_DEVICES, SWEEP_DEVICES + 1), { ssh: true });
  return {
    snmp: await service.room('snmp', fleet.slice(0, SNMP_DEVICES), { snmp: true }),
    ssh: await service.room('ssh', fleet.slice(0, SSH_HOSTS), { ssh: true }),
    ping: await service.room('ping', pingTargets(lab).addresses, {}),
    sweep,
  };
}

/** A service sweep as one timed side; `check` judges the outcome after the clock stopped. */
function serviceSide(service: ServiceBench, room: BenchRoom, kinds: RunnableCheckKind[], serverPid: number | null, check: (outcome: SweepOutcome) => void): () => Promise<Sample> {
  return async () => {
    let outcome: SweepOutcome | null = null;
    const s = await sample(serverPid, async () => {
      outcome = await service.sweep(room, kinds);
      return outcome.ms;
    });
    check(outcome as unknown as SweepOutcome);
    return s;
  };
}

function failedResults(outcome: SweepOutcome, ok: (r: SweepOutcome['results'][number]) => boolean): string | null {
  const bad = outcome.results.filter((r) => !ok(r));
  if (bad.length === 0) return null;
  const first = bad[0];
  return `${bad.length} of ${outcome.results.length} results wrong; first: ${first?.target} ${first?.profileId}/${first?.step} ${first?.status} ${first?.errorCode ?? ''} ${first?.errorMessage ?? ''}`;
}

// ---------------------------------------------------------------- 1. SNMP sweep

/** `xargs -P32 snmpget`: one snmpget per device with the same 10 OIDs, v2c, -t 2 -r 0, numeric. */
async function xargsSnmpSweep(ctx: Context, addresses: string[]): Promise<{ ms: number; values: number }> {
  const args = [`-P${XARGS_PARALLEL}`, '-I{}', 'snmpget', '-v2c', '-c', ctx.lab.snmp.community, '-t', String(SNMP_TIMEOUT_MS / 1000), '-r', '0', '-On', '-m', '', '{}', ...BENCH_OIDS];
  const run = await runTool('/usr/bin/xargs', args, `${addresses.join('\n')}\n`);
  const values = run.stdout.split('\n').filter((line) => /^\.1\.3\.6\.1\.2\.1\.[\d.]+ = /.test(line) && !/ = No Such (Object|Instance)/.test(line)).length;
  if (run.code !== 0 && values !== addresses.length * BENCH_OIDS.length) throw new Error(`bench checks: xargs snmpget exited ${run.code}: ${run.stderr.slice(0, 500)}`);
  return { ms: run.ms, values };
}

async function snmpSweepBench(ctx: Context, service: ServiceBench, room: BenchRoom): Promise<void> {
  const addresses = ctx.fleet.slice(0, SNMP_DEVICES);
  const expected = addresses.length * BENCH_OIDS.length;
  const counted = { service: 0, layer: 0, xargs: 0 };
  const load0 = loadavg()[0] ?? 0;
  const check = (side: keyof typeof counted, values: number) => {
    if (values !== expected) throw new Error(`bench checks: snmp sweep (${side}) got ${values} of ${expected} values`);
    counted[side] = values;
  };
  const samples = await alternate(
    {
      service: serviceSide(service, room, ['snmp'], ctx.snmpdPid, (outcome) => {
        if (outcome.results.length !== addresses.length) throw new Error(`bench checks: snmp sweep (service) stored ${outcome.results.length} results for ${addresses.length} devices`);
        const wrong = failedResults(outcome, (r) => r.status === 'ok' && r.profileId === BENCH_SNMP_PROFILE && r.metrics['system.name'] === ctx.lab.fleet?.sysName);
        if (wrong) throw new Error(`bench checks: snmp sweep (service): ${wrong}`);
        check('service', outcome.results.reduce((sum, r) => sum + Number(r.metrics['bench.values'] ?? 0), 0));
      }),
      layer: () =>
        sample(ctx.snmpdPid, async () => {
          const { ms, values } = await layerSnmpSweep(ctx, addresses, BENCH_OIDS, SNMP_TIMEOUT_MS);
          check('layer', values);
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
  const ours = medians(samples.service);
  const layer = medians(samples.layer);
  const xargs = medians(samples.xargs);
  report({
    bench: 'checks',
    metric: 'snmp-sweep-ms',
    value: round(ours.ms, 1),
    unit: 'ms',
    baseline: round(xargs.ms, 1),
    ratio: round(ours.ms / xargs.ms),
    target: 0.25,
    path: 'service',
    call: `checks.run {room of ${addresses.length}, kinds: [snmp]}, profile ${BENCH_SNMP_PROFILE}`,
    devices: addresses.length,
    oidsPerDevice: BENCH_OIDS.length,
    storedResults: addresses.length,
    values: counted.service,
    baselineValues: counted.xargs,
    oidsPerSecond: Math.round((expected * 1000) / ours.ms),
    baselineOidsPerSecond: Math.round((expected * 1000) / xargs.ms),
    cpuMs: ours.cpuMs,
    baselineCpuMs: xargs.cpuMs,
    agentCpuMs: ours.serverCpuMs,
    baselineAgentCpuMs: xargs.serverCpuMs,
    layerMs: round(layer.ms, 1),
    layerRatio: round(layer.ms / xargs.ms),
    layerCpuMs: layer.cpuMs,
    limits: { global: DEFAULT_LIMITS.global, snmp: DEFAULT_LIMITS.perKind.snmp, perHost: DEFAULT_LIMITS.perHost, sessionsMaxOpen: new SnmpSessions().maxOpen },
    baselineCommand: `xargs -P${XARGS_PARALLEL} -I{} snmpget -v2c -c public -t 2 -r 0 -On -m '' {} <10 OIDs>`,
    loadAverage: [round(load0, 2), round(loadavg()[0] ?? 0, 2)],
    rounds: ROUNDS,
    valueRoundsMs: ours.roundsMs,
    layerRoundsMs: layer.roundsMs,
    baselineRoundsMs: xargs.roundsMs,
  });
}

// ---------------------------------------------------------------- 2. SSH uptime

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

/** Logins sshd accepted so far (its log, LogLevel INFO): each side must log in once per host, no connection reused. */
function acceptedLogins(ctx: Context): number {
  return readFileSync(ctx.sshdLogPath, 'utf8').split('\n').filter((line) => line.includes('Accepted publickey for')).length;
}

async function sshBench(ctx: Context, service: ServiceBench, room: BenchRoom): Promise<void> {
  const addresses = ctx.fleet.slice(0, SSH_HOSTS);
  const hostsFile = join(ctx.scratch, 'pssh-hosts');
  writeFileSync(hostsFile, `${addresses.join('\n')}\n`);
  // What our side negotiates (ssh2's defaults; the service passes no legacy algorithm for these hosts); pssh is forced to the same.
  const probe = await layerSshSweep(ctx, addresses.slice(0, 1), 1);
  const algorithms = probe.results[0]?.connection.algorithms;
  if (!algorithms) throw new Error('bench checks: ssh: no negotiated algorithms reported');
  if (!/^curve25519-sha256/.test(algorithms.kex)) throw new Error(`bench checks: ssh: expected a curve25519 key exchange, got ${algorithms.kex}`);
  const loginMs: Record<'product' | 'free', number[]> = { product: [], free: [] };
  const load0 = loadavg()[0] ?? 0;
  const logins = (side: string, work: () => Promise<Sample>) => async () => {
    const before = acceptedLogins(ctx);
    const s = await work();
    const count = acceptedLogins(ctx) - before;
    if (count !== addresses.length) throw new Error(`bench checks: ssh (${side}): sshd accepted ${count} logins for ${addresses.length} hosts`);
    return s;
  };
  const layer = (which: 'product' | 'free') =>
    logins(`layer (${which} limits)`, () =>
      sample(ctx.sshdPid, async () => {
        const { ms, results } = which === 'product' ? await layerSshSweep(ctx, addresses, PRODUCT_SSH_SESSIONS, PRODUCT_SSH_LOGINS) : await layerSshSweep(ctx, addresses, PSSH_PARALLEL);
        const other = results.find((r: SshExecCall) => r.connection.algorithms?.kex !== algorithms.kex || r.connection.algorithms.cipher !== algorithms.cipher);
        if (other) throw new Error(`bench checks: ssh: ${other.connection.address} negotiated ${JSON.stringify(other.connection.algorithms)}, not ${JSON.stringify(algorithms)}`);
        loginMs[which].push(median(results.map((r) => r.connection.connectMs)));
        return ms;
      }),
    );
  const samples = await alternate(
    {
      service: logins(
        'service',
        serviceSide(service, room, ['ssh'], ctx.sshdPid, (outcome) => {
          if (outcome.results.length !== addresses.length) throw new Error(`bench checks: ssh (service) stored ${outcome.results.length} results for ${addresses.length} hosts`);
          const wrong = failedResults(outcome, (r) => r.status === 'ok' && r.method === 'exec' && r.profileId === BENCH_SSH_PROFILE && typeof r.metrics['uptime.seconds'] === 'number');
          if (wrong) throw new Error(`bench checks: ssh (service): ${wrong}`);
        }),
      ),
      layer: layer('product'),
      layerAt16: layer('free'),
      pssh: logins('pssh', () => sample(ctx.sshdPid, () => psshSweep(ctx, hostsFile, addresses, algorithms))),
    },
    ROUNDS,
  );
  const pssh = medians(samples.pssh);
  const common = {
    bench: 'checks',
    unit: 'ms',
    baseline: round(pssh.ms, 1),
    target: 0.8,
    hosts: addresses.length,
    answered: addresses.length,
    baselineAnswered: addresses.length,
    loginsPerSide: addresses.length,
    baselineConcurrency: PSSH_PARALLEL,
    algorithms,
    baselineCpuMs: pssh.cpuMs,
    baselineSshdCpuMs: pssh.serverCpuMs,
    baselineSshdCpuMsPerLogin: round(pssh.serverCpuMs / addresses.length, 1),
    hostKeys: 'ours: pinned per address on first use (warm-up), trusted after; pssh: the lab known_hosts',
    baselineCommand: `parallel-ssh ${psshArgs(ctx, 'hosts', algorithms)
      .join(' ')
      .replace(ctx.knownHostsPath, 'known_hosts')
      .replace(/-x -F \/dev\/null -i \S+/, "-x '-F /dev/null -i key'")}`,
    sshd: `one sshd (the lab's OpenSSH) for all ${addresses.length} addresses, MaxStartups ${ctx.lab.fleet?.maxStartups}, the same for both sides`,
    rounds: ROUNDS,
    baselineRoundsMs: pssh.roundsMs,
    loadAverage: [round(load0, 2), round(loadavg()[0] ?? 0, 2)],
  };
  /** Client + sshd CPU of a side over pssh's: what the ratio comes to when the two cores are the limit. */
  const cpuWorkRatio = (side: { cpuMs: number; serverCpuMs: number }) => round((side.cpuMs + side.serverCpuMs) / (pssh.cpuMs + pssh.serverCpuMs));
  const ours = medians(samples.service);
  const layerProduct = medians(samples.layer);
  report({
    ...common,
    metric: 'ssh-uptime-50-ms',
    value: round(ours.ms, 1),
    ratio: round(ours.ms / pssh.ms),
    path: 'service',
    call: `checks.run {room of ${addresses.length}, kinds: [ssh]}, profile ${BENCH_SSH_PROFILE}`,
    concurrency: { sessions: PRODUCT_SSH_SESSIONS, loggingIn: PRODUCT_SSH_LOGINS },
    cpuMs: ours.cpuMs,
    sshdCpuMs: ours.serverCpuMs,
    sshdCpuMsPerLogin: round(ours.serverCpuMs / addresses.length, 1),
    cpuWorkRatio: cpuWorkRatio(ours),
    layerMs: round(layerProduct.ms, 1),
    layerRatio: round(layerProduct.ms / pssh.ms),
    layerCpuMs: layerProduct.cpuMs,
    layerSshdCpuMs: layerProduct.serverCpuMs,
    layerMedianLoginMs: round(median(loginMs.product), 1),
    valueRoundsMs: ours.roundsMs,
    layerRoundsMs: layerProduct.roundsMs,
  });
  const at16 = medians(samples.layerAt16);
  report({
    ...common,
    metric: 'ssh-uptime-50-ms-at-16',
    value: round(at16.ms, 1),
    ratio: round(at16.ms / pssh.ms),
    path: 'queue+transports',
    concurrency: { sessions: PSSH_PARALLEL, loggingIn: PSSH_PARALLEL },
    cpuMs: at16.cpuMs,
    sshdCpuMs: at16.serverCpuMs,
    sshdCpuMsPerLogin: round(at16.serverCpuMs / addresses.length, 1),
    cpuWorkRatio: cpuWorkRatio(at16),
    medianLoginMs: round(median(loginMs.free), 1),
    valueRoundsMs: at16.roundsMs,
  });
}

// ---------------------------------------------------------------- 3. ping

async function fpingSweep(addresses: string[]): Promise<{ ms: number; alive: number }> {
  const run = await runTool('/usr/bin/fping', ['-C', '1', '-q', '-t', String(PING_TIMEOUT_MS), '-i', '1', '--', ...addresses]);
  if (run.code !== 0 && run.code !== 1) throw new Error(`bench checks: fping exited ${run.code}: ${run.stderr.slice(0, 500)}`);
  const lines = run.stderr.split('\n').filter((line) => /^\S+\s+:\s+(\d|-)/.test(line));
  if (lines.length !== addresses.length) throw new Error(`bench checks: fping reported ${lines.length} of ${addresses.length} addresses`);
  return { ms: run.ms, alive: lines.filter((line) => /:\s+\d/.test(line)).length };
}

async function pingBench(ctx: Context, service: ServiceBench, room: BenchRoom): Promise<void> {
  const { addresses, alive: expected } = pingTargets(ctx.lab);
  const methods = new Set<string>();
  const load0 = loadavg()[0] ?? 0;
  const samples = await alternate(
    {
      service: serviceSide(service, room, ['ping'], null, (outcome) => {
        if (outcome.results.length !== addresses.length) throw new Error(`bench checks: ping (service) stored ${outcome.results.length} results for ${addresses.length} addresses`);
        for (const r of outcome.results) if (r.method) methods.add(r.method);
        const alive = outcome.results.filter((r) => r.status === 'ok').length;
        const dead = outcome.results.filter((r) => r.status === 'failed' && r.errorCode === 'check.unreachable').length;
        if (alive !== expected || dead !== addresses.length - expected) throw new Error(`bench checks: ping (service): ${alive} ok and ${dead} unreachable, expected ${expected} and ${addresses.length - expected}`);
      }),
      layer: () =>
        sample(null, async () => {
          const { ms, alive } = await layerPingSweep(addresses, PING_TIMEOUT_MS);
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
  const ours = medians(samples.service);
  const layer = medians(samples.layer);
  const fping = medians(samples.fping);
  report({
    bench: 'checks',
    metric: 'ping-254-ms',
    value: round(ours.ms, 1),
    unit: 'ms',
    baseline: round(fping.ms, 1),
    ratio: round(ours.ms / fping.ms),
    target: 1.2,
    path: 'service',
    call: `checks.run {room of ${addresses.length}, kinds: [ping]}, pingCount 1, pingTimeoutMs ${PING_TIMEOUT_MS}`,
    addresses: addresses.length,
    storedResults: addresses.length,
    alive: expected,
    baselineAlive: expected,
    dead: addresses.length - expected,
    timeoutMs: PING_TIMEOUT_MS,
    method: [...methods].join(','),
    cpuMs: ours.cpuMs,
    baselineCpuMs: fping.cpuMs,
    layerMs: round(layer.ms, 1),
    layerRatio: round(layer.ms / fping.ms),
    layerCpuMs: layer.cpuMs,
    baselineCommand: `fping -C 1 -q -t ${PING_TIMEOUT_MS} -i 1 -- <254 addresses>`,
    loadAverage: [round(load0, 2), round(loadavg()[0] ?? 0, 2)],
    rounds: ROUNDS,
    valueRoundsMs: ours.roundsMs,
    layerRoundsMs: layer.roundsMs,
    baselineRoundsMs: fping.roundsMs,
  });
}

// ---------------------------------------------------------------- 4. many sweeps

async function sweepLeakBench(service: ServiceBench, room: BenchRoom): Promise<void> {
  const gc = gcFunction();
  const samples = new Map<number, { fds: string[]; heapMb: number; handles: number }>();
  const sweepMs: number[] = [];
  const heapMb: number[] = [];
  const fdCounts: number[] = [];
  const expected = room.assetIds.length * 2; // every asset's ping, plus its SNMP result or the SSH host's one step
  for (let i = 1; i <= SWEEPS; i++) {
    const outcome = await service.sweep(room, ['ping', 'snmp', 'ssh']);
    sweepMs.push(outcome.ms);
    const wrong = failedResults(outcome, (r) => r.status === 'ok');
    if (outcome.results.length !== expected || wrong) throw new Error(`bench checks: sweep ${i}: ${outcome.results.length} of ${expected} results; ${wrong ?? ''}`);
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
    path: 'service',
    call: `checks.run {room, kinds: [ping, snmp, ssh]} × ${SWEEPS}`,
    sweeps: SWEEPS,
    sweep: `${SWEEP_DEVICES} devices × SNMP (${BENCH_OIDS.length} OIDs) + ping (count 1) + 1 SSH uptime: ${expected} results stored per sweep`,
    storedResults: expected * SWEEPS,
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
