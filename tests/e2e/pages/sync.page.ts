import type { Locator, Page } from 'playwright-core';
import type { SyncState } from '@shared/api/sync.contract';
import type { Strings } from './strings';

/** The Sync page (enrol form, status panel, conflicts) and the sync indicator in the top bar. */
export class SyncPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.sync;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  /** The top-bar button; its accessible name starts with the state. */
  get indicator(): Locator {
    return this.page.locator('header').locator('button[data-sync-state]');
  }

  async indicatorState(): Promise<string | null> {
    return this.indicator.getAttribute('data-sync-state');
  }

  get serverUrl(): Locator {
    return this.page.getByRole('textbox', { name: this.s.enrol.serverUrl });
  }

  get code(): Locator {
    return this.page.getByRole('textbox', { name: this.s.enrol.code });
  }

  get enrolButton(): Locator {
    return this.page.getByRole('button', { name: this.s.enrol.submit, exact: true });
  }

  get syncNowButton(): Locator {
    return this.page.getByRole('button', { name: this.s.syncNow, exact: true });
  }

  get stateChip(): Locator {
    return this.page.getByTestId('sync-state');
  }

  get pending(): Locator {
    return this.page.getByTestId('sync-pending');
  }

  get lastError(): Locator {
    return this.page.getByTestId('sync-last-error');
  }

  async enrol(serverUrl: string, code: string): Promise<void> {
    await this.serverUrl.fill(serverUrl);
    await this.code.fill(code);
    await this.enrolButton.click();
  }

  /** Waits until the status panel shows this state. */
  async waitForState(state: SyncState, timeout = 15_000): Promise<void> {
    await this.page.locator(`[data-testid="sync-state"][data-state="${state}"]`).waitFor({ timeout });
  }
}
