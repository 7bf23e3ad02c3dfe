import type { Locator, Page } from 'playwright-core';
import type { Strings } from './strings';

/** The rounds home (today / overdue / upcoming) and its Start a round dialog. */
export class RoundsPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.rounds;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  /** The empty state's offer of the shipped templates. */
  get installDefaultsButton(): Locator {
    return this.page.getByRole('button', { name: this.s.templates.installDefaults, exact: true });
  }

  get startButton(): Locator {
    return this.page.getByRole('button', { name: this.s.start.button, exact: true });
  }

  /** The count tile of a state (overdue, today, inProgress, upcoming), as its number. */
  async count(state: 'overdue' | 'today' | 'inProgress' | 'upcoming'): Promise<number> {
    const tile = this.page.getByRole('list', { name: this.s.home.countsLabel }).getByRole('listitem').filter({ hasText: this.s.home[state] });
    return Number((await tile.locator('p').first().textContent())?.trim());
  }

  get startDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.start.title });
  }

  /**
   * Opens Start a round, picks the template (its option begins with `template`)
   * and the machine room, and starts; resolves once the runner shows.
   */
  async startInRoom(template: string, room: string): Promise<void> {
    await this.startButton.click();
    const dialog = this.startDialog;
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: this.s.start.template }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${escape(template)} · `) }).click();
    await dialog.getByRole('radio', { name: this.s.start.inRoom }).check();
    await dialog.getByRole('combobox', { name: this.s.start.room, exact: true }).click();
    await this.page.getByRole('option', { name: room, exact: true }).click();
    await dialog.getByRole('button', { name: this.s.start.start, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
