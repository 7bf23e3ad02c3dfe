/**
 * Walkdown's device lab: real snmpd and sshd (and snmpsim, and a vendor CLI
 * emulator behind sshd) in network namespaces this run creates on a private
 * bridge, for integration tests and benchmarks of the check runner.
 * See README.md beside this file for addresses, users and the CLI.
 *
 * Traffic only ever goes to addresses this run created (10.77.<n>.0/24 on
 * the run's own bridge, which has no uplink; the namespaces have no default
 * route). Needs root and the Debian packages in scripts/ensure-system-deps.sh.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { commOf, isAlive, listeningPorts, run, runOk, runSync, startTimeOf, stopProcesses, type ProcRef } from './proc';
import { NAME_PREFIX, reserveRun, teardown, withLock, WORKDIR_PREFIX, writeRecord } from './registry';
import {
  commandFiles,
  resolveFixturesDir,
  VENDOR_BEHAVIOUR,
  VENDOR_CLI_SCRIPT,
  VENDOR_PLATFORMS,
  commandLine,
  type VendorBehaviour,
  type VendorCommands,
  type VendorPlatform,
  type VendorSelection,
} from './vendor-cli';

// ---------------------------------------------------------------------------
// Public types

/** sshd's MaxStartups as Debian ships it: past 10 concurrent handshakes, drop 30% rising to 100% at 100 (like a real switch would refuse). */
export const MAX_STARTUPS_DEFAULT = '10:30:100';
/** For fan-out tests and benchmarks that must not be throttled by the lab itself. */
export const MAX_STARTUPS_FANOUT = '200:30:400';

/** snmpsim serves each recording under the community named after its file. */
export const SNMPSIM_CISCO_3750_COMMUNITY = 'cisco3750';
/** Debian's snmpsim ships a walk of a Cisco Catalyst 3750 (C3750 IOS 12.2(55)SE10, ~51,000 OIDs) under this name. */
export const SNMPSIM_CISCO_3750_SOURCE = '/usr/share/doc/snmpsim/examples/data/cisco_16_switch.snmprec.gz';

export const LAB_USER = 'wdlab';
const LAB_HOME_ROOT = '/var/lib/walkdown-lab';
const LAB_HOME = join(LAB_HOME_ROOT, 'home');

export interface LabOptions {
  /** Number of hosts (namespaces h1..hN at .11, .12, ...); default 1, at most 29. */
  hosts?: number;
  /** snmpd on every host (default true). */
  snmp?: boolean;
  /** sshd on every host (default true); maxStartups defaults to MAX_STARTUPS_DEFAULT. */
  ssh?: boolean | { maxStartups?: string };
  /** snmpsim serving recordings; default community cisco3750 (Cisco Catalyst 3750). `recordings` maps community -> .snmprec[.gz] file and replaces the default. */
  snmpsim?: boolean | { recordings?: Record<string, string> };
  /** sshd whose ForceCommand is the vendor CLI emulator: one address per platform. */
  vendorCli?: boolean | { fixturesDir?: string; select?: VendorSelection; commands?: VendorCommands; pageLines?: number; enableSecret?: string };
  /** One wildcard snmpd (and optionally sshd) answering on N addresses (.50 upwards, at most 200). */
  fleet?: number | { size: number; ssh?: boolean; maxStartups?: string };
  /** Survive this process (cli.ts up); torn down only by cli.ts down. */
  keep?: boolean;
  /** Progress and stale-cleanup messages; default: stale cleanups to stderr, progress only with WALKDOWN_LAB_DEBUG=1. */
  log?: (message: string) => void;
  /** Per daemon readiness timeout (default 20 s). */
  startTimeoutMs?: number;
}

export interface HostKey {
  algorithm: 'ssh-ed25519' | 'ssh-rsa';
  /** `ssh-ed25519 AAAA...` as in known_hosts / authorized_keys (without a comment). */
  publicKey: string;
  /** `SHA256:...` as ssh-keygen -l and OpenSSH's prompts print it. */
  fingerprint: string;
}

export interface HostKeys {
  ed25519: HostKey;
  rsa: HostKey;
}

export interface LabHost {
  name: string;
  address: string;
  namespace: string;
  snmp: boolean;
  ssh: boolean;
  sysName: string;
  sysLocation: string;
  sysContact: string;
  sysDescr: string;
  /** snmpEngineID (hex, no 0x), as a v3 discovery reports it. */
  engineId: string;
  /** The sshd's current host keys (changed by rotateHostKey); undefined without ssh. */
  hostKeys?: HostKeys;
}

export type SnmpAuthProtocol = 'MD5' | 'SHA' | 'SHA-256' | 'SHA-512';
/** Net-SNMP's names: AES is AES-128-CFB; AES-256 is Blumenthal key extension; AES-256-C is Reeder ("Cisco") extension. */
export type SnmpPrivProtocol = 'AES' | 'AES-256' | 'AES-256-C';

export interface SnmpV3User {
  name: string;
  level: 'authNoPriv' | 'authPriv';
  authProtocol: SnmpAuthProtocol;
  authKey: string;
  privProtocol?: SnmpPrivProtocol;
  privKey?: string;
  /** Arguments for the Net-SNMP command-line tools (snmpget, snmpbulkwalk): `-v3 -l ... -u ... -a ... -A ...`. */
  cliArgs: string[];
  /** The same protocols as keys of the npm `net-snmp` package's `AuthProtocols` / `PrivProtocols`. */
  npm: { authProtocol: 'md5' | 'sha' | 'sha256' | 'sha512'; privProtocol?: 'aes' | 'aes256b' | 'aes256r' };
}

export interface LabSnmp {
  port: 161;
  /** v2c read-only community. */
  community: string;
  v3Users: SnmpV3User[];
}

export interface LabSsh {
  port: 22;
  username: string;
  password: string;
  /** Client key (ed25519, no passphrase) accepted by every lab sshd. */
  privateKeyPath: string;
  privateKey: string;
  publicKey: string;
  /** MaxStartups of the hosts' sshds. */
  maxStartups: string;
}

export interface LabFleet {
  namespace: string;
  addresses: string[];
  /** The one snmpd answers the same system group on every address. */
  sysName: string;
  ssh: boolean;
  maxStartups: string;
  hostKeys?: HostKeys;
}

export interface LabSnmpsim {
  address: string;
  port: 161;
  /** Community of the Cisco 3750 recording (when the default recordings are used). */
  community: string;
  /** The .snmprec the default community serves (decompressed copy in the run dir): compare answers with readSnmprec(). */
  recordingPath: string;
  /** community -> .snmprec served under it. */
  recordings: Record<string, string>;
  logPath: string;
}

export interface LabVendorDevice {
  platform: VendorPlatform;
  address: string;
  port: 22;
  behaviour: VendorBehaviour;
}

export interface LabVendorCli {
  namespace: string;
  /** One address per platform, all port 22, same credentials as lab.ssh. */
  devices: Record<VendorPlatform, LabVendorDevice>;
  username: string;
  password: string;
  /** Cisco `enable` password. */
  enableSecret: string;
  /** Lines per screen before the pager prompt (screen-length / terminal length). */
  pageLines: number;
  fixturesDir: string;
  /** platform -> command line (`display version`) -> file that answers it. */
  commands: Record<VendorPlatform, Record<string, string>>;
  /** The file that answers `display version` (or the folder name `display_version`). */
  outputPath(platform: VendorPlatform, command: string): string;
  hostKeys?: HostKeys;
}

export interface Lab {
  runId: string;
  /** `10.77.<n>.0/24`. */
  subnet: string;
  /** The host's address on the lab bridge (.1): where lab traffic comes from. */
  gateway: string;
  /** In the subnet, nothing there: ARP fails, so pings and connects time out. */
  deadAddress: string;
  bridge: string;
  namespaces: string[];
  links: string[];
  workDir: string;
  hosts: LabHost[];
  snmp: LabSnmp;
  ssh: LabSsh;
  fleet?: LabFleet;
  snmpsim?: LabSnmpsim;
  vendorCli?: LabVendorCli;
  /** Milliseconds spent per start phase. */
  timings: Record<string, number>;
  /** The daemons this run recorded (pid + start time), current ones only. */
  processes(): ProcRef[];
  host(nameOrAddress: string): LabHost;
  /** known_hosts content for every lab sshd address with its current keys. */
  knownHosts(): string;
  /** New ed25519 and rsa host keys for that host's sshd, which is restarted. Resolves when it listens again. */
  rotateHostKey(host: LabHost | string): Promise<HostKeys>;
  /** Stops every daemon (SIGTERM, SIGKILL after 2 s), deletes namespaces, links and the run dir. Idempotent. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Exit hooks: a forgotten stop(), an uncaught error or Ctrl-C still cleans up.

const active = new Map<string, () => void>();
let hooksInstalled = false;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function stopAllSync(): void {
  for (const stop of [...active.values()]) stop();
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllSync();
  removeHooks();
  // Re-raise so the default action (or the program's own handler) still happens.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', stopAllSync);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function removeHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.off('exit', stopAllSync);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

// ---------------------------------------------------------------------------
// Small helpers

const DAEMON_ENV_BASE = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', MIBS: '' };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function hexOf(text: string): string {
  return Buffer.from(text, 'latin1').toString('hex');
}

function hostKeyFrom(pubLine: string): HostKey {
  const [algorithm, blob] = pubLine.trim().split(/\s+/);
  if ((algorithm !== 'ssh-ed25519' && algorithm !== 'ssh-rsa') || !blob) throw new Error(`unexpected public key: ${pubLine}`);
  const fingerprint = `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;
  return { algorithm, publicKey: `${algorithm} ${blob}`, fingerprint };
}

async function generateHostKeys(dir: string, comment: string): Promise<HostKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const ed = join(dir, 'ssh_host_ed25519_key');
  const rsa = join(dir, 'ssh_host_rsa_key');
  for (const file of [ed, `${ed}.pub`, rsa, `${rsa}.pub`]) rmSync(file, { force: true });
  // RSA 2048 rather than 3072: several hosts start at once on a 2-core machine.
  await Promise.all([
    runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', ed]),
    runOk('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', comment, '-f', rsa]),
  ]);
  return { ed25519: hostKeyFrom(readFileSync(`${ed}.pub`, 'utf8')), rsa: hostKeyFrom(readFileSync(`${rsa}.pub`, 'utf8')) };
}

function requireTools(options: { snmp: boolean; ssh: boolean; snmpsim: boolean; vendorCli: boolean }): void {
  if (process.getuid?.() !== 0) throw new Error('walkdown lab: needs root (network namespaces, daemons on port 161/22)');
  const needed: [string, string][] = [['/usr/sbin/ip', 'iproute2']];
  if (options.snmp) needed.push(['/usr/sbin/snmpd', 'snmpd']);
  if (options.ssh || options.vendorCli) needed.push(['/usr/sbin/sshd', 'openssh-server'], ['/usr/bin/ssh-keygen', 'openssh-client']);
  if (options.snmpsim) needed.push(['/usr/bin/snmpsimd', 'snmpsim'], ['/usr/bin/snmpgetnext', 'snmp']);
  if (options.vendorCli) needed.push(['/usr/bin/python3', 'python3']);
  const missing = needed.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
  if (missing.length > 0) {
    throw new Error(`walkdown lab: missing Debian packages ${missing.join(' ')}; run \`bash scripts/ensure-system-deps.sh\` as root`);
  }
}

/**
 * The dedicated login for every lab sshd: a system user with bash and empty
 * rc files (an interactive rc costs ~140 ms per command on these machines),
 * and a random password kept in a root-only file so concurrent runs agree.
 */
async function ensureTestUser(): Promise<string> {
  return withLock(async () => {
    mkdirSync(LAB_HOME_ROOT, { recursive: true, mode: 0o755 });
    const exists = (await run('getent', ['passwd', LAB_USER])).code === 0;
    if (!exists) {
      await runOk('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', LAB_HOME, '--shell', '/bin/bash', '--comment', 'Walkdown lab test user', LAB_USER]);
    }
    const uid = Number((await runOk('id', ['-u', LAB_USER])).trim());
    const gid = Number((await runOk('id', ['-g', LAB_USER])).trim());
    mkdirSync(LAB_HOME, { recursive: true, mode: 0o755 });
    chownSync(LAB_HOME, uid, gid);
    for (const rc of ['.bashrc', '.profile', '.bash_logout', '.hushlogin']) {
      const path = join(LAB_HOME, rc);
      if (!existsSync(path) || readFileSync(path).length > 0) writeFileSync(path, '');
      chownSync(path, uid, gid);
    }
    const passwordFile = join(LAB_HOME_ROOT, `${LAB_USER}.password`);
    const hashFile = join(LAB_HOME_ROOT, `${LAB_USER}.shadow-hash`);
    let password = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : '';
    if (!password) {
      password = `wd-${randomBytes(12).toString('base64url')}`;
      writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    }
    const currentHash = () => readFileSync('/etc/shadow', 'utf8').split('\n').find((line) => line.startsWith(`${LAB_USER}:`))?.split(':')[1] ?? '';
    const storedHash = existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : '';
    // Set the password only if nobody set ours yet (or someone changed it).
    if (!storedHash || storedHash !== currentHash()) {
      await runOk('chpasswd', [], { input: `${LAB_USER}:${password}\n` });
      writeFileSync(hashFile, `${currentHash()}\n`, { mode: 0o600 });
    }
    return password;
  });
}

// ---------------------------------------------------------------------------
// Config files

const V3_USERS: Omit<SnmpV3User, 'cliArgs' | 'npm'>[] = [
  { name: 'labsha', level: 'authPriv', authProtocol: 'SHA', authKey: 'labsha-auth-pass', privProtocol: 'AES', privKey: 'labsha-priv-pass' },
  { name: 'labmd5', level: 'authNoPriv', authProtocol: 'MD5', authKey: 'labmd5-auth-pass' },
  { name: 'labsha256', level: 'authPriv', authProtocol: 'SHA-256', authKey: 'labsha256-auth-pass', privProtocol: 'AES', privKey: 'labsha256-priv-pass' },
  { name: 'labsha512', level: 'authPriv', authProtocol: 'SHA-512', authKey: 'labsha512-auth-pass', privProtocol: 'AES-256', privKey: 'labsha512-priv-pass' },
  { name: 'labaes256c', level: 'authPriv', authProtocol: 'SHA-256', authKey: 'labaes256c-auth-pass', privProtocol: 'AES-256-C', privKey: 'labaes256c-priv-pass' },
];

const NPM_AUTH = { MD5: 'md5', SHA: 'sha', 'SHA-256': 'sha256', 'SHA-512': 'sha512' } as const;
const NPM_PRIV = { AES: 'aes', 'AES-256': 'aes256b', 'AES-256-C': 'aes256r' } as const;

function v3User(user: Omit<SnmpV3User, 'cliArgs' | 'npm'>): SnmpV3User {
  return {
    ...user,
    cliArgs: v3CliArgs(user),
    npm: { authProtocol: NPM_AUTH[user.authProtocol], ...(user.privProtocol ? { privProtocol: NPM_PRIV[user.privProtocol] } : {}) },
  };
}

function v3CliArgs(user: Omit<SnmpV3User, 'cliArgs' | 'npm'>): string[] {
  const args = ['-v3', '-l', user.level, '-u', user.name, '-a', user.authProtocol, '-A', user.authKey];
  if (user.privProtocol && user.privKey) args.push('-x', user.privProtocol, '-X', user.privKey);
  return args;
}

interface SnmpdIdentity {
  sysName: string;
  sysLocation: string;
  sysContact: string;
  sysDescr: string;
  engineText: string;
}

function snmpdConfig(identity: SnmpdIdentity, community: string): string {
  return [
    '# Walkdown lab snmpd, generated for this run. Numeric OIDs only (Debian ships no MIB files).',
    // One wildcard UDP socket: answers on every address of the namespace (the fleet relies on it).
    'agentAddress udp:161',
    'dontLogTCPWrappersConnects yes',
    `engineID ${identity.engineText}`,
    `sysName ${identity.sysName}`,
    `sysLocation ${identity.sysLocation}`,
    `sysContact ${identity.sysContact}`,
    `sysDescr ${identity.sysDescr}`,
    'sysServices 72',
    `rocommunity ${community} default`,
    ...V3_USERS.map((u) => `createUser ${u.name} ${u.authProtocol} "${u.authKey}"${u.privProtocol ? ` ${u.privProtocol} "${u.privKey}"` : ''}`),
    ...V3_USERS.map((u) => `rouser ${u.name} ${u.level === 'authPriv' ? 'priv' : 'auth'}`),
    '',
  ].join('\n');
}

interface SshdSpec {
  dir: string;
  authorizedKeys: string;
  maxStartups: string;
  listen?: string[];
  /** address -> ForceCommand for sessions that arrive on it. */
  forceCommands?: Record<string, string>;
}

function sshdConfig(spec: SshdSpec): string {
  const lines = [
    '# Walkdown lab sshd, generated for this run.',
    'Port 22',
    'AddressFamily inet',
    ...(spec.listen ?? ['0.0.0.0']).map((address) => `ListenAddress ${address}`),
    `HostKey ${join(spec.dir, 'ssh_host_ed25519_key')}`,
    `HostKey ${join(spec.dir, 'ssh_host_rsa_key')}`,
    'PidFile none',
    `AuthorizedKeysFile ${spec.authorizedKeys}`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication yes',
    'PermitEmptyPasswords no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'PermitRootLogin no',
    `AllowUsers ${LAB_USER}`,
    // The run dir is under /tmp (a world-writable parent), which StrictModes refuses.
    'StrictModes no',
    `MaxStartups ${spec.maxStartups}`,
    'LoginGraceTime 30',
    'UseDNS no',
    'PrintMotd no',
    'PrintLastLog no',
    'PermitUserRC no',
    'X11Forwarding no',
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'PermitTunnel no',
    'LogLevel INFO',
    'Subsystem sftp internal-sftp',
  ];
  for (const [address, command] of Object.entries(spec.forceCommands ?? {})) {
    lines.push(`Match LocalAddress ${address}`, `  ForceCommand ${command}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// startLab

interface Daemon {
  ref: ProcRef;
  /** Its stdout/stderr and its own log file: quoted when it fails to start. */
  logs: string[];
  exited: boolean;
  exitInfo: string;
}

/** Starts a lab; see LabOptions and README.md. Throws (after cleaning up) if anything fails to come up. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    const now = Date.now();
    timings[name] = now - phaseStart;
    phaseStart = now;
  };
  const debug = process.env.WALKDOWN_LAB_DEBUG === '1';
  const log = options.log ?? ((message: string) => (debug || message.includes('stale') || message.includes('leftover') ? console.warn(message) : undefined));

  const hostCount = options.hosts ?? 1;
  if (!Number.isInteger(hostCount) || hostCount < 0 || hostCount > 29) throw new Error('walkdown lab: hosts must be 0..29');
  const wantSnmp = options.snmp ?? true;
  const wantSsh = options.ssh !== false;
  const hostMaxStartups = (typeof options.ssh === 'object' ? options.ssh.maxStartups : undefined) ?? MAX_STARTUPS_DEFAULT;
  const fleetOpts = typeof options.fleet === 'number' ? { size: options.fleet } : options.fleet;
  const fleetSize = fleetOpts?.size ?? 0;
  if (!Number.isInteger(fleetSize) || fleetSize < 0 || fleetSize > 200) throw new Error('walkdown lab: fleet size must be 0..200');
  const fleetSsh = fleetSize > 0 && (fleetOpts?.ssh ?? false);
  const fleetMaxStartups = fleetOpts?.maxStartups ?? MAX_STARTUPS_FANOUT;
  const simOpts = options.snmpsim ? (typeof options.snmpsim === 'object' ? options.snmpsim : {}) : undefined;
  const vendorOpts = options.vendorCli ? (typeof options.vendorCli === 'object' ? options.vendorCli : {}) : undefined;
  const needsSshUser = (wantSsh && hostCount > 0) || fleetSsh || vendorOpts !== undefined;
  requireTools({ snmp: (wantSnmp && hostCount > 0) || fleetSize > 0, ssh: needsSshUser, snmpsim: simOpts !== undefined, vendorCli: vendorOpts !== undefined });
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  const keep = options.keep ?? false;
  // Resolve before creating anything, so a missing fixtures dir fails fast.
  const fixturesDir = vendorOpts ? resolveFixturesDir(vendorOpts.fixturesDir) : '';

  const password = needsSshUser ? await ensureTestUser() : '';
  const record = await reserveRun({ keep, workDirFor: (runId) => join(tmpdir(), `${WORKDIR_PREFIX}${runId}`), log });
  const { runId, octet } = record;
  const net = `10.77.${octet}`;
  const address = (last: number) => `${net}.${last}`;
  phase('reserve');

  const daemons: Daemon[] = [];
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    active.delete(runId);
    if (active.size === 0) removeHooks();
    const problems = teardown(record);
    if (problems.length > 0) log(`walkdown lab ${runId}: teardown: ${problems.join('; ')}`);
  };
  if (!keep) {
    active.set(runId, stopSync);
    installHooks();
  }

  try {
    const workDir = record.workDir;
    mkdirSync(workDir, { mode: 0o755 });
    chmodSync(workDir, 0o755);

    // ---- plan names and write them down before creating them
    interface Node {
      key: string;
      namespace: string;
      link: string;
      addresses: string[];
    }
    const nodes: Node[] = [];
    for (let i = 1; i <= hostCount; i++) nodes.push({ key: `h${i}`, namespace: `${NAME_PREFIX}-${runId}-h${i}`, link: `${NAME_PREFIX}${runId}h${i}`, addresses: [address(10 + i)] });
    const vendorAddresses: Record<VendorPlatform, string> = { huawei_vrp: address(41), hp_comware: address(42), cisco_ios: address(43) };
    if (vendorOpts) nodes.push({ key: 'cli', namespace: `${NAME_PREFIX}-${runId}-cli`, link: `${NAME_PREFIX}${runId}cli`, addresses: Object.values(vendorAddresses) });
    if (simOpts) nodes.push({ key: 'sim', namespace: `${NAME_PREFIX}-${runId}-sim`, link: `${NAME_PREFIX}${runId}sim`, addresses: [address(45)] });
    const fleetAddresses = Array.from({ length: fleetSize }, (_, i) => address(50 + i));
    if (fleetSize > 0) nodes.push({ key: 'fl', namespace: `${NAME_PREFIX}-${runId}-fl`, link: `${NAME_PREFIX}${runId}fl`, addresses: fleetAddresses });
    record.namespaces = nodes.map((node) => node.namespace);
    record.links = [record.bridge, ...nodes.map((node) => node.link)];
    writeRecord(record);

    // ---- network: one `ip -batch` on the host side, one per namespace inside
    const hostBatch = [
      `link add ${record.bridge} type bridge`,
      `addr add ${address(1)}/24 dev ${record.bridge}`,
      `link set ${record.bridge} up`,
      ...nodes.flatMap((node) => [
        `netns add ${node.namespace}`,
        `link add ${node.link} type veth peer name eth0 netns ${node.namespace}`,
        `link set ${node.link} master ${record.bridge} up`,
      ]),
    ];
    await runOk('ip', ['-batch', '-'], { input: `${hostBatch.join('\n')}\n` });
    await Promise.all(
      nodes.map((node) =>
        runOk('ip', ['-n', node.namespace, '-batch', '-'], {
          input: `${['link set lo up', ...node.addresses.map((a) => `addr add ${a}/24 dev eth0`), 'link set eth0 up'].join('\n')}\n`,
        }),
      ),
    );
    phase('network');

    // ---- keys: generated while snmpd and snmpsim start; each sshd waits for them
    const keyDir = join(workDir, 'client');
    mkdirSync(keyDir, { mode: 0o755 });
    const privateKeyPath = join(keyDir, 'id_ed25519');
    const authorizedKeys = join(workDir, 'authorized_keys');
    const sshNodes = nodes.filter((node) => (node.key.startsWith('h') && wantSsh) || node.key === 'cli' || (node.key === 'fl' && fleetSsh));
    const keysByNode = new Map<string, HostKeys>();
    const keysReady = (async () => {
      if (!needsSshUser) return;
      const jobs: Promise<unknown>[] = [runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `walkdown-lab-${runId}`, '-f', privateKeyPath])];
      for (const node of sshNodes) {
        jobs.push(generateHostKeys(join(workDir, node.key, 'ssh'), `${node.key}.${runId}.lab`).then((keys) => keysByNode.set(node.key, keys)));
      }
      await Promise.all(jobs);
      copyFileSync(`${privateKeyPath}.pub`, authorizedKeys);
      chmodSync(authorizedKeys, 0o644);
      timings.keys = Date.now() - phaseStart;
    })();
    // Keep a failure here from being an unhandled rejection before someone awaits it.
    keysReady.catch(() => {});

    // ---- daemons
    const spawnDaemon = (name: string, node: Node, argv: string[], env: Record<string, string>, logPath: string, ownLog?: string): Daemon => {
      // A start that lost the race with a failure elsewhere must not outlive the teardown.
      if (stopped) throw new Error(`walkdown lab: ${runId} stopped before ${name} started`);
      const out = openSync(logPath, 'a');
      let child;
      try {
        // detached: own session, so a terminal's Ctrl-C reaches us (and our cleanup), not the daemons directly.
        child = spawn('ip', ['netns', 'exec', node.namespace, ...argv], { detached: true, stdio: ['ignore', out, out], env: { ...DAEMON_ENV_BASE, ...env } });
      } finally {
        closeSync(out);
      }
      const pid = child.pid;
      if (pid === undefined) throw new Error(`walkdown lab: could not start ${name}`);
      const daemon: Daemon = { ref: { pid, startTime: startTimeOf(pid) ?? '', name }, logs: ownLog ? [logPath, ownLog] : [logPath], exited: false, exitInfo: '' };
      child.on('error', (error) => {
        daemon.exited = true;
        daemon.exitInfo = error.message;
      });
      child.on('exit', (code, signal) => {
        daemon.exited = true;
        daemon.exitInfo = `exit code ${code}, signal ${signal}`;
      });
      child.unref();
      daemons.push(daemon);
      record.processes.push(daemon.ref);
      writeRecord(record);
      return daemon;
    };

    const logsOf = (daemon: Daemon) => daemon.logs.map((path) => `--- ${path}\n${tail(path)}`).join('\n');

    const waitListening = async (daemon: Daemon, comm: string, proto: 'udp' | 'tcp', port: number) => {
      const deadline = Date.now() + startTimeoutMs;
      for (;;) {
        if (stopped) throw new Error(`walkdown lab: ${runId} stopped while ${daemon.ref.name} started`);
        if (daemon.exited || !isAlive(daemon.ref)) {
          throw new Error(`walkdown lab: ${daemon.ref.name} exited while starting (${daemon.exitInfo})\n${logsOf(daemon)}`);
        }
        if (commOf(daemon.ref.pid) === comm && listeningPorts(daemon.ref.pid, proto).includes(port)) return;
        if (Date.now() > deadline) throw new Error(`walkdown lab: ${daemon.ref.name} not listening on ${proto}/${port} after ${startTimeoutMs} ms\n${logsOf(daemon)}`);
        await sleep(15);
      }
    };

    const startSnmpd = (node: Node, identity: SnmpdIdentity): Promise<void> => {
      const dir = join(workDir, node.key, 'snmp');
      mkdirSync(join(dir, 'persist'), { recursive: true, mode: 0o700 });
      const conf = join(dir, 'snmpd.conf');
      writeFileSync(conf, snmpdConfig(identity, 'public'));
      const logPath = join(dir, 'snmpd.log');
      const daemon = spawnDaemon(
        `snmpd ${node.key}`,
        node,
        ['/usr/sbin/snmpd', '-f', '-C', '-c', conf, '-Lf', logPath, '-m', '', '-I', '-smux,mteTrigger,mteTriggerConf'],
        { SNMP_PERSISTENT_DIR: join(dir, 'persist'), HOME: dir },
        join(dir, 'stdout.log'),
        logPath,
      );
      return waitListening(daemon, 'snmpd', 'udp', 161);
    };

    const sshdStarters = new Map<string, () => Promise<Daemon>>();
    const startSshd = (node: Node, spec: Omit<SshdSpec, 'dir' | 'authorizedKeys'>): Promise<Daemon> => {
      const dir = join(workDir, node.key, 'ssh');
      const conf = join(dir, 'sshd_config');
      writeFileSync(conf, sshdConfig({ ...spec, dir, authorizedKeys }));
      const logPath = join(dir, 'sshd.log');
      const starter = async () => {
        await keysReady;
        // A private /run (tmpfs) per sshd: /run/sshd privsep dir without touching the host's /run.
        const script = `mount -t tmpfs -o mode=755 tmpfs /run && mkdir -m 755 /run/sshd && exec /usr/sbin/sshd -D -f '${conf}' -E '${logPath}'`;
        const daemon = spawnDaemon(`sshd ${node.key}`, node, ['/bin/sh', '-c', script], { HOME: dir }, join(dir, 'stdout.log'), logPath);
        await waitListening(daemon, 'sshd', 'tcp', 22);
        return daemon;
      };
      sshdStarters.set(node.key, starter);
      return starter();
    };

    const identityFor = (key: string, index: number): SnmpdIdentity => ({
      sysName: `lab-${key}`,
      sysLocation: `Walkdown lab, rack A, unit ${index}`,
      sysContact: 'lab-admin@walkdown.invalid',
      sysDescr: `Linux lab-${key} (Walkdown lab host, Net-SNMP)`,
      engineText: `${NAME_PREFIX}-${runId}-${key}`,
    });

    const starts: Promise<unknown>[] = [];
    const track = (start: Promise<unknown>) => {
      // Awaited together below; until then (or if setup throws first) a rejection must not go unhandled.
      start.catch(() => {});
      starts.push(start);
    };
    const hosts: LabHost[] = [];
    nodes
      .filter((node) => node.key.startsWith('h'))
      .forEach((node, i) => {
        const identity = identityFor(node.key, i + 1);
        const host: LabHost = {
          name: node.key,
          address: node.addresses[0] ?? '',
          namespace: node.namespace,
          snmp: wantSnmp,
          ssh: wantSsh,
          sysName: identity.sysName,
          sysLocation: identity.sysLocation,
          sysContact: identity.sysContact,
          sysDescr: identity.sysDescr,
          engineId: `80001f8804${hexOf(identity.engineText)}`,
        };
        hosts.push(host);
        if (wantSnmp) track(startSnmpd(node, identity));
        if (wantSsh) track(startSshd(node, { maxStartups: hostMaxStartups }));
      });

    let fleet: LabFleet | undefined;
    const fleetNode = nodes.find((node) => node.key === 'fl');
    if (fleetNode) {
      const identity = identityFor('fleet', 0);
      track(startSnmpd(fleetNode, identity));
      if (fleetSsh) track(startSshd(fleetNode, { maxStartups: fleetMaxStartups }));
      fleet = { namespace: fleetNode.namespace, addresses: fleetAddresses, sysName: identity.sysName, ssh: fleetSsh, maxStartups: fleetMaxStartups };
    }

    let vendorCli: LabVendorCli | undefined;
    const cliNode = nodes.find((node) => node.key === 'cli');
    if (cliNode && vendorOpts) {
      const dir = join(workDir, 'cli');
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      // The emulator runs as the lab user: give it a copy of the script and outputs it can read wherever the repo lives.
      const script = join(dir, 'vendor-cli.py');
      copyFileSync(VENDOR_CLI_SCRIPT, script);
      chmodSync(script, 0o755);
      const pageLines = vendorOpts.pageLines ?? 24;
      const enableSecret = vendorOpts.enableSecret ?? 'lab-enable';
      const commands = {} as Record<VendorPlatform, Record<string, string>>;
      const forceCommands: Record<string, string> = {};
      for (const platform of VENDOR_PLATFORMS) {
        commands[platform] = commandFiles(fixturesDir, platform, vendorOpts.select, vendorOpts.commands);
        const copies: Record<string, string> = {};
        mkdirSync(join(dir, platform), { recursive: true, mode: 0o755 });
        Object.entries(commands[platform]).forEach(([line, source], index) => {
          const copy = join(dir, platform, `${index}.out`);
          copyFileSync(source, copy);
          chmodSync(copy, 0o644);
          copies[line] = copy;
        });
        const mapping = join(dir, `${platform}.json`);
        writeFileSync(mapping, JSON.stringify({ commands: copies }, null, 2));
        chmodSync(mapping, 0o644);
        forceCommands[vendorAddresses[platform]] =
          `/usr/bin/python3 ${script} --platform ${platform} --commands ${mapping} --page-lines ${pageLines} --enable-secret ${enableSecret}`;
      }
      track(startSshd(cliNode, { maxStartups: MAX_STARTUPS_DEFAULT, listen: Object.values(vendorAddresses), forceCommands }));
      const devices = {} as Record<VendorPlatform, LabVendorDevice>;
      for (const platform of VENDOR_PLATFORMS) devices[platform] = { platform, address: vendorAddresses[platform], port: 22, behaviour: VENDOR_BEHAVIOUR[platform] };
      vendorCli = {
        namespace: cliNode.namespace,
        devices,
        username: LAB_USER,
        password,
        enableSecret,
        pageLines,
        fixturesDir,
        commands,
        outputPath(platform, command) {
          const path = commands[platform][command.trim().replace(/\s+/g, ' ')] ?? commands[platform][commandLine(command)];
          if (!path) throw new Error(`walkdown lab: no recorded output for ${platform} '${command}'`);
          return path;
        },
      };
    }

    let snmpsim: LabSnmpsim | undefined;
    const simNode = nodes.find((node) => node.key === 'sim');
    if (simNode && simOpts) {
      const dir = join(workDir, 'sim');
      const dataDir = join(dir, 'data');
      const cacheDir = join(dir, 'cache');
      mkdirSync(dataDir, { recursive: true, mode: 0o755 });
      mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
      // snmpsimd drops to nobody/nogroup: its index cache must be theirs, the data readable.
      chownSync(cacheDir, 65534, 65534);
      const sources = simOpts.recordings ?? { [SNMPSIM_CISCO_3750_COMMUNITY]: SNMPSIM_CISCO_3750_SOURCE };
      const recordings: Record<string, string> = {};
      for (const [community, source] of Object.entries(sources)) {
        if (!/^[A-Za-z0-9_.-]+$/.test(community)) throw new Error(`walkdown lab: bad snmpsim community ${community}`);
        const target = join(dataDir, `${community}.snmprec`);
        const content = readFileSync(source);
        writeFileSync(target, source.endsWith('.gz') ? gunzipSync(content) : content, { mode: 0o644 });
        recordings[community] = target;
      }
      const logPath = join(dir, 'snmpsim.log');
      const simAddress = simNode.addresses[0] ?? '';
      const firstCommunity = Object.keys(recordings)[0] ?? SNMPSIM_CISCO_3750_COMMUNITY;
      const daemon = spawnDaemon(
        'snmpsimd',
        simNode,
        [
          '/usr/bin/snmpsimd',
          `--data-dir=${dataDir}`,
          `--cache-dir=${cacheDir}`,
          `--agent-udpv4-endpoint=${simAddress}:161`,
          '--process-user=nobody',
          '--process-group=nogroup',
          `--logging-method=file:${logPath}`,
        ],
        { HOME: dir },
        join(dir, 'stdout.log'),
        logPath,
      );
      track(
        (async () => {
          // Listening is not enough: it indexes the recordings first. Ask it until it answers.
          const deadline = Date.now() + startTimeoutMs;
          for (;;) {
            if (stopped) throw new Error(`walkdown lab: ${runId} stopped while snmpsimd started`);
            if (daemon.exited) throw new Error(`walkdown lab: snmpsimd exited while starting (${daemon.exitInfo})\n${logsOf(daemon)}`);
            const probe = await run('snmpgetnext', ['-m', '', '-v2c', '-c', firstCommunity, '-t', '0.3', '-r', '0', `${simAddress}:161`, '1.3.6'], { timeoutMs: 5_000 });
            if (probe.code === 0 && probe.stdout.trim()) return;
            if (Date.now() > deadline) throw new Error(`walkdown lab: snmpsimd did not answer within ${startTimeoutMs} ms:\n${tail(logPath)}`);
            await sleep(100);
          }
        })(),
      );
      snmpsim = {
        address: simAddress,
        port: 161,
        community: firstCommunity,
        recordingPath: recordings[firstCommunity] ?? '',
        recordings,
        logPath,
      };
    }

    await Promise.all([...starts, keysReady]);
    for (const host of hosts) host.hostKeys = keysByNode.get(host.name);
    if (fleet) fleet.hostKeys = keysByNode.get('fl');
    if (vendorCli) vendorCli.hostKeys = keysByNode.get('cli');
    phase('daemons');

    const privateKey = needsSshUser ? readFileSync(privateKeyPath, 'utf8') : '';
    const publicKey = needsSshUser ? readFileSync(`${privateKeyPath}.pub`, 'utf8').trim() : '';

    const findHost = (nameOrAddress: string): LabHost => {
      const host = hosts.find((h) => h.name === nameOrAddress || h.address === nameOrAddress || h.namespace === nameOrAddress);
      if (!host) throw new Error(`walkdown lab: no host ${nameOrAddress}`);
      return host;
    };

    const lab: Lab = {
      runId,
      subnet: `${net}.0/24`,
      gateway: address(1),
      deadAddress: address(10),
      bridge: record.bridge,
      namespaces: [...record.namespaces],
      links: [...record.links],
      workDir,
      hosts,
      snmp: { port: 161, community: 'public', v3Users: V3_USERS.map(v3User) },
      ssh: { port: 22, username: LAB_USER, password, privateKeyPath, privateKey, publicKey, maxStartups: hostMaxStartups },
      fleet,
      snmpsim,
      vendorCli,
      timings,
      processes: () => record.processes.filter((ref) => isAlive(ref)),
      host: findHost,
      knownHosts() {
        const lines: string[] = [];
        const add = (addresses: string[], keys?: HostKeys) => {
          if (!keys) return;
          for (const a of addresses) lines.push(`${a} ${keys.ed25519.publicKey}`, `${a} ${keys.rsa.publicKey}`);
        };
        for (const host of hosts) add([host.address], host.hostKeys);
        if (fleet) add(fleet.addresses, fleet.hostKeys);
        if (vendorCli) add(Object.values(vendorCli.devices).map((d) => d.address), vendorCli.hostKeys);
        return lines.length > 0 ? `${lines.join('\n')}\n` : '';
      },
      async rotateHostKey(target) {
        if (stopped) throw new Error('walkdown lab: stopped');
        const host = typeof target === 'string' ? findHost(target) : target;
        const starter = sshdStarters.get(host.name);
        if (!starter) throw new Error(`walkdown lab: ${host.name} runs no sshd`);
        const old = daemons.find((d) => d.ref.name === `sshd ${host.name}` && !d.exited && isAlive(d.ref));
        if (old) {
          stopProcesses([old.ref]);
          record.processes = record.processes.filter((ref) => ref !== old.ref);
          writeRecord(record);
        }
        const keys = await generateHostKeys(join(workDir, host.name, 'ssh'), `${host.name}.${runId}.lab.rotated`);
        host.hostKeys = keys;
        await starter();
        return keys;
      },
      async stop() {
        stopSync();
      },
    };
    record.info = {
      subnet: lab.subnet,
      gateway: lab.gateway,
      deadAddress: lab.deadAddress,
      hosts: hosts.map((h) => ({ name: h.name, address: h.address, sysName: h.sysName })),
      fleet: fleet ? { first: fleet.addresses[0], last: fleet.addresses.at(-1), size: fleet.addresses.length, ssh: fleet.ssh } : undefined,
      snmpsim: snmpsim ? { address: snmpsim.address, communities: Object.keys(snmpsim.recordings) } : undefined,
      vendorCli: vendorCli ? Object.fromEntries(VENDOR_PLATFORMS.map((p) => [p, vendorCli.devices[p].address])) : undefined,
      user: LAB_USER,
      privateKeyPath,
      workDir,
    };
    writeRecord(record);
    timings.total = Date.now() - started;
    log(`walkdown lab ${runId}: up in ${timings.total} ms (${JSON.stringify(timings)})`);
    return lab;
  } catch (error) {
    stopSync();
    throw error;
  }
}

/** Runs `ip netns exec <namespace> <argv>` (for tests that need to look inside). */
export function netnsExec(namespace: string, argv: string[]): ReturnType<typeof runSync> {
  return runSync('ip', ['netns', 'exec', namespace, ...argv]);
}
