import type { Locator, Page } from 'playwright-core';
import type { RunnableCheckKind } from '@shared/domain/checks';
import { escapeRegExp } from './AssetChecksSection';
import { fill, type Strings } from './strings';

/** 设备检测 (/checks): start a sweep, follow it, read its results. */
export class ChecksPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.checks;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  get sweep(): Locator {
    return this.page.getByRole('region', { name: this.s.sweep.title, exact: true });
  }

  async chooseLocation(name: string): Promise<void> {
    const box = this.sweep.getByRole('combobox', { name: this.s.sweep.location });
    await box.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}`) }).first().click();
  }

  kind(kind: RunnableCheckKind): Locator {
    return this.sweep.getByRole('checkbox', { name: this.s.kinds[kind], exact: true });
  }

  async chooseKinds(kinds: readonly RunnableCheckKind[]): Promise<void> {
    for (const kind of ['ping', 'tcp', 'http', 'snmp', 'ssh'] as const) await this.kind(kind).setChecked(kinds.includes(kind));
  }

  get startButton(): Locator {
    return this.sweep.getByRole('button', { name: this.s.sweep.start, exact: true });
  }

  get progressBar(): Locator {
    return this.sweep.getByRole('progressbar', { name: this.s.progress.sweepLabel, exact: true });
  }

  get status(): Locator {
    return this.sweep.getByRole('status');
  }

  get cancelButton(): Locator {
    return this.sweep.getByRole('button', { name: this.s.cancel, exact: true });
  }

  get runsTable(): Locator {
    return this.page.getByRole('table', { name: this.s.runs.title, exact: true });
  }

  runRow(label: string): Locator {
    return this.runsTable.getByRole('row').filter({ hasText: label });
  }

  resultsTable(label: string): Locator {
    return this.page.getByRole('table', { name: fill(this.s.runResults.tableLabel, { label }), exact: true });
  }
}
