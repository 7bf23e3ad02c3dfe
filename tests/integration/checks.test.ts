/**
 * Device checks through the core API (createCore, as either transport calls
 * it) against the lab: a Huawei switch played by the vendor CLI emulator
 * (interactive shell, pager) with a password, a Linux lab host with snmpd
 * (v2c) and sshd (key), a dead address. Needs root (the lab does); skipped
 * otherwise. Traffic goes to the lab's own addresses only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CheckResult, CheckResultSummary, CheckRun, ConfigBackupSummary, LatestMetric, SshHostKey } from '@shared/domain/checks';
import type { AuditEntry } from '@shared/domain/audit';
import { createCore, type Core } from '../../electron/core/core';
import { startLab, type Lab } from '../lab';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('tests/integration/checks: skipped, the lab needs root');

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const HAND_WRITTEN = join(REPO, 'tests/fixtures/device-output/hand-written/huawei_vrp');

const CONFIG_V1 = `!Software Version V200R011C10SPC500
#
sysname HUAWEI
#
vlan batch 10 20
#
interface Vlanif10
 ip address 10.1.10.1 255.255.255.0
#
interface GigabitEthernet0/0/1
 port link-type access
 port default vlan 10
#
return`;

const CISCO_CONFIG = `Building configuration...

Current configuration : 212 bytes
!
version 15.2
hostname ACCESS-SW-3F
!
enable secret 5 $1$abcd$0123456789abcdefghijkl
!
interface GigabitEthernet0/1
 switchport access vlan 10
!
end`;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A hand-written sample as the device prints it: without the prompt + echo line and the prompt after it (the emulator adds its own). */
function bare(dir: string, file: string, into: string): string {
  const lines = readFileSync(join(HAND_WRITTEN, file), 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (/^<[^>]+>\S/.test(lines[0] ?? '')) lines.shift();
  if (/^<[^>]+>$/.test(lines[lines.length - 1] ?? '')) lines.pop();
  const path = join(dir, into);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe.skipIf(!isRoot)('device checks through the core API against the lab', () => {
  let lab: Lab;
  let core: Core;
  let dataDir: string;
  let samplesDir: string;
  const events: { name: string; payload: unknown }[] = [];
  const ids = { room: '', deadRoom: '', switch: '', server: '', dead: '', wrongPassword: '', cisco: '', ciscoNoEnable: '', ciscoWrongEnable: '' };

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string; message: string }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  async function runDone(runId: string, timeoutMs = 30_000): Promise<CheckRun> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = (await call<CheckRun[]>('checks.runs', { limit: 200 })).find((r) => r.id === runId);
      if (run && run.status !== 'running') return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} still running: ${JSON.stringify(run)}`);
      await pause(50);
    }
  }

  async function runResults(runId: string): Promise<CheckResultSummary[]> {
    return call<CheckResultSummary[]>('checks.results', { runId, limit: 1000 });
  }

  beforeAll(async () => {
    samplesDir = mkdtempSync(join(tmpdir(), 'walkdown-checks-samples-'));
    writeFileSync(join(samplesDir, 'current-configuration.txt'), `${CONFIG_V1}\n`);
    writeFileSync(join(samplesDir, 'running-config.txt'), `${CISCO_CONFIG}\n`);
    lab = await startLab({
      hosts: 1,
      // Thirty addresses behind one sshd that drops logins past 10 at once, as Debian's does by default.
      fleet: { size: 30, ssh: true, maxStartups: '10:30:100' },
      vendorCli: {
        commands: {
          huawei_vrp: {
            'display cpu-usage': bare(samplesDir, 'display_cpu_usage/s5720_v200r011.txt', 'cpu.txt'),
            'display memory-usage': bare(samplesDir, 'display_memory_usage/s5720_bytes.txt', 'memory.txt'),
            'display temperature all': bare(samplesDir, 'display_temperature/s5720_all.txt', 'temperature.txt'),
            'display fan': bare(samplesDir, 'display_fan/s5700_v200r005.txt', 'fan.txt'),
            'display power': bare(samplesDir, 'display_power/s5720.txt', 'power.txt'),
            'display alarm active': bare(samplesDir, 'display_alarm_active/no_alarm.txt', 'alarms.txt'),
            'display current-configuration': join(samplesDir, 'current-configuration.txt'),
          },
          cisco_ios: { 'show running-config': join(samplesDir, 'running-config.txt') },
        },
      },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-checks-'));
    core = createCore({
      dataDir,
      transport: 'web',
      resourcesDir: join(REPO, 'resources'),
      checkTuning: {
        retryAttempts: 1,
        pingCount: 2,
        pingTimeoutMs: 500,
        tcpTimeoutMs: 1000,
        snmpTimeoutMs: 1000,
        snmpRetries: 0,
        snmpSampleIntervalMs: 1000,
        sshReadyTimeoutMs: 5000,
        sshCommandTimeoutMs: 10_000,
      },
    });
    await core.ready;
    core.onEvent((name, payload) => events.push({ name, payload }));

    await call('profile.save', { name: '张工', role: 'engineer' });
    const client = await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    const site = await call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    ids.room = (await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' })).id;
    ids.deadRoom = (await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: 'B1 配线间' })).id;

    const huawei = lab.vendorCli!.devices.huawei_vrp.address;
    const host = lab.hosts[0]!.address;
    ids.switch = (await call<{ id: string }>('assets.create', { type: 'switch', name: '核心交换机 S5720', vendor: 'Huawei', roomId: ids.room, managementIps: [huawei] })).id;
    ids.server = (await call<{ id: string }>('assets.create', { type: 'server', name: 'lab-h1 应用服务器', vendor: 'Dell', roomId: ids.room, managementIps: [host] })).id;
    ids.dead = (await call<{ id: string }>('assets.create', { type: 'server', name: '已下线服务器', vendor: 'Dell', managementIps: [lab.deadAddress] })).id;
    ids.wrongPassword = (await call<{ id: string }>('assets.create', { type: 'switch', name: '错误密码交换机', vendor: 'Huawei', managementIps: [huawei] })).id;

    await call('credentials.create', {
      name: 'switch ssh',
      spec: { kind: 'ssh-password', settings: { username: lab.ssh.username }, secret: { password: lab.ssh.password } },
      assetIds: [ids.switch],
    });
    await call('credentials.create', { name: 'lab snmp', spec: { kind: 'snmp-community', settings: { version: 'v2c' }, secret: { community: lab.snmp.community } }, assetIds: [ids.server, ids.dead] });
    await call('credentials.create', {
      name: 'lab ssh key',
      spec: { kind: 'ssh-key', settings: { username: lab.ssh.username }, secret: { privateKey: lab.ssh.privateKey } },
      assetIds: [ids.server, ids.dead],
    });
    await call('credentials.create', {
      name: 'wrong password',
      spec: { kind: 'ssh-password', settings: { username: lab.ssh.username }, secret: { password: `${lab.ssh.password}-wrong` } },
      assetIds: [ids.wrongPassword],
    });
    const cisco = lab.vendorCli!.devices.cisco_ios.address;
    const ciscoLogin = { kind: 'ssh-password', settings: { username: lab.ssh.username }, secret: { password: lab.ssh.password } };
    for (const [key, name, enableSecret] of [
      ['cisco', '接入交换机 C2960', lab.vendorCli!.enableSecret],
      ['ciscoNoEnable', '接入交换机 无 enable', null],
      ['ciscoWrongEnable', '接入交换机 enable 错误', 'not-the-enable-secret'],
    ] as const) {
      ids[key] = (await call<{ id: string }>('assets.create', { type: 'switch', name, vendor: 'Cisco', managementIps: [cisco] })).id;
      const spec = enableSecret === null ? ciscoLogin : { ...ciscoLogin, secret: { ...ciscoLogin.secret, enableSecret } };
      await call('credentials.create', { name: `${name} ssh`, spec, assetIds: [ids[key]] });
    }
    await call('checks.settings.update', { assetId: ids.switch, fields: { tcpPorts: [22] } });
    await call('checks.settings.update', { assetId: ids.server, fields: { snmpProfiles: ['mib2-system', 'host-resources', 'mib2-interfaces'] } });
    await call('checks.settings.update', { assetId: ids.dead, fields: { tcpPorts: [22] } });
  }, 60_000);

  afterAll(async () => {
    core?.close();
    await lab?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (samplesDir) rmSync(samplesDir, { recursive: true, force: true });
  });

  it('checks a Huawei switch over its CLI: every step stored with parsed metrics, progress reported', async () => {
    const settings = await call<{ sshProfile: string; snmpProfiles: string[]; defaults: { sshProfile: boolean } }>('checks.settings.get', { assetId: ids.switch });
    expect(settings).toMatchObject({ sshProfile: 'huawei-vrp', defaults: { sshProfile: true } });

    const before = events.length;
    const { runId, total } = await call<{ runId: string; total: number }>('checks.run', { scope: { assetIds: [ids.switch] } });
    // ping, tcp 22, snmp (no credential), ssh
    expect(total).toBe(4);
    const run = await runDone(runId);
    expect(run).toMatchObject({ status: 'done', total: 4, done: 4, label: '核心交换机 S5720' });

    const results = await runResults(runId);
    const byStep = new Map(results.map((r) => [`${r.profileId}/${r.step}`, r]));
    expect(byStep.get('ping/ping')).toMatchObject({ kind: 'ping', status: 'ok', errorCode: null });
    expect(['fping', 'system-ping']).toContain(byStep.get('ping/ping')?.method);
    expect(byStep.get('tcp/22')).toMatchObject({ status: 'ok', target: `${lab.vendorCli!.devices.huawei_vrp.address}:22` });
    expect(byStep.get('mib2-system/system')).toMatchObject({ status: 'error', errorCode: 'check.no-credential' });

    const ssh = results.filter((r) => r.kind === 'ssh');
    expect(ssh.map((r) => r.step).sort()).toEqual(['alarms', 'cpu', 'device', 'fans', 'interfaces', 'memory', 'power', 'temperature', 'version']);
    for (const r of ssh) expect(r.errorCode, `${r.step}: ${r.errorMessage}`).toBeNull();
    expect(ssh.every((r) => r.method === 'shell')).toBe(true);
    expect(byStep.get('huawei-vrp/version')?.metrics['software.version']).toMatch(/V800R011/);
    expect(byStep.get('huawei-vrp/cpu')?.metrics['cpu.percent']).toEqual(expect.any(Number));
    expect(byStep.get('huawei-vrp/temperature')?.metrics['temperature.max']).toEqual(expect.any(Number));
    // The sample has an ABNORMAL sensor: a warning, by result-status.ts.
    expect(byStep.get('huawei-vrp/temperature')).toMatchObject({ status: 'warning' });

    const version = await call<CheckResult>('checks.result', { id: byStep.get('huawei-vrp/version')!.id });
    expect(version.rawOutput).toContain('VRP (R) software');
    expect(version.rawOutput).not.toContain('---- More ----');
    expect(version.parsed).toMatchObject({});

    const progress = events.slice(before).filter((e) => e.name === 'task.progress' && (e.payload as { taskId: string }).taskId === runId);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.payload).toMatchObject({ done: 4, total: 4 });
    expect(events.slice(before).some((e) => e.name === 'records.changed' && (e.payload as { entities: string[] }).entities.includes('checkResult'))).toBe(true);

    // First use pinned the switch's host key, by the person running the check.
    const keys = await call<SshHostKey[]>('sshHostKeys.list', {});
    expect(keys.find((k) => k.address === lab.vendorCli!.devices.huawei_vrp.address)).toMatchObject({ pinnedBy: '张工', pendingFingerprint: null, fingerprint: expect.stringMatching(/^SHA256:/) });
  });

  it('checks a Linux server over SNMP v2c and SSH exec; latest values and history follow', async () => {
    const { runId } = await call<{ runId: string }>('checks.run', { scope: { assetIds: [ids.server] }, kinds: ['snmp', 'ssh'] });
    expect(await runDone(runId)).toMatchObject({ status: 'done', failed: expect.any(Number) });
    const results = await runResults(runId);
    const get = (profile: string, step: string) => results.find((r) => r.profileId === profile && r.step === step);
    expect(get('mib2-system', 'system')).toMatchObject({ status: 'ok', method: 'snmp-v2c', metrics: expect.objectContaining({ 'system.name': lab.hosts[0]!.sysName }) });
    expect(get('host-resources', 'host')?.metrics['memory.total-bytes']).toBeGreaterThan(0);
    expect(get('mib2-interfaces', 'interfaces')?.errorCode).toBeNull();
    const interfaces = await call<CheckResult>('checks.result', { id: get('mib2-interfaces', 'interfaces')!.id });
    expect(interfaces.rawOutput).toContain('# sample 2');
    expect(get('linux', 'uptime')).toMatchObject({ status: 'ok', method: 'exec', metrics: expect.objectContaining({ 'uptime.seconds': expect.any(Number) }) });
    expect(get('linux', 'disk')?.metrics['disk.count']).toBeGreaterThan(0);
    expect(get('linux', 'memory')?.errorCode).toBeNull();
    // systemd may or may not run where the lab does: either parsed, or kept as evidence with check.parse-failed.
    expect([null, 'check.parse-failed']).toContain(get('linux', 'failed-units')?.errorCode);

    const latest = await call<z.infer<typeof LatestMetric>[]>('checks.latest', { assetId: ids.server });
    const uptime = latest.find((m) => m.name === 'uptime.seconds');
    expect(uptime).toMatchObject({ unit: 's', value: expect.any(Number) });
    expect(latest.find((m) => m.name === 'system.name')).toMatchObject({ value: lab.hosts[0]!.sysName, profileId: 'mib2-system', unit: null });

    const history = await call<{ at: number; value: number }[]>('checks.history', { assetId: ids.server, metric: 'memory.used-percent' });
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history[0]).toMatchObject({ at: expect.any(Number), value: expect.any(Number) });
  });

  it('sweeps a room: every hardware asset under it', async () => {
    const { runId, total } = await call<{ runId: string; total: number }>('checks.run', { scope: { location: { kind: 'room', id: ids.room } }, kinds: ['ping', 'ssh'] });
    expect(total).toBe(4);
    const run = await runDone(runId);
    expect(run).toMatchObject({ status: 'done', done: 4, label: '3F 核心机房' });
    const results = await runResults(runId);
    expect(new Set(results.map((r) => r.assetId))).toEqual(new Set([ids.switch, ids.server]));
    expect(results.filter((r) => r.kind === 'ping').every((r) => r.status === 'ok')).toBe(true);
  });

  it('reports a dead address and a wrong password with their stable codes', async () => {
    const { runId } = await call<{ runId: string }>('checks.run', { scope: { assetIds: [ids.dead, ids.wrongPassword] }, kinds: ['ping', 'tcp', 'ssh'] });
    const run = await runDone(runId);
    expect(run.status).toBe('done');
    const results = await runResults(runId);
    const dead = results.filter((r) => r.assetId === ids.dead);
    expect(dead.find((r) => r.kind === 'ping')).toMatchObject({ status: 'failed', errorCode: 'check.unreachable', metrics: { 'ping.received': 0, 'ping.loss-percent': 100 } });
    expect(['check.timeout', 'check.unreachable']).toContain(dead.find((r) => r.kind === 'tcp')?.errorCode);
    expect(['check.timeout', 'check.unreachable']).toContain(dead.find((r) => r.kind === 'ssh')?.errorCode);
    const wrong = results.filter((r) => r.assetId === ids.wrongPassword);
    expect(wrong.filter((r) => r.kind === 'ssh').length).toBe(9);
    for (const r of wrong.filter((x) => x.kind === 'ssh')) expect(r).toMatchObject({ status: 'error', errorCode: 'check.auth-failed' });
    expect(run.failed).toBeGreaterThanOrEqual(3);
  });

  it('cancels a sweep part-way: finished results stay, nothing runs on', async () => {
    // Five servers at the dead address: their jobs queue behind the per-host limit.
    for (let i = 1; i <= 5; i += 1) {
      const { id } = await call<{ id: string }>('assets.create', { type: 'server', name: `离线 ${i}`, vendor: 'Dell', roomId: ids.deadRoom, managementIps: [lab.deadAddress] });
      await call('checks.settings.update', { assetId: id, fields: { tcpPorts: [22, 80, 443] } });
    }
    const { runId, total } = await call<{ runId: string; total: number }>('checks.run', { scope: { location: { kind: 'room', id: ids.deadRoom } }, kinds: ['ping', 'tcp'] });
    expect(total).toBe(20);
    const deadline = Date.now() + 10_000;
    while ((await runResults(runId)).length === 0 && Date.now() < deadline) await pause(50);
    const started = Date.now();
    await call('checks.cancel', { runId });
    const run = await runDone(runId, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.status).toBe('cancelled');
    expect(run.done).toBeLessThan(20);
    const kept = (await runResults(runId)).length;
    expect(kept).toBeGreaterThan(0);
    await pause(1500);
    const after = await runResults(runId);
    expect(after.length).toBe(kept);
    expect(after.some((r) => r.status === 'cancelled' || r.errorCode === 'check.cancelled')).toBe(false);
    // Cancelling again, or a finished run, is harmless.
    await call('checks.cancel', { runId });
  });

  it('refuses a changed host key until a person accepts it, and audits the decision', async () => {
    const host = lab.hosts[0]!;
    const before = (await call<SshHostKey[]>('sshHostKeys.list', {})).find((k) => k.address === host.address);
    expect(before?.pendingFingerprint).toBeNull();
    await lab.rotateHostKey(host);

    const first = await call<{ runId: string }>('checks.run', { scope: { assetIds: [ids.server] }, kinds: ['ssh'] });
    await runDone(first.runId);
    const refused = await runResults(first.runId);
    expect(refused.length).toBe(5);
    for (const r of refused) expect(r, r.errorMessage ?? '').toMatchObject({ status: 'error', errorCode: 'ssh.host-key-mismatch' });
    const pending = (await call<SshHostKey[]>('sshHostKeys.list', {})).find((k) => k.address === host.address)!;
    expect(pending.fingerprint).toBe(before?.fingerprint);
    expect(pending.pendingFingerprint).toMatch(/^SHA256:/);
    expect(pending.pendingFingerprint).not.toBe(before?.fingerprint);
    expect(refused[0]?.errorMessage).toContain(pending.pendingFingerprint);

    expect((await callError('sshHostKeys.accept', { address: host.address, port: 22, fingerprint: before!.fingerprint })).code).toBe('store.record-not-found');
    const accepted = await call<SshHostKey>('sshHostKeys.accept', { address: host.address, port: 22, fingerprint: pending.pendingFingerprint });
    expect(accepted).toMatchObject({ fingerprint: pending.pendingFingerprint, pendingFingerprint: null, pinnedBy: '张工' });

    const audit = await call<AuditEntry[]>('audit.list', { entityId: `${host.address}:22` });
    expect(audit[0]).toMatchObject({ entity: 'sshHostKey', action: 'update', actorName: '张工', changes: { fingerprint: [before!.fingerprint, pending.pendingFingerprint] } });

    const second = await call<{ runId: string }>('checks.run', { scope: { assetIds: [ids.server] }, kinds: ['ssh'] });
    await runDone(second.runId);
    const ok = await runResults(second.runId);
    expect(ok.find((r) => r.step === 'uptime')).toMatchObject({ status: 'ok' });
  });

  it('backs up the running configuration, flags a change, and diffs versions', async () => {
    const first = await call<ConfigBackupSummary>('configBackups.fetch', { assetId: ids.switch });
    expect(first).toMatchObject({ command: 'display current-configuration', changed: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const second = await call<ConfigBackupSummary>('configBackups.fetch', { assetId: ids.switch });
    expect(second).toMatchObject({ changed: false, sha256: first.sha256 });
    const content = await call<{ content: string }>('configBackups.get', { id: second.id });
    expect(content.content).toContain('interface Vlanif10');
    expect(content.content).not.toContain('display current-configuration');
    expect(await call('configBackups.diff', { fromId: first.id, toId: second.id })).toMatchObject({ unified: '', added: 0, removed: 0 });

    // Change the configuration the emulator serves (its copy in the lab's run dir) and fetch again.
    const mapping = JSON.parse(readFileSync(join(lab.workDir, 'cli', 'huawei_vrp.json'), 'utf8')) as { commands: Record<string, string> };
    const served = mapping.commands['display current-configuration']!;
    writeFileSync(served, `${CONFIG_V1.replace(' port default vlan 10', ' port default vlan 20')}\n`);
    const third = await call<ConfigBackupSummary>('configBackups.fetch', { assetId: ids.switch });
    expect(third.changed).toBe(true);
    const diff = await call<{ unified: string; added: number; removed: number }>('configBackups.diff', { fromId: second.id, toId: third.id });
    expect(diff).toMatchObject({ added: 1, removed: 1 });
    expect(diff.unified).toContain('- port default vlan 10');
    expect(diff.unified).toContain('+ port default vlan 20');
    expect((await call<ConfigBackupSummary[]>('configBackups.list', { assetId: ids.switch })).map((b) => b.id)).toEqual([third.id, second.id, first.id]);
  });

  it('Cisco: backs up the running configuration after enable with the credential\'s enable secret; without one, or a wrong one, check.auth-failed', async () => {
    expect(await call('checks.settings.get', { assetId: ids.cisco })).toMatchObject({ sshProfile: 'cisco-ios' });
    const backup = await call<ConfigBackupSummary>('configBackups.fetch', { assetId: ids.cisco });
    expect(backup).toMatchObject({ command: 'show running-config', changed: false });
    const content = await call<{ content: string }>('configBackups.get', { id: backup.id });
    expect(content.content).toContain('hostname ACCESS-SW-3F');
    expect(content.content).not.toContain('Invalid input');

    // The emulator lands at `Switch>`, where IOS does not know "running-config".
    const none = await callError('configBackups.fetch', { assetId: ids.ciscoNoEnable });
    expect(none.code).toBe('check.auth-failed');
    expect(none.message).toMatch(/user EXEC \(Switch>\).*enable secret/);
    const wrong = await callError('configBackups.fetch', { assetId: ids.ciscoWrongEnable });
    expect(wrong.code).toBe('check.auth-failed');
    expect(wrong.message).toMatch(/refused the enable secret/);
    expect(wrong.message).not.toContain('not-the-enable-secret');
    expect(await call<ConfigBackupSummary[]>('configBackups.list', { assetId: ids.ciscoWrongEnable })).toEqual([]);

    // Checks of the same switch run their show commands in privileged EXEC too: the prompt in the evidence is `Switch#`.
    const { runId } = await call<{ runId: string }>('checks.run', { scope: { assetIds: [ids.cisco] }, kinds: ['ssh'] });
    await runDone(runId);
    const version = (await runResults(runId)).find((r) => r.step === 'version');
    expect(version).toMatchObject({ status: 'ok', errorCode: null });
    expect((await call<CheckResult>('checks.result', { id: version!.id })).rawOutput).toContain('Switch#');
  });

  it('sweeps thirty servers behind one sshd with MaxStartups 10:30:100: at most 8 logins at once, none dropped', async () => {
    const client = await call<{ id: string }>('locations.create', { kind: 'client', name: '区卫健委' });
    const site = await call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: '数据中心' });
    const room = await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '虚拟化集群' });
    const ids: string[] = [];
    for (const [i, address] of lab.fleet!.addresses.entries()) {
      ids.push((await call<{ id: string }>('assets.create', { type: 'server', name: `vm-${String(i).padStart(2, '0')}`, vendor: 'Dell', roomId: room.id, managementIps: [address] })).id);
    }
    await call('credentials.create', { name: 'fleet key', spec: { kind: 'ssh-key', settings: { username: lab.ssh.username }, secret: { privateKey: lab.ssh.privateKey } }, assetIds: ids });
    const { runId, total } = await call<{ runId: string; total: number }>('checks.run', { scope: { location: { kind: 'room', id: room.id } }, kinds: ['ssh'] });
    expect(total).toBe(30);
    expect(await runDone(runId, 60_000)).toMatchObject({ status: 'done', done: 30 });
    const uptimes = (await runResults(runId)).filter((r) => r.step === 'uptime');
    expect(uptimes).toHaveLength(30);
    // Retries are off in these tests: a login sshd had dropped would be here as check.refused.
    expect(uptimes.filter((r) => r.status !== 'ok').map((r) => `${r.target} ${r.errorCode}`)).toEqual([]);
  });

  it('parses captured output through the API and keeps refused text as evidence', async () => {
    const text = readFileSync(join(HAND_WRITTEN, 'display_cpu_usage/s5720_v200r011.txt'), 'utf8');
    const parsed = await call<CheckResult>('checks.parseCaptured', { assetId: ids.switch, parserId: 'huawei.display-cpu-usage', text });
    expect(parsed).toMatchObject({ kind: 'captured', target: 'captured', method: 'pasted', profileId: 'huawei-vrp', step: 'cpu', status: 'ok', rawOutput: text });
    expect(parsed.metrics['cpu.percent']).toEqual(expect.any(Number));
    const refused = await call<CheckResult>('checks.parseCaptured', { assetId: ids.switch, parserId: 'huawei.display-cpu-usage', text: "Error: Unrecognized command found at '^' position." });
    expect(refused).toMatchObject({ status: 'error', errorCode: 'check.parse-failed' });
    expect((await call<CheckResult>('checks.result', { id: refused.id })).rawOutput).toContain('Unrecognized');
  });
});
