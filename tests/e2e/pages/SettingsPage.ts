import type { Locator, Page } from 'playwright-core';
import type { Language } from '@shared/domain/profile';
import type { Strings } from './strings';

export class SettingsPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.strings.settings.title, exact: true });
  }

  /** Each language is labelled in itself (中文 / English), so the same locator works in either UI. */
  languageOption(language: Language): Locator {
    return this.page.getByRole('radiogroup', { name: this.strings.settings.language.label }).getByRole('radio', {
      name: this.strings.settings.language[language],
      exact: true,
    });
  }

  async chooseLanguage(language: Language, after: Strings): Promise<void> {
    await this.languageOption(language).check();
    // The page re-renders in the new language once core has saved the choice.
    await this.page.getByRole('heading', { level: 1, name: after.settings.title, exact: true }).waitFor();
  }

  get backupNowButton(): Locator {
    return this.page.getByRole('button', { name: this.strings.settings.backups.createNow });
  }

  get backupsTable(): Locator {
    return this.page.getByRole('table', { name: this.strings.backups.listLabel });
  }

  get activityTable(): Locator {
    return this.page.getByRole('table', { name: this.strings.settings.activity.title });
  }
}
