import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/web-app';
import { openApp, type AppSession } from './app-session';
import { unnamedControls } from './pages/accessibility';
import { IpPlanPage } from './pages/IpPlanPage';
import { LocationsPage } from './pages/LocationsPage';
import { ShellPage } from './pages/ShellPage';
import { STRINGS, fill } from './pages/strings';

const zh = STRINGS['zh-CN'];

describe('IP plan of a site (zh-CN, real backend)', () => {
  let session: AppSession;
  let plan: IpPlanPage;
  let ids: Record<string, string>;

  beforeAll(async () => {
    session = await openApp({ lang: 'zh-CN', profile: { name: '李娜', role: 'engineer' } });
    const create = async (input: Record<string, unknown>) => ((await callApi(session.app, 'locations.create', input)) as { id: string }).id;
    const clientId = await create({ kind: 'client', name: '市第一中学' });
    const siteId = await create({ kind: 'site', clientId, name: '本部' });
    const roomId = await create({ kind: 'room', siteId, name: '网络中心' });
    const asset = async (name: string, type: string, ips: string[]) =>
      ((await callApi(session.app, 'assets.create', { name, type, roomId, managementIps: ips })) as { id: string }).id;
    ids = {
      siteId,
      core: await asset('核心交换机', 'switch', ['10.30.0.2']),
      web: await asset('教务服务器', 'server', ['10.30.0.10']),
      // Someone typed the web server's address on the camera NVR too.
      nvr: await asset('监控NVR', 'storage', ['10.30.0.10']),
      printer: await asset('打印服务器', 'server', ['192.168.8.20']),
    };
    plan = new IpPlanPage(session.page, zh);
    await new ShellPage(session.page, zh).open('locations', zh.locations.title);
    await new LocationsPage(session.page, zh).site('本部').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is reached from the site row and starts empty, with every address outside a subnet', async () => {
    await plan.openLink('本部').click();
    await plan.heading('本部').waitFor();
    await plan.emptyState.waitFor();
    const outside = (await plan.outside.textContent()) ?? '';
    for (const ip of ['10.30.0.2', '10.30.0.10', '192.168.8.20']) expect(outside).toContain(ip);
    expect(await unnamedControls(session.page)).toEqual([]);
  });

  it('checks the form before asking core', async () => {
    await plan.addButton.click();
    await plan.submitSubnet({ cidr: '10.30.0.0', vlan: '5000', gateway: '10.30.0.300' });
    await plan.dialog.getByText(zh.ipPlan.validation.cidrInvalid, { exact: true }).waitFor();
    await plan.dialog.getByText(fill(zh.ipPlan.validation.vlanInvalid, { min: '1', max: '4094' }), { exact: true }).waitFor();
    await plan.dialog.getByText(zh.ipPlan.validation.gatewayInvalid, { exact: true }).waitFor();
    await plan.cancelDialog();
    await plan.emptyState.waitFor();
  });

  it('adds a subnet and shows its size, used and free addresses and a duplicate-address conflict', async () => {
    await plan.addButton.click();
    // core refuses a gateway outside the subnet; the dialog keeps what was typed.
    await plan.submitSubnet({ cidr: '10.30.0.0/24', vlan: '30', gateway: '10.31.0.1', purpose: '教学网' });
    await plan.dialogError.getByText('subnets.gateway-outside', { exact: false }).waitFor();
    expect(await plan.dialogError.textContent()).toContain(zh.errors.subnets['gateway-outside']);
    await plan.submitSubnet({ gateway: '10.30.0.1' });
    await plan.dialog.waitFor({ state: 'detached' });
    await plan.row('10.30.0.0/24').waitFor();

    // 254 hosts; .2 and .10 used by assets, .1 by the gateway.
    const cells = await plan.rowCells('10.30.0.0/24');
    expect(cells.slice(1, 8)).toEqual(['30', '10.30.0.1', '教学网', '254', '2', '251', '1%']);
    // 3 of 254 taken: the bar reads about 1 %.
    expect(await plan.usageBar('10.30.0.0/24').getAttribute('aria-valuetext')).toBe(fill(zh.ipPlan.table.usageValue, { share: '1%' }));

    const duplicates = (await plan.conflicts.textContent()) ?? '';
    expect(duplicates).toContain('10.30.0.10');
    expect(duplicates).toContain('教务服务器');
    expect(duplicates).toContain('监控NVR');
    expect(await plan.conflicts.getByRole('link', { name: '监控NVR', exact: true }).getAttribute('href')).toBe(`#/assets/${ids['nvr']}`);
    // The printer's address is still in no subnet of this site.
    expect(await plan.outside.textContent()).toContain('192.168.8.20');
    expect(await plan.outside.textContent()).not.toContain('10.30.0.10');
  });

  it('lists the addresses in use with the assets using each', async () => {
    await plan.expandButton('10.30.0.0/24').click();
    const addresses = plan.addresses('10.30.0.0/24');
    await addresses.waitFor();
    expect(await unnamedControls(session.page)).toEqual([]);
    const rows = (await addresses.locator('tbody').getByRole('row').allTextContents()).map((row) => row.replace(/\s+/g, ' '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('10.30.0.2');
    expect(rows[0]).toContain('核心交换机');
    expect(rows[1]).toContain('10.30.0.10');
    expect(await addresses.getByRole('link', { name: '教务服务器', exact: true }).getAttribute('href')).toBe(`#/assets/${ids['web']}`);
  });

  it('refuses an overlapping subnet in the dialog with subnets.overlap', async () => {
    await plan.addButton.click();
    await plan.submitSubnet({ cidr: '10.30.0.128/25' });
    await plan.dialogError.getByText('subnets.overlap', { exact: false }).waitFor();
    await plan.cancelDialog();
  });

  it('edits only what changed and follows changes made elsewhere (records.changed)', async () => {
    await plan.editButton('10.30.0.0/24').click();
    await plan.field('purpose').fill('教学与办公网');
    const sent = session.page.waitForRequest((request) => request.url().endsWith('/rpc/subnets.update'));
    await plan.field('purpose').press('Enter');
    // Only the changed field travels (SubnetPatch): a concurrent change of the VLAN elsewhere would survive.
    expect((await sent).postDataJSON()).toEqual({ id: expect.any(String), fields: { purpose: '教学与办公网' } });
    await plan.dialog.waitFor({ state: 'detached' });
    await plan.row('10.30.0.0/24').getByText('教学与办公网', { exact: true }).waitFor();

    // The NVR gets its own address from another window: the conflict goes away without a reload.
    await callApi(session.app, 'assets.update', { id: ids['nvr'], fields: { managementIps: ['10.30.0.11'] } });
    await plan.conflicts.waitFor({ state: 'detached' });
    expect(await plan.rowCells('10.30.0.0/24')).toContain('3');

    await callApi(session.app, 'subnets.create', { siteId: ids['siteId'], cidr: '192.168.8.0/24', purpose: '打印' });
    await plan.row('192.168.8.0/24').waitFor();
    await plan.outside.waitFor({ state: 'detached' });
    await session.page.getByText(zh.ipPlan.conflicts.none, { exact: true }).waitFor();
  });

  it('deletes a subnet after confirmation', async () => {
    await plan.deleteButton('192.168.8.0/24').click();
    await plan.dialog.getByRole('button', { name: zh.ipPlan.delete.confirm, exact: true }).click();
    await plan.row('192.168.8.0/24').waitFor({ state: 'detached' });
    await plan.outside.waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
