import type { Locator, Page } from 'playwright-core';
import type { AssetType } from '@shared/domain/assets';
import type { Strings } from './strings';

/** The asset list: search, filters, the virtualised table and its empty states. */
export class AssetsPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.assets;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  /** In the page header, or in the empty state when there are no assets yet: only ever one. */
  get addButton(): Locator {
    return this.page.getByRole('button', { name: this.s.add, exact: true });
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: this.s.import, exact: true });
  }

  get emptyState(): Locator {
    return this.page.getByText(this.s.empty.title, { exact: true });
  }

  get noMatches(): Locator {
    return this.page.getByText(this.s.noMatches.title, { exact: true });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: this.s.search });
  }

  get typeFilter(): Locator {
    return this.page.getByRole('combobox', { name: this.s.typeFilter });
  }

  get clearFiltersButton(): Locator {
    return this.page.getByRole('button', { name: this.s.clearFilters, exact: true }).first();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: this.s.tableLabel });
  }

  /** Body rows that are in the DOM (the table renders only those in view). */
  get bodyRows(): Locator {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  assetLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }

  /** "共 3 台" / "3 assets". */
  total(count: number): Locator {
    // Both languages group thousands with a comma.
    const formatted = new Intl.NumberFormat('en-US').format(count);
    const template = count === 1 ? this.s.total_one : this.s.total_other;
    return this.page.getByRole('status').filter({ hasText: template.replace('{{formatted}}', formatted) });
  }

  /** Names of the rows currently loaded and shown, in order. */
  async visibleNames(): Promise<string[]> {
    return this.bodyRows.getByRole('link').allTextContents();
  }

  /** Waits until the list shows exactly these names (the search is debounced, so it settles a moment after typing). */
  async waitForNames(names: string[]): Promise<void> {
    await this.page.waitForFunction(
      ({ label, expected }) => {
        const table = Array.from(document.querySelectorAll('[role="table"]')).find((element) => element.getAttribute('aria-label') === label);
        const groups = table?.querySelectorAll('[role="rowgroup"]');
        const body = groups?.[1];
        if (!body) return false;
        const shown = Array.from(body.querySelectorAll('[role="row"] a')).map((link) => link.textContent);
        return JSON.stringify(shown) === JSON.stringify(expected);
      },
      { label: this.s.tableLabel, expected: names },
    );
  }

  async filterTypes(types: AssetType[]): Promise<void> {
    await this.typeFilter.click();
    for (const type of types) await this.page.getByRole('option', { name: this.strings.assetTypes[type], exact: true }).click();
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('listbox').waitFor({ state: 'detached' });
  }
}
