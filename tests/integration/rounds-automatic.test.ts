/**
 * Automatic round items through the core API against the lab (tests/lab):
 * a UPS played by snmpsim serving the hand-written UPS-MIB recording of a
 * three-phase UPS on battery, a Huawei switch played by the vendor CLI
 * emulator over SSH, a Linux lab host with snmpd (HOST-RESOURCES-MIB).
 * The shipped templates read them; readings are judged, evidence kept, a
 * changed configuration fails the config-drift item with both versions as
 * evidence. Needs root (the lab does); skipped otherwise.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '@shared/api/incidents.contract';
import type { RoundDetail } from '@shared/api/rounds.contract';
import type { CheckResult } from '@shared/domain/checks';
import type { ChecklistTemplate, RoundEntry } from '@shared/domain/rounds';
import { samplePng } from '../../electron/core/attachments/testing/sample-files';
import { createCore, type Core } from '../../electron/core/core';
import { startLab, type Lab } from '../lab';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('tests/integration/rounds-automatic: skipped, the lab needs root');

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const HAND_WRITTEN = join(REPO, 'tests/fixtures/device-output/hand-written/huawei_vrp');
const UPS_RECORDING = join(REPO, 'tests/fixtures/snmp/hand-written/ups-three-phase-on-battery.snmprec');
const CONFIG = '#\nsysname CORE-SW\n#\ninterface Vlanif10\n ip address 10.1.10.1 255.255.255.0\n#\nreturn';

/** A hand-written sample as the device prints it, without the prompt + echo line and the prompt after it (the emulator adds its own). */
function bare(dir: string, file: string, into: string): string {
  const lines = readFileSync(join(HAND_WRITTEN, file), 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (/^<[^>]+>\S/.test(lines[0] ?? '')) lines.shift();
  if (/^<[^>]+>$/.test(lines[lines.length - 1] ?? '')) lines.pop();
  const path = join(dir, into);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe.skipIf(!isRoot)('automatic round items against the lab', () => {
  let lab: Lab;
  let core: Core;
  let dataDir: string;
  let samplesDir: string;
  const events: { name: string; payload: unknown }[] = [];
  const ids = { room: '', ups: '', switch: '', server: '' };
  const templates: Record<string, string> = {};

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  }

  /** Runs the round's automatic items and waits for the task's last progress event (entries written by then). */
  async function runAutomatic(roundId: string, itemKeys?: string[]): Promise<RoundDetail> {
    const { runId, total } = await call<{ runId: string | null; total: number }>('rounds.runAutomatic', { roundId, ...(itemKeys ? { itemKeys } : {}) });
    expect(runId).not.toBeNull();
    expect(total).toBeGreaterThan(0);
    const deadline = Date.now() + 60_000;
    while (!events.some((e) => e.name === 'task.progress' && (e.payload as { taskId: string; done: number }).taskId === runId && (e.payload as { done: number }).done === total)) {
      if (Date.now() > deadline) throw new Error(`automatic items of ${roundId} not done`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return call<RoundDetail>('rounds.get', { id: roundId });
  }

  const find = (detail: RoundDetail, itemKey: string, assetId?: string) => detail.entries.find((e) => e.itemKey === itemKey && (assetId === undefined || e.assetId === assetId));

  beforeAll(async () => {
    samplesDir = mkdtempSync(join(tmpdir(), 'walkdown-rounds-samples-'));
    writeFileSync(join(samplesDir, 'current-configuration.txt'), `${CONFIG}\n`);
    lab = await startLab({
      hosts: 1,
      snmpsim: { recordings: { upsb01: UPS_RECORDING } },
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
        },
      },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-rounds-auto-'));
    core = createCore({
      dataDir,
      transport: 'web',
      resourcesDir: join(REPO, 'resources'),
      checkTuning: { retryAttempts: 1, pingCount: 2, pingTimeoutMs: 500, tcpTimeoutMs: 1000, snmpTimeoutMs: 2000, snmpRetries: 1, snmpSampleIntervalMs: 1000, sshReadyTimeoutMs: 5000, sshCommandTimeoutMs: 10_000 },
    });
    await core.ready;
    core.onEvent((name, payload) => events.push({ name, payload }));

    await call('profile.save', { name: '张工', role: 'engineer' });
    const client = await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    const site = await call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    ids.room = (await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' })).id;
    ids.ups = (await call<{ id: string }>('assets.create', { type: 'ups', name: 'UPS-B01 20kVA', vendor: 'ACME', roomId: ids.room, managementIps: [lab.snmpsim!.address] })).id;
    ids.switch = (await call<{ id: string }>('assets.create', { type: 'switch', name: '核心交换机 S5720', vendor: 'Huawei', roomId: ids.room, managementIps: [lab.vendorCli!.devices.huawei_vrp.address] })).id;
    ids.server = (await call<{ id: string }>('assets.create', { type: 'server', name: 'lab-h1 应用服务器', vendor: 'Dell', roomId: ids.room, managementIps: [lab.hosts[0]!.address] })).id;
    await call('credentials.create', { name: 'ups snmp', spec: { kind: 'snmp-community', settings: { version: 'v2c' }, secret: { community: 'upsb01' } }, assetIds: [ids.ups] });
    await call('credentials.create', { name: 'lab snmp', spec: { kind: 'snmp-community', settings: { version: 'v2c' }, secret: { community: lab.snmp.community } }, assetIds: [ids.server] });
    await call('credentials.create', {
      name: 'switch ssh',
      spec: { kind: 'ssh-password', settings: { username: lab.ssh.username }, secret: { password: lab.ssh.password } },
      assetIds: [ids.switch],
    });
    await call('checks.settings.update', { assetId: ids.ups, fields: { snmpProfiles: ['ups-mib'] } });
    await call('checks.settings.update', { assetId: ids.server, fields: { snmpProfiles: ['host-resources'] } });

    await call('templates.installDefaults', { language: 'zh-CN' });
    for (const t of await call<ChecklistTemplate[]>('templates.list', {})) templates[t.builtinKey!] = t.id;
  }, 120_000);

  afterAll(async () => {
    core?.close();
    await lab?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (samplesDir) rmSync(samplesDir, { recursive: true, force: true });
  });

  it('reads the UPS over UPS-MIB in the machine-room round: on battery, low battery and alarms fail, with the check result as evidence', async () => {
    const { round } = await call<RoundDetail>('rounds.start', { templateId: templates['machine-room'], target: { kind: 'room', roomId: ids.room } });
    expect(round.assetIds).toEqual([ids.ups]);
    const detail = await runAutomatic(round.id);
    expect(find(detail, 'ups-mode')).toMatchObject({ assetId: ids.ups, value: { type: 'auto', value: 'battery' }, outcome: 'failed', filled: true });
    expect(find(detail, 'ups-runtime')).toMatchObject({ value: { value: 4 }, outcome: 'failed' });
    expect(find(detail, 'ups-battery-status')).toMatchObject({ value: { value: 'low' }, outcome: 'failed' });
    expect(find(detail, 'ups-load')).toMatchObject({ value: { value: 72 }, outcome: 'warning' });
    expect(find(detail, 'ups-alarms')).toMatchObject({ value: { value: 4 }, outcome: 'failed' });
    const evidence = await call<CheckResult>('checks.result', { id: (find(detail, 'ups-runtime')!.value as { checkResultId: string }).checkResultId });
    expect(evidence).toMatchObject({ assetId: ids.ups, kind: 'snmp', profileId: 'ups-mib', metrics: expect.objectContaining({ 'battery.runtime-minutes': 4 }) });

    // The incident proposed from the runtime reading links the entry and the check result.
    const runtime = find(detail, 'ups-runtime')!;
    const { incidentId } = await call<{ incidentId: string }>('rounds.raiseIncident', { entryId: runtime.id });
    const incident = await call<IncidentDetail>('incidents.get', { id: incidentId });
    expect(incident.incident).toMatchObject({ title: 'UPS 电池后备时间超限：4 min', assetIds: [ids.ups], category: 'environment' });
    expect(incident.evidence.map((e) => e.kind).sort()).toEqual(['check-result', 'round-item']);
  });

  it('reads a Huawei switch over SSH in the network round and checks its configuration for drift', async () => {
    const start = async () => (await call<RoundDetail>('rounds.start', { templateId: templates['network-device'], target: { kind: 'assets', assetIds: [ids.switch] } })).round;
    const first = await start();
    const detail = await runAutomatic(first.id);
    expect(find(detail, 'cpu')).toMatchObject({ value: { type: 'auto', value: expect.any(Number) }, filled: true });
    expect(find(detail, 'memory')?.value).toMatchObject({ value: expect.any(Number) });
    expect(find(detail, 'temperature')?.value).toMatchObject({ value: expect.any(Number) });
    expect(find(detail, 'ping-loss')).toMatchObject({ value: { value: 0 }, outcome: 'ok' });
    // No SNMP credential on the switch: the error counters are not measured, the failed result is the evidence.
    const errors = find(detail, 'error-counters')!;
    expect(errors).toMatchObject({ value: { value: null }, outcome: 'warning', filled: false });
    expect((await call<CheckResult>('checks.result', { id: (errors.value as { checkResultId: string }).checkResultId })).errorCode).toBe('check.no-credential');
    const baseline = find(detail, 'config-drift')!;
    expect(baseline).toMatchObject({ value: { type: 'config-drift', changed: false, previousBackupId: null, configBackupId: expect.any(String) }, outcome: 'ok' });

    // Sign the first round (the rest by hand), change the switch's configuration, run the next round.
    for (const section of detail.template.sections) {
      for (const item of section.items) {
        if (detail.entries.some((e) => e.itemKey === item.key && e.filled)) continue;
        await call('rounds.saveEntry', { roundId: first.id, sectionKey: section.key, itemKey: item.key, assetId: ids.switch, value: item.spec.type === 'pass-fail' ? { type: 'pass-fail', passed: true } : { type: 'not-applicable' } });
      }
    }
    const png = await samplePng();
    const signature = (await call<{ id: string }>('attachments.upload', { ownerType: 'round-item', ownerId: first.id, fileName: 'sig.png', contentBase64: png.toString('base64') })).id;
    await call('rounds.sign', { id: first.id, signerName: '张工', signatureAttachmentId: signature });

    const mapping = JSON.parse(readFileSync(join(lab.workDir, 'cli', 'huawei_vrp.json'), 'utf8')) as { commands: Record<string, string> };
    writeFileSync(mapping.commands['display current-configuration']!, `${CONFIG.replace('10.1.10.1', '10.1.10.254')}\n`);
    const second = await start();
    const drifted = find(await runAutomatic(second.id, ['config-drift']), 'config-drift')!;
    const value = drifted.value as { changed: boolean; configBackupId: string; previousBackupId: string };
    expect(drifted.outcome).toBe('failed');
    expect(value).toMatchObject({ changed: true, previousBackupId: (baseline.value as { configBackupId: string }).configBackupId });
    const diff = await call<{ unified: string }>('configBackups.diff', { fromId: value.previousBackupId, toId: value.configBackupId });
    expect(diff.unified).toContain('+ ip address 10.1.10.254 255.255.255.0');
    const { incidentId } = await call<{ incidentId: string; entry: RoundEntry }>('rounds.raiseIncident', { entryId: drifted.id });
    const incident = await call<IncidentDetail>('incidents.get', { id: incidentId });
    expect(incident.incident.category).toBe('network');
    expect(incident.evidence.filter((e) => e.kind === 'config-backup').map((e) => e.targetId).sort()).toEqual([value.configBackupId, value.previousBackupId].sort());
  });

  it('reads a Linux server over HOST-RESOURCES-MIB in the server round', async () => {
    const { round } = await call<RoundDetail>('rounds.start', { templateId: templates['server-storage'], target: { kind: 'room', roomId: ids.room } });
    expect(round.assetIds).toEqual([ids.server]);
    const detail = await runAutomatic(round.id, ['cpu', 'memory', 'disk']);
    for (const key of ['memory', 'disk']) {
      const e = find(detail, key)!;
      expect(e, key).toMatchObject({ assetId: ids.server, filled: true, value: { type: 'auto', value: expect.any(Number) } });
      expect(['ok', 'warning', 'failed']).toContain(e.outcome);
    }
    // snmpd reports hrProcessorLoad only after sampling for a minute: a fresh lab host may not have it yet.
    // Then the item is "not measured", with the HOST-RESOURCES result that lacks it as evidence.
    const cpu = find(detail, 'cpu')!;
    if (cpu.filled) expect(cpu.value).toMatchObject({ value: expect.any(Number) });
    else {
      expect(cpu).toMatchObject({ outcome: 'warning', value: { value: null, checkResultId: expect.any(String) } });
      const evidence = await call<CheckResult>('checks.result', { id: (cpu.value as { checkResultId: string }).checkResultId });
      expect(evidence).toMatchObject({ profileId: 'host-resources', status: 'ok' });
      expect(evidence.metrics).not.toHaveProperty('cpu.percent');
    }
    const history = await call<{ value: number }[]>('rounds.readings', { itemKey: 'memory', assetId: ids.server });
    expect(history).toHaveLength(1);
  });
});
