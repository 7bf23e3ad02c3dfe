import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { LocationsPage } from './pages/LocationsPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS } from './pages/strings';

const en = STRINGS.en;

describe('locations: validation, server errors, delete and undo', () => {
  let session: AppSession;
  let locations: LocationsPage;

  beforeAll(async () => {
    session = await openApp({ lang: 'en', profile: { name: 'Alex Chen', role: 'engineer' } });
    locations = new LocationsPage(session.page, en);
    // The app opens on the rounds home; the location tree is one click away.
    await new ShellPage(session.page, en).open('locations', en.locations.title);
    await locations.heading.waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('checks an empty or too long name in the dialog before calling the server', async () => {
    await locations.addClientButton.click();
    const input = locations.nameInput('client');
    await input.press('Enter');
    await locations.dialog.getByText(en.validation.required, { exact: true }).waitFor();

    await input.fill('x'.repeat(101));
    await locations.dialog.getByText(en.validation.tooLong.replace('{{max}}', '100'), { exact: true }).waitFor();

    await locations.cancelDialog();
    await locations.emptyState.waitFor();
  });

  it('shows locations.duplicate-name for a duplicate client and creates nothing', async () => {
    await locations.addClient('East Hospital');

    // Sibling names are unique regardless of case.
    await locations.submitNewClient('east hospital');
    await locations.dialogError.getByText('locations.duplicate-name', { exact: false }).waitFor();
    expect(await locations.dialogError.textContent()).toContain(en.errors.locations['duplicate-name']);

    await locations.cancelDialog();
    expect(await locations.tree.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['East Hospital']);
    await session.page.reload();
    await locations.client('East Hospital').waitFor();
    expect(await locations.tree.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['East Hospital']);
  });

  it('refuses to delete a client that still has sites, with locations.not-empty in the dialog', async () => {
    await locations.addSite('East Hospital', 'Main campus');
    await locations.requestDelete('East Hospital');
    await locations.dialogError.getByText('locations.not-empty', { exact: false }).waitFor();
    await locations.cancelDialog();
    await locations.client('East Hospital').waitFor();
  });

  it('deletes a node and restores it with Undo', async () => {
    await locations.addRoom('Main campus', 'Room 101');
    await locations.requestDelete('Room 101');
    await locations.room('Room 101').waitFor({ state: 'detached' });

    await locations.undoButton.click();
    await locations.room('Room 101').waitFor();
    await session.page.reload();
    await locations.room('Room 101').waitFor();
  });

  it('adds racks to a room, checking the height before calling the server', async () => {
    await locations.addRackButton('Room 101').click();
    await locations.nameInput('rack').fill('A01');
    await locations.heightInput.fill('0');
    await locations.nameInput('rack').press('Enter');
    await locations.dialog.getByText(en.validation.heightRange.replace('{{min}}', '1').replace('{{max}}', '60'), { exact: true }).waitFor();
    await locations.cancelDialog();
    expect(await locations.rack('A01').count()).toBe(0);

    await locations.addRack('Room 101', 'A01');
    await locations.addRack('Room 101', 'A02', 47);
    await locations.tree.getByText(`${en.locations.kinds.rack} · 42 U`, { exact: true }).waitFor();
    await locations.tree.getByText(`${en.locations.kinds.rack} · 47 U`, { exact: true }).waitFor();
  });

  it('renames a site', async () => {
    await locations.rename('site', 'Main campus', 'North campus');
    await locations.site('North campus').waitFor();
    expect(await locations.site('Main campus').count()).toBe(0);
  });

  it('works from the keyboard: the name field has focus, Enter submits, Escape cancels', async () => {
    const { page } = session;
    await locations.addClientButton.focus();
    await page.keyboard.press('Enter');
    await locations.nameInput('client').waitFor();
    await page.keyboard.type('Keyboard Clinic');
    await page.keyboard.press('Enter');
    await locations.dialog.waitFor({ state: 'detached' });
    await locations.client('Keyboard Clinic').waitFor();

    await locations.addClientButton.focus();
    await page.keyboard.press('Enter');
    await locations.nameInput('client').waitFor();
    await page.keyboard.type('Never Saved');
    await page.keyboard.press('Escape');
    await locations.dialog.waitFor({ state: 'detached' });
    expect(await locations.client('Never Saved').count()).toBe(0);
  });

  it('shows a change made elsewhere without a reload (records.changed)', async () => {
    await callApi(session.app, 'locations.create', { kind: 'client', name: 'West Clinic' });
    await locations.client('West Clinic').waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
