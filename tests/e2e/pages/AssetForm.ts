import type { Locator, Page } from 'playwright-core';
import type { AssetType } from '@shared/domain/assets';
import { fill, type Strings } from './strings';

/** The add / edit asset dialog. */
export class AssetForm {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.assetForm;
  }

  /** The open asset dialog, adding or editing. */
  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByRole('textbox', { name: this.s.fields.name }) });
  }

  editDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: fill(this.s.editTitle, { name }) });
  }

  textbox(field: 'name' | 'vendor' | 'model' | 'serialNumber' | 'assetTag' | 'owner' | 'contact' | 'version' | 'patchLevel' | 'notes'): Locator {
    return this.dialog.getByRole('textbox', { name: this.s.fields[field], exact: true });
  }

  get typeSelect(): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.fields.type, exact: true });
  }

  get roomPicker(): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.fields.roomId, exact: true });
  }

  get rackSelect(): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.fields.rackId, exact: true });
  }

  get uStart(): Locator {
    return this.dialog.getByRole('spinbutton', { name: this.s.fields.rackUStart });
  }

  get uHeight(): Locator {
    return this.dialog.getByRole('spinbutton', { name: this.s.fields.rackUHeight });
  }

  get ipInput(): Locator {
    return this.dialog.getByRole('combobox', { name: this.s.fields.managementIps });
  }

  get submitButton(): Locator {
    return this.dialog.getByRole('button', { name: this.s.create, exact: true }).or(this.dialog.getByRole('button', { name: this.s.save, exact: true }));
  }

  async chooseType(type: AssetType): Promise<void> {
    await this.typeSelect.click();
    await this.page.getByRole('option', { name: this.strings.assetTypes[type], exact: true }).click();
  }

  async chooseRoom(name: string): Promise<void> {
    await this.roomPicker.click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async chooseRack(name: string): Promise<void> {
    await this.rackSelect.click();
    await this.page.getByRole('option', { name: new RegExp(`^${name} · `) }).click();
  }

  async addIp(address: string): Promise<void> {
    await this.ipInput.fill(address);
    await this.ipInput.press('Enter');
    await this.dialog.getByRole('button', { name: address, exact: true }).waitFor();
  }

  /** Text shown as a problem anywhere in the dialog. */
  problem(text: string): Locator {
    return this.dialog.getByText(text, { exact: false });
  }

  /** Submits with Enter from the name field, as the keyboard user does. */
  async submitWithEnter(): Promise<void> {
    await this.textbox('name').press('Enter');
  }

  async waitClosed(): Promise<void> {
    await this.dialog.waitFor({ state: 'detached' });
  }

  async cancelWithEscape(): Promise<void> {
    await this.textbox('name').press('Escape');
    await this.waitClosed();
  }
}
