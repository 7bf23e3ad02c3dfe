import type { Locator, Page } from 'playwright-core';
import type { Strings } from './strings';

/** The QR label sheet dialog. */
export class LabelsDialog {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.labels;
  }

  get openButton(): Locator {
    return this.page.getByRole('button', { name: this.s.open, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.title });
  }

  layout(columns: number, rows: number): Locator {
    const name = this.s.layoutOption
      .replace('{{columns}}', String(columns))
      .replace('{{rows}}', String(rows))
      .replace('{{count}}', String(columns * rows));
    return this.dialog.getByRole('radio', { name, exact: true });
  }

  get printButton(): Locator {
    return this.dialog.getByRole('button', { name: this.s.print, exact: true });
  }
}
