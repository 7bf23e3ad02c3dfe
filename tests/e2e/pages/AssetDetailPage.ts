import type { Locator, Page } from 'playwright-core';
import type { CredentialKind } from '@shared/domain/credentials';
import { fill, type Strings } from './strings';

/** One asset's page: details, location, credentials and change history. */
export class AssetDetailPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.assetDetail;
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  get editButton(): Locator {
    return this.page.getByRole('button', { name: this.s.edit, exact: true });
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: this.s.delete, exact: true });
  }

  /** The value next to a label in the details list. */
  detail(label: string): Locator {
    return this.page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  rackLink(rackName: string): Locator {
    return this.page.getByRole('link', { name: fill(this.s.openRack, { name: rackName }) });
  }

  get history(): Locator {
    return this.page.getByRole('table', { name: this.strings.assetHistory.title });
  }

  /** "型号：（空） → S5735" as the history shows a change. */
  historyChange(field: string, before: string, after: string): Locator {
    return this.history.getByText(fill(this.strings.assetHistory.change, { field, before, after }), { exact: true });
  }

  get credentials(): Locator {
    return this.page.getByRole('region', { name: this.strings.credentials.title });
  }

  get credentialsTable(): Locator {
    return this.credentials.getByRole('table', { name: this.strings.credentials.title });
  }

  get credentialDialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByRole('textbox', { name: this.strings.credentials.fields.name }) });
  }

  credentialField(field: 'name' | 'username' | 'password' | 'community' | 'authKey' | 'privKey' | 'privateKey' | 'passphrase'): Locator {
    const label = this.strings.credentials.fields[field];
    // Password inputs have no textbox role; find them by their label.
    const secret = field === 'password' || field === 'community' || field === 'authKey' || field === 'privKey' || field === 'passphrase';
    return secret ? this.credentialDialog.getByLabel(label, { exact: true }) : this.credentialDialog.getByRole('textbox', { name: label, exact: true });
  }

  async chooseCredentialKind(kind: CredentialKind): Promise<void> {
    await this.credentialDialog.getByRole('combobox', { name: this.strings.credentials.fields.kind }).click();
    await this.page.getByRole('option', { name: this.strings.credentials.kinds[kind], exact: true }).click();
  }

  /** Opens "add credential" and fills an SSH password credential, without saving. */
  async fillSshPasswordCredential(input: { name?: string; username: string; password: string }): Promise<void> {
    await this.credentials.getByRole('button', { name: this.strings.credentials.add, exact: true }).click();
    await this.credentialDialog.waitFor();
    if (input.name !== undefined) await this.credentialField('name').fill(input.name);
    await this.credentialField('username').fill(input.username);
    await this.credentialField('password').fill(input.password);
  }

  /** Saves the credential dialog with Enter and waits until it has closed. */
  async saveCredentialWithEnter(): Promise<void> {
    await this.credentialField('password').press('Enter');
    await this.credentialDialog.waitFor({ state: 'detached' });
  }

  replaceSecretButton(credentialName: string): Locator {
    return this.credentials.getByRole('button', { name: fill(this.strings.credentials.replaceFor, { name: credentialName }), exact: true });
  }

  /** Everything a user or a screen reader could read on the page, including the values of inputs. */
  async allVisibleTextAndValues(): Promise<string> {
    return this.page.evaluate(() => {
      const values = Array.from(document.querySelectorAll('input, textarea')).map((element) => (element as HTMLInputElement).value);
      return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
    });
  }
}
