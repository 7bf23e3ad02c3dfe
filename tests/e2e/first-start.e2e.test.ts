import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './app-session';
import { LocationsPage } from './pages/LocationsPage';
import { ProfileDialog } from './pages/ProfileDialog';
import { SettingsPage } from './pages/SettingsPage';
import { NAV_KEYS, ShellPage } from './pages/ShellPage';
import { STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];
const en = STRINGS.en;

describe('first start in Chinese', () => {
  let session: AppSession;

  beforeAll(async () => {
    session = await openApp({ lang: 'zh-CN' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks who is working before anything else, and will not be dismissed', async () => {
    const { page } = session;
    const shell = new ShellPage(page, zh);
    const profile = new ProfileDialog(page, zh);

    await profile.root.waitFor();
    expect(await shell.documentLanguage()).toBe('zh-CN');
    // The token moved from the address bar into sessionStorage.
    expect(page.url()).not.toContain('token=');

    await page.keyboard.press('Escape');
    // An empty name is refused in the dialog (which is still there after Escape).
    await profile.submitButton.click();
    await profile.root.getByText(zh.validation.required).waitFor();

    await profile.complete('张伟', 'supervisor');
    await page.getByText('张伟 · 主管', { exact: true }).waitFor();
  });

  it('creates a client, a site and a machine room in the Chinese UI that survive a reload', async () => {
    const { page } = session;
    const locations = new LocationsPage(page, zh);

    // The app opens on the rounds home; the location tree is one click away.
    await new ShellPage(page, zh).open('locations', zh.locations.title);
    await locations.heading.waitFor();
    expect(await locations.heading.textContent()).toBe('位置');
    await locations.emptyState.waitFor();

    await locations.addClient('华东医院');
    await locations.addSite('华东医院', '主院区');
    await locations.addRoom('主院区', '一号机房');

    await page.reload();
    await locations.client('华东医院').waitFor();
    await locations.site('主院区').waitFor();
    await locations.room('一号机房').waitFor();
    // The profile was saved, so the first-start dialog does not come back.
    expect(await new ProfileDialog(page, zh).root.count()).toBe(0);
  });

  it('switches to English in Settings, live and for the next start', async () => {
    const { page } = session;
    const shell = new ShellPage(page, zh);

    await shell.open('settings', zh.settings.title);
    await new SettingsPage(page, zh).chooseLanguage('en', en);

    shell.strings = en;
    expect(await shell.documentLanguage()).toBe('en');
    for (const key of NAV_KEYS) await shell.navLink(key).waitFor();
    await shell.productName.waitFor();

    await shell.open('locations', en.locations.title);
    const locations = new LocationsPage(page, en);
    await locations.addSiteButton('华东医院').waitFor();
    await locations.addRoomButton('主院区').waitFor();

    await page.reload();
    await locations.heading.waitFor();
    expect(await shell.documentLanguage()).toBe('en');
    for (const key of NAV_KEYS) await shell.navLink(key).waitFor();
    await locations.room('一号机房').waitFor();
    expect(await page.getByText(zh.locations.title, { exact: true }).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
