import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '@shared/domain/profile';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { countButtons, unnamedControls } from './pages/accessibility';
import { NAV_KEYS, ShellPage, type NavKey } from './pages/ShellPage';
import { STRINGS, type Strings } from './pages/strings';

function headingOf(key: NavKey, strings: Strings): string {
  if (key === 'locations') return strings.locations.title;
  if (key === 'settings') return strings.settings.title;
  return strings.placeholders[key].title;
}

describe.each<Language>(['zh-CN', 'en'])('every page in %s', (lang) => {
  const strings = STRINGS[lang];
  let session: AppSession;
  let shell: ShellPage;

  beforeAll(async () => {
    session = await openApp({ lang, profile: { name: 'Li Na', role: 'admin' } });
    // Some data, so the Locations page shows its per-node buttons too.
    const { id: clientId } = (await callApi(session.app, 'locations.create', { kind: 'client', name: 'Client A' })) as { id: string };
    const { id: siteId } = (await callApi(session.app, 'locations.create', { kind: 'site', clientId, name: 'Site A' })) as { id: string };
    const { id: roomId } = (await callApi(session.app, 'locations.create', { kind: 'room', siteId, name: 'Room A' })) as { id: string };
    await callApi(session.app, 'locations.create', { kind: 'rack', roomId, name: 'Rack A' });
    shell = new ShellPage(session.page, strings);
    await shell.navLink('assets').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each(NAV_KEYS)('%s renders its heading and names every control', async (key) => {
    await shell.open(key, headingOf(key, strings));
    // Data-backed parts have loaded once their content is there.
    if (key === 'locations') await session.page.getByText('Rack A', { exact: true }).waitFor();
    if (key === 'settings') await session.page.getByRole('table', { name: strings.settings.activity.title }).waitFor();

    expect(await unnamedControls(session.page)).toEqual([]);
    expect(await session.page.getByText(strings.errors.pageCrashed).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('has named buttons to check on the Locations page (the check above is not vacuous)', async () => {
    await shell.open('locations', strings.locations.title);
    await session.page.getByText('Rack A', { exact: true }).waitFor();
    // Add client, add site, add room, add rack, and rename + delete for each of the four nodes.
    expect(await countButtons(session.page)).toBeGreaterThanOrEqual(12);
  });

  it('folds the navigation behind a named menu button in a narrow window', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 600, height: 800 });
    try {
      const menu = page.getByRole('button', { name: strings.app.openNavigation });
      await menu.click();
      await shell.open('settings', strings.settings.title);
      expect(await unnamedControls(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
