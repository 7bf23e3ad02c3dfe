/**
 * The check transports against real things: snmpd, sshd, snmpsim and the
 * vendor CLI emulators of the lab (tests/lab), fping and ping, and a local
 * HTTPS server with a certificate made for this run. Needs root (the lab
 * does); skipped otherwise. Traffic goes to loopback and the lab's own
 * addresses only.
 */
import { createHook } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_PARSERS, parseOutput } from '../../electron/core/checks/parsers';
import type { Dialect } from '../../electron/core/checks/parsers/text';
import {
  CheckError,
  SNMP_TAG,
  SnmpSessions,
  httpCheck,
  ping,
  pingSweep,
  snmpGet,
  snmpWalk,
  sshConnect,
  sshExec,
  sshShell,
  staticHostKeyPolicy,
  tcpConnect,
  type HostKeyPolicy,
  type SnmpCredential,
  type SshCredential,
} from '../../electron/core/checks/transports';
import { readSnmprec, recordedLines, startLab, subtree, type Lab, type VendorPlatform } from '../lab';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('tests/integration/check-transports: skipped, the lab needs root');

const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';
const IF_TABLE = '1.3.6.1.2.1.2.2';
const NEVER = new AbortController().signal;

/** Runs `fn` and returns the CheckError it throws (fails the test if it resolves or throws something else). */
async function checkError(fn: () => Promise<unknown>): Promise<CheckError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckError);
    return error as CheckError;
  }
  throw new Error('expected a CheckError, but it resolved');
}

const WATCHED = new Set(['Timeout', 'TCPWRAP', 'UDPWRAP', 'TLSWRAP', 'PROCESSWRAP', 'PIPEWRAP']);
/** A timer counts when the transports (or the libraries they drive) made it: vitest makes its own now and then. */
const OURS = /electron\/core\/checks\/transports|node_modules\/(?:net-snmp|ssh2)\//;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The loop's I/O handles (timers aside: vitest's own come and go during a test). */
function ioHandles(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((name) => name !== 'Timeout' && name !== 'Immediate')
    .sort();
}

/**
 * Runs `fn` and asserts it left nothing behind: the sockets and child
 * processes created while it ran, and the timers the transports created
 * (tracked with async_hooks, so unrelated handles cannot blur the result),
 * are all gone once it has settled, and the loop's I/O handles are what they
 * were before.
 */
async function expectNothingLeftBy<T>(fn: () => Promise<T>): Promise<T> {
  await pause(50);
  const before = ioHandles();
  const live = new Map<number, string>();
  let ownTimer = false;
  const hook = createHook({
    init(id, type) {
      if (!WATCHED.has(type) || ownTimer) return;
      if (type !== 'Timeout') {
        live.set(id, type);
        return;
      }
      const stack = new Error().stack ?? '';
      if (OURS.test(stack)) live.set(id, `Timeout${stack.split('\n').slice(5, 12).join('\n')}`);
    },
    destroy(id) {
      live.delete(id);
    },
  }).enable();
  try {
    const result = await fn();
    // Destroy hooks run asynchronously after a handle's close callback. (The pause's own timer is not counted.)
    ownTimer = true;
    const settled = pause(20);
    ownTimer = false;
    await settled;
    expect([...live.values()].sort(), 'handles and timers created and still alive').toEqual([]);
    expect(ioHandles()).toEqual(before);
    return result;
  } finally {
    hook.disable();
  }
}

const PLATFORM_DIALECT: Record<VendorPlatform, Dialect> = { huawei_vrp: 'vrp', hp_comware: 'comware', cisco_ios: 'ios' };

function parserFor(platform: VendorPlatform, command: string) {
  const parser = [...OUTPUT_PARSERS.values()].find((p) => p.dialect === PLATFORM_DIALECT[platform] && p.commands.includes(command));
  if (!parser) throw new Error(`no parser for ${platform} '${command}'`);
  return parser;
}

describe.skipIf(!isRoot)('check transports against the lab', () => {
  let lab: Lab;
  let keyCred: SshCredential;
  let passwordCred: Extract<SshCredential, { kind: 'ssh-password' }>;
  const v2c = (community: string, version: 'v1' | 'v2c' = 'v2c'): SnmpCredential => ({ kind: 'snmp-community', settings: { version, port: 161 }, secret: { community } });
  const acceptAll: HostKeyPolicy = { check: () => 'new' };

  beforeAll(async () => {
    lab = await startLab({
      hosts: 2,
      snmpsim: true,
      fleet: { size: 50, ssh: true },
      vendorCli: {
        // H3C's `display version` has no recording: serve a hand-written sample (it carries its own prompt and echo, as a capture does).
        commands: { hp_comware: { 'display version': 'tests/fixtures/device-output/hand-written/hp_comware/display_version/cw7_s6850.txt' } },
      },
    });
    keyCred = { kind: 'ssh-key', settings: { username: lab.ssh.username, port: 22 }, secret: { privateKey: lab.ssh.privateKey, passphrase: '', enableSecret: '' } };
    passwordCred = { kind: 'ssh-password', settings: { username: lab.ssh.username, port: 22 }, secret: { password: lab.ssh.password, enableSecret: '' } };
  });

  afterAll(async () => {
    if (!lab) return;
    const namespaces = lab.namespaces;
    await lab.stop();
    const { stdout } = await promisify(execFile)('ip', ['netns', 'list']);
    for (const ns of namespaces) expect(stdout).not.toContain(ns);
  });

  // -------------------------------------------------------------------------
  describe('ping', () => {
    it.each(['fping', 'system-ping'] as const)('%s: a live host answers, the dead address does not', async (method) => {
      const alive = await ping({ address: lab.hosts[0]!.address }, { method, count: 3, timeoutMs: 500 }, NEVER);
      expect(alive).toMatchObject({ address: lab.hosts[0]!.address, alive: true, sent: 3, received: 3, lossPercent: 0, method });
      expect(alive.rttMs?.min).toBeGreaterThan(0);
      expect(alive.rttMs!.min).toBeLessThanOrEqual(alive.rttMs!.avg);
      expect(alive.rttMs!.avg).toBeLessThanOrEqual(alive.rttMs!.max);

      const dead = await ping({ address: lab.deadAddress }, { method, count: 2, timeoutMs: 500 }, NEVER);
      expect(dead).toMatchObject({ alive: false, received: 0, lossPercent: 100, rttMs: null, method });
    });

    it.each(['fping', 'system-ping'] as const)('%s: IPv6 loopback', async (method) => {
      expect(await ping({ address: '::1' }, { method, count: 1 }, NEVER)).toMatchObject({ address: '::1', alive: true, method });
    });

    it('sweeps the fleet with one fping process; a bad address gets its own error', async () => {
      const targets = [...lab.fleet!.addresses, lab.deadAddress, '-f/etc/passwd'].map((address) => ({ address }));
      const started = Date.now();
      const results = await pingSweep(targets, { count: 2, timeoutMs: 500 }, NEVER);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(results.map((r) => r.address)).toEqual(targets.map((t) => t.address));
      expect(results.slice(0, 50).every((r) => r.alive && r.method === 'fping')).toBe(true);
      expect(results[50]).toMatchObject({ alive: false, method: 'fping' });
      expect(results[51]).toMatchObject({ alive: false, error: { code: 'check.no-address' } });
    });

    it('tells each result as soon as it is final: the live ones long before fping gives up on the dead one', async () => {
      // Another address of the lab's /24 where nothing is, not lab.deadAddress: its failed ARP entry would turn the TCP test's timeout into "unreachable".
      const silent = lab.gateway.replace(/\.1$/, '.8');
      const targets = [silent, ...lab.fleet!.addresses.slice(0, 20), lab.fleet!.addresses[0]!, '-x'].map((address) => ({ address }));
      const heard: { index: number; at: number; alive: boolean }[] = [];
      const started = performance.now();
      const results = await pingSweep(targets, { count: 2, timeoutMs: 1500, onResult: (index, result) => heard.push({ index, at: performance.now() - started, alive: result.alive }) }, NEVER);
      const took = performance.now() - started;
      // Once per target, duplicates included, and the same results as returned.
      expect(heard.map((h) => h.index).sort((a, b) => a - b)).toEqual(targets.map((_, i) => i));
      expect(heard.every((h) => h.alive === results[h.index]!.alive)).toBe(true);
      const live = heard.filter((h) => h.alive);
      expect(live).toHaveLength(21);
      // Two probes 250 ms apart: a live address is done after ~0.25 s, the dead one only at its second timeout (~1.75 s).
      expect(Math.max(...live.map((h) => h.at))).toBeLessThan(took - 700);
      expect(heard.find((h) => h.index === 0)).toMatchObject({ alive: false });
      expect(results[0]).toMatchObject({ alive: false, sent: 2, received: 0, method: 'fping' });
      expect(results[1]).toMatchObject({ alive: true, sent: 2, received: 2, method: 'fping' });
    });

    it('refuses what is not an address, so nothing reaches fping as an option', async () => {
      for (const address of ['-f', '--help', '10.0.0.1 -c 1000', '256.1.1.1', 'a;b', '']) {
        expect((await checkError(() => ping({ address }, {}, NEVER))).code).toBe('check.no-address');
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('tcp', () => {
    it('open, refused, timeout', async () => {
      const open = await tcpConnect({ address: lab.hosts[0]!.address, port: 22 }, { timeoutMs: 2000 }, NEVER);
      expect(open).toMatchObject({ open: true, port: 22, remoteAddress: lab.hosts[0]!.address });
      expect(open.connectMs).toBeGreaterThan(0);

      const refused = await checkError(() => tcpConnect({ address: lab.hosts[0]!.address, port: 23 }, { timeoutMs: 2000 }, NEVER));
      expect(refused.code).toBe('check.refused');
      expect(refused.details).toMatchObject({ errno: 'ECONNREFUSED', port: 23 });

      const started = Date.now();
      const timeout = await checkError(() => tcpConnect({ address: lab.deadAddress, port: 22 }, { timeoutMs: 800 }, NEVER));
      expect(timeout.code).toBe('check.timeout');
      expect(timeout.retryable).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('a cancelled connect (and ping sweep, and HTTP request) stops at once and leaves nothing open', async () => {
      for (const run of [
        (signal: AbortSignal) => tcpConnect({ address: lab.deadAddress, port: 22 }, { timeoutMs: 5000 }, signal),
        (signal: AbortSignal) => pingSweep([{ address: lab.deadAddress }, { address: lab.hosts[0]!.address }], { count: 5 }, signal),
        (signal: AbortSignal) => ping({ address: lab.deadAddress }, { method: 'system-ping', count: 5 }, signal),
        (signal: AbortSignal) => httpCheck({ url: `http://${lab.deadAddress}/` }, { timeoutMs: 5000 }, signal),
      ]) {
        const controller = new AbortController();
        const error = await expectNothingLeftBy(async () => {
          setTimeout(() => controller.abort(), 100);
          const started = Date.now();
          const caught = await checkError(() => run(controller.signal));
          expect(Date.now() - started).toBeLessThan(600);
          return caught;
        });
        expect(error.code).toBe('check.cancelled');
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('http', () => {
    let dir: string;
    let https: HttpServer;
    let plain: HttpServer;
    let silent: HttpServer;
    const sockets = new Set<Socket>();
    const port = (server: HttpServer) => (server.address() as AddressInfo).port;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'walkdown-http-'));
      // node:crypto cannot make an X.509 certificate: openssl does, valid for 30 days from now.
      await promisify(execFile)('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '30',
        '-subj', '/CN=walkdown-ups-card/O=Walkdown Lab', '-addext', 'subjectAltName=IP:127.0.0.1',
      ]);
      const handler = (req: IncomingMessage, res: ServerResponse) => {
        if (req.url === '/moved') {
          res.writeHead(302, { location: '/login.html' });
          res.end();
        } else if (req.url === '/big') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('x'.repeat(200_000));
        } else {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'UPS-Web' });
          res.end(req.method === 'HEAD' ? undefined : '<title>UPS 状态</title>');
        }
      };
      https = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, handler);
      plain = createHttpServer(handler);
      // Accepts the connection and never answers: a hung web UI.
      silent = createHttpServer(() => {});
      for (const server of [https, plain, silent]) {
        server.on('connection', (socket: Socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      }
    });

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([https, plain, silent].map((server) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('GET over HTTPS reports the self-signed certificate and its days left', async () => {
      const result = await httpCheck({ url: `https://127.0.0.1:${port(https)}/` }, { timeoutMs: 5000 }, NEVER);
      expect(result).toMatchObject({ status: 200, method: 'GET', location: null, bodyTruncated: false });
      expect(result.body).toBe('<title>UPS 状态</title>');
      expect(result.headers.server).toBe('UPS-Web');
      expect(result.latencyMs).toBeGreaterThan(0);
      expect(result.tls).toMatchObject({ authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      const cert = result.tls!.certificate!;
      expect(cert.subject).toContain('CN=walkdown-ups-card');
      expect(cert.selfSigned).toBe(true);
      expect(cert.expired).toBe(false);
      expect([29, 30]).toContain(cert.daysLeft);
      expect(cert.subjectAltNames).toEqual(['IP Address:127.0.0.1']);
      expect(cert.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });

    it('does not follow a redirect, reports where it points; HEAD has no body; long bodies are cut', async () => {
      const moved = await httpCheck({ url: `http://127.0.0.1:${port(plain)}/moved` }, {}, NEVER);
      expect(moved).toMatchObject({ status: 302, location: '/login.html', locationUrl: `http://127.0.0.1:${port(plain)}/login.html`, tls: null });

      const head = await httpCheck({ url: `https://127.0.0.1:${port(https)}/` }, { method: 'HEAD' }, NEVER);
      expect(head).toMatchObject({ status: 200, method: 'HEAD', body: '', bodyBytes: 0 });

      const big = await httpCheck({ url: `http://127.0.0.1:${port(plain)}/big` }, { maxBodyBytes: 1000 }, NEVER);
      expect(big.body).toHaveLength(1000);
      expect(big.bodyTruncated).toBe(true);
    });

    it('a server that never answers is check.timeout; a closed port check.refused; not-http is refused', async () => {
      const timeout = await checkError(() => httpCheck({ url: `http://127.0.0.1:${port(silent)}/` }, { timeoutMs: 500 }, NEVER));
      expect(timeout.code).toBe('check.timeout');
      const closed = await checkError(() => httpCheck({ url: `http://${lab.hosts[0]!.address}:8080/` }, { timeoutMs: 2000 }, NEVER));
      expect(closed.code).toBe('check.refused');
      expect((await checkError(() => httpCheck({ url: 'file:///etc/passwd' }, {}, NEVER))).code).toBe('check.no-address');
    });
  });

  // -------------------------------------------------------------------------
  describe('snmp', () => {
    it('v2c and v1 get sysName', async () => {
      for (const version of ['v2c', 'v1'] as const) {
        const result = await snmpGet({ address: lab.hosts[0]!.address }, v2c(lab.snmp.community, version), [SYS_NAME, SYS_UPTIME], {}, NEVER);
        expect(result.version).toBe(version);
        expect(result.varbinds[0]).toMatchObject({ oid: SYS_NAME, type: 'OctetString', value: lab.hosts[0]!.sysName, encoding: 'text' });
        expect(result.varbinds[1]).toMatchObject({ oid: SYS_UPTIME, type: 'TimeTicks' });
        expect(result.missing).toEqual([]);
      }
    });

    it('a bulk walk of ifTable on snmpsim equals the recording of the Cisco 3750', async () => {
      const sim = lab.snmpsim!;
      const result = await snmpWalk({ address: sim.address }, v2c(sim.community), IF_TABLE, {}, NEVER);
      const recorded = subtree(readSnmprec(sim.recordingPath), IF_TABLE);
      expect(result.truncated).toBe(false);
      expect(result.varbinds.length).toBe(recorded.length);
      expect(result.varbinds.length).toBeGreaterThan(1000);
      result.varbinds.forEach((vb, i) => {
        const rec = recorded[i]!;
        expect(vb.oid).toBe(rec.oid);
        expect(SNMP_TAG[vb.type]).toBe(rec.type);
        if (vb.type === 'OctetString') expect(vb.hex).toBe(Buffer.isBuffer(rec.value) ? rec.value.toString('hex') : Buffer.from(rec.text, 'latin1').toString('hex'));
        else expect(String(vb.value)).toBe(rec.text);
      });
      // A MAC address is not text: it comes as hex; a description is text.
      expect(result.varbinds.find((vb) => vb.oid === `${IF_TABLE}.1.6.1`)).toMatchObject({ encoding: 'hex', value: '0016c7026ec0' });
      expect(result.varbinds.find((vb) => vb.oid === `${IF_TABLE}.1.2.1`)).toMatchObject({ encoding: 'text', value: 'Vlan1' });
    });

    it('an SNMPv1 walk (GETNEXT) gives what a v2c bulk walk gives', async () => {
      const host = { address: lab.hosts[0]!.address };
      const v1 = await snmpWalk(host, v2c(lab.snmp.community, 'v1'), '1.3.6.1.2.1.1', {}, NEVER);
      const bulk = await snmpWalk(host, v2c(lab.snmp.community), '1.3.6.1.2.1.1', {}, NEVER);
      // sysUpTime ticks between the two walks; everything else is the same.
      const strip = (vbs: typeof v1.varbinds) => vbs.filter((vb) => vb.oid !== SYS_UPTIME);
      expect(strip(v1.varbinds)).toEqual(strip(bulk.varbinds));
      expect(v1.varbinds.find((vb) => vb.oid === SYS_NAME)?.value).toBe(lab.hosts[0]!.sysName);
    });

    it('a walk can be capped', async () => {
      const sim = lab.snmpsim!;
      const result = await snmpWalk({ address: sim.address }, v2c(sim.community), IF_TABLE, { maxValues: 100 }, NEVER);
      expect(result.varbinds).toHaveLength(100);
      expect(result.truncated).toBe(true);
    });

    it('every v3 user of the lab works, and reports the engine ID', async () => {
      for (const user of lab.snmp.v3Users) {
        const credential: SnmpCredential = {
          kind: 'snmp-v3',
          settings: { username: user.name, securityLevel: user.level, authProtocol: user.npm.authProtocol, privProtocol: user.npm.privProtocol ?? null, port: 161 },
          secret: { authKey: user.authKey, privKey: user.privKey ?? '' },
        };
        const result = await snmpGet({ address: lab.hosts[0]!.address }, credential, [SYS_NAME], {}, NEVER);
        expect(result.varbinds[0]?.value, user.name).toBe(lab.hosts[0]!.sysName);
        expect(result.engineId, user.name).toBe(lab.hosts[0]!.engineId);
      }
    });

    it('v3 failures: wrong auth key, unknown user, wrong priv key; a wrong community', async () => {
      const user = lab.snmp.v3Users.find((u) => u.name === 'labsha')!;
      const base = {
        kind: 'snmp-v3' as const,
        settings: { username: user.name, securityLevel: 'authPriv' as const, authProtocol: 'sha' as const, privProtocol: 'aes' as const, port: 161 },
        secret: { authKey: user.authKey, privKey: user.privKey! },
      };
      const host = { address: lab.hosts[0]!.address };
      const quick = { timeoutMs: 400, retries: 0 };
      expect((await checkError(() => snmpGet(host, { ...base, secret: { ...base.secret, authKey: 'not-the-auth-key' } }, [SYS_NAME], quick, NEVER))).code).toBe('snmp.wrong-digest');
      expect((await checkError(() => snmpGet(host, { ...base, settings: { ...base.settings, username: 'nobody' } }, [SYS_NAME], quick, NEVER))).code).toBe('snmp.unknown-user');
      // The agent drops what it cannot decrypt: a wrong privacy key is indistinguishable from silence.
      const wrongPriv = await checkError(() => snmpGet(host, { ...base, secret: { ...base.secret, privKey: 'not-the-priv-key' } }, [SYS_NAME], quick, NEVER));
      expect(wrongPriv.code).toBe('check.timeout');
      expect(wrongPriv.message).toContain('privacy key');
      const wrongCommunity = await checkError(() => snmpGet(host, v2c('not-public'), [SYS_NAME], quick, NEVER));
      expect(wrongCommunity.code).toBe('check.timeout');
    });

    it('missing objects are marked, or thrown with requireAll', async () => {
      const host = { address: lab.hosts[0]!.address };
      const missingObject = '1.3.6.1.2.1.1.99.0';
      const missingInstance = '1.3.6.1.2.1.1.5.7';
      const result = await snmpGet(host, v2c(lab.snmp.community), [SYS_NAME, missingObject, missingInstance], {}, NEVER);
      expect(result.varbinds.map((vb) => vb.type)).toEqual(['OctetString', 'NoSuchObject', 'NoSuchInstance']);
      expect(result.missing).toEqual([
        { oid: missingObject, type: 'NoSuchObject' },
        { oid: missingInstance, type: 'NoSuchInstance' },
      ]);
      const object = await checkError(() => snmpGet(host, v2c(lab.snmp.community), [SYS_NAME, missingObject], { requireAll: true }, NEVER));
      expect(object.code).toBe('snmp.no-such-object');
      expect(object.details).toMatchObject({ oid: missingObject });
      const instance = await checkError(() => snmpGet(host, v2c(lab.snmp.community), [missingInstance], { requireAll: true }, NEVER));
      expect(instance.code).toBe('snmp.no-such-instance');
      // SNMPv1 fails the whole request for one missing OID; the others still come back.
      const v1 = await snmpGet(host, v2c(lab.snmp.community, 'v1'), [missingObject, SYS_NAME], {}, NEVER);
      expect(v1.varbinds.map((vb) => [vb.type, vb.value])).toEqual([
        ['NoSuchObject', null],
        ['OctetString', lab.hosts[0]!.sysName],
      ]);
    });

    it('50 targets at once through a bounded session pool (v3: one discovery per target)', async () => {
      const user = lab.snmp.v3Users.find((u) => u.name === 'labsha256')!;
      const credential: SnmpCredential = {
        kind: 'snmp-v3',
        settings: { username: user.name, securityLevel: 'authPriv', authProtocol: 'sha256', privProtocol: 'aes', port: 161 },
        secret: { authKey: user.authKey, privKey: user.privKey! },
      };
      const sessions = new SnmpSessions({ maxOpen: 8 });
      let peak = 0;
      await expectNothingLeftBy(async () => {
        const results = await Promise.all(
          lab.fleet!.addresses.map(async (address) => {
            const result = await snmpGet({ address }, credential, [SYS_NAME], { sessions }, NEVER);
            peak = Math.max(peak, sessions.openCount);
            return result;
          }),
        );
        expect(results.every((r) => r.varbinds[0]?.value === lab.fleet!.sysName)).toBe(true);
        expect(peak).toBeLessThanOrEqual(8);
        expect(sessions.engineId(lab.fleet!.addresses.at(-1)!)).toMatch(/^80001f88/);
        // Reused: a second round on the open sessions.
        const again = await snmpGet({ address: lab.fleet!.addresses.at(-1)! }, credential, [SYS_NAME], { sessions }, NEVER);
        expect(again.varbinds[0]?.value).toBe(lab.fleet!.sysName);
        await sessions.close();
        expect(sessions.openCount).toBe(0);
      });
    });

    it('a cancelled walk returns check.cancelled at once and closes its socket', async () => {
      const sim = lab.snmpsim!;
      const controller = new AbortController();
      const error = await expectNothingLeftBy(async () => {
        setTimeout(() => controller.abort(), 30);
        const started = Date.now();
        const caught = await checkError(() => snmpWalk({ address: sim.address }, v2c(sim.community), '1.3.6.1.2.1', {}, controller.signal));
        expect(Date.now() - started).toBeLessThan(1_000);
        return caught;
      });
      expect(error.code).toBe('check.cancelled');
    });
  });

  // -------------------------------------------------------------------------
  describe('ssh', () => {
    it('exec uptime with a key and with a password; the output parses', async () => {
      for (const credential of [keyCred, passwordCred]) {
        const result = await sshExec({ address: lab.hosts[0]!.address }, credential, 'uptime', { hostKeyPolicy: acceptAll }, NEVER);
        expect(result.exitCode, credential.kind).toBe(0);
        expect(result.stderr).toBe('');
        const { metrics } = parseOutput('linux.uptime', result.stdout);
        expect(Object.keys(metrics).length).toBeGreaterThan(0);
      }
      const failing = await sshExec({ address: lab.hosts[0]!.address }, keyCred, 'echo out; echo err >&2; exit 3', { hostKeyPolicy: acceptAll }, NEVER);
      expect(failing).toMatchObject({ stdout: 'out\n', stderr: 'err\n', exitCode: 3, exitSignal: null });
    });

    it("ignores OpenSSH's host key announcement: sshd is not asked to prove its other keys", async () => {
      const trace: string[] = [];
      const result = await sshExec({ address: lab.hosts[0]!.address }, keyCred, 'echo ok', { hostKeyPolicy: acceptAll, debug: (line) => trace.push(line) }, NEVER);
      expect(result.stdout).toBe('ok\n');
      // The lab sshd has an ed25519 and an RSA key and announces both after login.
      expect(trace.some((line) => /Inbound: GLOBAL_REQUEST \(hostkeys-00@openssh\.com\)/.test(line))).toBe(true);
      expect(trace.filter((line) => /hostkeys-prove/.test(line))).toEqual([]);
      expect(trace.filter((line) => /Outbound: Sending (?:REQUEST_SUCCESS|REQUEST_FAILURE)/.test(line))).toEqual([]);
    });

    it('a private key with a passphrase; a wrong passphrase is check.auth-failed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'walkdown-key-'));
      try {
        const path = join(dir, 'id_ed25519');
        writeFileSync(path, lab.ssh.privateKey, { mode: 0o600 });
        await promisify(execFile)('ssh-keygen', ['-q', '-p', '-f', path, '-P', '', '-N', 'correct horse 电池']);
        const encrypted = readFileSync(path, 'utf8');
        expect(encrypted).not.toBe(lab.ssh.privateKey);
        const credential: SshCredential = { kind: 'ssh-key', settings: { username: lab.ssh.username, port: 22 }, secret: { privateKey: encrypted, passphrase: 'correct horse 电池', enableSecret: '' } };
        const ok = await sshExec({ address: lab.hosts[0]!.address }, credential, 'echo ok', { hostKeyPolicy: acceptAll }, NEVER);
        expect(ok.stdout).toBe('ok\n');
        const wrong = await checkError(() => sshExec({ address: lab.hosts[0]!.address }, { ...credential, secret: { privateKey: encrypted, passphrase: 'wrong', enableSecret: '' } }, 'true', { hostKeyPolicy: acceptAll }, NEVER));
        expect(wrong.code).toBe('check.auth-failed');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a wrong password is check.auth-failed; a closed port check.refused; the dead address check.timeout', async () => {
      const host = { address: lab.hosts[0]!.address };
      const auth = await checkError(() => sshExec(host, { ...passwordCred, secret: { password: 'not-the-password', enableSecret: '' } }, 'true', { hostKeyPolicy: acceptAll }, NEVER));
      expect(auth.code).toBe('check.auth-failed');
      expect(JSON.stringify(auth.details)).not.toContain('not-the-password');
      expect((await checkError(() => sshExec({ ...host, port: 23 }, keyCred, 'true', { hostKeyPolicy: acceptAll }, NEVER))).code).toBe('check.refused');
      const dead = await checkError(() => sshExec({ address: lab.deadAddress }, keyCred, 'true', { hostKeyPolicy: acceptAll, readyTimeoutMs: 800 }, NEVER));
      expect(dead.code).toBe('check.timeout');
    });

    it('host keys: new on first use, trusted once pinned, a mismatch after the key changes', async () => {
      const host = lab.hosts[1]!;
      const pins = new Map<string, { keyType: string; fingerprint: string }>();
      const first = await sshExec({ address: host.address }, keyCred, 'true', { hostKeyPolicy: staticHostKeyPolicy(pins) }, NEVER);
      expect(first.connection.hostKey).toEqual({ keyType: 'ssh-ed25519', fingerprint: host.hostKeys!.ed25519.fingerprint, verdict: 'new' });
      // The caller's decision: pin it.
      pins.set(`${host.address}:22`, { keyType: first.connection.hostKey.keyType, fingerprint: first.connection.hostKey.fingerprint });
      const second = await sshExec({ address: host.address }, keyCred, 'true', { hostKeyPolicy: staticHostKeyPolicy(pins) }, NEVER);
      expect(second.connection.hostKey.verdict).toBe('trusted');

      const rotated = await lab.rotateHostKey(host);
      let commandRan = false;
      const mismatch = await checkError(async () => {
        await sshExec({ address: host.address }, keyCred, 'true', { hostKeyPolicy: staticHostKeyPolicy(pins) }, NEVER);
        commandRan = true;
      });
      expect(commandRan).toBe(false);
      expect(mismatch.code).toBe('ssh.host-key-mismatch');
      expect(mismatch.details).toEqual({
        address: host.address,
        port: 22,
        keyType: 'ssh-ed25519',
        expected: first.connection.hostKey.fingerprint,
        expectedKeyType: 'ssh-ed25519',
        actual: rotated.ed25519.fingerprint,
      });
      expect(rotated.ed25519.fingerprint).not.toBe(first.connection.hostKey.fingerprint);
    });

    it('legacy algorithms are offered only when asked for; unknown names are refused', async () => {
      const modern = await sshExec({ address: lab.hosts[0]!.address }, keyCred, 'true', { hostKeyPolicy: acceptAll }, NEVER);
      expect(modern.connection.algorithms?.kex).toMatch(/curve25519|ecdh|sha256|sha512/);
      const legacy = await sshExec(
        { address: lab.hosts[0]!.address },
        keyCred,
        'true',
        { hostKeyPolicy: acceptAll, legacyAlgorithms: ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1', 'ssh-rsa', 'aes128-cbc', 'hmac-md5'] },
        NEVER,
      );
      // A modern server still picks modern algorithms: the old ones are only added at the end of the offer.
      expect(legacy.exitCode).toBe(0);
      expect(legacy.connection.algorithms?.kex).not.toMatch(/sha1$/);
      const unknown = await checkError(() => sshConnect({ address: lab.hosts[0]!.address }, keyCred, { hostKeyPolicy: acceptAll, legacyAlgorithms: ['none'] }, NEVER));
      expect(unknown.code).toBe('check.protocol-error');
    });

    it('exec on a switch that allows it (no prompt, no pager)', async () => {
      const device = lab.vendorCli!.devices.huawei_vrp;
      const result = await sshExec({ address: device.address }, keyCred, 'display version', { hostKeyPolicy: acceptAll }, NEVER);
      expect(result.exitCode).toBe(0);
      const path = lab.vendorCli!.outputPath('huawei_vrp', 'display version');
      expect(parseOutput('huawei.display-version', result.stdout).parsed).toEqual(parseOutput('huawei.display-version', readFileSync(path, 'utf8')).parsed);
    });

    describe('interactive shell on the vendor CLI emulators', () => {
      it.each(['huawei_vrp', 'hp_comware', 'cisco_ios'] as const)('%s: every recorded command in one session parses as the recording does', async (platform) => {
        const cli = lab.vendorCli!;
        const device = cli.devices[platform];
        const commands = Object.keys(cli.commands[platform]).sort();
        expect(commands.length).toBeGreaterThan(1);
        const result = await sshShell({ address: device.address }, keyCred, commands, { hostKeyPolicy: acceptAll }, NEVER);
        expect(result.prompt).toBe(device.behaviour.prompt);
        expect(result.pagingCommand).toBe(device.behaviour.disablePaging);
        expect(result.outputs.map((o) => o.command)).toEqual(commands);
        for (const out of result.outputs) {
          const path = cli.outputPath(platform, out.command);
          expect(out.pagerPrompts, out.command).toBe(0);
          expect(out.output, out.command).toBe(recordedLines(path).map((line) => line.trimEnd()).join('\n'));
          const parser = parserFor(platform, out.command);
          expect(parser.parse(out.output), out.command).toEqual(parser.parse(readFileSync(path, 'utf8')));
        }
        expect(commands).toContain(platform === 'cisco_ios' ? 'show version' : 'display version');
      });

      it.each([
        ['huawei_vrp', 'display version'],
        ['hp_comware', 'display device manuinfo'],
        ['cisco_ios', 'show processes cpu'],
      ] as const)('%s with paging left on: "%s" comes back whole through the pager', async (platform, command) => {
        const cli = lab.vendorCli!;
        const path = cli.outputPath(platform, command);
        const lines = recordedLines(path);
        expect(lines.length).toBeGreaterThan(cli.pageLines);
        const result = await sshShell({ address: cli.devices[platform].address }, keyCred, [command], { hostKeyPolicy: acceptAll, disablePaging: false }, NEVER);
        expect(result.pagingCommand).toBeNull();
        const [out] = result.outputs;
        expect(out!.pagerPrompts).toBe(Math.ceil((lines.length - (cli.pageLines - 1)) / (cli.pageLines - 1)));
        expect(out!.raw).toContain(cli.devices[platform].behaviour.pager);
        expect(out!.output).toBe(lines.map((line) => line.trimEnd()).join('\n'));
        const parser = parserFor(platform, command);
        expect(parser.parse(out!.output)).toEqual(parser.parse(readFileSync(path, 'utf8')));
      });

      it('Cisco: enable with the secret gives the # prompt; a wrong secret is check.auth-failed', async () => {
        const cli = lab.vendorCli!;
        const address = cli.devices.cisco_ios.address;
        const ok = await sshShell({ address }, passwordCred, ['show version'], { hostKeyPolicy: acceptAll, enableSecret: cli.enableSecret, dialect: 'ios' }, NEVER);
        expect(ok.prompt).toBe(cli.devices.cisco_ios.behaviour.privilegedPrompt);
        expect(parseOutput('cisco.show-version', ok.outputs[0]!.output).metrics).toBeTruthy();
        const bad = await checkError(() => sshShell({ address }, keyCred, ['show version'], { hostKeyPolicy: acceptAll, enableSecret: 'not-the-secret' }, NEVER));
        expect(bad.code).toBe('check.auth-failed');
        // IOS asks three times; the first "Password:" after the secret is enough to know, and the secret is never quoted.
        expect(bad.message).toMatch(/refused the enable secret \(asked for the password again\)/);
        expect(JSON.stringify({ message: bad.message, details: bad.details })).not.toContain('not-the-secret');
      });

      it('a command with a line end in it is refused before anything is typed', async () => {
        const connection = await sshConnect({ address: lab.vendorCli!.devices.huawei_vrp.address }, keyCred, { hostKeyPolicy: acceptAll }, NEVER);
        try {
          const error = await checkError(() => connection.shell(['display version\rreboot'], {}, NEVER));
          expect(error.code).toBe('check.protocol-error');
          // The connection is still usable.
          const result = await connection.shell(['display version'], {}, NEVER);
          expect(result.outputs[0]!.output).toContain('VRP (R) software');
        } finally {
          await connection.close();
        }
      });

      it('a command the device refuses is output, not an error (the parser refuses it)', async () => {
        const result = await sshShell({ address: lab.vendorCli!.devices.huawei_vrp.address }, keyCred, ['display nonsense', 'display version'], { hostKeyPolicy: acceptAll, dialect: 'vrp' }, NEVER);
        expect(result.outputs[0]!.output).toContain("Error: Unrecognized command found at '^' position.");
        expect(() => parseOutput('huawei.display-version', result.outputs[0]!.output)).toThrow();
        expect(() => parseOutput('huawei.display-version', result.outputs[1]!.output)).not.toThrow();
      });
    });

    it.each([
      ['exec', (signal: AbortSignal) => sshExec({ address: lab.hosts[0]!.address }, keyCred, 'sleep 30', { hostKeyPolicy: acceptAll }, signal)],
      ['shell', (signal: AbortSignal) => sshShell({ address: lab.hosts[0]!.address }, keyCred, ['echo ready', 'sleep 30'], { hostKeyPolicy: acceptAll }, signal)],
    ] as const)('cancelling %s mid-command returns check.cancelled at once and leaves nothing open', async (_kind, run) => {
      const controller = new AbortController();
      const { error, elapsed } = await expectNothingLeftBy(async () => {
        setTimeout(() => controller.abort(), 700);
        const started = Date.now();
        const caught = await checkError(() => run(controller.signal));
        return { error: caught, elapsed: Date.now() - started };
      });
      expect(error.code).toBe('check.cancelled');
      expect(elapsed).toBeGreaterThanOrEqual(690);
      expect(elapsed).toBeLessThan(1_500);
    });

    it('a command that outlives its timeout is check.timeout with what it printed so far', async () => {
      const error = await checkError(() => sshExec({ address: lab.hosts[0]!.address }, keyCred, 'echo started; sleep 30', { hostKeyPolicy: acceptAll, timeoutMs: 500 }, NEVER));
      expect(error.code).toBe('check.timeout');
      expect(error.details).toMatchObject({ command: 'echo started; sleep 30', partialOutput: 'started\n' });
    });

    it('50 parallel execs against the fleet all complete (MaxStartups 200)', async () => {
      const fleet = lab.fleet!;
      const started = Date.now();
      const results = await expectNothingLeftBy(() =>
        Promise.all(fleet.addresses.map((address) => sshExec({ address }, keyCred, 'echo $SSH_CONNECTION', { hostKeyPolicy: acceptAll }, NEVER))),
      );
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(results.every((r) => r.exitCode === 0)).toBe(true);
      // Each answer came from the address asked (the 3rd field of SSH_CONNECTION is the server address).
      expect(results.map((r) => r.stdout.trim().split(' ')[2])).toEqual(fleet.addresses);
      expect(new Set(results.map((r) => r.connection.hostKey.fingerprint))).toEqual(new Set([fleet.hostKeys!.ed25519.fingerprint]));
    });
  });
});
