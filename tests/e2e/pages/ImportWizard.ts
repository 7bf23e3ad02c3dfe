import type { Locator, Page } from 'playwright-core';
import { fill, type Strings } from './strings';

/** A template such as "Import {{formatted}} assets" as a pattern matching any value. */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`);
}

/** The asset import wizard (file → mapping → check → import). */
export class ImportWizard {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.assetImport;
  }

  /** "导入…" in the toolbar, or the empty register's own import button ("导入"). */
  get openButton(): Locator {
    const name = this.s.open.replace(/…$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('button', { name: new RegExp(`^${name}…?$`) });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.title });
  }

  async open(): Promise<void> {
    await this.openButton.first().click();
    await this.dialog.waitFor();
  }

  get fileInput(): Locator {
    return this.dialog.getByLabel(this.s.file.input, { exact: true });
  }

  /** Uploads a file through the file input (what a click on "Choose file…" opens) and waits for the mapping step. */
  async chooseFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await this.mappingTable.waitFor();
  }

  /** Drops a file on the wizard's drop zone, as dragging it from the file manager does. */
  async dropFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, mimeType, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mimeType }));
        return transfer;
      },
      { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
    );
    const zone = this.dialog.getByText(this.s.file.dropHere, { exact: true });
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await this.mappingTable.waitFor();
  }

  get fileSummary(): Locator {
    return this.dialog.getByRole('group', { name: this.s.file.summaryLabel });
  }

  get mappingTable(): Locator {
    return this.dialog.getByRole('table', { name: this.s.mapping.tableLabel });
  }

  mappingSelect(header: string): Locator {
    return this.dialog.getByRole('combobox', { name: fill(this.s.mapping.selectLabel, { header }), exact: true });
  }

  get previewButton(): Locator {
    return this.dialog.getByRole('button', { name: this.s.toPreview, exact: true });
  }

  /** Goes from the mapping to the dry run and waits for its result. */
  async toPreview(): Promise<void> {
    await this.previewButton.click();
    await this.summary.waitFor();
  }

  get summary(): Locator {
    return this.dialog.getByRole('group', { name: this.s.summary.label });
  }

  /** The number shown under one of the summary's labels ("Rows", "With problems", …). */
  async summaryValue(label: string): Promise<string> {
    return (await this.summary.getByRole('group', { name: label, exact: true }).getByRole('definition').textContent()) ?? '';
  }

  get problemsTable(): Locator {
    return this.dialog.getByRole('table', { name: this.s.problems.tableLabel });
  }

  /** Data rows of the problems table (the header row left out). */
  get problemRows(): Locator {
    return this.problemsTable.locator('tbody').getByRole('row');
  }

  get noProblems(): Locator {
    return this.dialog.getByRole('alert').filter({ hasText: templatePattern(this.s.problems.none) });
  }

  fixButton(row: number, header: string): Locator {
    return this.dialog.getByRole('button', { name: fill(this.s.fix.open, { row: String(row), header }), exact: true });
  }

  /** The highlighted cell in the file preview grid. */
  errorCell(row: number, header: string): Locator {
    const pattern = fill(this.s.fix.cell, { row: String(row), header, value: '\u0000', message: '\u0001' })
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\u0000', '.*')
      .replace('\u0001', '.*');
    return this.dialog.getByRole('button', { name: new RegExp(`^${pattern}$`) });
  }

  cellEditor(row: number, header: string): Locator {
    return this.dialog.getByRole('textbox', { name: fill(this.s.fix.label, { row: String(row), header }), exact: true });
  }

  get createLocations(): Locator {
    return this.dialog.getByRole('checkbox', { name: this.s.options.createLocations });
  }

  get commitButton(): Locator {
    return this.dialog.getByRole('button', { name: templatePattern(this.s.commit.button) });
  }

  get refusal(): Locator {
    return this.dialog.getByRole('alert').filter({ hasText: this.s.commit.refusedTitle });
  }

  get cancelButton(): Locator {
    return this.dialog.getByRole('button', { name: this.s.cancel, exact: true });
  }
}
