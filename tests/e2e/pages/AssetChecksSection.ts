import type { Locator, Page } from 'playwright-core';
import type { RunnableCheckKind } from '@shared/domain/checks';
import { fill, type Strings } from './strings';

/** The 设备检测 section of an asset's page: run checks, latest values with trends, results, settings. */
export class AssetChecksSection {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.checks;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: this.s.asset.title, exact: true });
  }

  kind(kind: RunnableCheckKind): Locator {
    return this.region.getByRole('checkbox', { name: this.s.kinds[kind], exact: true });
  }

  /** Ticks exactly these kinds. */
  async chooseKinds(kinds: readonly RunnableCheckKind[]): Promise<void> {
    for (const kind of ['ping', 'tcp', 'http', 'snmp', 'ssh'] as const) await this.kind(kind).setChecked(kinds.includes(kind));
  }

  get runButton(): Locator {
    return this.region.getByRole('button', { name: this.s.runNow, exact: true });
  }

  progressBar(assetName: string): Locator {
    return this.region.getByRole('progressbar', { name: fill(this.s.progress.assetLabel, { name: assetName }) });
  }

  /** The progress of the run shown now (the last one started here); each run has its own. */
  get run(): Locator {
    return this.region.locator('[data-run]');
  }

  /** The run's status line ("已完成 · 9 / 9 · 2 项失败"). */
  get runStatus(): Locator {
    return this.run.getByRole('status');
  }

  get cancelButton(): Locator {
    return this.region.getByRole('button', { name: this.s.cancel, exact: true });
  }

  /** Runs the chosen kinds and waits until this new run (not the one shown before) has finished; returns its status line. */
  async runAndWait(timeout = 60_000): Promise<string> {
    const before = (await this.run.count()) > 0 ? await this.run.getAttribute('data-run') : null;
    await this.runButton.click();
    const current = before ? this.region.locator(`[data-run]:not([data-run="${before}"])`) : this.run;
    await current.getByRole('status').filter({ hasText: this.s.runStatuses.done }).waitFor({ timeout });
    return (await current.getByRole('status').textContent()) ?? '';
  }

  /** The tile of one latest value, by metric name (e.g. temperature.max). */
  metricRow(name: string): Locator {
    return this.region.locator(`li[data-metric="${name}"]`);
  }

  metricValue(name: string): Locator {
    return this.metricRow(name).locator('[data-part="value"]');
  }

  /** The status word of the result that measured it (正常, 警告, …). */
  metricStatus(name: string): Locator {
    return this.metricRow(name).locator('[data-part="status"]');
  }

  /** The small trend of a numeric metric: a button that opens its history. */
  trend(name: string): Locator {
    return this.metricRow(name).getByRole('button');
  }

  historyDialog(metricLabel: string): Locator {
    return this.page.getByRole('dialog', { name: fill(this.s.trend.title, { metric: metricLabel }) });
  }

  get resultsTable(): Locator {
    return this.region.getByRole('table', { name: this.s.results.title, exact: true });
  }

  /** The view button of the newest result of a step ("查看结果：版本与运行时间，…"). */
  viewResultButton(stepLabel: string): Locator {
    const prefix = fill(this.s.results.viewFor, { step: stepLabel, when: '\u0000' }).split('\u0000')[0]!;
    return this.resultsTable.getByRole('button', { name: new RegExp(`^${escapeRegExp(prefix)}`) }).first();
  }

  get resultDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.result.title, exact: true });
  }

  get rawOutput(): Locator {
    return this.resultDialog.getByRole('region', { name: this.s.result.raw, exact: true });
  }

  get hostKeyBanner(): Locator {
    return this.region.getByRole('alert').filter({ hasText: this.strings.hostKeys.banner.title });
  }

  get settingsButton(): Locator {
    return this.region.getByRole('button', { name: this.strings.checkSettings.open, exact: true });
  }

  get pasteCapturedButton(): Locator {
    return this.region.getByRole('button', { name: this.strings.captured.open, exact: true });
  }

  async closeDialog(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: this.s.close, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
