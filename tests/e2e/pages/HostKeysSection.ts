import type { Locator, Page } from 'playwright-core';
import { fill, type Strings } from './strings';

/** Settings → SSH 主机密钥: pinned keys, and changed keys waiting to be accepted. */
export class HostKeysSection {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.hostKeys;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: this.s.title, exact: true });
  }

  get pinnedTable(): Locator {
    return this.region.getByRole('table', { name: this.s.pinnedTitle, exact: true });
  }

  pinnedRow(address: string): Locator {
    return this.pinnedTable.getByRole('row').filter({ has: this.page.getByRole('cell', { name: address, exact: true }) });
  }

  /** The warning for a device whose key changed ("10.77.10.41:22 提供了不同的主机密钥"). */
  pending(target: string): Locator {
    return this.region.getByRole('alert').filter({ hasText: fill(this.s.pending.device, { target }) });
  }

  acceptButton(target: string): Locator {
    return this.region.getByRole('button', { name: fill(this.s.acceptFor, { target }), exact: true });
  }

  confirmDialog(target: string): Locator {
    return this.page.getByRole('dialog', { name: fill(this.s.confirm.title, { target }) });
  }

  /** Accept → the dialog that explains the risk → Accept new key; waits for the dialog to close. */
  async accept(target: string): Promise<Locator> {
    await this.acceptButton(target).click();
    const dialog = this.confirmDialog(target);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: this.s.confirm.accept, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    return dialog;
  }
}
