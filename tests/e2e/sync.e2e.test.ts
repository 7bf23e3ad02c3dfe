import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server/server-process';
import { TestConsole } from '../server/sync-client';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { IncidentsPage } from './pages/incidents.page';
import { STRINGS } from './pages/strings';
import { SyncPage } from './pages/sync.page';

const zh = STRINGS['zh-CN'];
const en = STRINGS.en;

/**
 * Sync end to end in a real browser against the real sync server process:
 * an engineer enrols a laptop with a one-time code, records an incident while
 * the server is down (the laptop says so and keeps working), the server comes
 * back and the incident goes up; a supervisor's console receives it.
 */
describe('sync (zh-CN engineer, en supervisor)', () => {
  let server: ServerProcess;
  let admin: TestConsole;
  let engineer: AppSession;
  let supervisor: AppSession;
  const users = { engineer: '', supervisor: '' };
  const title = '机房空调漏水（离线记录）';
  /** The restarted server reuses the first one's data directory, which nobody then owns. */
  let restartedDataDir: string | null = null;

  async function code(userId: string): Promise<string> {
    const issued = await admin.post('/v1/admin/enrolment-codes', { userId });
    if (issued.status !== 200) throw new Error(`issuing a code: ${JSON.stringify(issued.body)}`);
    return issued.body.code as string;
  }

  beforeAll(async () => {
    server = await startServerProcess();
    admin = new TestConsole(server.url);
    await admin.enrol(server.enrolmentCode as string);
    for (const [key, name, role] of [
      ['engineer', '张工', 'engineer'],
      ['supervisor', 'Li Supervisor', 'supervisor'],
    ] as const) {
      const created = await admin.post('/v1/admin/users', { name, role, scope: { all: true, clientIds: [], siteIds: [] } });
      users[key] = (created.body.user as { id: string }).id;
    }
    engineer = await openApp({ lang: 'zh-CN', profile: { name: '张工', role: 'engineer' } });
  });

  afterAll(async () => {
    await engineer?.close();
    await supervisor?.close();
    await server?.dispose();
    if (restartedDataDir) await rm(restartedDataDir, { recursive: true, force: true });
  });

  it('enrols from the Sync page, opened from the top-bar indicator', async () => {
    const sync = new SyncPage(engineer.page, zh);
    await sync.indicator.waitFor();
    expect(await sync.indicatorState()).toBe('not-enrolled');
    await sync.indicator.click();
    await sync.heading.waitFor();

    // A wrong code is refused with its translated message; nothing is enrolled.
    await sync.enrol(server.url, 'AAAA-BBBB-CCCC-DDDD');
    await engineer.page.getByRole('alert').filter({ hasText: 'sync.enrolment-invalid' }).waitFor();
    expect(await unnamedControls(engineer.page)).toEqual([]);

    await sync.code.fill(await code(users.engineer));
    await sync.enrolButton.click();
    await sync.waitForState('online');
    await engineer.page.getByRole('main').getByText('张工 · 工程师').waitFor();
    expect(await sync.pending.textContent()).toBe('0');
    expect(await sync.indicatorState()).toBe('online');
    expect(engineer.pageErrors).toEqual([]);
  });

  it('records an incident while the server is down, says it is offline, and sends it once the server is back', async () => {
    const port = Number(new URL(server.url).port);
    await server.stop();

    const list = new IncidentsPage(engineer.page, zh);
    await engineer.page.getByRole('link', { name: zh.nav.incidents, exact: true }).click();
    await list.heading.waitFor();
    await list.newButton.click();
    await list.form.fillIn({ title, category: 'environment', reporter: '值班护士' });
    await list.form.submit();
    await list.form.waitClosed();

    const sync = new SyncPage(engineer.page, zh);
    await sync.indicator.click();
    await sync.heading.waitFor();
    await sync.syncNowButton.click();
    await sync.waitForState('offline');
    await sync.lastError.filter({ hasText: 'sync.unreachable' }).waitFor();
    await sync.lastError.getByText(zh.errors.sync.unreachable, { exact: false }).waitFor();
    expect(Number(await sync.pending.textContent())).toBeGreaterThan(0);
    // The badge on the indicator counts what waits.
    expect(await sync.indicator.getAttribute('aria-label')).toContain('待发送');

    server = await startServerProcess({ dataDir: server.dataDir, port });
    restartedDataDir = server.dataDir;
    await sync.syncNowButton.click();
    await sync.waitForState('online');
    expect(await sync.pending.textContent()).toBe('0');
    await expect(sync.lastError.count()).resolves.toBe(0);

    await admin.pullAll();
    expect([...admin.replica.values()].some((record) => record.title === title)).toBe(true);
  });

  it("shows the incident on a supervisor's console", async () => {
    supervisor = await openApp({ lang: 'en', profile: { name: 'Li Supervisor', role: 'supervisor' } });
    await callApi(supervisor.app, 'sync.enrol', { serverUrl: server.url, code: await code(users.supervisor) });
    const status = (await callApi(supervisor.app, 'sync.now', {})) as { state: string };
    expect(status.state).toBe('online');

    const list = new IncidentsPage(supervisor.page, en);
    await supervisor.page.getByRole('link', { name: en.nav.incidents, exact: true }).click();
    await list.heading.waitFor();
    await supervisor.page.getByRole('link', { name: title }).or(supervisor.page.getByText(title, { exact: true })).first().waitFor();

    const sync = new SyncPage(supervisor.page, en);
    await sync.indicator.click();
    await sync.waitForState('online');
    await supervisor.page.getByRole('main').getByText('Li Supervisor · Supervisor').waitFor();
    expect(supervisor.pageErrors).toEqual([]);
  });
});
