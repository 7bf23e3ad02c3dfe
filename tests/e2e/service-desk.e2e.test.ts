import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { IncidentDetailPage } from './pages/incident-detail.page';
import { IncidentsPage } from './pages/incidents.page';
import { KnowledgePage } from './pages/knowledge.page';
import { ShellPage } from './pages/ShellPage';
import { fill, STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];

/** A 1×1 PNG, the smallest photo there is. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const ASSET = '汇聚交换机-03';
const TITLE = '三楼汇聚交换机上联中断';
const WORK = '现场更换上联光模块';
const CAUSE = '光模块老化导致链路闪断';
const METHOD = '更换光模块并清洁光纤接头';
const LOSSES = '门诊挂号中断 20 分钟';
/** Two characters of the cause that no other article holds: the short-term gram index must find them. */
const WORD = '闪断';
/** Published before the test, without the word: a search that ignored the word would show it too. */
const OTHER_ARTICLE = '机房空调告警处理';

/** "响应：正常，" — what a timer's spoken label starts with in a state. */
function timerStarts(timer: keyof typeof zh.sla.timers, state: keyof typeof zh.sla.states): string {
  return fill(zh.sla.chipLabel, { timer: zh.sla.timers[timer], state: zh.sla.states[state], detail: '' });
}

function pdfText(path: string): string {
  // Layout mode keeps each label beside its value; runs of spaces and line breaks are one space here.
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * The service desk of issue 5 in one pass, in the Chinese UI against the real
 * backend: a P1 incident recorded for an asset through the form, a photo,
 * work logged, the SLA timers counting, the resolution, the fault report PDF,
 * a knowledge article written from the incident and found again by a
 * two-character Chinese word. The steps build on each other, in order.
 */
describe('service desk: from a P1 incident to a knowledge article (zh-CN)', () => {
  let session: AppSession;
  let shell: ShellPage;
  let list: IncidentsPage;
  let detail: IncidentDetailPage;
  let knowledge: KnowledgePage;
  let files: string;
  let number: string;
  let incidentId: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'walkdown-service-desk-'));
    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    const call = async (method: string, input: unknown) => (await callApi(session.app, method, input)) as { id: string };
    const client = await call('locations.create', { kind: 'client', name: '市第一人民医院' });
    const site = await call('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    const room = await call('locations.create', { kind: 'room', siteId: site.id, name: '三楼弱电间' });
    await call('assets.create', { type: 'switch', name: ASSET, vendor: 'Huawei', roomId: room.id, managementIps: ['10.30.3.1'] });
    await call('knowledge.create', {
      title: OTHER_ARTICLE,
      body: '## 现象\n\n空调高温告警，上联链路正常。\n\n## 处理方法\n\n清洗滤网，检查冷凝器。\n',
      language: 'zh-CN',
      status: 'published',
    });
    shell = new ShellPage(session.page, zh);
    list = new IncidentsPage(session.page, zh);
    detail = new IncidentDetailPage(session.page, zh);
    knowledge = new KnowledgePage(session.page, zh);
    await shell.open('incidents', zh.incidents.title);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('records a P1 incident for the asset through the form: high impact × high urgency, system down', async () => {
    await list.newButton.click();
    await list.form.fillIn({ title: TITLE, description: '三楼门诊全部终端无法上网', category: 'network', impact: 'high', urgency: 'high', systemDown: true, assets: [ASSET] });
    await list.form.priorityStatus.getByText('P1', { exact: true }).waitFor();
    await list.form.systemDownRule.waitFor();
    await list.form.submit();
    await list.form.waitClosed();

    await detail.heading(TITLE).waitFor();
    number = ((await session.page.getByText(/^INC-\d{8}-\d+/).first().textContent()) ?? '').split(' · ')[0] ?? '';
    expect(number).toMatch(/^INC-\d{8}-\d{4}/);
    incidentId = /#\/incidents\/([^/?]+)/.exec(session.page.url())?.[1] ?? '';
    expect(incidentId).not.toBe('');
    await detail.statusChip('new').waitFor();
    expect(await session.page.locator('.MuiChip-root').filter({ hasText: /^P1$/ }).count()).toBeGreaterThan(0);
    await session.page.getByRole('list', { name: zh.incidents.fields.assetIds }).getByRole('link', { name: ASSET, exact: true }).waitFor();
  });

  it('shows the SLA timers running with the time left, their state and due time', async () => {
    // P1 counts around the clock on the default policy: 30 min to respond, 4 h to resolve, 16 h for a workaround when the system is down.
    const sla = await detail.slaText();
    expect(sla).toMatch(new RegExp(`${zh.sla.timers.response} · 剩余 \\d+ 分钟`));
    expect(sla).toMatch(new RegExp(`${zh.sla.timers.resolution} · 剩余 (\\d+ 小时)? ?(\\d+ 分钟)?`));
    expect(sla).toContain(zh.sla.timers.workaround);
    expect(sla).toMatch(/截止 /);
    expect(await detail.slaTimerLabel('response')).toContain(timerStarts('response', 'on-track'));
    expect(await detail.slaTimerLabel('resolution')).toContain(timerStarts('resolution', 'on-track'));
    expect(await detail.slaTimerLabel('workaround')).toContain(timerStarts('workaround', 'on-track'));
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('takes the incident on, which meets the response target, then attaches a photo and logs work', async () => {
    await detail.transition('acknowledged');
    await detail.transition('in-progress');
    await expect.poll(() => detail.slaTimerLabel('response')).toContain(timerStarts('response', 'met'));
    expect(await detail.slaTimerLabel('resolution')).toContain(timerStarts('resolution', 'on-track'));

    const photo = join(files, '光模块照片.png');
    writeFileSync(photo, PNG);
    await detail.attachPhoto(photo);
    await detail.addWorkLog(WORK, 45);
    expect(await detail.workLogTotal()).toContain(fill(zh.incidents.workLog.total, { time: '45分钟' }));
  });

  it('resolves with cause and method; the fault report is then due within 24 h', async () => {
    await detail.resolve({ cause: CAUSE, method: METHOD });
    expect(await detail.actionNames()).toEqual([zh.incidents.actions.close, zh.incidents.actions.reopen]);
    await expect.poll(() => detail.slaTimerLabel('resolution')).toContain(timerStarts('resolution', 'met'));
    expect(await detail.slaTimerLabel('fault-report')).toContain(timerStarts('fault-report', 'on-track'));
    expect(await detail.slaText()).toMatch(new RegExp(`${zh.sla.timers['fault-report']} · 剩余 \\d+ (天|小时)`));
  });

  it('saves the fault report as a Chinese PDF with the incident, its cause and the work done, which meets the report target', async () => {
    const download = await detail.saveFaultReport('zh-CN', { losses: LOSSES });
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = join(files, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(saved);
    for (const expected of ['故障处理报告', number, TITLE, ASSET, CAUSE, METHOD, LOSSES, WORK, '系统瘫痪']) expect(text).toContain(expected);
    expect(text).not.toContain('Fault report');
    await expect.poll(() => detail.slaTimerLabel('fault-report')).toContain(timerStarts('fault-report', 'met'));
  });

  it('writes a published knowledge article from the resolved incident, prefilled with its title, cause and method', async () => {
    await detail.writeArticleButton.click();
    const editor = knowledge.editor;
    await editor.draftNotice('incident').filter({ hasText: number }).waitFor();
    expect(session.page.url()).toMatch(new RegExp(`#/knowledge/new\\?fromIncident=${incidentId}$`));
    expect(await editor.title.inputValue()).toBe(TITLE);
    const body = await editor.body.inputValue();
    expect(body).toContain(`## ${zh.knowledge.draft.headings.cause}\n\n${CAUSE}`);
    expect(body).toContain(`## ${zh.knowledge.draft.headings.method}\n\n${METHOD}`);
    await editor.preview.getByRole('heading', { name: zh.knowledge.draft.headings.cause }).waitFor();
    // A draft until the author publishes it.
    await editor.select('status').filter({ hasText: zh.knowledge.statuses.draft }).waitFor();
    await editor.setStatus('published');
    expect(await unnamedControls(session.page)).toEqual([]);
    await editor.save();

    await knowledge.articleHeading(TITLE).waitFor();
    expect(await knowledge.detail(zh.knowledge.form.status).textContent()).toBe(zh.knowledge.statuses.published);
    await knowledge.sourceLink('incident').waitFor();
    await session.page.getByRole('article').getByText(CAUSE, { exact: true }).waitFor();
  });

  it('finds the article on the Knowledge page by a two-character Chinese word from the cause', async () => {
    await shell.open('knowledge', zh.knowledge.title);
    await knowledge.waitForTitles([TITLE, OTHER_ARTICLE]);
    await knowledge.searchFor(WORD, [TITLE]);
    // The word is highlighted where it matched.
    await knowledge.result(TITLE).locator('mark').filter({ hasText: WORD }).first().waitFor();
    await knowledge.searchFor('不存在的词', []);
    await knowledge.noMatches.waitFor();
    await knowledge.searchFor(WORD, [TITLE]);
    expect(await unnamedControls(session.page)).toEqual([]);

    // The article leads back to the incident it was written from.
    await knowledge.result(TITLE).click();
    await knowledge.articleHeading(TITLE).waitFor();
    await knowledge.sourceLink('incident').click();
    await detail.heading(TITLE).waitFor();
    await detail.statusChip('resolved').waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
