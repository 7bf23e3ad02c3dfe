import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { AssetsPage } from './pages/AssetsPage';
import { ShellPage } from './pages/ShellPage';
import { fill, STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];
const COUNT = 1000;

/**
 * The list with more assets than one page (200) holds: only the rows in view
 * are in the DOM, further pages load as they scroll into view, and selection
 * spans rows that were never on screen.
 */
describe('asset list at scale (zh-CN)', () => {
  let session: AppSession;
  let assets: AssetsPage;

  beforeAll(async () => {
    session = await openApp({ lang: 'zh-CN', profile: { name: '张伟', role: 'engineer' } });
    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        const index = next++;
        const number = String(index).padStart(4, '0');
        await callApi(session.app, 'assets.create', { type: index % 2 === 0 ? 'server' : 'switch', name: `设备-${number}`, assetTag: `T-${number}` });
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    assets = new AssetsPage(session.page, zh);
    await new ShellPage(session.page, zh).open('assets', zh.assets.title);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('renders only the rows in view and loads later pages on scroll', async () => {
    await assets.total(COUNT).waitFor();
    await assets.assetLink('设备-0000').waitFor();
    const inDom = await assets.bodyRows.count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(60);
    // The last row is on page 5, which is fetched only once the table scrolls there.
    await assets.table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await assets.assetLink('设备-0999').waitFor();
    expect(await assets.bodyRows.count()).toBeLessThan(60);
    expect(await assets.table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
  });

  it('selects a range with Shift and every matching asset with the header box', async () => {
    const { page } = session;
    await assets.table.evaluate((element) => element.scrollTo({ top: 0 }));
    await assets.assetLink('设备-0000').waitFor();
    await page.getByRole('checkbox', { name: fill(zh.assets.selectRow, { name: '设备-0001' }) }).click();
    await page.getByRole('checkbox', { name: fill(zh.assets.selectRow, { name: '设备-0006' }) }).click({ modifiers: ['Shift'] });
    await page.getByText(fill(zh.assets.selected, { formatted: '6' }), { exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: fill(zh.assets.selectRow, { name: '设备-0000' }) }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: fill(zh.assets.selectRow, { name: '设备-0004' }) }).isChecked()).toBe(true);

    await page.getByRole('checkbox', { name: zh.assets.clearSelection }).click();
    await page.getByText(fill(zh.assets.selected, { formatted: '6' }), { exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: zh.assets.selectAll }).click();
    await page.getByText(fill(zh.assets.selected, { formatted: '1,000' }), { exact: true }).waitFor();
  });

  it('keeps the selection while searching, and sorts in core by a column header', async () => {
    const { page } = session;
    await assets.search.fill('设备-09');
    await assets.total(100).waitFor();
    // A selection can be built across searches (labels for several rooms at once).
    await page.getByText(fill(zh.assets.selected, { formatted: '1,000' }), { exact: true }).waitFor();
    await assets.search.fill('');
    await assets.total(COUNT).waitFor();
    await assets.table.getByRole('button', { name: zh.assets.columns.name }).click();
    await assets.assetLink('设备-0999').waitFor();
    expect((await assets.visibleNames())[0]).toBe('设备-0999');
    expect(await assets.table.getByRole('columnheader', { name: zh.assets.columns.name }).getAttribute('aria-sort')).toBe('descending');
    expect(session.pageErrors).toEqual([]);
  });
});
