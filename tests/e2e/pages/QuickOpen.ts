import type { Locator, Page } from 'playwright-core';
import { fill, type Strings } from './strings';

/** The Ctrl+K quick open dialog. */
export class QuickOpen {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.quickOpen;
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.title });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.label });
  }

  get appBarButton(): Locator {
    return this.page.getByRole('button', { name: this.s.open, exact: true });
  }

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.input.waitFor();
  }

  /** Types the way a USB scanner does: the whole code at once, then Enter, without waiting for results. */
  async scan(code: string): Promise<void> {
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  option(name: string | RegExp): Locator {
    return this.dialog.getByRole('option', { name });
  }

  createOption(tag: string): Locator {
    return this.dialog.getByRole('option', { name: fill(this.s.create, { tag }), exact: true });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'detached' });
  }
}
