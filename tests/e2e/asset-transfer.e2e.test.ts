import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { AssetDetailPage } from './pages/AssetDetailPage';
import { AssetsPage } from './pages/AssetsPage';
import { ImportWizard, templatePattern } from './pages/ImportWizard';
import { LabelsDialog } from './pages/LabelsDialog';
import { RackPage } from './pages/RackPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS, fill } from './pages/strings';

const zh = STRINGS['zh-CN'];
const run = promisify(execFile);

const HEADERS = ['设备名称', '设备类型', '厂商', '型号', '序列号', '资产编号', 'IP地址', '机房', '机柜', 'U位'];
const pad = (n: number, width = 3) => String(n).padStart(width, '0');

/** One CSV line; cells with a comma or a quote are quoted the way Excel does. */
function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

/** 50 devices of a hospital machine room, as a client's spreadsheet lists them; `badIpRow` (0-based) gets an address that cannot be. */
function deviceRows(count: number, badIpRow: number | null): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const server = i % 5 !== 0;
    return [
      server ? `应用服务器-${pad(i + 1)}` : `接入交换机-${pad(i + 1)}`,
      server ? '服务器' : '交换机',
      ['华为', '浪潮', '新华三'][i % 3] as string,
      server ? 'RH2288H V5' : 'S5735-L48T4X',
      `SN2024${pad(i + 1, 5)}`,
      `ZC-${pad(i + 1, 4)}`,
      i === badIpRow ? '10.20.1.999' : `10.20.1.${i + 10}`,
      '一号机房',
      i < 25 ? 'A01' : 'A02',
      String((i % 25) + 1),
    ];
  });
}

async function assetTotal(session: AppSession): Promise<number> {
  const page = (await callApi(session.app, 'assets.list', { limit: 1000 })) as { total: number };
  return page.total;
}

describe('asset import, export and labels (zh-CN, real backend)', () => {
  let session: AppSession;
  let wizard: ImportWizard;
  let labels: LabelsDialog;
  let shell: ShellPage;
  let workDir: string;

  beforeAll(async () => {
    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    workDir = await mkdtemp(join(tmpdir(), 'walkdown-transfer-'));
    // The room and racks the sheet names exist already; the import finds them by name.
    const { id: clientId } = (await callApi(session.app, 'locations.create', { kind: 'client', name: '华东医院' })) as { id: string };
    const { id: siteId } = (await callApi(session.app, 'locations.create', { kind: 'site', clientId, name: '主院区' })) as { id: string };
    const { id: roomId } = (await callApi(session.app, 'locations.create', { kind: 'room', siteId, name: '一号机房' })) as { id: string };
    await callApi(session.app, 'locations.create', { kind: 'rack', roomId, name: 'A01' });
    await callApi(session.app, 'locations.create', { kind: 'rack', roomId, name: 'A02' });
    wizard = new ImportWizard(session.page, zh);
    labels = new LabelsDialog(session.page, zh);
    shell = new ShellPage(session.page, zh);
    await shell.navLink('assets').waitFor();
    await shell.navLink('assets').click();
  });

  afterAll(async () => {
    await session?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('refuses the whole file when a row with a problem is committed unfixed, and imports nothing', async () => {
    const rows = deviceRows(5, null);
    rows[2]![1] = '不存在的类型';
    const text = [csvLine(HEADERS), ...rows.map(csvLine)].join('\r\n');
    await wizard.open();
    // This one arrives by drag and drop onto the wizard.
    await wizard.dropFile({ name: '坏数据.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) });
    await wizard.fileSummary.getByText(fill(zh.assetImport.file.encoding, { encoding: zh.assetImport.file.utf8Bom }), { exact: true }).waitFor();
    await wizard.toPreview();
    expect(await wizard.problemRows.count()).toBe(1);
    expect(await wizard.summaryValue(zh.assetImport.summary.invalid)).toBe('1');

    await wizard.commitButton.click();
    await wizard.refusal.waitFor();
    expect(await wizard.dialog.getByText('import.invalid-rows', { exact: false }).count()).toBeGreaterThan(0);
    // The problem is listed again, on line 4 (header on line 1), in the type column.
    await wizard.fixButton(4, '设备类型').waitFor();
    expect(await assetTotal(session)).toBe(0);

    // From the keyboard: Enter on "Fix" opens the editor with focus in it; Escape leaves the editor, not the wizard.
    await wizard.fixButton(4, '设备类型').focus();
    await session.page.keyboard.press('Enter');
    const editor = wizard.cellEditor(4, '设备类型');
    await editor.waitFor();
    expect(await editor.evaluate((element) => element === document.activeElement)).toBe(true);
    await session.page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await wizard.dialog.waitFor();

    // Escape again closes the wizard, and core is told to forget the staged file.
    const discarded = session.page.waitForRequest((request) => request.url().endsWith('/rpc/imports.discard'));
    await session.page.keyboard.press('Escape');
    await wizard.dialog.waitFor({ state: 'detached' });
    await discarded;
    expect(await assetTotal(session)).toBe(0);
  });

  it('imports 50 rows from a GB18030 CSV after fixing the one bad address inline', async () => {
    const badRow = 16;
    const text = [csvLine(HEADERS), ...deviceRows(50, badRow).map(csvLine)].join('\r\n') + '\r\n';
    await wizard.open();
    await wizard.chooseFile({ name: '资产清单.csv', mimeType: 'text/csv', buffer: iconv.encode(text, 'gb18030') });

    // What core read: the encoding, the format and the row count.
    const summary = (await wizard.fileSummary.textContent()) ?? '';
    expect(summary).toContain('资产清单.csv');
    expect(summary).toContain(fill(zh.assetImport.file.encoding, { encoding: 'GBK / GB18030' }));
    expect(summary).toContain(fill(zh.assetImport.file.rows, { formatted: '50' }));

    // Every Chinese header was recognised.
    const expected: Record<string, string> = {
      设备名称: 'name',
      设备类型: 'type',
      厂商: 'vendor',
      型号: 'model',
      序列号: 'serialNumber',
      资产编号: 'assetTag',
      IP地址: 'managementIps',
      机房: 'room',
      机柜: 'rack',
      U位: 'rackUStart',
    };
    for (const [header, field] of Object.entries(expected)) expect(await wizard.mappingSelect(header).inputValue(), header).toBe(field);
    expect(await unnamedControls(session.page)).toEqual([]);

    // Without the name column nothing can be imported: the wizard says so and stays.
    await wizard.mappingSelect('设备名称').selectOption('');
    await wizard.previewButton.click();
    await wizard.dialog.getByText(fill(zh.assetImport.mapping.missing, { fields: zh.assetImport.fields.name }), { exact: true }).waitFor();
    await wizard.mappingSelect('设备名称').selectOption('name');

    await wizard.toPreview();
    expect(await wizard.summaryValue(zh.assetImport.summary.rows)).toBe('50');
    expect(await wizard.summaryValue(zh.assetImport.summary.invalid)).toBe('1');
    expect(await wizard.problemRows.count()).toBe(1);
    const line = badRow + 2;
    const problem = ((await wizard.problemRows.first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(problem).toContain(String(line));
    expect(problem).toContain('IP地址');
    expect(problem).toContain(zh.errors.import['cell-invalid']);
    expect(problem).toContain('10.20.1.999');
    expect(await unnamedControls(session.page)).toEqual([]);

    // The same cell is highlighted in the file preview; a click there opens the editor with its value.
    await wizard.errorCell(line, 'IP地址').click();
    const editor = wizard.cellEditor(line, 'IP地址');
    expect(await editor.inputValue()).toBe('10.20.1.999');
    await editor.fill('10.20.1.99');
    await editor.press('Enter');
    await wizard.noProblems.waitFor();
    expect(await wizard.summaryValue(zh.assetImport.summary.create)).toBe('50');

    await wizard.commitButton.click();
    await wizard.dialog.waitFor({ state: 'detached' });
    await session.page.getByText(templatePattern(zh.assetImport.commit.done)).waitFor();

    const list = (await callApi(session.app, 'assets.list', { limit: 1000 })) as { total: number; rows: { name: string; managementIps: string[]; location: { rackName: string | null } }[] };
    expect(list.total).toBe(50);
    const fixed = list.rows.find((asset) => asset.name === `应用服务器-${pad(badRow + 1)}`);
    expect(fixed?.managementIps).toEqual(['10.20.1.99']);
    expect(fixed?.location.rackName).toBe('A01');
    expect(session.pageErrors).toEqual([]);
  });

  it('exports the list as CSV with a UTF-8 BOM and the Chinese names', async () => {
    await session.page.getByRole('button', { name: zh.assetExport.open, exact: true }).click();
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('menuitem', { name: new RegExp(`^${zh.assetExport.csv}`) }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('应用服务器-002');
    expect(text).toContain('接入交换机-001');
    expect(text.split(/\r?\n/).filter((row) => row.trim() !== '').length).toBe(51);
    await session.page.getByText(templatePattern(zh.assetExport.done)).waitFor();
  });

  it('finds an imported device by a Chinese substring and opens its rack view', async () => {
    const assets = new AssetsPage(session.page, zh);
    const detail = new AssetDetailPage(session.page, zh);
    const rack = new RackPage(session.page, zh);
    // 服务 is two characters (the gram index), 017 three (the trigram index): both must match.
    await assets.search.fill('服务 017');
    await assets.waitForNames(['应用服务器-017']);
    await assets.assetLink('应用服务器-017').click();
    await detail.heading('应用服务器-017').waitFor();
    await detail.rackLink('A01').click();
    await rack.heading('A01').waitFor();
    // Row 17 of the sheet sits at U17 of A01.
    await rack.device({ name: '应用服务器-017', type: 'server', status: 'in-use', range: 'U17' }).waitFor();
    await shell.navLink('assets').click();
    await assets.search.fill('');
    await assets.heading.waitFor();
  });

  it('prints QR labels for the selected assets as a PDF that names their tags', async () => {
    const { page } = session;
    // With nothing selected the action is there but disabled.
    expect(await labels.openButton.isDisabled()).toBe(true);
    // The first rows of the table (sorted by name); the table renders only what is in view.
    for (const name of ['应用服务器-002', '应用服务器-003', '应用服务器-007']) {
      await page.getByRole('checkbox', { name: new RegExp(name) }).check();
    }
    await labels.openButton.click();
    await labels.dialog.waitFor();
    await labels.layout(4, 10).check();
    const [download] = await Promise.all([page.waitForEvent('download'), labels.printButton.click()]);
    await labels.dialog.waitFor({ state: 'detached' });
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = join(workDir, 'labels.pdf');
    await download.saveAs(pdfPath);
    expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout } = await run('pdftotext', ['-layout', pdfPath, '-']);
    for (const tag of ['ZC-0002', 'ZC-0003', 'ZC-0007']) expect(stdout).toContain(tag);
    expect(stdout).not.toContain('ZC-0004');
    await writeFile(join(workDir, 'labels.txt'), stdout);
    expect(session.pageErrors).toEqual([]);
  });

  it('reads its own XLSX export back: every row is a duplicate, and skipping them imports nothing new', async () => {
    const { page } = session;
    await page.getByRole('button', { name: zh.assetExport.open, exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: new RegExp(`^${zh.assetExport.xlsx}`) }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const buffer = await readFile(await download.path());
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');

    await wizard.open();
    await wizard.chooseFile({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    expect(await wizard.fileSummary.textContent()).toContain(fill(zh.assetImport.file.format, { format: 'XLSX' }));
    await wizard.toPreview();
    expect(await wizard.summaryValue(zh.assetImport.summary.rows)).toBe('50');
    const duplicates = wizard.dialog.getByRole('table', { name: zh.assetImport.duplicates.tableLabel });
    expect(await duplicates.locator('tbody').getByRole('row').count()).toBe(50);

    await wizard.dialog.getByRole('radio', { name: zh.assetImport.duplicates.skip, exact: true }).check();
    await wizard.dialog.getByRole('group', { name: zh.assetImport.summary.skip, exact: true }).getByText('50', { exact: true }).waitFor();
    await wizard.commitButton.click();
    await wizard.dialog.waitFor({ state: 'detached' });
    expect(await assetTotal(session)).toBe(50);
  });
});
