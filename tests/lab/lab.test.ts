/**
 * Self-test of the lab harness with the system tools (snmpget, snmpbulkwalk,
 * ssh, sshpass, ssh-keyscan, ping, fping): if these pass, what the check
 * runner's integration tests see is real snmpd/sshd/snmpsim behaviour.
 * Needs root (as CI has); skipped otherwise.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnmprec, recordedLines, startLab, subtree, VENDOR_BEHAVIOUR, type Lab, type VendorPlatform } from './index';
import { isAlive, pidsInNetns, run, type ProcRef } from './proc';
import { recordPath, type RunRecord } from './registry';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('tests/lab: skipped, the lab needs root');

const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const SYS_DESCR = '1.3.6.1.2.1.1.1.0';
const IF_DESCR = '1.3.6.1.2.1.2.2.1.2';
const IF_OPER_STATUS = '1.3.6.1.2.1.2.2.1.8';
const SNMP_ENGINE_ID = '1.3.6.1.6.3.10.2.1.1.0';

function snmp(tool: 'snmpget' | 'snmpbulkwalk', args: string[]) {
  return run(tool, ['-m', '', '-On', '-t', '1', '-r', '1', ...args], { timeoutMs: 15_000 });
}

/** `-Oqv` value of a string: strip quotes. */
function unquote(text: string): string {
  return text.trim().replace(/^"(.*)"$/s, '$1');
}

/** `snmpbulkwalk -Oqn` lines -> oid (without leading dot) -> value. */
function walkMap(stdout: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^\.?([\d.]+) (.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) map.set(match[1], unquote(match[2]));
  }
  return map;
}

function fingerprintOf(keyscanLine: string): string {
  const blob = keyscanLine.trim().split(/\s+/)[2] ?? '';
  return `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** An interactive ssh session with a remote pty (`ssh -tt`), read as a switch's transcript. */
class Session {
  private buffer = '';
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';

  constructor(args: string[]) {
    this.child = spawn('ssh', ['-tt', '-e', 'none', ...args]);
    this.child.stdout.setEncoding('latin1').on('data', (chunk: string) => (this.buffer += chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  send(text: string): void {
    this.child.stdin.write(text);
  }

  /** Waits until the unread output ends with one of `endings`; returns it and marks it read. */
  async until(endings: string[], timeoutMs = 8_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!endings.some((ending) => this.buffer.endsWith(ending))) {
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`expected output ending with ${JSON.stringify(endings)}, got ${JSON.stringify(this.buffer.slice(-300))} ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  /** Sends a command line, answers pager prompts with `key` and returns everything up to the next prompt. */
  async command(line: string, prompt: string, pager: string, key = ' '): Promise<{ text: string; pagerPrompts: number }> {
    this.send(`${line}\r`);
    let text = '';
    let pagerPrompts = 0;
    for (;;) {
      text += await this.until([prompt, pager]);
      if (text.endsWith(prompt)) return { text, pagerPrompts };
      pagerPrompts++;
      this.send(key);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }
}

/** Output lines of `command` from a transcript: echo and prompt removed, pager prompts and their erasure removed. */
function outputLines(text: string, command: string, prompt: string, platform: VendorPlatform): string[] {
  const behaviour = VENDOR_BEHAVIOUR[platform];
  expect(text.startsWith(`${command}\r\n`)).toBe(true);
  expect(text.endsWith(prompt)).toBe(true);
  const body = text
    .slice(command.length + 2, text.length - prompt.length)
    .split(behaviour.pager + behaviour.pagerErase)
    .join('');
  const lines = body.split('\r\n');
  expect(lines.pop()).toBe('');
  return lines;
}

describe.skipIf(!isRoot)('walkdown lab', () => {
  let lab: Lab;
  let scratch: string;
  let knownHostsFile: string;
  // ssh takes the first value given for an option: `extra` comes first so it can override.
  const sshArgs = (extra: string[] = []) => [
    ...extra,
    '-F',
    '/dev/null',
    '-o',
    'BatchMode=yes',
    '-o',
    `UserKnownHostsFile=${knownHostsFile}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'ConnectTimeout=5',
    '-o',
    'LogLevel=ERROR',
    '-i',
    lab.ssh.privateKeyPath,
  ];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'wdlab-selftest-'));
    // An extra command with a hyphenated keyword, as hand-written samples add them.
    const cpu = join(scratch, 'cpu-usage.txt');
    writeFileSync(cpu, 'CPU Usage Stat. Cycle: 60 (Second)\nCPU Usage            : 7% Max: 21%\n');
    const config = join(scratch, 'running-config.txt');
    writeFileSync(config, 'Building configuration...\n\nCurrent configuration : 64 bytes\n!\nhostname Switch\n!\nend\n');
    lab = await startLab({ hosts: 2, snmpsim: true, vendorCli: { commands: { huawei_vrp: { 'display cpu-usage': cpu }, cisco_ios: { 'show running-config': config } } }, fleet: 20 });
    knownHostsFile = join(scratch, 'known_hosts');
    writeFileSync(knownHostsFile, lab.knownHosts());
    console.log(`lab ${lab.runId} ${lab.subnet} up in ${lab.timings.total} ms ${JSON.stringify(lab.timings)}`);
  });

  afterAll(async () => {
    await lab?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('answers SNMP v2c with the configured system group', async () => {
    for (const host of lab.hosts) {
      const get = await snmp('snmpget', ['-v2c', '-c', 'public', '-Oqv', host.address, SYS_NAME]);
      expect(get.code, get.stderr).toBe(0);
      expect(unquote(get.stdout)).toBe(host.sysName);
    }
    const walk = await snmp('snmpbulkwalk', ['-v2c', '-c', 'public', '-Oqn', lab.hosts[0]!.address, '1.3.6.1.2.1.1']);
    const system = walkMap(walk.stdout);
    expect(system.get('1.3.6.1.2.1.1.6.0')).toBe(lab.hosts[0]!.sysLocation);
    expect(system.get('1.3.6.1.2.1.1.4.0')).toBe(lab.hosts[0]!.sysContact);
    expect(system.get('1.3.6.1.2.1.1.1.0')).toBe(lab.hosts[0]!.sysDescr);
    // A wrong community is ignored, as on a device: no answer at all.
    const wrong = await run('snmpget', ['-m', '', '-v2c', '-c', 'not-public', '-t', '0.5', '-r', '0', lab.hosts[0]!.address, SYS_NAME]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/Timeout/);
  });

  it('answers SNMPv3 for every user and refuses a wrong key', async () => {
    const host = lab.hosts[0]!;
    for (const user of lab.snmp.v3Users) {
      const get = await snmp('snmpget', [...user.cliArgs, '-Oqv', host.address, SYS_NAME]);
      expect(get.code, `${user.name}: ${get.stderr}`).toBe(0);
      expect(unquote(get.stdout)).toBe(host.sysName);
    }
    const engine = await snmp('snmpget', [...lab.snmp.v3Users[0]!.cliArgs, '-Oqv', host.address, SNMP_ENGINE_ID]);
    expect(engine.stdout.replace(/[\s"]/g, '').toLowerCase()).toBe(host.engineId);

    const sha = lab.snmp.v3Users.find((user) => user.name === 'labsha')!;
    const wrongAuth = sha.cliArgs.map((arg) => (arg === sha.authKey ? 'wrong-auth-key' : arg));
    const refused = await run('snmpget', ['-m', '', '-t', '1', '-r', '0', ...wrongAuth, host.address, SYS_NAME]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Authentication failure/);
    const wrongPriv = sha.cliArgs.map((arg) => (arg === sha.privKey ? 'wrong-priv-key' : arg));
    const undecryptable = await run('snmpget', ['-m', '', '-t', '0.5', '-r', '0', ...wrongPriv, host.address, SYS_NAME]);
    expect(undecryptable.code).not.toBe(0);
  });

  it('lets the test user in over SSH with the key and with the password', async () => {
    const [h1, h2] = [lab.hosts[0]!, lab.hosts[1]!];
    const withKey = await run('ssh', [...sshArgs(), `${lab.ssh.username}@${h1.address}`, 'uptime'], { timeoutMs: 15_000 });
    expect(withKey.code, withKey.stderr).toBe(0);
    expect(withKey.stdout).toMatch(/load average/);

    const passwordArgs = (password: string) => [
      '-p',
      password,
      'ssh',
      ...sshArgs(['-o', 'BatchMode=no', '-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=password', '-o', 'NumberOfPasswordPrompts=1']),
      `${lab.ssh.username}@${h2.address}`,
      'uptime',
    ];
    const withPassword = await run('sshpass', passwordArgs(lab.ssh.password), { timeoutMs: 15_000 });
    expect(withPassword.code, withPassword.stderr).toBe(0);
    expect(withPassword.stdout).toMatch(/load average/);
    const wrongPassword = await run('sshpass', passwordArgs('not-the-password'), { timeoutMs: 15_000 });
    expect(wrongPassword.code).not.toBe(0);
  });

  it('pages and un-pages like Huawei VRP', async () => {
    const platform = 'huawei_vrp';
    const device = lab.vendorCli!.devices[platform];
    const { prompt, pager, disablePaging } = device.behaviour;
    const expected = recordedLines(lab.vendorCli!.outputPath(platform, 'display version'));
    expect(expected.length).toBeGreaterThan(lab.vendorCli!.pageLines);
    const session = new Session([...sshArgs(), `${lab.ssh.username}@${device.address}`]);
    try {
      expect(await session.until([prompt])).toMatch(/Info: The max number of VTY users/);
      const paged = await session.command('display version', prompt, pager);
      expect(paged.text).toContain(`${pager}\x1b[42D${' '.repeat(42)}\x1b[42D`);
      expect(paged.pagerPrompts).toBe(Math.ceil(expected.length / (lab.vendorCli!.pageLines - 1)) - 1);
      expect(outputLines(paged.text, 'display version', prompt, platform)).toEqual(expected);

      const off = await session.command(disablePaging, prompt, pager);
      expect(off.text).toContain('Info: The configuration takes effect on the current user terminal interface only.');
      const full = await session.command('dis ver', prompt, pager);
      expect(full.pagerPrompts).toBe(0);
      expect(outputLines(full.text, 'dis ver', prompt, platform)).toEqual(expected);

      const bad = await session.command('display nonsense', prompt, pager);
      const lines = bad.text.split('\r\n');
      expect(lines[1]).toBe(`${' '.repeat(prompt.length + 'display '.length)}^`);
      expect(lines[2]).toBe("Error: Unrecognized command found at '^' position.");
    } finally {
      await session.close();
    }
  });

  it('pages and un-pages like H3C Comware', async () => {
    const platform = 'hp_comware';
    const device = lab.vendorCli!.devices[platform];
    const { prompt, pager, disablePaging } = device.behaviour;
    const expected = recordedLines(lab.vendorCli!.outputPath(platform, 'display device manuinfo'));
    const session = new Session([...sshArgs(), `${lab.ssh.username}@${device.address}`]);
    try {
      await session.until([prompt]);
      const paged = await session.command('display device manuinfo', prompt, pager);
      expect(paged.pagerPrompts).toBeGreaterThan(0);
      expect(paged.text).toContain(`${pager}\x1b[16D${' '.repeat(16)}\x1b[16D`);
      expect(outputLines(paged.text, 'display device manuinfo', prompt, platform)).toEqual(expected);
      await session.command(disablePaging, prompt, pager);
      const full = await session.command('display device manuinfo', prompt, pager);
      expect(full.pagerPrompts).toBe(0);
      expect(outputLines(full.text, 'display device manuinfo', prompt, platform)).toEqual(expected);
      const bad = await session.command('foo', prompt, pager);
      expect(bad.text).toContain(" % Unrecognized command found at '^' position.");
    } finally {
      await session.close();
    }
  });

  it('pages like Cisco IOS: Enter gives a line, q stops, terminal length 0 and enable work', async () => {
    const platform = 'cisco_ios';
    const device = lab.vendorCli!.devices[platform];
    const { prompt, privilegedPrompt, pager, pagerErase, disablePaging } = device.behaviour;
    const expected = recordedLines(lab.vendorCli!.outputPath(platform, 'show version'));
    const page = lab.vendorCli!.pageLines - 1;
    const session = new Session([...sshArgs(), `${lab.ssh.username}@${device.address}`]);
    try {
      await session.until([prompt]);
      session.send('show version\r');
      const first = await session.until([pager]);
      session.send('\r');
      const oneMore = await session.until([pager]);
      session.send('q');
      const rest = await session.until([prompt]);
      expect(oneMore.startsWith(pagerErase)).toBe(true);
      expect(rest).toBe(pagerErase + prompt);
      // A page, one more line for Enter, and nothing after q.
      expect(outputLines(first + oneMore + rest, 'show version', prompt, platform)).toEqual(expected.slice(0, page + 1));

      await session.command(disablePaging, prompt, pager);
      const full = await session.command('sh ver', prompt, pager);
      expect(full.pagerPrompts).toBe(0);
      expect(outputLines(full.text, 'sh ver', prompt, platform)).toEqual(expected);

      session.send('enable\r');
      await session.until(['Password: ']);
      session.send(`${lab.vendorCli!.enableSecret}\r`);
      await session.until([privilegedPrompt]);
      const bad = await session.command('show nonsense', privilegedPrompt, pager);
      expect(bad.text).toContain("% Invalid input detected at '^' marker.");
    } finally {
      await session.close();
    }
  });

  it('Cisco: show running-config only in privileged EXEC; three wrong enable secrets are "% Bad secrets"', async () => {
    const { prompt, privilegedPrompt, pager } = lab.vendorCli!.devices.cisco_ios.behaviour;
    const session = new Session([...sshArgs(), `${lab.ssh.username}@${lab.vendorCli!.devices.cisco_ios.address}`]);
    try {
      await session.until([prompt]);
      const refused = await session.command('show running-config', prompt, pager);
      // IOS at `>` does not know the keyword: the caret stands under it.
      expect(refused.text).toBe(`show running-config\r\n${' '.repeat(prompt.length + 5)}^\r\n% Invalid input detected at '^' marker.\r\n\r\n${prompt}`);
      session.send('enable\r');
      for (let i = 0; i < 3; i++) {
        await session.until(['Password: ']);
        session.send('not-the-secret\r');
      }
      expect(await session.until([prompt])).toContain('% Bad secrets');
      session.send('enable\r');
      await session.until(['Password: ']);
      session.send('wrong-once\r');
      await session.until(['Password: ']);
      session.send(`${lab.vendorCli!.enableSecret}\r`);
      await session.until([privilegedPrompt]);
      const config = await session.command('sh run', privilegedPrompt, pager);
      expect(config.text).toContain('hostname Switch');
    } finally {
      await session.close();
    }
  });

  it('answers vendor commands on an exec channel, without pager', async () => {
    const cisco = lab.vendorCli!.devices.cisco_ios;
    const exec = await run('ssh', [...sshArgs(), `${lab.ssh.username}@${cisco.address}`, 'show version'], { timeoutMs: 15_000 });
    expect(exec.code, exec.stderr).toBe(0);
    expect(exec.stdout.split('\r\n').slice(0, -1)).toEqual(recordedLines(lab.vendorCli!.outputPath('cisco_ios', 'show_version')));
    expect(exec.stdout).not.toContain('--More--');
    const huawei = lab.vendorCli!.devices.huawei_vrp;
    const cpu = await run('ssh', [...sshArgs(), `${lab.ssh.username}@${huawei.address}`, 'dis cpu'], { timeoutMs: 15_000 });
    expect(cpu.code, cpu.stderr).toBe(0);
    expect(cpu.stdout.split('\r\n').slice(0, -1)).toEqual(recordedLines(lab.vendorCli!.outputPath('huawei_vrp', 'display cpu-usage')));
    const bad = await run('ssh', [...sshArgs(), `${lab.ssh.username}@${huawei.address}`, 'display nonsense'], { timeoutMs: 15_000 });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("Error: Unrecognized command found at '^' position.");
  });

  it('has a dead address that answers nothing', async () => {
    const ping = await run('ping', ['-c', '1', '-W', '1', lab.deadAddress]);
    expect(ping.code).not.toBe(0);
    const alive = await run('ping', ['-c', '1', '-W', '1', lab.hosts[0]!.address]);
    expect(alive.code).toBe(0);
    const connected = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: lab.deadAddress, port: 22 });
      const done = (result: boolean) => {
        socket.destroy();
        resolve(result);
      };
      socket.setTimeout(1_500, () => done(false));
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
    });
    expect(connected).toBe(false);
  });

  it('serves a fleet of addresses from one snmpd', async () => {
    const fleet = lab.fleet!;
    expect(fleet.addresses).toHaveLength(20);
    for (const address of [fleet.addresses[0]!, fleet.addresses.at(-1)!]) {
      const get = await snmp('snmpget', ['-v2c', '-c', 'public', '-Oqv', address, SYS_NAME]);
      expect(get.code, get.stderr).toBe(0);
      expect(unquote(get.stdout)).toBe(fleet.sysName);
    }
    const fping = await run('fping', ['-q', '-r', '1', '-i', '1', '-t', '500', ...fleet.addresses]);
    expect(fping.code, fping.stderr).toBe(0);
  });

  it('serves the Cisco 3750 recording through snmpsim', async () => {
    const sim = lab.snmpsim!;
    const recording = readSnmprec(sim.recordingPath);
    const descr = await snmp('snmpget', ['-v2c', '-c', sim.community, '-Ox', '-Oqv', sim.address, SYS_DESCR]);
    expect(descr.code, descr.stderr).toBe(0);
    const bytes = Buffer.from(descr.stdout.replace(/[^0-9A-Fa-f]/g, ''), 'hex');
    expect(bytes.toString('latin1')).toBe(recording.get(SYS_DESCR)!.text);
    expect(bytes.toString('latin1')).toMatch(/^Cisco IOS Software, C3750 Software/);

    for (const column of [IF_DESCR, IF_OPER_STATUS]) {
      const walk = await snmp('snmpbulkwalk', ['-v2c', '-c', sim.community, '-Oqn', sim.address, column]);
      expect(walk.code, walk.stderr).toBe(0);
      const answered = walkMap(walk.stdout);
      const recorded = subtree(recording, column);
      expect(answered.size).toBe(recorded.length);
      for (const entry of recorded) expect(answered.get(entry.oid), entry.oid).toBe(entry.text);
    }
  });

  it('rotates a host key: the fingerprint changes and pinned clients refuse', async () => {
    const host = lab.hosts[0]!;
    const other = lab.hosts[1]!;
    const scan = async (address: string) => {
      const result = await run('ssh-keyscan', ['-T', '5', '-t', 'ed25519', address], { timeoutMs: 15_000 });
      return fingerprintOf(result.stdout.split('\n').find((line) => line.includes('ssh-ed25519')) ?? '');
    };
    const before = await scan(host.address);
    expect(before).toBe(host.hostKeys!.ed25519.fingerprint);
    const rsaBefore = host.hostKeys!.rsa.fingerprint;
    const otherBefore = await scan(other.address);

    const rotated = await lab.rotateHostKey(host);
    expect(rotated.ed25519.fingerprint).not.toBe(before);
    expect(rotated.rsa.fingerprint).not.toBe(rsaBefore);
    expect(host.hostKeys).toBe(rotated);
    expect(await scan(host.address)).toBe(rotated.ed25519.fingerprint);
    expect(await scan(other.address)).toBe(otherBefore);

    // The known_hosts written before the rotation now pins the wrong key.
    const refused = await run('ssh', [...sshArgs(), `${lab.ssh.username}@${host.address}`, 'true'], { timeoutMs: 15_000 });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED/);
    writeFileSync(knownHostsFile, lab.knownHosts());
    const accepted = await run('ssh', [...sshArgs(), `${lab.ssh.username}@${host.address}`, 'true'], { timeoutMs: 15_000 });
    expect(accepted.code, accepted.stderr).toBe(0);
  });

  it('stops completely and idempotently', async () => {
    const recorded: ProcRef[] = lab.processes();
    expect(recorded.length).toBe(2 * 2 + 1 + 1 + 1); // snmpd+sshd per host, fleet snmpd, vendor sshd, snmpsimd
    const inNamespaces = lab.namespaces.flatMap((ns) => pidsInNetns(ns));
    expect(existsSync(recordPath(lab.runId))).toBe(true);

    await lab.stop();

    const netns = await run('ip', ['netns', 'list']);
    expect(netns.stdout).not.toContain(`wdl-${lab.runId}-`);
    const links = await run('ip', ['-o', 'link', 'show']);
    expect(links.stdout).not.toContain(`wdl${lab.runId}`);
    for (const ref of [...recorded, ...inNamespaces]) expect(isAlive(ref), `${ref.name} ${ref.pid}`).toBe(false);
    expect(existsSync(lab.workDir)).toBe(false);
    expect(existsSync(recordPath(lab.runId))).toBe(false);
    await expect(lab.stop()).resolves.toBeUndefined();
  });
});

describe.skipIf(!isRoot)('walkdown lab across runs', () => {
  it('cleans up after a crashed run, and two concurrent runs get different subnets', async () => {
    // A lab owned by another process that then dies without cleaning up.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/lab/cli.ts', 'up', '--foreground', '--hosts', '1', '--no-ssh', '--no-snmpsim', '--no-vendor-cli'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 30_000;
    while (!/READY ([0-9a-z]{5})/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`cli.ts up did not come up: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const staleId = /READY ([0-9a-z]{5})/.exec(output)![1]!;
    const stale = JSON.parse(readFileSync(recordPath(staleId), 'utf8')) as RunRecord;
    expect(stale.ownerPid).toBe(child.pid);
    expect(stale.processes.length).toBeGreaterThan(0);
    expect(stale.processes.every((ref) => isAlive(ref))).toBe(true);
    expect((await run('ip', ['netns', 'list'])).stdout).toContain(`wdl-${staleId}-h1`);
    child.kill('SIGKILL');
    await exited;

    const labs = await Promise.all([startLab({ hosts: 1, ssh: false }), startLab({ hosts: 1, ssh: false })]);
    try {
      const [a, b] = labs;
      expect(a.subnet).not.toBe(b.subnet);
      for (const lab of labs) {
        const get = await snmp('snmpget', ['-v2c', '-c', 'public', '-Oqv', lab.hosts[0]!.address, SYS_NAME]);
        expect(get.code, get.stderr).toBe(0);
      }
      expect((await run('ip', ['netns', 'list'])).stdout).not.toContain(`wdl-${staleId}-`);
      expect(stale.processes.some((ref) => isAlive(ref))).toBe(false);
      expect(existsSync(recordPath(staleId))).toBe(false);
      expect(existsSync(stale.workDir)).toBe(false);
    } finally {
      await Promise.all(labs.map((lab) => lab.stop()));
    }
    const netns = await run('ip', ['netns', 'list']);
    for (const lab of labs) expect(netns.stdout).not.toContain(`wdl-${lab.runId}-`);
  });
});
