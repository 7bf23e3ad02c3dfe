import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { IncidentDetailPage } from './pages/incident-detail.page';
import { IncidentsPage } from './pages/incidents.page';
import { ShellPage } from './pages/ShellPage';
import { fill, STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];
const HOUR = 3_600_000;

/** A 1×1 PNG, the smallest photo there is. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function localInput(epochMs: number): string {
  // The browser runs in Asia/Shanghai (tests/support/browser.ts): UTC+8 all year.
  const shanghai = new Date(epochMs + 8 * HOUR);
  return shanghai.toISOString().slice(0, 16);
}

/**
 * The incident log end to end in the Chinese UI against the real backend:
 * recording (validation, live priority, the system-down rule, knowledge
 * suggestions), the status flow with only the allowed buttons, work log,
 * evidence, a photo, the timeline, the fault report PDF, the list with its
 * filters and the breach list. The steps build on each other, in order.
 */
describe('incidents (zh-CN)', () => {
  let session: AppSession;
  let shell: ShellPage;
  let list: IncidentsPage;
  let detail: IncidentDetailPage;
  let switchId: string;
  let number: string;
  let files: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'walkdown-incidents-'));
    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    const call = async (method: string, input: unknown) => (await callApi(session.app, method, input)) as { id: string };
    const client = await call('locations.create', { kind: 'client', name: '华东医院' });
    const site = await call('locations.create', { kind: 'site', clientId: client.id, name: '主院区' });
    const room = await call('locations.create', { kind: 'room', siteId: site.id, name: '一号机房' });
    switchId = (await call('assets.create', { type: 'switch', name: '核心交换机-01', vendor: 'Cisco', roomId: room.id, managementIps: ['10.20.0.1'] })).id;
    await call('assets.create', { type: 'server', name: '应用服务器-01', vendor: 'Dell', roomId: room.id });
    await call('knowledge.create', {
      title: '核心交换机 CPU 过高排查',
      body: '1. 查看 `show processes cpu`\n2. 检查环路与广播风暴',
      language: 'zh-CN',
      status: 'published',
      assetTypes: ['switch'],
    });
    const parsers = (await callApi(session.app, 'checks.parsers', {})) as { id: string }[];
    const parserId = parsers.find((parser) => parser.id.includes('cpu'))?.id ?? parsers[0]!.id;
    await callApi(session.app, 'checks.parseCaptured', {
      assetId: switchId,
      parserId,
      text: 'CPU utilization for five seconds: 97%/3%; one minute: 95%; five minutes: 90%\n',
    });
    shell = new ShellPage(session.page, zh);
    list = new IncidentsPage(session.page, zh);
    detail = new IncidentDetailPage(session.page, zh);
    await shell.open('incidents', zh.incidents.title);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('starts empty, opens the form with N and checks it in Chinese at each field', async () => {
    await list.emptyState.waitFor();
    await list.heading.click();
    await session.page.keyboard.press('n');
    await list.form.textbox('title').waitFor();
    // The profile's name is the reporter until changed.
    expect(await list.form.textbox('reporterName').inputValue()).toBe('张伟');
    await list.form.submit();
    await list.form.problem(zh.incidents.form.problems.required).first().waitFor();
    await list.form.problem(zh.incidents.form.problems.chooseCategory).waitFor();
    expect(await list.form.dialog.getByText('The title is required').count()).toBe(0);
    // The focus goes to the first field with a problem.
    expect(await list.form.textbox('title').evaluate((element) => element === document.activeElement)).toBe(true);
    await session.page.keyboard.press('Escape');
    await list.form.waitClosed();
  });

  it('shows the priority from impact × urgency live, the system-down rule, and knowledge that may help', async () => {
    await list.newButton.click();
    const form = list.form;
    await form.textbox('title').fill('核心交换机 CPU 持续过高');
    await form.addAsset('核心交换机-01');
    await form.choose('impact', zh.incidents.impactLevels.high);
    await form.choose('urgency', zh.incidents.urgencyLevels.high);
    await form.priorityStatus.getByText('P1', { exact: true }).waitFor();
    await form.choose('urgency', zh.incidents.urgencyLevels.low);
    await form.priorityStatus.getByText('P3', { exact: true }).waitFor();

    await form.systemDownCheckbox.check();
    await form.systemDownRule.waitFor();

    // The published article about the same kind of device is suggested and opens beside the form.
    await form.suggestions.getByRole('button', { name: '核心交换机 CPU 过高排查' }).click();
    const panel = session.page.getByRole('dialog', { name: '核心交换机 CPU 过高排查' });
    await panel.getByText('检查环路与广播风暴').waitFor();
    await panel.getByRole('button', { name: zh.incidents.suggestions.close }).click();
    await panel.waitFor({ state: 'detached' });

    // Overriding needs a reason, asked at its field.
    await form.overrideCheckbox.check();
    await form.choose('priorityOverride', fill(zh.incidents.priorityOption, { priority: 'P2', name: zh.incidents.priorities.P2 }));
    await form.choose('category', zh.incidents.categories.network);
    await form.submit();
    await form.problem(zh.incidents.form.problems.reasonRequired).waitFor();
    await form.textbox('priorityReason').fill('影响门诊挂号');
    await form.textbox('reporterContact').fill('0571-8888 1234');
    await form.reportedAt.fill(localInput(Date.now() - 2 * HOUR));
    expect(await unnamedControls(session.page)).toEqual([]);
    await form.submit();
    await form.waitClosed();
    await detail.heading('核心交换机 CPU 持续过高').waitFor();
    number = ((await session.page.getByText(/^INC-\d{8}-\d+/).first().textContent()) ?? '').split(' · ')[0] ?? '';
    expect(number).toMatch(/^INC-\d{8}-\d{4}/);
  });

  it('shows the new incident with its priority, status, SLA timers and only the moves allowed from new', async () => {
    await detail.statusChip('new').waitFor();
    expect(await session.page.locator('.MuiChip-root').filter({ hasText: /^P2\*$/ }).count()).toBeGreaterThan(0);
    expect(await detail.actionNames()).toEqual([zh.incidents.actions.acknowledge, zh.incidents.actions.start, zh.incidents.actions.pend, zh.incidents.actions.resolve, zh.incidents.detail.recordWorkaround]);
    const sla = await detail.slaText();
    expect(sla).toContain(zh.sla.timers.response);
    expect(sla).toContain(zh.sla.timers.resolution);
    expect(sla).toMatch(/截止/);
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('moves through acknowledged, in progress and pending, and back', async () => {
    await detail.transition('acknowledged');
    expect(await detail.actionNames()).not.toContain(zh.incidents.actions.acknowledge);
    await detail.transition('in-progress');
    await detail.transition('pending', { reason: 'parts', note: '等待电源模块到货' });
    await detail.actionButton('resume').waitFor();
    await detail.transition('in-progress');
  });

  it('logs work with the time spent and totals it', async () => {
    await detail.addWorkLog('远程登录排查，发现广播风暴', 30);
    await detail.addWorkLog('现场断开环路端口', 60);
    expect(await detail.workLogTotal()).toContain(fill(zh.incidents.workLog.total, { time: '1小时 30分钟' }));
  });

  it('links a check result as evidence and attaches a photo', async () => {
    await detail.linkCheckResult('核心交换机-01', zh.checks.kinds.captured);
    await detail.evidence.getByText(zh.incidents.evidence.kinds['check-result'], { exact: true }).waitFor();
    const photo = join(files, '机柜照片.png');
    writeFileSync(photo, PNG);
    await detail.attachPhoto(photo);
  });

  it('needs cause and method to resolve, then offers close, reopen, the fault report and a knowledge article', async () => {
    await detail.actionButton('resolve').click();
    await detail.dialog.getByRole('button', { name: zh.incidents.actions.resolve, exact: true }).click();
    await detail.dialog.getByText(zh.incidents.transitions.problems.required).first().waitFor();
    await session.page.keyboard.press('Escape');
    await detail.dialog.waitFor({ state: 'detached' });
    await detail.resolve({ cause: '接入层环路导致广播风暴', method: '关闭环路端口并启用 STP' });
    expect(await detail.actionNames()).toEqual([zh.incidents.actions.close, zh.incidents.actions.reopen]);
    await detail.writeArticleButton.waitFor();
    const timeline = await detail.timelineTexts();
    expect(timeline.some((line) => line.includes(zh.incidents.timeline.resolution))).toBe(true);
    expect(timeline.some((line) => line.includes('状态：处理中 → 挂起 – 等待备件'))).toBe(true);
    expect(timeline.some((line) => line.includes(fill(zh.incidents.timeline.evidence, { what: zh.incidents.evidence.kinds['check-result'] })))).toBe(true);
  });

  it('saves the fault report as a PDF in English', async () => {
    const download = await detail.saveFaultReport('en', { losses: 'Registration stopped for 40 minutes' });
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = join(files, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('closes and reopens', async () => {
    await detail.transition('closed');
    await session.page.getByText(zh.incidents.detail.closedHint).waitFor();
    await detail.transition('in-progress', { note: '故障复现' });
    const timeline = await detail.timelineTexts();
    expect(timeline.some((line) => line.includes('重新打开（已关闭 → 处理中）'))).toBe(true);
  });

  it('lists the incident with its number, status and SLA, and finds it by search', async () => {
    await detail.backToList();
    await list.table.waitFor();
    await list.waitForNumbers([number]);
    const row = list.row(number);
    expect(await row.textContent()).toContain(zh.incidents.statuses['in-progress']);
    expect(await row.textContent()).toContain('核心交换机-01');
    await list.search.fill('不存在的故障');
    await session.page.getByText(zh.incidents.noMatches.title).waitFor();
    await list.search.fill('CPU');
    await list.waitForNumbers([number]);
    await list.search.fill('');
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('shows an overdue incident in the breach list', async () => {
    const now = Date.now();
    const late = (await callApi(session.app, 'incidents.create', {
      title: '机房空调停机',
      category: 'environment',
      impact: 'high',
      urgency: 'high',
      reporterName: '王芳',
      reportedAt: now - 30 * 24 * HOUR,
    })) as { number: string };
    await list.waitForNumbers([number, late.number]);
    await list.tab('breaches').click();
    await list.waitForNumbers([late.number]);
    expect(await list.slaText(late.number)).toContain(zh.sla.states.breached);
    await list.tab('all').click();
  });

  it('opens the form for an asset from a link', async () => {
    await session.page.goto(`${session.app.origin}/#/incidents?assetId=${switchId}`);
    await list.form.dialog.getByRole('button', { name: '核心交换机-01', exact: true }).waitFor();
    await session.page.keyboard.press('Escape');
    await list.form.waitClosed();
    expect(session.pageErrors).toEqual([]);
  });
});

/** The same pages in English: words, times and the fault report in the other language. */
describe('incidents (en)', () => {
  const en = STRINGS.en;
  let session: AppSession;

  beforeAll(async () => {
    session = await openApp({ lang: 'en', profile: { name: 'Li Na', role: 'engineer' } });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows a resolved incident in English and saves its fault report in Chinese', async () => {
    const incident = (await callApi(session.app, 'incidents.create', {
      title: 'UPS on battery',
      category: 'environment',
      impact: 'medium',
      urgency: 'high',
      reporterName: 'Li Na',
    })) as { id: string; number: string };
    await callApi(session.app, 'incidents.transition', { id: incident.id, to: 'resolved', resolution: { cause: 'Mains breaker tripped', method: 'Reset the breaker' } });
    const detail = new IncidentDetailPage(session.page, en);
    await session.page.goto(`${session.app.origin}/#/incidents/${incident.id}`);
    await detail.heading('UPS on battery').waitFor();
    await detail.statusChip('resolved').waitFor();
    expect(await detail.actionNames()).toEqual([en.incidents.actions.close, en.incidents.actions.reopen]);
    const timeline = await detail.timelineTexts();
    expect(timeline[0]).toContain('Incident recorded as P2');
    expect(timeline.some((line) => line.includes('Status New → Resolved'))).toBe(true);
    expect(timeline.some((line) => line.includes('Cause: Mains breaker tripped'))).toBe(true);
    expect(await detail.slaText()).toContain(en.sla.timers.resolution);
    expect(await unnamedControls(session.page)).toEqual([]);

    const download = await detail.saveFaultReport('zh-CN');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await detail.backToList();
    const list = new IncidentsPage(session.page, en);
    // Resolved incidents are not open: the list starts with open ones only.
    await session.page.getByText(en.incidents.noMatches.bodyOpenOnly).waitFor();
    await list.openOnly.click();
    await list.waitForNumbers([incident.number]);
    expect(session.pageErrors).toEqual([]);
  });
});
