import type { Locator, Page } from 'playwright-core';
import { fill, type Strings } from './strings';

/** 配置备份 on a network device's page: fetch, versions, differences. */
export class ConfigBackupsSection {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.configBackups;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: this.s.title, exact: true });
  }

  get fetchButton(): Locator {
    return this.region.getByRole('button', { name: this.s.fetchNow, exact: true });
  }

  get versionsTable(): Locator {
    return this.region.getByRole('table', { name: this.s.listLabel, exact: true });
  }

  /** Version rows, newest first. */
  get versions(): Locator {
    return this.versionsTable.locator('tbody tr');
  }

  async select(index: number): Promise<void> {
    await this.versions.nth(index).getByRole('checkbox').check();
  }

  get compareButton(): Locator {
    return this.region.getByRole('button', { name: this.s.compare, exact: true });
  }

  /** The open diff dialog (its title names both versions). */
  get diffDialog(): Locator {
    const prefix = fill(this.s.diff.title, { from: '\u0000', to: '\u0000' }).split('\u0000')[0]!;
    return this.page.getByRole('dialog').filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${prefix}`) }) });
  }

  diffLines(kind: 'add' | 'remove' | 'context'): Locator {
    return this.diffDialog.locator(`tr[data-diff="${kind}"]`);
  }
}
