import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { AssetDetailPage } from './pages/AssetDetailPage';
import { AssetForm } from './pages/AssetForm';
import { unnamedControls } from './pages/accessibility';
import { AssetsPage } from './pages/AssetsPage';
import { QuickOpen } from './pages/QuickOpen';
import { RackPage } from './pages/RackPage';
import { ShellPage } from './pages/ShellPage';
import { fill, STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];

/**
 * The asset register end to end in the Chinese UI against the real backend:
 * the form (client and server validation), search and filters, the detail
 * page and its history, the rack view, quick open with a scanner, and the
 * credentials vault never showing a secret again. The steps build on each
 * other, in order.
 */
describe('asset register (zh-CN)', () => {
  let session: AppSession;
  let shell: ShellPage;
  let assets: AssetsPage;
  let form: AssetForm;
  let detail: AssetDetailPage;
  let rack: RackPage;
  let quickOpen: QuickOpen;

  beforeAll(async () => {
    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    const create = async (input: Record<string, unknown>) => ((await callApi(session.app, 'locations.create', input)) as { id: string }).id;
    const clientId = await create({ kind: 'client', name: '华东医院' });
    const siteId = await create({ kind: 'site', clientId, name: '主院区' });
    const roomId = await create({ kind: 'room', siteId, name: '一号机房' });
    await create({ kind: 'rack', roomId, name: 'A01', heightU: 42 });
    const { page } = session;
    shell = new ShellPage(page, zh);
    assets = new AssetsPage(page, zh);
    form = new AssetForm(page, zh);
    detail = new AssetDetailPage(page, zh);
    rack = new RackPage(page, zh);
    quickOpen = new QuickOpen(page, zh);
    await shell.open('assets', zh.assets.title);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('offers to add or import when there are no assets yet', async () => {
    await assets.emptyState.waitFor();
    await assets.importButton.waitFor();
    expect(await assets.addButton.count()).toBe(1);
  });

  it('checks the form before saving, in Chinese, at each field', async () => {
    await assets.addButton.click();
    await form.textbox('name').waitFor();
    await form.addIp('10.20.0.300');
    await form.submitWithEnter();
    await form.problem(zh.assetForm.problems.required).waitFor();
    await form.problem(fill(zh.assetForm.problems.ip, { address: '10.20.0.300' })).waitFor();
    // Nothing English from the schema leaks into the Chinese form.
    expect(await form.dialog.getByText('Name is required').count()).toBe(0);
    await form.cancelWithEscape();
    await assets.emptyState.waitFor();
  });

  it('adds a switch with a tag and an address, submitted with Enter', async () => {
    await assets.addButton.click();
    await form.chooseType('switch');
    await form.textbox('name').fill('核心交换机-01');
    await form.textbox('vendor').fill('华为');
    await form.textbox('assetTag').fill('ZC-2024-0001');
    await form.addIp('10.20.0.1');
    await form.submitWithEnter();
    await form.waitClosed();
    await assets.assetLink('核心交换机-01').waitFor();
  });

  it('adds a server placed in rack A01 at U20–U21', async () => {
    await assets.addButton.click();
    await form.chooseType('server');
    await form.textbox('name').fill('应用服务器-01');
    await form.chooseRoom('一号机房');
    await form.chooseRack('A01');
    await form.uStart.fill('20');
    await form.uHeight.fill('2');
    await form.submitWithEnter();
    await form.waitClosed();
    await assets.assetLink('应用服务器-01').waitFor();
    await assets.total(2).waitFor();
  });

  it('finds an asset by a two-character Chinese substring', async () => {
    await callApi(session.app, 'assets.create', { type: 'router', name: '出口路由器', vendor: '思科' });
    await assets.assetLink('出口路由器').waitFor();
    await assets.search.fill('核心');
    await assets.waitForNames(['核心交换机-01']);
    await assets.total(1).waitFor();
    await assets.search.fill('服务器');
    await assets.waitForNames(['应用服务器-01']);
    await assets.search.fill('没有这种设备');
    await assets.noMatches.waitFor();
    await assets.clearFiltersButton.click();
    // Sorted by name as core sorts it: by code point.
    await assets.waitForNames(['出口路由器', '核心交换机-01', '应用服务器-01'].sort());
  });

  it('filters by type', async () => {
    await assets.filterTypes(['router']);
    await assets.waitForNames(['出口路由器']);
    // A second type widens the filter.
    await assets.filterTypes(['switch']);
    await assets.waitForNames(['出口路由器', '核心交换机-01'].sort());
    await assets.clearFiltersButton.click();
    await assets.total(3).waitFor();
  });

  it('opens the detail, edits a field and shows the change in the history', async () => {
    await assets.assetLink('核心交换机-01').click();
    await detail.heading('核心交换机-01').waitFor();
    expect(await detail.detail(zh.assetForm.fields.managementIps).textContent()).toContain('10.20.0.1');
    await detail.editButton.click();
    await form.editDialog('核心交换机-01').waitFor();
    await form.textbox('model').fill('S5735-L');
    await form.submitWithEnter();
    await form.waitClosed();
    await detail.detail(zh.assetForm.fields.model).getByText('S5735-L', { exact: true }).waitFor();
    await detail.historyChange(zh.assetForm.fields.model, zh.assetHistory.blank, 'S5735-L').waitFor();
    await detail.history.getByText(zh.assetHistory.actions.create, { exact: true }).waitFor();
  });

  it('shows the device in its rack and opens it from there', async () => {
    await shell.open('locations', zh.locations.title);
    await RackPage.locationsLink(session.page, zh, 'A01').click();
    await rack.heading('A01').waitFor();
    await rack.summary('一号机房', 42, 40).waitFor();
    const server = rack.device({ name: '应用服务器-01', type: 'server', status: 'in-use', range: 'U20–U21' });
    await server.waitFor();
    // U1 is at the bottom, as on the rack: the server sits below U22 and above U19.
    const [above, device, below] = await Promise.all([rack.freeSlot(22).boundingBox(), server.boundingBox(), rack.freeSlot(19).boundingBox()]);
    expect(above!.y).toBeLessThan(device!.y);
    expect(device!.y).toBeLessThan(below!.y);
    await server.click();
    await detail.heading('应用服务器-01').waitFor();
    await detail.rackLink('A01').click();
    await rack.heading('A01').waitFor();
  });

  it('refuses an overlapping placement and names the device that holds the units', async () => {
    await rack.freeSlot(19).click();
    await form.textbox('name').waitFor();
    expect(await form.uStart.inputValue()).toBe('19');
    await form.textbox('name').fill('存储-01');
    await form.uHeight.fill('3');
    await form.submitWithEnter();
    await form.problem(fill(zh.assetForm.problems.rangeTaken, { name: '应用服务器-01', range: 'U20–U21' })).waitFor();
    await form.cancelWithEscape();
    await rack.summary('一号机房', 42, 40).waitFor();
  });

  it('refuses to make the rack lower than its highest device', async () => {
    await rack.resize(10);
    await rack.resizeDialog.getByText(fill(zh.racks.tooSmall, { highestU: '21' }), { exact: true }).waitFor();
    await session.page.keyboard.press('Escape');
    await rack.resizeDialog.waitFor({ state: 'detached' });
  });

  it('opens an asset at once from quick open when a scanner types its exact tag', async () => {
    await quickOpen.openWithShortcut();
    await quickOpen.scan('ZC-2024-0001');
    await quickOpen.dialog.waitFor({ state: 'detached' });
    await detail.heading('核心交换机-01').waitFor();
  });

  it('opens a scanned tag even when quick open is not open (the scanner types anywhere but in a field)', async () => {
    await shell.open('locations', zh.locations.title);
    await session.page.locator('body').click({ position: { x: 1000, y: 700 } });
    await quickOpen.scan('ZC-2024-0001');
    await detail.heading('核心交换机-01').waitFor();
    expect(await quickOpen.dialog.count()).toBe(0);
  });

  it('offers to create an asset with an unknown scanned tag', async () => {
    await quickOpen.appBarButton.click();
    await quickOpen.input.waitFor();
    await quickOpen.scan('ZC-NEW-4242');
    const create = quickOpen.createOption('ZC-NEW-4242');
    await create.waitFor();
    expect(await create.getAttribute('aria-selected')).toBe('true');
    await quickOpen.input.press('Enter');
    await form.textbox('name').waitFor();
    expect(await form.textbox('assetTag').inputValue()).toBe('ZC-NEW-4242');
    await form.cancelWithEscape();
  });

  it('names every control on the list, the detail, the rack, the form and quick open', async () => {
    const { page } = session;
    await detail.heading('核心交换机-01').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await detail.editButton.click();
    await form.textbox('name').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await form.cancelWithEscape();
    await shell.open('assets', zh.assets.title);
    await assets.assetLink('应用服务器-01').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await quickOpen.openWithShortcut();
    await quickOpen.input.fill('服务器');
    await quickOpen.option(/应用服务器-01/).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await quickOpen.close();
    await shell.open('locations', zh.locations.title);
    await RackPage.locationsLink(page, zh, 'A01').click();
    await rack.heading('A01').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('deletes an asset and brings it back with Undo', async () => {
    await shell.open('assets', zh.assets.title);
    await assets.assetLink('出口路由器').click();
    await detail.heading('出口路由器').waitFor();
    await detail.deleteButton.click();
    await session.page.getByRole('dialog').getByRole('button', { name: zh.assetDetail.deleteDialog.confirm, exact: true }).click();
    await assets.heading.waitFor();
    await assets.total(2).waitFor();
    expect(await assets.assetLink('出口路由器').count()).toBe(0);
    await session.page.getByRole('button', { name: zh.assets.undo, exact: true }).click();
    await assets.assetLink('出口路由器').waitFor();
    await assets.total(3).waitFor();
    await assets.assetLink('核心交换机-01').click();
  });

  it('adds an SSH password credential and never shows the password again', async () => {
    const password = 'Wd-Secret-7f3k9!';
    await detail.heading('核心交换机-01').waitFor();
    await detail.fillSshPasswordCredential({ name: '核心交换机 SSH', username: 'admin', password });
    // The check below can see a password where there is one: while typed, it is in the input.
    expect(await detail.allVisibleTextAndValues()).toContain(password);
    await detail.saveCredentialWithEnter();
    const row = detail.credentialsTable.getByRole('row').filter({ hasText: '核心交换机 SSH' });
    await row.waitFor();
    expect(await row.textContent()).toContain(zh.credentials.secretSet);
    expect(await row.textContent()).toContain(zh.credentials.kinds['ssh-password']);
    expect(await detail.allVisibleTextAndValues()).not.toContain(password);

    // Replacing starts from an empty secret: the stored one is never sent back.
    await detail.replaceSecretButton('核心交换机 SSH').click();
    await detail.credentialDialog.waitFor();
    expect(await detail.credentialField('username').inputValue()).toBe('admin');
    expect(await detail.credentialField('password').inputValue()).toBe('');
    expect(await detail.allVisibleTextAndValues()).not.toContain(password);
    await session.page.keyboard.press('Escape');
    await detail.credentialDialog.waitFor({ state: 'detached' });

    await session.page.reload();
    await row.waitFor();
    expect(await detail.allVisibleTextAndValues()).not.toContain(password);
  });

  it('attaches the same credential to a second device, which shows it as shared', async () => {
    await shell.open('assets', zh.assets.title);
    await assets.assetLink('应用服务器-01').click();
    await detail.heading('应用服务器-01').waitFor();
    await detail.credentials.getByRole('button', { name: zh.credentials.attach, exact: true }).click();
    const dialog = session.page.getByRole('dialog', { name: fill(zh.credentials.attachTitle, { name: '应用服务器-01' }) });
    await dialog.getByRole('combobox', { name: zh.credentials.attachLabel }).click();
    await session.page.getByRole('option', { name: new RegExp('^核心交换机 SSH') }).click();
    await dialog.getByRole('button', { name: zh.credentials.attachConfirm, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await detail.credentialsTable.getByText(fill(zh.credentials.shared, { count: '2' }), { exact: true }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
