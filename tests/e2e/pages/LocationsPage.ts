import type { Locator, Page } from 'playwright-core';
import type { LocationKind } from '@shared/domain/locations';
import { fill, type Strings } from './strings';

/** The client → site → machine room tree and its dialogs. */
export class LocationsPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.locations;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  get tree(): Locator {
    return this.page.getByRole('list', { name: this.s.treeLabel });
  }

  get emptyState(): Locator {
    return this.page.getByText(this.s.empty.title, { exact: true });
  }

  /** Clients are h2 and sites h3, so each is found by its heading. */
  client(name: string): Locator {
    return this.tree.getByRole('heading', { level: 2, name, exact: true });
  }

  site(name: string): Locator {
    return this.tree.getByRole('heading', { level: 3, name, exact: true });
  }

  /** Rooms are h4; racks are plain rows, found by their text. */
  room(name: string): Locator {
    return this.tree.getByRole('heading', { level: 4, name, exact: true });
  }

  rack(name: string): Locator {
    return this.tree.getByText(name, { exact: true });
  }

  get heightInput(): Locator {
    return this.dialog.getByRole('spinbutton', { name: this.s.heightLabel });
  }

  /** The open name dialog (add or rename). */
  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  nameInput(kind: LocationKind): Locator {
    return this.dialog.getByRole('textbox', { name: this.s.nameLabel[kind] });
  }

  /** With no clients the empty state offers the button; otherwise the page header does. There is only ever one. */
  get addClientButton(): Locator {
    return this.page.getByRole('button', { name: this.s.addClient, exact: true });
  }

  addSiteButton(clientName: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.addSiteTo, { name: clientName }), exact: true });
  }

  addRoomButton(siteName: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.addRoomTo, { name: siteName }), exact: true });
  }

  addRackButton(roomName: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.addRackTo, { name: roomName }), exact: true });
  }

  deleteButton(name: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.delete, { name }), exact: true });
  }

  renameButton(name: string): Locator {
    return this.page.getByRole('button', { name: fill(this.s.rename, { name }), exact: true });
  }

  get undoButton(): Locator {
    return this.page.getByRole('button', { name: this.s.undo, exact: true });
  }

  /** Opens the add-client dialog and submits with Enter; does not wait for the result. */
  async submitNewClient(name: string): Promise<void> {
    await this.addClientButton.click();
    await this.nameInput('client').fill(name);
    await this.nameInput('client').press('Enter');
  }

  async addClient(name: string): Promise<void> {
    await this.submitNewClient(name);
    await this.dialog.waitFor({ state: 'detached' });
    await this.client(name).waitFor();
  }

  async addSite(clientName: string, name: string): Promise<void> {
    await this.addSiteButton(clientName).click();
    await this.nameInput('site').fill(name);
    await this.nameInput('site').press('Enter');
    await this.dialog.waitFor({ state: 'detached' });
    await this.site(name).waitFor();
  }

  async addRoom(siteName: string, name: string): Promise<void> {
    await this.addRoomButton(siteName).click();
    await this.nameInput('room').fill(name);
    await this.nameInput('room').press('Enter');
    await this.dialog.waitFor({ state: 'detached' });
    await this.room(name).waitFor();
  }

  /** Adds a rack; without a height the dialog's default (42 U) stays. */
  async addRack(roomName: string, name: string, heightU?: number): Promise<void> {
    await this.addRackButton(roomName).click();
    await this.nameInput('rack').fill(name);
    if (heightU !== undefined) await this.heightInput.fill(String(heightU));
    await this.nameInput('rack').press('Enter');
    await this.dialog.waitFor({ state: 'detached' });
    await this.rack(name).waitFor();
  }

  async rename(kind: LocationKind, from: string, to: string): Promise<void> {
    await this.renameButton(from).click();
    await this.nameInput(kind).fill(to);
    await this.nameInput(kind).press('Enter');
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** Clicks delete and confirms; resolves when the dialog has closed or shows an error. */
  async requestDelete(name: string): Promise<void> {
    await this.deleteButton(name).click();
    await this.dialog.getByRole('button', { name: this.s.deleteDialog.confirm, exact: true }).click();
  }

  /** The error shown inside the open dialog (translated message plus code). */
  get dialogError(): Locator {
    return this.dialog.getByRole('alert');
  }

  async cancelDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'detached' });
  }
}
