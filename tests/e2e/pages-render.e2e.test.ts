import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '@shared/domain/profile';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { countButtons, unnamedControls } from './pages/accessibility';
import { NAV_KEYS, ShellPage, type NavKey } from './pages/ShellPage';
import { STRINGS, type Strings } from './pages/strings';

/** Each drawer page's h1. */
const HEADINGS: Record<NavKey, (strings: Strings) => readonly string[]> = {
  assets: (s) => [s.assets.title],
  locations: (s) => [s.locations.title],
  rounds: (s) => [s.rounds.title],
  incidents: (s) => [s.incidents.title],
  problems: (s) => [s.problems.title],
  knowledge: (s) => [s.knowledge.title],
  changes: (s) => [s.changes.title],
  checks: (s) => [s.checks.title],
  sync: (s) => [s.sync.title],
  dashboard: (s) => [s.dashboard.title],
  records: (s) => [s.records.title],
  reports: (s) => [s.reports.title],
  settings: (s) => [s.settings.title],
};

/** Parts of a page load on their own after its heading; a spinner or bar is shown (and named) while one does. */
async function settled(page: AppSession['page']): Promise<void> {
  await expect.poll(() => page.getByRole('progressbar').count()).toBe(0);
}

/** What the seeded records are called: every list page then shows a row, not only its empty state. */
const SEEDED = {
  asset: 'Switch A',
  incident: 'Core switch down',
  problem: 'Backup job fails every night',
  change: 'Replace the core switch supervisor',
  article: 'Core switch CPU high',
};

describe.each<Language>(['zh-CN', 'en'])('every page in %s', (lang) => {
  const strings = STRINGS[lang];
  let session: AppSession;
  let shell: ShellPage;
  /** The service desk's detail pages of the seeded records: path and h1. */
  const details: { name: string; path: string; heading: string }[] = [];

  /** Once these show, the page's data has loaded (and its per-row controls are there to check). */
  const loaded: Partial<Record<NavKey, string>> = {
    assets: SEEDED.asset,
    locations: 'Rack A',
    incidents: SEEDED.incident,
    problems: SEEDED.problem,
    knowledge: SEEDED.article,
    changes: SEEDED.change,
  };

  beforeAll(async () => {
    session = await openApp({ lang, profile: { name: 'Li Na', role: 'admin' } });
    const call = async <T = { id: string }>(method: string, input: unknown) => (await callApi(session.app, method, input)) as T;
    // Some data, so the Locations page shows its per-node buttons and the lists show rows.
    const { id: clientId } = await call('locations.create', { kind: 'client', name: 'Client A' });
    const { id: siteId } = await call('locations.create', { kind: 'site', clientId, name: 'Site A' });
    const { id: roomId } = await call('locations.create', { kind: 'room', siteId, name: 'Room A' });
    await call('locations.create', { kind: 'rack', roomId, name: 'Rack A' });
    const { id: assetId } = await call('assets.create', { type: 'switch', name: SEEDED.asset, vendor: 'Cisco', roomId });
    const incident = await call('incidents.create', { title: SEEDED.incident, category: 'network', impact: 'high', urgency: 'high', systemDown: true, assetIds: [assetId], reporterName: 'Li Na' });
    const problem = await call('problems.createDefect', { title: SEEDED.problem, description: 'The nightly backup stops at 80 %.', reporter: 'Wang Fang', assetIds: [assetId] });
    const change = await call('changes.create', { title: SEEDED.change, plan: '1. Fail over\n2. Swap the card', requester: 'Li Na', assetIds: [assetId] });
    const article = await call('knowledge.create', { title: SEEDED.article, body: '## Cause\n\nA loop.\n', language: 'en', status: 'published', tags: ['switch'] });
    const templates = await call<{ id: string }[]>('plans.templates', {});
    const plan = await call('plans.fromTemplate', { templateId: templates[0]!.id, clientId });
    const { title: planTitle } = await call<{ title: string }>('plans.get', { id: plan.id });
    details.push(
      { name: 'incident', path: `/incidents/${incident.id}`, heading: SEEDED.incident },
      { name: 'problem', path: `/problems/${problem.id}`, heading: SEEDED.problem },
      { name: 'change', path: `/changes/${change.id}`, heading: SEEDED.change },
      { name: 'knowledge article', path: `/knowledge/${article.id}`, heading: SEEDED.article },
      { name: 'new knowledge article', path: `/knowledge/new?fromIncident=${incident.id}`, heading: strings.knowledge.form.newTitle },
      { name: 'emergency plans', path: '/plans', heading: strings.plans.title },
      { name: 'emergency plan', path: `/plans/${plan.id}`, heading: planTitle },
    );
    shell = new ShellPage(session.page, strings);
    await shell.navLink('assets').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists every drawer page, in order', async () => {
    expect(await shell.navNames()).toEqual(NAV_KEYS.map((key) => strings.nav[key]));
  });

  it.each(NAV_KEYS)('%s renders its heading and names every control', async (key) => {
    await shell.open(key, HEADINGS[key](strings));
    // Data-backed parts have loaded once their content is there.
    const text = loaded[key];
    if (text) await session.page.getByText(text, { exact: true }).first().waitFor();
    if (key === 'settings') await session.page.getByRole('table', { name: strings.settings.activity.title }).waitFor();
    await settled(session.page);

    expect(await unnamedControls(session.page)).toEqual([]);
    expect(await session.page.getByText(strings.errors.pageCrashed).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens the emergency plans from the top bar', async () => {
    await shell.open('assets', HEADINGS.assets(strings));
    await session.page.getByRole('banner').getByRole('button', { name: strings.plans.button, exact: true }).click();
    await shell.heading(strings.plans.title).waitFor();
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('renders the service desk detail pages and names every control', async () => {
    expect(details.length).toBe(7);
    for (const { name, path, heading } of details) {
      await session.page.goto(`${session.app.origin}/#${path}`);
      await shell.heading(heading).waitFor();
      await settled(session.page);
      await expect.soft(unnamedControls(session.page), name).resolves.toEqual([]);
      expect(await session.page.getByText(strings.errors.pageCrashed).count(), name).toBe(0);
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('has named buttons to check on the Locations page (the check above is not vacuous)', async () => {
    await shell.open('locations', strings.locations.title);
    await session.page.getByText('Rack A', { exact: true }).waitFor();
    // Add client, add site, add room, add rack, and rename + delete for each of the four nodes.
    expect(await countButtons(session.page)).toBeGreaterThanOrEqual(12);
  });

  it('folds the navigation behind a named menu button in a narrow window', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 600, height: 800 });
    try {
      const menu = page.getByRole('button', { name: strings.app.openNavigation });
      await menu.click();
      await shell.open('settings', strings.settings.title);
      expect(await unnamedControls(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
