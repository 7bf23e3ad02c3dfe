import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { openApp, type AppSession } from './app-session';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];

describe('errors reach the user with their code', () => {
  let session: AppSession;

  beforeAll(async () => {
    session = await openApp({ lang: 'zh-CN', profile: { name: '王芳', role: 'engineer' } });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('a page opened without the token says api.unauthorized instead of showing a broken console', async () => {
    const stranger = await launchBrowser({ locale: 'zh-CN' });
    try {
      stranger.page.setDefaultTimeout(10_000);
      await stranger.page.goto(`${session.app.origin}/`);
      // system.info is refused before the language is known, so the start screen follows the browser's locale.
      await stranger.page.getByRole('heading', { level: 1, name: zh.app.startFailed }).waitFor();
      const alert = stranger.page.getByRole('alert');
      await alert.getByText('api.unauthorized', { exact: false }).waitFor();
      expect(await alert.textContent()).toContain(zh.errors.api.unauthorized);
      await stranger.page.getByRole('button', { name: zh.app.retry }).waitFor();
    } finally {
      await stranger.close();
    }
  });

  it('an error nobody caught still reaches the user, as internal.error', async () => {
    const { page } = session;
    const shell = new ShellPage(page, zh);
    await shell.navLink('locations').waitFor();
    await page.evaluate(() => {
      void Promise.reject(new Error('boom from a test'));
    });
    await shell.errorSnackbar.getByText('boom from a test', { exact: false }).waitFor();
    expect(await shell.errorSnackbar.textContent()).toContain('internal.error');
    await shell.errorSnackbar.getByRole('button', { name: zh.app.dismiss }).click();
    await shell.errorSnackbar.waitFor({ state: 'detached' });
  });

  it('a call that cannot reach the backend shows api.transport-failed in the snackbar', async () => {
    const { page } = session;
    const shell = new ShellPage(page, zh);
    await shell.open('settings', zh.settings.title);
    const settings = new SettingsPage(page, zh);
    await settings.backupNowButton.waitFor();

    await session.app.stop();
    await settings.backupNowButton.click();

    await shell.errorSnackbar.getByText('api.transport-failed', { exact: false }).waitFor();
    expect(await shell.errorSnackbar.textContent()).toContain(zh.errors.api['transport-failed']);
    // Errors stay until dismissed, with a named close button.
    await shell.errorSnackbar.getByRole('button', { name: zh.app.dismiss }).click();
    await shell.errorSnackbar.waitFor({ state: 'detached' });
  });
});
