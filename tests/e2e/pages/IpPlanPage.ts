import type { Locator, Page } from 'playwright-core';
import { fill, type Strings } from './strings';

/** A site's IP plan: subnets, their use, the conflicts, and the subnet dialogs. */
export class IpPlanPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.ipPlan;
  }

  /** The action on a site row of the Locations tree. */
  openLink(siteName: string): Locator {
    return this.page.getByRole('link', { name: fill(this.s.openFor, { name: siteName }), exact: true });
  }

  heading(siteName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: fill(this.s.titleFor, { site: siteName }), exact: true });
  }

  get emptyState(): Locator {
    return this.page.getByText(this.s.empty.title, { exact: true });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: this.s.add, exact: true });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: this.s.table.label, exact: true });
  }

  /** A subnet's row, found by its CIDR (the row header). */
  row(cidr: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: cidr, exact: true }) });
  }

  /** The cells of a subnet's row as text, in column order. */
  async rowCells(cidr: string): Promise<string[]> {
    return (await this.row(cidr).getByRole('cell').allTextContents()).map((text) => text.trim());
  }

  usageBar(cidr: string): Locator {
    return this.page.getByRole('progressbar', { name: fill(this.s.table.usageOf, { cidr }), exact: true });
  }

  expandButton(cidr: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.table.showAddresses, { cidr }), exact: true });
  }

  addresses(cidr: string): Locator {
    return this.page.getByRole('table', { name: fill(this.s.table.addressesOf, { cidr }), exact: true });
  }

  editButton(cidr: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.table.edit, { cidr }), exact: true });
  }

  deleteButton(cidr: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.table.delete, { cidr }), exact: true });
  }

  get conflicts(): Locator {
    return this.page.getByRole('region', { name: this.s.conflicts.duplicateTitle, exact: true });
  }

  get outside(): Locator {
    return this.page.getByRole('region', { name: this.s.conflicts.outsideTitle, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  field(name: 'cidr' | 'vlan' | 'gateway' | 'purpose'): Locator {
    return this.dialog.getByRole('textbox', { name: this.s.fields[name] });
  }

  get dialogError(): Locator {
    return this.dialog.getByRole('alert');
  }

  /** Fills the open subnet dialog (fields left out are left as they are) and submits with Enter. */
  async submitSubnet(values: Partial<Record<'cidr' | 'vlan' | 'gateway' | 'purpose', string>>): Promise<void> {
    for (const [name, value] of Object.entries(values) as ['cidr' | 'vlan' | 'gateway' | 'purpose', string][]) await this.field(name).fill(value);
    await this.field('cidr').press('Enter');
  }

  async addSubnet(values: Partial<Record<'cidr' | 'vlan' | 'gateway' | 'purpose', string>> & { cidr: string }): Promise<void> {
    await this.addButton.click();
    await this.submitSubnet(values);
    await this.dialog.waitFor({ state: 'detached' });
    await this.row(values.cidr).waitFor();
  }

  async cancelDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'detached' });
  }
}
