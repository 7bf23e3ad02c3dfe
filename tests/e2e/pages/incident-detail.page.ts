import type { Download, Locator, Page } from 'playwright-core';
import type { IncidentStatus, PendingReason } from '@shared/domain/incidents';
import type { Language } from '@shared/domain/profile';
import { fill, type Strings } from './strings';

type Action = keyof Strings['incidents']['actions'] & ('acknowledge' | 'start' | 'resume' | 'pend' | 'resolve' | 'close' | 'reopen');

/** One incident's page: header and status buttons, SLA timers, work log, evidence, attachments, timeline, fault report. */
export class IncidentDetailPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.incidents;
  }

  heading(title?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(title ? { name: title, exact: true } : {}) });
  }

  /** The group of status buttons under the header. */
  get actions(): Locator {
    return this.page.getByRole('group', { name: this.s.actions.label });
  }

  actionButton(action: Action): Locator {
    return this.actions.getByRole('button', { name: this.s.actions[action], exact: true });
  }

  /** Names of the status buttons shown, in order. */
  async actionNames(): Promise<string[]> {
    return this.actions.getByRole('button').allTextContents();
  }

  /** The status chip's words, e.g. "Pending: waiting for parts". */
  statusChip(status: IncidentStatus, reason?: PendingReason): Locator {
    const name = this.s.statuses[status];
    const text = reason ? fill(this.s.statusWithReason, { status: name, reason: this.s.pendingReasons[reason] }) : name;
    return this.page.locator('.MuiChip-root').filter({ hasText: new RegExp(`^${escape(text)}$`) }).first();
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /**
   * Moves the incident with the button for `to` (the word depends on the
   * current status: start, resume or reopen for in progress). Pending asks
   * for a reason, resolving for cause and method; the dialog is filled and
   * confirmed. Waits for the status chip to change.
   */
  async transition(to: Exclude<IncidentStatus, 'new'>, options: { reason?: PendingReason; note?: string; cause?: string; method?: string; workaround?: string } = {}): Promise<void> {
    const actions = this.s.actions;
    if (to === 'acknowledged') await this.actionButton('acknowledge').click();
    else if (to === 'closed') await this.actionButton('close').click();
    else if (to === 'pending') {
      await this.actionButton('pend').click();
      await this.dialog.getByRole('radio', { name: this.s.pendingReasonsLong[options.reason ?? 'client'] }).check();
      if (options.note) await this.dialog.getByRole('textbox', { name: this.s.transitions.note }).fill(options.note);
      await this.dialog.getByRole('button', { name: actions.pend, exact: true }).click();
    } else if (to === 'resolved') {
      await this.resolveWith({ cause: options.cause ?? '', method: options.method ?? '', ...(options.workaround ? { workaround: options.workaround } : {}) });
      return;
    } else {
      const names = [actions.start, actions.resume, actions.reopen];
      const button = this.actions.getByRole('button').filter({ hasText: new RegExp(`^(${names.map(escape).join('|')})$`) });
      const label = (await button.textContent()) ?? '';
      await button.click();
      if (label === actions.reopen) {
        if (options.note) await this.dialog.getByRole('textbox', { name: this.s.transitions.reopenNote }).fill(options.note);
        await this.dialog.getByRole('button', { name: actions.reopen, exact: true }).click();
      }
    }
    await this.dialog.waitFor({ state: 'detached' });
    await this.statusChip(to, to === 'pending' ? (options.reason ?? 'client') : undefined).waitFor();
  }

  async resolve(resolution: { cause: string; method: string; workaround?: string }): Promise<void> {
    await this.resolveWith(resolution);
  }

  private async resolveWith({ cause, method, workaround }: { cause: string; method: string; workaround?: string }): Promise<void> {
    await this.actionButton('resolve').click();
    await this.dialog.getByRole('textbox', { name: this.s.resolution.cause }).fill(cause);
    await this.dialog.getByRole('textbox', { name: this.s.resolution.method }).fill(method);
    if (workaround !== undefined) await this.dialog.getByRole('textbox', { name: this.s.resolution.workaround }).fill(workaround);
    await this.dialog.getByRole('button', { name: this.s.actions.resolve, exact: true }).click();
    if (cause.trim() && method.trim()) {
      await this.dialog.waitFor({ state: 'detached' });
      await this.statusChip('resolved').waitFor();
    }
  }

  get workLog(): Locator {
    return this.section(this.s.workLog.title);
  }

  /** Logs work with the time in minutes and waits for it to show. */
  async addWorkLog(text: string, minutes: number): Promise<void> {
    await this.workLog.getByRole('button', { name: this.s.workLog.add, exact: true }).click();
    const form = this.workLog.getByRole('form', { name: this.s.workLog.add });
    await form.getByRole('textbox', { name: this.s.workLog.text }).fill(text);
    await form.getByRole('textbox', { name: this.s.workLog.minutes, exact: true }).fill(String(minutes));
    await form.getByRole('button', { name: this.s.workLog.save, exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await this.workLog.getByText(text, { exact: true }).waitFor();
  }

  /** "Time spent: 1 hr 30 min". */
  async workLogTotal(): Promise<string> {
    const prefix = this.s.workLog.total.split('{{')[0] ?? '';
    return (await this.workLog.getByText(prefix, { exact: false }).first().textContent()) ?? '';
  }

  get attachments(): Locator {
    return this.page.getByRole('region', { name: this.strings.attachments.dropZoneLabel }).first();
  }

  /** Attaches a file from disk to the incident and waits until its thumbnail (or chip) is there. */
  async attachPhoto(path: string): Promise<void> {
    const name = path.split(/[\\/]/).pop() ?? path;
    await this.attachments.locator('input[type="file"]').setInputFiles(path);
    await this.page
      .getByRole('button', { name: fill(this.strings.attachments.openImage, { name }) })
      .or(this.page.getByRole('button', { name: fill(this.strings.attachments.downloadFile, { name }) }))
      .first()
      .waitFor();
  }

  get sla(): Locator {
    return this.section(this.s.detail.sla);
  }

  /** Everything the SLA section says: each timer's name, state, time left and due time. */
  async slaText(): Promise<string> {
    return (await this.sla.innerText()).replace(/\s+/g, ' ').trim();
  }

  /**
   * What one SLA timer's chip says to a screen reader: its name, state, time
   * left and due time ("响应：正常，剩余 29 分钟, 截止 …"), which the chip's
   * visible text shortens to name and time left.
   */
  async slaTimerLabel(kind: keyof Strings['sla']['timers']): Promise<string> {
    const prefix = fill(this.strings.sla.chipLabel.split('{{state}}')[0] ?? '', { timer: this.strings.sla.timers[kind] });
    const chip = this.sla.locator(`.MuiChip-root[aria-label^="${prefix.replace(/"/g, '\\"')}"]`);
    await chip.waitFor();
    return (await chip.getAttribute('aria-label')) ?? '';
  }

  get timeline(): Locator {
    return this.page.getByRole('list', { name: this.s.timeline.title });
  }

  async timelineTexts(): Promise<string[]> {
    return (await this.timeline.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  get evidence(): Locator {
    return this.section(this.s.evidence.title);
  }

  /** Links a check result of one of the incident's assets: the first row whose text contains `rowText`. */
  async linkCheckResult(assetName: string, rowText: string | RegExp): Promise<void> {
    await this.evidence.getByRole('button', { name: this.s.evidence.link, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.s.evidence.dialogTitle });
    await dialog.getByRole('combobox', { name: this.s.evidence.asset }).click();
    await this.page.getByRole('option', { name: assetName, exact: true }).click();
    await dialog.getByRole('row').filter({ hasText: rowText }).first().getByRole('button', { name: this.s.evidence.linkOne }).click();
    await dialog.getByText(this.s.evidence.alreadyLinked, { exact: true }).first().waitFor();
    await dialog.getByRole('button', { name: this.s.evidence.done, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /**
   * Opens the fault report, changes any field given, picks the language and
   * saves the PDF; resolves to the download.
   */
  async saveFaultReport(language: Language, fields: Partial<Record<'faultType' | 'cause' | 'method' | 'losses', string>> = {}): Promise<Download> {
    await this.page.getByRole('button', { name: this.s.detail.faultReport, exact: true }).click();
    const dialog = this.page.getByRole('dialog').filter({ has: this.page.getByRole('radiogroup', { name: this.s.faultReport.language }) });
    await dialog.waitFor();
    for (const [field, value] of Object.entries(fields) as [keyof typeof fields, string][]) {
      await dialog.getByRole('textbox', { name: this.s.faultReport.fields[field] }).fill(value);
    }
    await dialog.getByRole('radio', { name: this.s.faultReport.languages[language] }).check();
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: this.s.faultReport.save, exact: true }).click();
    const file = await download;
    await dialog.waitFor({ state: 'detached' });
    return file;
  }

  get writeArticleButton(): Locator {
    return this.page.getByRole('button', { name: this.s.detail.writeArticle, exact: true });
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: this.s.detail.backToList, exact: true }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
