import type { Locator, Page } from 'playwright-core';
import type { Strings } from './strings';

export type NavKey = keyof Strings['nav'];
export const NAV_KEYS = ['assets', 'locations', 'rounds', 'incidents', 'problems', 'knowledge', 'checks', 'sync', 'reports', 'settings'] as const satisfies readonly NavKey[];

/** The app bar and the navigation drawer around every page. */
export class ShellPage {
  constructor(
    readonly page: Page,
    public strings: Strings,
  ) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: this.strings.app.navigation });
  }

  navLink(key: NavKey): Locator {
    return this.navigation.getByRole('link', { name: this.strings.nav[key], exact: true });
  }

  /** The page's one h1. */
  heading(name?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name, exact: true } : {}) });
  }

  async open(key: NavKey, expectedHeading: string): Promise<void> {
    await this.navLink(key).click();
    await this.heading(expectedHeading).waitFor();
  }

  /** The product name in the app bar, in the current language. */
  get productName(): Locator {
    return this.page.getByText(this.strings.app.name, { exact: true }).first();
  }

  async documentLanguage(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** The app-wide snackbar's error alert (the dialogs' alerts are inside their dialog). */
  get errorSnackbar(): Locator {
    return this.page.locator('.MuiSnackbar-root').getByRole('alert');
  }
}
