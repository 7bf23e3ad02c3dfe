import type { Page } from 'playwright-core';
import type { Language, Profile } from '@shared/domain/profile';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { callApi, startWebApp, type WebApp } from '../support/web-app';
import { STRINGS, type Strings } from './pages/strings';

export interface AppSession {
  app: WebApp;
  browser: TestBrowser;
  page: Page;
  strings: Strings;
  /** Errors thrown in the page; a test that expects none asserts this is empty. */
  pageErrors: Error[];
  close(): Promise<void>;
}

/**
 * A fresh backend (own data directory) and a fresh browser profile. With
 * `profile`, the local user is saved through the API first, for tests that
 * are not about the first start.
 */
export async function openApp(options: { lang: Language; profile?: Profile; dataDir?: string }): Promise<AppSession> {
  const app = await startWebApp({ lang: options.lang, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  let browser: TestBrowser | null = null;
  try {
    if (options.profile) await callApi(app, 'profile.save', options.profile);
    browser = await launchBrowser({ locale: options.lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    const page = browser.page;
    // Fail within seconds, not Playwright's default 30 s, when the UI is not what the test expects.
    page.setDefaultTimeout(10_000);
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(app.url);
    const opened = browser;
    return {
      app,
      browser: opened,
      page,
      strings: STRINGS[options.lang],
      pageErrors,
      async close() {
        await opened.close();
        await app.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.stop();
    throw error;
  }
}
