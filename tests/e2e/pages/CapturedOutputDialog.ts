import type { Locator, Page } from 'playwright-core';
import { escapeRegExp } from './AssetChecksSection';
import { fill, type Strings } from './strings';

/** "粘贴采集的输出": choose the command, paste the text, read and keep it. */
export class CapturedOutputDialog {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
    readonly assetName: string,
  ) {}

  private get s() {
    return this.strings.captured;
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: fill(this.s.title, { name: this.assetName }) });
  }

  /** Picks a parser by its command, within the group of its vendor. */
  async chooseCommand(command: string, dialect: keyof Strings['captured']['dialects']): Promise<void> {
    await this.dialog.getByRole('combobox', { name: this.s.parser }).click();
    const group = this.s.dialects[dialect];
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(command)}\\s*${escapeRegExp(group)}$`) }).click();
  }

  get text(): Locator {
    return this.dialog.getByRole('textbox', { name: this.s.text });
  }

  get submitButton(): Locator {
    return this.dialog.getByRole('button', { name: this.s.submit, exact: true });
  }

  /** Shown once core has parsed and stored the text. */
  get saved(): Locator {
    return this.dialog.getByText(this.s.savedBody, { exact: true });
  }

  get metricsTable(): Locator {
    return this.dialog.getByRole('table', { name: this.strings.checks.result.metrics, exact: true });
  }

  /** A parsed metric's row, by its label in the UI language. */
  metric(label: string): Locator {
    return this.metricsTable.getByRole('row').filter({ hasText: label });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: this.strings.checks.close, exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
