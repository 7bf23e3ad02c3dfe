import type { Locator, Page } from 'playwright-core';
import type { IncidentCategory } from '@shared/domain/incidents';
import type { Impact, Priority, Urgency } from '@shared/domain/sla';
import { fill, type Strings } from './strings';

/** What `IncidentsPage.create` fills in; everything but title and category is optional. */
export interface NewIncident {
  title: string;
  category: IncidentCategory;
  description?: string;
  impact?: Impact;
  urgency?: Urgency;
  /** Set the priority by hand, with the reason the form then asks for. */
  override?: { priority: Priority; reason: string };
  systemDown?: boolean;
  /** Each is typed into the asset picker and the option with this exact name chosen. */
  assets?: string[];
  reporter?: string;
  contact?: string;
  assignee?: string;
  /** `datetime-local` text, e.g. 2026-11-28T09:30, for a fault recorded afterwards. */
  reportedAt?: string;
}

/** The new / edit incident dialog. */
export class IncidentForm {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.incidents;
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByRole('textbox', { name: this.s.fields.title }) });
  }

  textbox(field: 'title' | 'description' | 'priorityReason' | 'reporterName' | 'reporterContact' | 'assignee'): Locator {
    return this.dialog.getByRole('textbox', { name: this.s.fields[field], exact: true });
  }

  get reportedAt(): Locator {
    return this.dialog.getByRole('textbox', { name: this.s.fields.reportedAt, exact: true });
  }

  select(field: 'category' | 'impact' | 'urgency' | 'priorityOverride'): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.fields[field], exact: true });
  }

  get assetPicker(): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.fields.assetIds, exact: true });
  }

  get overrideCheckbox(): Locator {
    return this.dialog.getByRole('checkbox', { name: new RegExp(escape(this.s.form.override.split('{{')[0] ?? '')) });
  }

  get systemDownCheckbox(): Locator {
    return this.dialog.getByRole('checkbox', { name: this.s.fields.systemDown });
  }

  /** The live "Priority: P2" next to impact and urgency. */
  get priorityStatus(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: this.s.form.priorityIs });
  }

  get systemDownRule(): Locator {
    return this.dialog.getByText(this.s.form.systemDownRule.split('{{')[0] ?? '', { exact: false });
  }

  get suggestions(): Locator {
    return this.dialog.getByRole('region', { name: this.s.suggestions.title });
  }

  get submitButton(): Locator {
    return this.dialog.getByRole('button', { name: this.s.form.create, exact: true }).or(this.dialog.getByRole('button', { name: this.s.form.save, exact: true }));
  }

  problem(text: string): Locator {
    return this.dialog.getByText(text, { exact: false });
  }

  async choose(field: 'category' | 'impact' | 'urgency' | 'priorityOverride', optionName: string): Promise<void> {
    await this.select(field).click();
    await this.page.getByRole('option', { name: optionName, exact: true }).click();
  }

  async addAsset(name: string): Promise<void> {
    await this.assetPicker.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${escape(name)}`) }).first().click();
    await this.dialog.getByRole('button', { name, exact: true }).waitFor();
  }

  async fillIn(incident: NewIncident): Promise<void> {
    const s = this.s;
    await this.textbox('title').fill(incident.title);
    if (incident.description !== undefined) await this.textbox('description').fill(incident.description);
    await this.choose('category', s.categories[incident.category]);
    if (incident.impact) await this.choose('impact', s.impactLevels[incident.impact]);
    if (incident.urgency) await this.choose('urgency', s.urgencyLevels[incident.urgency]);
    if (incident.override) {
      await this.overrideCheckbox.check();
      await this.choose('priorityOverride', fill(s.priorityOption, { priority: incident.override.priority, name: s.priorities[incident.override.priority] }));
      await this.textbox('priorityReason').fill(incident.override.reason);
    }
    if (incident.systemDown) await this.systemDownCheckbox.check();
    for (const asset of incident.assets ?? []) await this.addAsset(asset);
    if (incident.reporter !== undefined) await this.textbox('reporterName').fill(incident.reporter);
    if (incident.contact !== undefined) await this.textbox('reporterContact').fill(incident.contact);
    if (incident.assignee !== undefined) await this.textbox('assignee').fill(incident.assignee);
    if (incident.reportedAt !== undefined) await this.reportedAt.fill(incident.reportedAt);
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  async waitClosed(): Promise<void> {
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** The incident list: tabs, search and filters, the virtualised table, and the new-incident form. */
export class IncidentsPage {
  readonly form: IncidentForm;

  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {
    this.form = new IncidentForm(page, strings);
  }

  private get s() {
    return this.strings.incidents;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  get newButton(): Locator {
    return this.page.getByRole('button', { name: this.s.new, exact: true });
  }

  get emptyState(): Locator {
    return this.page.getByText(this.s.empty.title, { exact: true });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: this.s.tableLabel });
  }

  get bodyRows(): Locator {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  tab(view: 'all' | 'breaches'): Locator {
    return this.page.getByRole('tab', { name: this.s.views[view], exact: true });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: this.s.filters.search });
  }

  get openOnly(): Locator {
    return this.page.getByRole('switch', { name: this.s.filters.openOnly }).or(this.page.getByRole('checkbox', { name: this.s.filters.openOnly }));
  }

  /** "3 incidents" / "共 3 条". */
  total(count: number): Locator {
    const formatted = new Intl.NumberFormat('en-US').format(count);
    const template = count === 1 ? this.s.total_one : this.s.total_other;
    return this.page.getByRole('status').filter({ hasText: fill(template, { formatted }) });
  }

  row(number: string): Locator {
    return this.bodyRows.filter({ has: this.page.getByRole('link', { name: number, exact: true }) });
  }

  /** Incident numbers of the rows in view, in order. */
  async visibleNumbers(): Promise<string[]> {
    return this.bodyRows.getByRole('link').allTextContents();
  }

  /** Waits until the list shows exactly these numbers (search is debounced). */
  async waitForNumbers(numbers: string[]): Promise<void> {
    await this.page.waitForFunction(
      ({ label, expected }) => {
        const table = Array.from(document.querySelectorAll('[role="table"]')).find((element) => element.getAttribute('aria-label') === label);
        const body = table?.querySelectorAll('[role="rowgroup"]')[1];
        if (!body) return false;
        const shown = Array.from(body.querySelectorAll('[role="row"] a')).map((link) => link.textContent);
        return JSON.stringify(shown) === JSON.stringify(expected);
      },
      { label: this.s.tableLabel, expected: numbers },
    );
  }

  /** The SLA chip's text in a row, e.g. "On track · 3 h 59 min left". */
  async slaText(number: string): Promise<string> {
    return (await this.row(number).getByRole('cell').last().textContent()) ?? '';
  }

  /**
   * Records an incident through the dialog (opened with the button, or with N
   * when `shortcut`) and waits for its page to open. Returns its number.
   */
  async create(incident: NewIncident, options: { shortcut?: boolean } = {}): Promise<string> {
    if (options.shortcut) {
      await this.heading.click();
      await this.page.keyboard.press('n');
    } else await this.newButton.click();
    await this.form.textbox('title').waitFor();
    await this.form.fillIn(incident);
    await this.form.submit();
    await this.form.waitClosed();
    await this.page.getByRole('heading', { level: 1, name: incident.title, exact: true }).waitFor();
    const subtitle = (await this.page.getByText(/^INC-\d{8}-\d+/).first().textContent()) ?? '';
    return subtitle.split(' · ')[0] ?? '';
  }

  async open(number: string): Promise<void> {
    await this.table.getByRole('link', { name: number, exact: true }).click();
    await this.page.getByRole('link', { name: this.s.detail.backToList, exact: true }).waitFor();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
