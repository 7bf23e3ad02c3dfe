import type { Locator, Page } from 'playwright-core';
import type { Role } from '@shared/domain/profile';
import type { Strings } from './strings';

/** The first-start dialog that asks who is using the device. */
export class ProfileDialog {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  get root(): Locator {
    return this.page.getByRole('dialog', { name: this.strings.profile.firstStartTitle });
  }

  get nameInput(): Locator {
    return this.root.getByRole('textbox', { name: this.strings.profile.nameLabel });
  }

  role(role: Role): Locator {
    return this.root.getByRole('radio', { name: this.strings.roles[role], exact: true });
  }

  get submitButton(): Locator {
    return this.root.getByRole('button', { name: this.strings.profile.start });
  }

  async complete(name: string, role: Role): Promise<void> {
    await this.nameInput.fill(name);
    await this.role(role).check();
    await this.submitButton.click();
    await this.root.waitFor({ state: 'detached' });
  }
}
