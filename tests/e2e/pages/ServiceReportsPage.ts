import type { Locator, Page } from 'playwright-core';
import type { Strings } from './strings';

/** 服务报告 list (/reports) and its New report dialog. */
export class ServiceReportsPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.reports;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  get newButton(): Locator {
    return this.page.getByRole('button', { name: this.s.actions.new, exact: true }).first();
  }

  get newDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.new.title });
  }

  /** The link of a report in the list, by its title. */
  reportLink(title: string): Locator {
    return this.page.getByRole('table', { name: this.s.list.label }).getByRole('link', { name: title, exact: true });
  }

  /** The list's row of a report, by its title. */
  reportRow(title: string): Locator {
    return this.page
      .getByRole('table', { name: this.s.list.label })
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /**
   * Opens New report, picks the client (and the period kind when given; the
   * period stays the last full one) and creates it; resolves once the editor shows.
   */
  async create(client: string, options: { kind?: keyof Strings['reports']['periodKinds'] } = {}): Promise<void> {
    await this.newButton.click();
    const dialog = this.newDialog;
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: this.s.fields.client }).click();
    await this.page.getByRole('option', { name: client, exact: true }).click();
    if (options.kind) {
      await dialog.getByRole('combobox', { name: this.s.fields.periodKind }).click();
      await this.page.getByRole('option', { name: this.s.periodKinds[options.kind], exact: true }).click();
    }
    await dialog.getByRole('button', { name: this.s.new.create, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
