import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { callApi, startWebApp } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { LocationsPage } from './pages/LocationsPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS } from './pages/strings';

const en = STRINGS.en;

describe('recovery: a damaged database', () => {
  let dataDir: string;
  let session: AppSession | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'walkdown-e2e-recovery-'));
    // A store with one client and a manual backup of it...
    const app = await startWebApp({ lang: 'en', dataDir });
    try {
      await callApi(app, 'profile.save', { name: 'Sam Wu', role: 'admin' });
      await callApi(app, 'locations.create', { kind: 'client', name: 'Backed-up Client' });
      await callApi(app, 'backups.create', {});
    } finally {
      await app.stop();
    }
    // ...then the database file is overwritten with garbage.
    await writeFile(join(dataDir, 'walkdown.sqlite3'), 'this is not a SQLite database'.repeat(200));
    await rm(join(dataDir, 'walkdown.sqlite3-wal'), { force: true });
    await rm(join(dataDir, 'walkdown.sqlite3-shm'), { force: true });
    session = await openApp({ lang: 'en', dataDir });
  });

  afterAll(async () => {
    await session?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the recovery screen with the reason and the backups, and restores one', async () => {
    const page = session!.page;
    await page.getByRole('heading', { level: 1, name: en.recovery.title }).waitFor();
    await page.getByText(dataDir, { exact: true }).waitFor();
    const table = page.getByRole('table', { name: en.backups.listLabel });
    await table.getByText(en.backups.reasons.manual, { exact: true }).first().waitFor();

    const row = table.getByRole('row').filter({ hasText: en.backups.reasons.manual }).first();
    await row.getByRole('button', { name: /^Restore backup from / }).click();

    // The page reloads into the normal console with the backed-up data.
    const locations = new LocationsPage(page, en);
    await new ShellPage(page, en).open('locations', en.locations.title);
    await locations.client('Backed-up Client').waitFor({ timeout: 20_000 });
  });
});
