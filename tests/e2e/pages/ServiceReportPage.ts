import type { Download, Locator, Page } from 'playwright-core';
import type { Strings } from './strings';

/** One service report in the editor (/reports/:id). */
export class ServiceReportPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.reports;
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  /** A figure of the summary table, by its row label ("例行巡检"). */
  async figure(label: string): Promise<number> {
    const row = this.page.getByRole('table', { name: this.s.figures.summary }).getByRole('row').filter({ has: this.page.getByRole('cell', { name: label, exact: true }) });
    return Number((await row.getByRole('cell').nth(1).textContent())?.trim());
  }

  /** A paragraph of the narrative, by the label the editor gives it. */
  paragraph(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** Picks an incident of the period as a typical fault by typing part of its title. */
  async addTypicalFault(search: string, optionText: string): Promise<void> {
    const picker = this.page.getByRole('combobox', { name: this.s.faults.add });
    await picker.fill(search);
    await this.page.getByRole('option').filter({ hasText: optionText }).first().click();
  }

  /** The editor of one chosen fault (its region is named by the incident's number and title). */
  fault(name: RegExp | string): Locator {
    return this.page.getByRole('region', { name });
  }

  faultField(fault: Locator, field: 'happened' | 'cause' | 'fix'): Locator {
    return fault.getByRole('textbox', { name: this.s.faults[field], exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.s.actions.save, exact: true }).click();
    await this.page.getByText(this.s.saved).waitFor();
  }

  /** Presses Ctrl+S in the page (the keyboard way to save). */
  async saveWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await this.page.getByText(this.s.saved).waitFor();
  }

  get unsavedNotice(): Locator {
    return this.page.getByText(this.s.detail.unsaved);
  }

  /** Starts an export and resolves with the browser's download once the file arrives. */
  async export(format: 'pdf' | 'xlsx'): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 });
    await this.page.getByRole('button', { name: format === 'pdf' ? this.s.actions.exportPdf : this.s.actions.exportXlsx, exact: true }).click();
    return download;
  }
}
