import type { Download, Locator, Page } from 'playwright-core';
import type { Language } from '@shared/domain/profile';
import type { Strings } from './strings';

/** One round being walked: rows by item label, the keyboard, incidents, the finish dialog, the report. */
export class RoundRunnerPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.rounds;
  }

  heading(templateName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: templateName, exact: true });
  }

  /** The row of an item (a group named by the item's label). */
  row(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  /** The reading field of a number item. */
  reading(label: string): Locator {
    return this.row(label).getByRole('textbox', { name: label, exact: true });
  }

  note(label: string): Locator {
    return this.row(label).getByRole('textbox', { name: new RegExp(`^(${escape(this.s.runner.noteRequired)}|${escape(this.s.runner.note)})`) });
  }

  /** The outcome the row shows: ok, warning, failed, not-applicable, or none before an entry. */
  async outcome(label: string): Promise<string | null> {
    return this.row(label).getAttribute('data-outcome');
  }

  /** Waits until the row has its saved tick. */
  async saved(label: string): Promise<void> {
    await this.row(label).getByRole('img', { name: this.s.runner.saved }).waitFor();
  }

  /** Whether keyboard focus is inside the row (its field, or the row itself). */
  async focused(label: string): Promise<boolean> {
    return this.row(label).evaluate((element) => element.contains(document.activeElement));
  }

  raiseIncidentButton(label: string): Locator {
    return this.row(label).getByRole('button', { name: this.s.incident.raise, exact: true });
  }

  get incidentDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.incident.dialogTitle });
  }

  /** The link to the incident raised from a row (its number, INC-…). */
  incidentLink(label: string): Locator {
    return this.row(label).getByRole('link', { name: new RegExp(`^${escape(this.s.incident.open.split('{{')[0] ?? '')}`) });
  }

  get finishButton(): Locator {
    return this.page.getByRole('button', { name: this.s.runner.finish, exact: true });
  }

  get finishDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.finish.title });
  }

  /** Draws a stroke across the signature pad with the mouse, as a person signs. */
  async drawSignature(): Promise<void> {
    const pad = this.finishDialog.getByRole('img', { name: this.s.sign.padLabel });
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('The signature pad is not visible');
    const { mouse } = this.page;
    await mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
    await mouse.down();
    for (let step = 1; step <= 12; step++) await mouse.move(box.x + box.width * (0.1 + step * 0.06), box.y + box.height * (0.6 - 0.3 * Math.sin(step / 2)));
    await mouse.up();
  }

  get signButton(): Locator {
    return this.finishDialog.getByRole('button', { name: this.s.finish.sign, exact: true });
  }

  /** The read-only notice of a signed round (found by its fixed words, after the name and time). */
  get signedBanner(): Locator {
    const text = this.s.runner.signedBanner;
    return this.page.getByRole('alert').filter({ hasText: text.slice(text.lastIndexOf('}}') + 2) });
  }

  /** Opens the report menu, picks the language and resolves to the PDF download. */
  async downloadReport(language: Language): Promise<Download> {
    await this.page.getByRole('button', { name: this.s.report.button, exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: this.s.report.language[language], exact: true }).click();
    return download;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
