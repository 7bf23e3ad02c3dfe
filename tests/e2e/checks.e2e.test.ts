import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { AssetChecksSection } from './pages/AssetChecksSection';
import { AssetDetailPage } from './pages/AssetDetailPage';
import { CapturedOutputDialog } from './pages/CapturedOutputDialog';
import { ChecksPage } from './pages/ChecksPage';
import { ConfigBackupsSection } from './pages/ConfigBackupsSection';
import { HostKeysSection } from './pages/HostKeysSection';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT = join(REPO, 'tests/fixtures/device-output');
const isRoot = process.getuid?.() === 0;

const CONFIG_V1 = ['#', 'sysname 核心交换机-01', '#', 'vlan batch 10 20', '#', 'interface Vlanif10', ' ip address 10.20.10.1 255.255.255.0', '#', 'return'].join('\n');
const CONFIG_V2 = CONFIG_V1.replace('vlan batch 10 20', 'vlan batch 10 20 30');

/** A hand-written sample without the prompt and echo it was captured with, as the emulator should print it. */
function bare(dir: string, sample: string, name: string): string {
  const lines = readFileSync(join(OUTPUT, 'hand-written/huawei_vrp', sample), 'utf8').split(/\r?\n/);
  const path = join(dir, name);
  writeFileSync(path, `${lines.filter((line) => !/^<[^>]+>/.test(line)).join('\n').trim()}\n`);
  return path;
}

/**
 * Device checks end to end in the Chinese UI, against the real backend and
 * the lab's real devices: a Huawei switch (the VRP CLI emulator behind sshd)
 * and a Linux host. Run checks and read the recorded values, a trend, the
 * evidence; paste captured Cisco output; configuration versions and their
 * diff; a changed SSH host key blocking until it is accepted in Settings;
 * sweeps of a room with progress and Cancel. The steps build on each other.
 */
describe.skipIf(!isRoot)('device checks (zh-CN, lab)', () => {
  let lab: Lab;
  let session: AppSession;
  let samplesDir: string;
  let checks: AssetChecksSection;
  let detail: AssetDetailPage;
  let shell: ShellPage;
  const ids = { switch: '', server: '', cisco: '' };
  let huawei = '';
  let host = '';

  beforeAll(async () => {
    samplesDir = mkdtempSync(join(tmpdir(), 'walkdown-e2e-checks-'));
    writeFileSync(join(samplesDir, 'current-configuration.txt'), `${CONFIG_V1}\n`);
    writeFileSync(join(samplesDir, 'running-config.txt'), 'Building configuration...\n\nCurrent configuration : 60 bytes\n!\nhostname ACCESS-SW-2F\n!\nend\n');
    lab = await startLab({
      hosts: 1,
      vendorCli: {
        commands: {
          huawei_vrp: {
            'display temperature all': join(OUTPUT, 'huawei_vrp/display_temperature/huawei_vrp_display_temperature.raw'),
            'display cpu-usage': bare(samplesDir, 'display_cpu_usage/s5720_v200r011.txt', 'cpu.txt'),
            'display memory-usage': bare(samplesDir, 'display_memory_usage/s5720_bytes.txt', 'memory.txt'),
            'display fan': bare(samplesDir, 'display_fan/s5700_v200r005.txt', 'fan.txt'),
            'display power': bare(samplesDir, 'display_power/s5720.txt', 'power.txt'),
            'display alarm active': bare(samplesDir, 'display_alarm_active/no_alarm.txt', 'alarms.txt'),
            'display current-configuration': join(samplesDir, 'current-configuration.txt'),
          },
          cisco_ios: { 'show running-config': join(samplesDir, 'running-config.txt') },
        },
      },
    });
    huawei = lab.vendorCli!.devices.huawei_vrp.address;
    host = lab.hosts[0]!.address;

    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    const call = async (method: string, input: unknown) => (await callApi(session.app, method, input)) as { id: string };
    const client = await call('locations.create', { kind: 'client', name: '华东医院' });
    const site = await call('locations.create', { kind: 'site', clientId: client.id, name: '主院区' });
    const room = await call('locations.create', { kind: 'room', siteId: site.id, name: '一号机房' });
    const spare = await call('locations.create', { kind: 'room', siteId: site.id, name: '二号机房' });
    ids.switch = (await call('assets.create', { type: 'switch', name: '核心交换机-01', vendor: '华为', roomId: room.id, managementIps: [huawei] })).id;
    ids.server = (await call('assets.create', { type: 'server', name: '应用服务器-01', vendor: 'Dell', roomId: room.id, managementIps: [host] })).id;
    ids.cisco = (await call('assets.create', { type: 'switch', name: '接入交换机-2F', vendor: '思科', managementIps: [lab.vendorCli!.devices.cisco_ios.address] })).id;
    const ssh = { kind: 'ssh-password', settings: { username: lab.ssh.username }, secret: { password: lab.ssh.password } };
    await call('credentials.create', { name: '交换机 SSH', spec: ssh, assetIds: [ids.switch] });
    await call('credentials.create', { name: '服务器 SSH', spec: ssh, assetIds: [ids.server] });
    // Four servers at an address where nothing answers: a sweep of their room runs long enough to be cancelled.
    for (const n of [1, 2, 3, 4]) await call('assets.create', { type: 'server', name: `已下线服务器-0${n}`, vendor: 'Dell', roomId: spare.id, managementIps: [lab.deadAddress] });

    const { page } = session;
    shell = new ShellPage(page, zh);
    detail = new AssetDetailPage(page, zh);
    checks = new AssetChecksSection(page, zh);
    await shell.navLink('assets').waitFor();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await lab?.stop();
    if (samplesDir) rmSync(samplesDir, { recursive: true, force: true });
  });

  async function openAsset(id: string, name: string) {
    await session.page.goto(`${session.app.origin}/#/assets/${id}`);
    await detail.heading(name).waitFor();
    await checks.region.waitFor();
  }

  it('runs checks on the Huawei switch and shows the values its CLI printed', async () => {
    await openAsset(ids.switch, '核心交换机-01');
    await checks.region.getByText(zh.checks.latest.empty, { exact: true }).waitFor();
    await checks.chooseKinds(['ping', 'ssh']);
    const status = await checks.runAndWait();
    expect(status).toContain(zh.checks.runStatuses.done);
    await checks.progressBar('核心交换机-01').waitFor();

    // From the recorded `display version` and `display temperature` of an NE40E.
    await checks.metricValue('software.version').getByText('NE40E V800R011C00SPC200', { exact: true }).waitFor();
    expect(await checks.metricValue('software.vrp-version').textContent()).toBe('8.180');
    expect(await checks.metricValue('temperature.max').textContent()).toBe('55°C');
    expect(await checks.metricRow('temperature.max').textContent()).toContain(zh.metrics.names.temperature.max);
    expect(await checks.metricStatus('software.version').textContent()).toBe(zh.checks.statuses.ok);
    // The hand-written S5720 `display cpu-usage`: 12 % now.
    expect(await checks.metricValue('cpu.percent').textContent()).toBe('12%');
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('draws a trend once a value has been measured twice, and opens its history', async () => {
    await checks.chooseKinds(['ssh']);
    await checks.runAndWait();
    const trend = checks.trend('temperature.max');
    await trend.locator('svg').first().waitFor();
    await trend.click();
    const history = checks.historyDialog(zh.metrics.names.temperature.max);
    await history.waitFor();
    await history.locator('svg').first().waitFor();
    const values = history.getByRole('table').locator('tbody tr');
    expect(await values.count()).toBe(2);
    expect(await values.first().locator('td').last().textContent()).toBe('55°C');
    await checks.closeDialog(history);
  });

  it('opens a result with the raw output and the values read from it', async () => {
    await checks.viewResultButton('版本与运行时间').click();
    await checks.resultDialog.waitFor();
    await checks.rawOutput.getByText('VRP (R) software, Version 8.180 (NE40E V800R011C00SPC200)', { exact: false }).waitFor();
    await checks.resultDialog.getByText('NE40E-X2-M8A', { exact: true }).first().waitFor();
    await checks.closeDialog(checks.resultDialog);
  });

  it('reads pasted Cisco `show version` output and keeps it as evidence', async () => {
    const text = readFileSync(join(OUTPUT, 'cisco_ios/show_version/cisco_ios_show_version.raw'), 'utf8');
    const captured = new CapturedOutputDialog(session.page, zh, '核心交换机-01');
    await checks.pasteCapturedButton.click();
    await captured.dialog.waitFor();
    // Nothing chosen, nothing pasted: the dialog says so before asking core.
    await captured.submitButton.click();
    await captured.dialog.getByText(zh.captured.problems.noParser, { exact: true }).waitFor();
    await captured.chooseCommand('show version', 'ios');
    await captured.text.fill(text);
    await captured.submitButton.click();
    await captured.saved.waitFor();
    await captured.metric(zh.metrics.names.software.version).getByText('12.2(54)SG1', { exact: true }).waitFor();
    await captured.metric(zh.metrics.names.device.serial).getByText('CAT1451S15C', { exact: true }).waitFor();
    await captured.close();
    await checks.resultsTable.getByText(zh.checks.kinds.captured, { exact: true }).first().waitFor();
  });

  it('fetches the configuration, sees a change and shows it as a diff', async () => {
    const backups = new ConfigBackupsSection(session.page, zh);
    await backups.region.getByText(zh.configBackups.empty, { exact: true }).waitFor();
    await backups.fetchButton.click();
    await backups.versions.first().waitFor();
    expect(await backups.versions.first().textContent()).toContain(zh.configBackups.first);

    // Someone adds VLAN 30 on the switch: change what the emulator serves (its copy in the lab's run dir).
    const mapping = JSON.parse(readFileSync(join(lab.workDir, 'cli', 'huawei_vrp.json'), 'utf8')) as { commands: Record<string, string> };
    writeFileSync(mapping.commands['display current-configuration']!, `${CONFIG_V2}\n`);
    await backups.fetchButton.click();
    await backups.versions.nth(1).waitFor();
    expect(await backups.versions.first().textContent()).toContain(zh.configBackups.changed);

    await backups.select(0);
    await backups.select(1);
    await backups.compareButton.click();
    await backups.diffDialog.waitFor();
    expect(await backups.diffLines('remove').allTextContents()).toEqual([expect.stringContaining('vlan batch 10 20')]);
    expect(await backups.diffLines('add').allTextContents()).toEqual([expect.stringContaining('vlan batch 10 20 30')]);
    await backups.diffDialog.getByText(zh.configBackups.diff.addedCount_one.replace('{{count}}', '1'), { exact: true }).waitFor();
    await checks.closeDialog(backups.diffDialog);
  });

  it('backs up a Cisco switch whose login lands at ">" once its credential has the enable secret', async () => {
    await session.page.goto(`${session.app.origin}/#/assets/${ids.cisco}`);
    await detail.heading('接入交换机-2F').waitFor();
    const backups = new ConfigBackupsSection(session.page, zh);
    await backups.region.waitFor();
    await detail.fillSshPasswordCredential({ name: '思科 SSH', username: lab.ssh.username, password: lab.ssh.password });
    const enableSecret = detail.credentialDialog.getByLabel(zh.credentials.fields.enableSecret, { exact: true });
    // Optional, and said what it is for.
    await detail.credentialDialog.getByText(zh.credentials.enableSecretHint, { exact: true }).waitFor();
    await detail.saveCredentialWithEnter();

    // Without it the switch stays in user EXEC, where IOS refuses "show running-config".
    await backups.fetchButton.click();
    await backups.region.getByText(zh.configBackups.fetchFailed, { exact: true }).waitFor();
    await backups.region.getByText('check.auth-failed', { exact: false }).waitFor();

    await detail.replaceSecretButton('思科 SSH').click();
    await detail.credentialDialog.waitFor();
    await detail.credentialField('password').fill(lab.ssh.password);
    await enableSecret.fill(lab.vendorCli!.enableSecret);
    expect(await enableSecret.getAttribute('type')).toBe('password');
    await detail.saveCredentialWithEnter();
    await backups.fetchButton.click();
    await backups.versions.first().waitFor();
    expect(await backups.versions.count()).toBe(1);
    // The secret is nowhere on the page after saving.
    expect(await detail.allVisibleTextAndValues()).not.toContain(lab.vendorCli!.enableSecret);
  });

  it('blocks SSH to a device whose host key changed until the new key is accepted in Settings', async () => {
    await openAsset(ids.server, '应用服务器-01');
    await checks.chooseKinds(['ssh']);
    await checks.runAndWait();
    expect(await checks.hostKeyBanner.count()).toBe(0);

    await lab.rotateHostKey(host);
    await checks.runAndWait();
    await checks.hostKeyBanner.waitFor();
    await checks.resultsTable.getByText('ssh.host-key-mismatch', { exact: true }).first().waitFor();

    await shell.open('settings', zh.settings.title);
    const settings = new SettingsPage(session.page, zh);
    await settings.heading.waitFor();
    const keys = new HostKeysSection(session.page, zh);
    const target = `${host}:22`;
    await keys.pending(target).waitFor();
    const offered = lab.hosts[0]!.hostKeys!.ed25519.fingerprint;
    await keys.pending(target).getByText(offered, { exact: true }).waitFor();
    expect(await unnamedControls(session.page)).toEqual([]);
    await keys.acceptButton(target).click();
    const dialog = keys.confirmDialog(target);
    await dialog.waitFor();
    // The risk is spelled out before the button that takes it.
    await dialog.getByText(zh.hostKeys.confirm.risk, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: zh.hostKeys.confirm.accept, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await keys.pending(target).waitFor({ state: 'detached' });
    await keys.pinnedRow(host).getByText(offered, { exact: true }).waitFor();

    await openAsset(ids.server, '应用服务器-01');
    expect(await checks.hostKeyBanner.count()).toBe(0);
    await checks.runAndWait();
    // The newest results are this run's: SSH got through (had the key still been blocked, every step would name the mismatch).
    await checks.resultsTable.locator('tbody tr').first().filter({ hasNotText: 'ssh.host-key-mismatch' }).waitFor();
    expect(await checks.hostKeyBanner.count()).toBe(0);
  });

  it('sweeps a room from the Checks page with progress, then lists what each device answered', async () => {
    const page = new ChecksPage(session.page, zh);
    await shell.open('checks', zh.checks.title);
    await page.chooseLocation('一号机房');
    await page.chooseKinds(['ping']);
    await page.startButton.click();
    await page.progressBar.waitFor();
    await page.status.filter({ hasText: zh.checks.runStatuses.done }).waitFor({ timeout: 30_000 });
    expect(await page.status.textContent()).toContain('2 / 2');
    expect(await page.progressBar.getAttribute('aria-valuenow')).toBe('100');
    // A sweep is named after its location.
    await page.runRow('一号机房').waitFor();
    const results = page.resultsTable('一号机房');
    await results.getByRole('link', { name: '核心交换机-01', exact: true }).waitFor();
    expect(await unnamedControls(session.page)).toEqual([]);
    await results.getByRole('link', { name: '应用服务器-01', exact: true }).click();
    await detail.heading('应用服务器-01').waitFor();
  });

  it('cancels a sweep and keeps what already finished', async () => {
    const page = new ChecksPage(session.page, zh);
    await shell.open('checks', zh.checks.title);
    await page.chooseLocation('二号机房');
    await page.chooseKinds(['ping', 'tcp']);
    await page.startButton.click();
    await page.status.filter({ hasText: zh.checks.progress.running }).waitFor();
    await page.cancelButton.click();
    await page.status.filter({ hasText: zh.checks.runStatuses.cancelled }).waitFor({ timeout: 20_000 });
    await page.runsTable.getByText(zh.checks.runStatuses.cancelled, { exact: true }).first().waitFor();
    expect(await page.cancelButton.count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
