import type { Locator, Page } from 'playwright-core';
import type { AssetStatus, AssetType } from '@shared/domain/assets';
import { fill, type Strings } from './strings';

/** The front of one rack. */
export class RackPage {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.racks;
  }

  heading(rackName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: fill(this.s.title, { name: rackName }), exact: true });
  }

  elevation(rackName: string, heightU: number): Locator {
    return this.page.getByRole('list', { name: fill(this.s.elevationLabel, { name: rackName, height: String(heightU) }) });
  }

  summary(room: string, height: number, free: number): Locator {
    return this.page.getByText(fill(this.s.summary, { room, height: String(height), free: String(free) }), { exact: true });
  }

  /** A device in the drawing, named as a screen reader hears it: name, type, status, units. */
  device(device: { name: string; type: AssetType; status: AssetStatus; range: string }): Locator {
    return this.page.getByRole('button', {
      name: fill(this.s.occupant, {
        name: device.name,
        type: this.strings.assetTypes[device.type],
        status: this.strings.assetStatuses[device.status],
        range: device.range,
      }),
      exact: true,
    });
  }

  freeSlot(u: number): Locator {
    return this.page.getByRole('button', { name: fill(this.s.freeSlot, { u: String(u) }), exact: true });
  }

  get resizeButton(): Locator {
    return this.page.getByRole('button', { name: this.s.resize, exact: true });
  }

  get resizeDialog(): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(this.s.resizeTitle.replace('{{name}}', '.*')) });
  }

  async resize(height: number): Promise<void> {
    await this.resizeButton.click();
    const input = this.resizeDialog.getByRole('spinbutton', { name: this.s.heightLabel });
    await input.fill(String(height));
    await input.press('Enter');
  }

  /** The rack link on the Locations page. */
  static locationsLink(page: Page, strings: Strings, rackName: string): Locator {
    return page.getByRole('link', { name: fill(strings.racks.viewFor, { name: rackName }), exact: true });
  }
}
