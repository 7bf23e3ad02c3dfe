import type { Locator, Page } from 'playwright-core';
import type { enResources, zhCNResources } from '../../../renderer/src/i18n/locales';
import type { Strings } from './strings';

/** The drawer's entries: the app names each by `nav.<key>` (renderer/src/app/navigation.tsx NAV_ITEMS). */
export type NavKey = keyof (typeof enResources)['nav'] & keyof (typeof zhCNResources)['nav'];
/** In the drawer's order; the pages test checks that the drawer shows exactly these. */
export const NAV_KEYS = ['assets', 'locations', 'rounds', 'incidents', 'problems', 'knowledge', 'changes', 'checks', 'sync', 'dashboard', 'records', 'reports', 'settings'] as const satisfies readonly NavKey[];
/** A drawer entry named in either language but missing above fails to compile here, naming the key. */
const _everyNavKeyListed: Record<Exclude<keyof (typeof enResources)['nav'] | keyof (typeof zhCNResources)['nav'], (typeof NAV_KEYS)[number]>, never> = {};

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

  /** The drawer's link names, in order. */
  async navNames(): Promise<string[]> {
    return this.navigation.getByRole('link').allTextContents();
  }

  /** Follows the drawer link and waits for the page's h1: `expectedHeading`, or any one of several. */
  async open(key: NavKey, expectedHeading: string | readonly string[]): Promise<void> {
    await this.navLink(key).click();
    const names = typeof expectedHeading === 'string' ? [expectedHeading] : expectedHeading;
    await this.page.getByRole('heading', { level: 1, name: new RegExp(`^(${names.map(escape).join('|')})$`) }).waitFor();
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
