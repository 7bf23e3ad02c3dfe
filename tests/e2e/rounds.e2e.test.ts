import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { RoundRunnerPage } from './pages/round-runner.page';
import { RoundsPage } from './pages/rounds.page';
import { fill, STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];

/** The shipped machine-room template's Chinese labels (resources/checklists/machine-room.zh-CN.json). */
const MACHINE_ROOM = '机房巡检';
const ITEMS = {
  temperature: '冷通道温度',
  humidity: '相对湿度',
  water: '无漏水（地板下、空调周边、漏水检测线）',
  lighting: '照明及应急照明正常',
  aircon: '精密空调运行正常，面板无告警',
  fireSuppression: '气体灭火钢瓶压力表指针在绿区',
  firePanel: '消防控制盘状态',
  access: '门禁及门锁正常，机房门已关闭',
  doorLog: '门禁记录已查看，无异常进出',
  labels: '线缆与设备标签齐全清晰',
  cleanliness: '卫生状况',
  photo: '机房现场照片',
  remarks: '其他情况',
};

/** A 1×1 PNG, the smallest photo there is. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface RoundDetail {
  round: { id: string; status: string; signedBy: string | null; signatureAttachmentId: string | null };
  entries: { itemKey: string; value: { type: string; value?: number; passed?: boolean; attachmentIds?: string[] }; outcome: string; note: string; incidentId: string | null }[];
}

/**
 * Issue 6's browser test: in the Chinese UI, the default machine-room round
 * walked with the keyboard, a cold-aisle temperature of 31 °C (above the
 * 30 °C failure limit), the proposed incident accepted, the round finished
 * and signed, and its report opened as a PDF. Steps build on each other.
 */
describe('rounds (zh-CN)', () => {
  let session: AppSession;
  let home: RoundsPage;
  let runner: RoundRunnerPage;
  let files: string;
  let roundId: string;

  const detail = async () => (await callApi(session.app, 'rounds.get', { id: roundId })) as RoundDetail;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'walkdown-rounds-'));
    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    const call = async (method: string, input: unknown) => (await callApi(session.app, method, input)) as { id: string };
    const client = await call('locations.create', { kind: 'client', name: '华东医院' });
    const site = await call('locations.create', { kind: 'site', clientId: client.id, name: '主院区' });
    await call('locations.create', { kind: 'room', siteId: site.id, name: '一号机房' });
    home = new RoundsPage(session.page, zh);
    runner = new RoundRunnerPage(session.page, zh);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('opens on the rounds home and offers the shipped templates while there are none', async () => {
    await home.heading.waitFor();
    expect(session.page.url()).toMatch(/#\/rounds$/);
    await session.page.getByText(zh.rounds.home.noTemplatesTitle, { exact: true }).waitFor();
    await home.installDefaultsButton.click();
    await session.page.getByText(zh.rounds.home.noTemplatesTitle, { exact: true }).waitFor({ state: 'detached' });
    expect(await home.startButton.isEnabled()).toBe(true);
    const templates = (await callApi(session.app, 'templates.list', {})) as { name: string; language: string }[];
    expect(templates.some((template) => template.name === MACHINE_ROOM && template.language === 'zh-CN')).toBe(true);
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('starts the machine-room round in a room and puts the focus on the first reading', async () => {
    await home.startInRoom(MACHINE_ROOM, '一号机房');
    await runner.heading(MACHINE_ROOM).waitFor();
    roundId = /#\/rounds\/([0-9a-f-]+)$/.exec(session.page.url())?.[1] ?? '';
    expect(roundId).not.toBe('');
    await session.page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, ITEMS.temperature);
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('takes 31 °C typed straight in, marks it failed and asks for a note before moving on', async () => {
    const { keyboard } = session.page;
    await keyboard.type('31');
    await keyboard.press('Enter');
    await runner.saved(ITEMS.temperature);
    expect(await runner.outcome(ITEMS.temperature)).toBe('failed');
    // The failure keeps the focus in its row, on the note, until it says what is wrong.
    await session.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    expect(await runner.focused(ITEMS.temperature)).toBe(true);
    await keyboard.press('Enter');
    await runner.row(ITEMS.temperature).getByText(zh.rounds.runner.noteMissing).waitFor();
    expect(await runner.focused(ITEMS.temperature)).toBe(true);
    await keyboard.type('2号精密空调停机，冷通道温度偏高');
    await keyboard.press('Enter');
    expect(await runner.reading(ITEMS.humidity).evaluate((element) => element === document.activeElement)).toBe(true);

    // A decimal comma is read as a decimal point.
    await keyboard.type('45,5');
    await keyboard.press('Enter');
    await runner.saved(ITEMS.humidity);
    expect(await runner.outcome(ITEMS.humidity)).toBe('ok');

    const entries = (await detail()).entries;
    const temperature = entries.find((entry) => entry.itemKey === 'cold-aisle-temperature');
    expect(temperature?.value).toEqual({ type: 'number', value: 31 });
    expect(temperature?.outcome).toBe('failed');
    expect(temperature?.note).toBe('2号精密空调停机，冷通道温度偏高');
    expect(entries.find((entry) => entry.itemKey === 'relative-humidity')?.value).toEqual({ type: 'number', value: 45.5 });
  });

  it('answers pass/fail items with P and choices with their number, each saved at once', async () => {
    const { keyboard } = session.page;
    for (const label of [ITEMS.water, ITEMS.lighting, ITEMS.aircon, ITEMS.fireSuppression]) {
      expect(await runner.focused(label)).toBe(true);
      await keyboard.press('p');
      await runner.saved(label);
    }
    expect(await runner.focused(ITEMS.firePanel)).toBe(true);
    await keyboard.press('1');
    await runner.saved(ITEMS.firePanel);
    for (const label of [ITEMS.access, ITEMS.doorLog, ITEMS.labels]) {
      expect(await runner.focused(label)).toBe(true);
      await keyboard.press('p');
      await runner.saved(label);
    }
    expect(await runner.focused(ITEMS.cleanliness)).toBe(true);
    await keyboard.press('1');
    await runner.saved(ITEMS.cleanliness);
    expect(await runner.outcome(ITEMS.water)).toBe('ok');
    // The room has no assets, so only its 13 place items are asked; the photo and remarks are optional.
    await session.page.getByText(fill(zh.rounds.runner.progress, { done: '11', total: '13' }), { exact: true }).waitFor();
    const entries = (await detail()).entries;
    expect(entries.filter((entry) => entry.value.type === 'pass-fail' && entry.value.passed).length).toBe(7);
  });

  it('takes a photo item’s photo as an attachment of its entry', async () => {
    const { page } = session;
    const row = runner.row(ITEMS.photo);
    const chooser = page.waitForEvent('filechooser');
    // Chinese has one plural form: i18next uses the _other text for every count.
    await row.getByRole('button', { name: fill(zh.rounds.runner.addPhotos_other, { count: '1' }) }).click();
    const photo = join(files, '机房.png');
    writeFileSync(photo, PNG);
    await (await chooser).setFiles(photo);
    await row.getByRole('button', { name: fill(zh.attachments.openImage, { name: '机房.png' }) }).waitFor();
    // The tile shows once the entry lists the photo, so core has it by now.
    const entry = (await detail()).entries.find((candidate) => candidate.itemKey === 'overview-photo');
    expect(entry?.value).toMatchObject({ type: 'photo', attachmentIds: [expect.stringMatching(/^[0-9a-f-]{36}$/)] });
    const attachments = (await callApi(session.app, 'attachments.list', { ownerType: 'round-item', ownerId: roundId })) as { id: string; mimeType: string }[];
    expect(attachments.find((attachment) => attachment.id === entry?.value.attachmentIds?.[0])?.mimeType).toBe('image/png');
  });

  it('raises the proposed incident for the temperature with one click and links it', async () => {
    await runner.raiseIncidentButton(ITEMS.temperature).click();
    const dialog = runner.incidentDialog;
    await dialog.waitFor();
    const title = await dialog.getByRole('textbox', { name: zh.rounds.incident.titleField }).inputValue();
    expect(title).toContain(ITEMS.temperature);
    expect(title).toMatch(/31/);
    const description = await dialog.getByRole('textbox', { name: zh.rounds.incident.descriptionField }).inputValue();
    expect(description).toContain('一号机房');
    expect(description).toContain('2号精密空调停机');
    // Create has the focus: accepting the proposal is Enter (or one click).
    expect(await dialog.getByRole('button', { name: zh.rounds.incident.create }).evaluate((element) => element === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: zh.rounds.incident.create }).click();
    await dialog.waitFor({ state: 'detached' });
    const link = runner.incidentLink(ITEMS.temperature);
    await link.getByText(/^INC-\d{8}-\d+/).waitFor();

    const entry = (await detail()).entries.find((candidate) => candidate.itemKey === 'cold-aisle-temperature');
    expect(entry?.incidentId).toMatch(/^[0-9a-f-]{36}$/);
    const incident = (await callApi(session.app, 'incidents.get', { id: entry!.incidentId })) as { incident: { title: string } };
    expect(incident.incident.title).toBe(title);
    expect(await link.getAttribute('href')).toContain(`/incidents/${entry!.incidentId}`);
  });

  it('finishes with a summary of the anomalies, and signs with a drawn signature', async () => {
    await runner.finishButton.click();
    const dialog = runner.finishDialog;
    await dialog.waitFor();
    await dialog.getByText(zh.rounds.finish.nothingMissing).waitFor();
    await dialog.getByText(new RegExp(`${ITEMS.temperature}`)).first().waitFor();
    expect(await dialog.getByRole('textbox', { name: zh.rounds.finish.signerName }).inputValue()).toBe('张伟');
    expect(await runner.signButton.isDisabled()).toBe(true);
    await runner.drawSignature();
    await dialog.getByRole('textbox', { name: zh.rounds.finish.summary }).fill('冷通道温度超标，已登记事件');
    expect(await unnamedControls(session.page)).toEqual([]);
    await runner.signButton.click();
    await dialog.waitFor({ state: 'detached' });
    await runner.signedBanner.waitFor();

    const signed = await detail();
    expect(signed.round.status).toBe('signed');
    expect(signed.round.signedBy).toBe('张伟');
    expect(signed.round.signatureAttachmentId).not.toBeNull();
    const signature = (await callApi(session.app, 'attachments.content', { id: signed.round.signatureAttachmentId })) as { mimeType: string };
    expect(signature.mimeType).toBe('image/png');
    // Read-only now: no field takes a value, the entries offer amendments instead.
    expect(await runner.reading(ITEMS.humidity).isDisabled()).toBe(true);
    await runner.row(ITEMS.humidity).getByRole('button', { name: zh.rounds.amend.button }).waitFor();
  });

  it('corrects a signed entry only by an amendment with a reason, listed under the entry', async () => {
    await runner.row(ITEMS.humidity).getByRole('button', { name: zh.rounds.amend.button }).click();
    const dialog = session.page.getByRole('dialog', { name: fill(zh.rounds.amend.title, { item: ITEMS.humidity }) });
    await dialog.getByRole('textbox', { name: zh.rounds.amend.newValue }).fill('46');
    await dialog.getByRole('button', { name: zh.rounds.amend.save, exact: true }).click();
    await dialog.getByText(zh.rounds.amend.reasonRequired).waitFor();
    await dialog.getByRole('textbox', { name: zh.rounds.amend.reason }).fill('读数抄错');
    await dialog.getByRole('button', { name: zh.rounds.amend.save, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await runner.row(ITEMS.humidity).getByRole('list', { name: fill(zh.rounds.amend.listFor, { item: ITEMS.humidity }) }).getByText(/读数抄错/).waitFor();
    expect(await runner.reading(ITEMS.humidity).inputValue()).toBe('46');
    const amended = (await callApi(session.app, 'rounds.get', { id: roundId })) as { amendments: { reason: string; by: string }[] };
    expect(amended.amendments.map((amendment) => [amendment.reason, amendment.by])).toEqual([['读数抄错', '张伟']]);
  });

  it('opens the round report as a PDF', async () => {
    const download = await runner.downloadReport('zh-CN');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = join(files, download.suggestedFilename());
    await download.saveAs(saved);
    const pdf = readFileSync(saved);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the room’s past round and the temperature over time in the history', async () => {
    await session.page.goto(`${session.app.origin}/#/rounds`);
    await home.heading.waitFor();
    await session.page.getByRole('link', { name: zh.rounds.nav.history }).click();
    await session.page.getByRole('combobox', { name: zh.rounds.start.room, exact: true }).click();
    await session.page.getByRole('option', { name: '一号机房', exact: true }).click();
    const readings = session.page.getByRole('table', { name: fill(zh.rounds.history.readingsTable, { item: ITEMS.temperature }) });
    await readings.getByRole('row').filter({ hasText: '31' }).waitFor();
    const past = session.page.getByRole('table', { name: zh.rounds.history.pastRounds });
    await past.getByRole('row').filter({ hasText: zh.rounds.status.signed }).waitFor();
    expect(await unnamedControls(session.page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

/**
 * Templates and schedules in the English UI: the editor's validation and
 * keyboard reordering, versions on save, JSON export and a refused import
 * with the path of its problem, then a schedule whose round is due today and
 * starts from the home screen.
 */
describe('round templates and schedules (en)', () => {
  const en = STRINGS.en;
  let session: AppSession;
  let home: RoundsPage;
  let files: string;
  let roomId: string;
  let templateId: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'walkdown-round-templates-'));
    session = await openApp({ lang: 'en', profile: { name: 'Li Na', role: 'supervisor' } });
    const call = async (method: string, input: unknown) => (await callApi(session.app, method, input)) as { id: string };
    const client = await call('locations.create', { kind: 'client', name: 'East Hospital' });
    const site = await call('locations.create', { kind: 'site', clientId: client.id, name: 'Main campus' });
    roomId = (await call('locations.create', { kind: 'room', siteId: site.id, name: 'Room 1' })).id;
    await call('assets.create', { type: 'switch', name: 'Core switch', assetTag: 'WD-0042', roomId });
    home = new RoundsPage(session.page, en);
    await home.heading.waitFor();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('refuses a template file that is not valid and says where', async () => {
    const { page } = session;
    await page.getByRole('link', { name: en.rounds.nav.templates }).click();
    await page.getByRole('heading', { level: 1, name: en.rounds.templates.title }).waitFor();
    const bad = join(files, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'Broken', language: 'en', scope: { kind: 'room' }, sections: [{ key: 'env', title: 'Env', items: [{ key: 'temp', label: 'Temp', spec: { type: 'number', thresholds: { warnAbove: 'hot' } } }] }] }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: en.rounds.templates.import, exact: true }).click();
    await (await chooser).setFiles(bad);
    const problems = page.getByRole('list', { name: en.rounds.templates.importProblems });
    await problems.getByText(/^sections\[0\]\.items\[0\]\.spec\.thresholds\.warnAbove: /).waitFor();
    expect(((await callApi(session.app, 'templates.list', { includeArchived: true })) as unknown[]).length).toBe(0);
  });

  it('checks the new template at each field, reorders items with Alt+arrows and saves version 1', async () => {
    const { page } = session;
    await page.getByRole('link', { name: en.rounds.templates.new }).click();
    await page.getByRole('heading', { level: 1, name: en.rounds.editor.newTitle }).waitFor();
    const create = page.getByRole('button', { name: en.rounds.editor.create, exact: true });
    await create.click();
    // The first problem gets the focus.
    await page.getByText(fill(en.rounds.editor.problemsSummary_other, { count: '3' })).waitFor();
    expect(await page.getByRole('textbox', { name: en.rounds.editor.name }).evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByRole('textbox', { name: en.rounds.editor.name }).fill('Small room');
    await page.getByRole('textbox', { name: en.rounds.editor.sectionTitle }).fill('Environment');
    await page.getByRole('textbox', { name: en.rounds.editor.itemName }).fill('Door closed');
    // Ctrl+Enter in an item adds the next one after it, with the focus on its name.
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Inlet temperature');
    const inlet = page.getByRole('group', { name: fill(en.rounds.editor.itemLabel, { name: 'Inlet temperature', section: 'Environment' }) });
    await inlet.getByRole('combobox', { name: en.rounds.editor.itemType }).click();
    await page.getByRole('option', { name: en.rounds.itemTypes.number }).click();
    await inlet.getByRole('textbox', { name: en.rounds.editor.unit }).fill('°C');
    await inlet.getByRole('textbox', { name: en.rounds.editor.thresholds.warnAbove }).fill('27');
    await inlet.getByRole('textbox', { name: en.rounds.editor.thresholds.failAbove }).fill('3x');
    await create.click();
    await inlet.getByText(en.rounds.editor.problems.notANumber).waitFor();
    await inlet.getByRole('textbox', { name: en.rounds.editor.thresholds.failAbove }).fill('25');
    await create.click();
    await inlet.getByText(en.rounds.editor.problems.thresholdOrder).waitFor();
    await inlet.getByRole('textbox', { name: en.rounds.editor.thresholds.failAbove }).fill('32,5');

    // Alt+↑ on the temperature moves it above the door.
    await inlet.getByRole('textbox', { name: en.rounds.editor.itemName }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    const names = () => page.getByRole('textbox', { name: en.rounds.editor.itemName, exact: true }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(await names()).toEqual(['Inlet temperature', 'Door closed']);
    expect(await page.getByRole('textbox', { name: en.rounds.editor.itemName }).first().evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await unnamedControls(page)).toEqual([]);

    await create.click();
    await page.getByText(fill(en.rounds.editor.currentVersion, { version: '1' })).waitFor();
    templateId = /#\/rounds\/templates\/([0-9a-f-]+)$/.exec(page.url())?.[1] ?? '';
    const saved = (await callApi(session.app, 'templates.get', { id: templateId })) as { version: number; sections: { items: { key: string; spec: { thresholds?: unknown } }[] }[] };
    expect(saved.version).toBe(1);
    expect(saved.sections[0]!.items.map((item) => item.key)).toEqual(['inlet-temperature', 'door-closed']);
    expect(saved.sections[0]!.items[0]!.spec.thresholds).toEqual({ failBelow: null, warnBelow: null, warnAbove: 27, failAbove: 32.5 });
  });

  it('saves an edit as version 2 and exports the template as JSON', async () => {
    const { page } = session;
    await page.getByRole('textbox', { name: en.rounds.editor.itemName }).first().fill('Cold aisle temperature');
    await page.getByRole('button', { name: fill(en.rounds.editor.saveVersion, { version: '2' }), exact: true }).click();
    await page.getByText(fill(en.rounds.editor.currentVersion, { version: '2' })).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: en.rounds.templates.export, exact: true }).click();
    const file = await download;
    const saved = join(files, file.suggestedFilename());
    await file.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, 'utf8')) as { name: string; sections: { items: { key: string; label: string }[] }[] };
    expect(exported.name).toBe('Small room');
    // The key stays when the label changes: history follows it across versions.
    expect(exported.sections[0]!.items[0]).toMatchObject({ key: 'inlet-temperature', label: 'Cold aisle temperature' });
  });

  it('makes a daily schedule whose round is due today on the home screen and starts from there', async () => {
    const { page } = session;
    await page.goto(`${session.app.origin}/#/rounds/schedules`);
    await page.getByRole('heading', { level: 1, name: en.rounds.schedules.title }).waitFor();
    await page.getByRole('button', { name: en.rounds.schedules.new, exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: en.rounds.schedules.newTitle });
    await dialog.getByRole('button', { name: en.rounds.schedules.save, exact: true }).click();
    await dialog.getByText(en.rounds.schedules.problems.roomRequired).waitFor();
    await dialog.getByRole('combobox', { name: en.rounds.start.room, exact: true }).click();
    await page.getByRole('option', { name: 'Room 1', exact: true }).click();
    await dialog.getByRole('textbox', { name: en.rounds.schedules.assignee }).fill('Li Na');
    expect(await unnamedControls(page)).toEqual([]);
    await dialog.getByRole('button', { name: en.rounds.schedules.save, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: en.rounds.schedules.title }).getByRole('row').filter({ hasText: 'East Hospital / Main campus / Room 1' }).waitFor();

    await page.getByRole('link', { name: en.rounds.backToRounds }).click();
    await home.heading.waitFor();
    expect(await home.count('today')).toBe(1);
    expect(await home.count('upcoming')).toBeGreaterThan(0);
    expect(await unnamedControls(page)).toEqual([]);
    const today = page.getByRole('region', { name: fill(en.rounds.home.sectionTitle_one, { title: en.rounds.home.today, count: '1' }) });
    await today.getByRole('button', { name: new RegExp(`^${fill(en.rounds.home.startFor, { name: 'Small room · ' })}`) }).click();
    await page.getByRole('heading', { level: 1, name: 'Small room' }).waitFor();
    const id = /#\/rounds\/([0-9a-f-]+)$/.exec(page.url())?.[1] ?? '';
    const started = (await callApi(session.app, 'rounds.get', { id })) as { round: { scheduleId: string | null; roomId: string; templateVersion: number } };
    expect(started.round.scheduleId).not.toBeNull();
    expect(started.round.roomId).toBe(roomId);
    expect(started.round.templateVersion).toBe(2);
    expect(templateId).not.toBe('');
    expect(session.pageErrors).toEqual([]);
  });

  it('pauses and resumes the round, and a scanned asset label opens it again from the home screen', async () => {
    const { page } = session;
    const id = /#\/rounds\/([0-9a-f-]+)$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('button', { name: en.rounds.runner.pause, exact: true }).click();
    await page.getByText(en.rounds.runner.pausedBanner).waitFor();
    expect(await page.getByRole('textbox', { name: 'Cold aisle temperature', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: en.rounds.runner.resume, exact: true }).click();
    await page.getByText(en.rounds.runner.pausedBanner).waitFor({ state: 'detached' });
    expect(((await callApi(session.app, 'rounds.get', { id })) as { round: { status: string } }).round.status).toBe('in-progress');

    // Finishing with required items empty lists them; each one leads back to its row.
    await page.getByRole('button', { name: en.rounds.runner.finish, exact: true }).click();
    const finish = page.getByRole('dialog', { name: en.rounds.finish.title });
    await finish.getByText(fill(en.rounds.finish.missing_other, { count: '2' })).waitFor();
    expect(await finish.getByRole('button', { name: en.rounds.finish.sign, exact: true }).isDisabled()).toBe(true);
    await finish.getByRole('button', { name: 'Environment › Door closed' }).click();
    await finish.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Door closed');

    await page.getByRole('link', { name: en.rounds.backToRounds }).click();
    await home.heading.waitFor();
    await home.startButton.click();
    // A USB scanner types the tag and Enter into the focused field.
    await page.keyboard.type('WD-0042');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Small room' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/rounds/${id}$`));
  });

  it('runs the device check behind an automatic item, fills the reading and runs it again for that item', async () => {
    const { page } = session;
    await callApi(session.app, 'assets.create', { type: 'server', name: 'Loopback server', roomId, managementIps: ['127.0.0.1'] });
    const template = (await callApi(session.app, 'templates.save', {
      content: {
        name: 'Reachability',
        language: 'en',
        scope: { kind: 'room' },
        sections: [{ key: 'network', title: 'Network', items: [{ key: 'loss', label: 'Packet loss', perAsset: true, assetTypes: ['server'], spec: { type: 'auto', binding: { kind: 'ping', profileId: null, metric: 'ping.loss-percent' }, unit: '%', thresholds: { failAbove: 0 } } }] }],
      },
    })) as { id: string };
    const started = (await callApi(session.app, 'rounds.start', { templateId: template.id, target: { kind: 'room', roomId } })) as { round: { id: string } };
    await page.goto(`${session.app.origin}/#/rounds/${started.round.id}`);
    await page.getByRole('heading', { level: 1, name: 'Reachability' }).waitFor();
    // Asked of the server only: the switch in the same room is not a server.
    await page.getByRole('group', { name: 'Loopback server', exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'Core switch', exact: true }).count()).toBe(0);
    const row = new RoundRunnerPage(page, en).row('Packet loss');
    await row.getByText(en.rounds.runner.notRunYet).waitFor();
    await page.getByRole('button', { name: en.rounds.runner.runChecks, exact: true }).click();
    await row.getByText(/^0\s?%$/).waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-outcome')).toBe('ok');
    const entry = ((await callApi(session.app, 'rounds.get', { id: started.round.id })) as { entries: { value: { type: string; value: unknown; checkResultId: string | null } }[] }).entries[0];
    expect(entry?.value).toMatchObject({ type: 'auto', value: 0, checkResultId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Again for this item alone; the evidence is the new check result.
    await row.getByRole('button', { name: fill(en.rounds.runner.runAgainFor, { item: 'Packet loss' }) }).click();
    await page.waitForFunction(
      async ({ origin, token, id, before }) => {
        const response = await fetch(`${origin}/rpc/rounds.get`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
        const body = (await response.json()) as { value: { entries: { value: { checkResultId?: string | null } }[] } };
        return (body.value.entries[0]?.value.checkResultId ?? before) !== before;
      },
      { origin: session.app.origin, token: session.app.token, id: started.round.id, before: entry!.value.checkResultId },
      { timeout: 30_000 },
    );
    await row.getByRole('button', { name: en.rounds.runner.viewResult }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
