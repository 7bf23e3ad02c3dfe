/**
 * The console's sync client (electron/core/sync) against the REAL sync server
 * process (out/server/cli.cjs), on embedded SQLite and on PostgreSQL (a
 * private cluster this file starts, see tests/server/stack.ts), through the core API as
 * either transport calls it: enrolment, incidents made offline reaching the
 * server, a supervisor's console receiving them, a concurrent edit of one
 * field resolved the same way on both consoles and then settled by a person,
 * an attachment arriving bit-identical after a resumed upload, revocation, and
 * bad input that changes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict, SyncStatus } from '@shared/api/sync.contract';
import type { Attachment } from '@shared/domain/attachments';
import type { Incident } from '@shared/domain/incidents';
import { createCore, type Core } from '../../electron/core/core';
import { seedPlace, type Place } from '../server/fixtures';
import { REPO_ROOT, type ServerProcess } from '../server/server-process';
import { DATABASE_KINDS, queryRows, ServerStacks } from '../server/stack';
import { sha256Hex, type TestConsole } from '../server/sync-client';

interface Console {
  core: Core;
  dataDir: string;
  call<T>(method: string, input?: unknown): Promise<T>;
  fail(method: string, input?: unknown): Promise<{ code: string; message: string }>;
}

const consoles: Console[] = [];
const stacks = new ServerStacks();
beforeAll(() => stacks.setUp(), 60_000);
afterAll(() => stacks.tearDown());

async function openConsole(name: string, role: 'engineer' | 'supervisor', now?: () => number): Promise<Console> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-sync-client-'));
  const core = createCore({ dataDir, transport: 'web', resourcesDir: join(REPO_ROOT, 'resources'), ...(now ? { now } : {}) });
  await core.ready;
  const call = async <T,>(method: string, input: unknown = {}): Promise<T> => {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  };
  const fail = async (method: string, input: unknown = {}) => {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  };
  const created: Console = { core, dataDir, call, fail };
  consoles.push(created);
  await call('profile.save', { name, role });
  return created;
}

describe.each(DATABASE_KINDS)('the sync client against the real server (%s)', (kind) => {
  let server: ServerProcess;
  let admin: TestConsole;
  let place: Place;
  const users = { engineer: '', supervisor: '' };
  let engineer: Console;
  let supervisor: Console;
  const incidentIds: string[] = [];

  async function code(userId: string): Promise<string> {
    const issued = await admin.post('/v1/admin/enrolment-codes', { userId });
    if (issued.status !== 200) throw new Error(`issuing a code: ${JSON.stringify(issued.body)}`);
    return issued.body.code as string;
  }

  async function createUser(name: string, role: string, scope: { all: boolean; clientIds: string[] }): Promise<string> {
    const created = await admin.post('/v1/admin/users', { name, role, scope: { ...scope, siteIds: [] } });
    if (created.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(created.body)}`);
    return (created.body.user as { id: string }).id;
  }

  beforeAll(async () => {
    const stack = await stacks.start(kind);
    server = stack.server;
    admin = stack.admin;
    place = await seedPlace(admin, '市人民医院');
    users.engineer = await createUser('张工', 'engineer', { all: false, clientIds: [place.clientId] });
    users.supervisor = await createUser('李主管', 'supervisor', { all: true, clientIds: [] });
    engineer = await openConsole('张工', 'engineer');
    supervisor = await openConsole('李主管', 'supervisor');
  }, 60_000);

  afterAll(() => {
    // The servers (and their data) go with the stacks.
    for (const { core, dataDir } of consoles.splice(0)) {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad address, a malformed or wrong code and an unreachable server, and stores nothing', async () => {
    expect((await engineer.fail('sync.enrol', { serverUrl: 'ftp://127.0.0.1/', code: 'AAAA-BBBB-CCCC-DDDD' })).code).toBe('sync.invalid-server-url');
    expect((await engineer.fail('sync.enrol', { serverUrl: 'http://user:pw@127.0.0.1:1', code: 'AAAA-BBBB-CCCC-DDDD' })).code).toBe('sync.invalid-server-url');
    expect((await engineer.fail('sync.enrol', { serverUrl: server.url, code: 'not a code' })).code).toBe('sync.enrolment-invalid');
    expect((await engineer.fail('sync.enrol', { serverUrl: server.url, code: 'AAAA-BBBB-CCCC-DDDD' })).code).toBe('sync.enrolment-invalid');
    expect((await engineer.fail('sync.enrol', { serverUrl: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC-DDDD' })).code).toBe('sync.unreachable');
    expect((await engineer.fail('sync.now')).code).toBe('sync.not-enrolled');
    const status = await engineer.call<SyncStatus>('sync.status');
    expect(status).toMatchObject({ state: 'not-enrolled', enrolled: false, serverUrl: null, user: null, lastError: null });
  });

  it('pushes incidents recorded before enrolment once enrolled, and keeps the token only encrypted', async () => {
    for (const title of ['核心交换机端口故障', '打印机卡纸', 'UPS 告警']) {
      const incident = await engineer.call<Incident>('incidents.create', {
        title,
        category: 'network',
        impact: 'high',
        urgency: 'medium',
        reporterName: '王护士长',
        locationId: null,
      });
      incidentIds.push(incident.id);
    }
    const offline = await engineer.call<SyncStatus>('sync.status');
    expect(offline.pending).toBeGreaterThanOrEqual(3);

    const enrolled = await engineer.call<SyncStatus>('sync.enrol', { serverUrl: `${server.url}/`, code: await code(users.engineer), deviceName: '张工的笔记本' });
    expect(enrolled).toMatchObject({ enrolled: true, serverUrl: server.url, deviceName: '张工的笔记本', user: { id: users.engineer, name: '张工', role: 'engineer' } });

    const synced = await engineer.call<SyncStatus>('sync.now');
    expect(synced).toMatchObject({ state: 'online', pending: 0, lastError: null, setAside: 0 });
    expect(synced.lastSuccessAt).toBeGreaterThan(0);
    expect(Math.abs(synced.clockDriftMs ?? Infinity)).toBeLessThan(5_000);
    expect(synced.driftWarning).toBe(false);

    // On the server, as the admin pulls it.
    await admin.pullAll();
    for (const id of incidentIds) expect(admin.replica.get(`incident/${id}`)).toMatchObject({ reporterName: '王护士长' });
    // And the reference data the admin pushed arrived here.
    const tree = JSON.stringify(await engineer.call('locations.tree'));
    expect(tree).toContain('市人民医院');

    // The token is in neither the database file nor its journal in clear.
    for (const file of readdirSync(engineer.dataDir).filter((name) => name.startsWith('walkdown.sqlite3'))) {
      expect(readFileSync(join(engineer.dataDir, file)).includes('wdt_'), file).toBe(false);
    }
  });

  it("delivers the engineer's incidents to a supervisor's console", async () => {
    await supervisor.call('sync.enrol', { serverUrl: server.url, code: await code(users.supervisor) });
    const status = await supervisor.call<SyncStatus>('sync.now');
    expect(status).toMatchObject({ state: 'online', user: { role: 'supervisor' } });
    for (const id of incidentIds) {
      const detail = await supervisor.call<{ incident: Incident }>('incidents.get', { id });
      expect(detail.incident.reporterName).toBe('王护士长');
    }
    // Pulled records went through no outbox: nothing to push back.
    expect(status.pending).toBe(0);
  });

  it('resolves a concurrent edit of one field the same way on both consoles, logs the loser, and converges once a person chooses', async () => {
    const id = incidentIds[0] as string;
    await engineer.call('incidents.update', { id, patch: { title: '张工改的标题' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await supervisor.call('incidents.update', { id, patch: { title: '李主管改的标题' } });

    await engineer.call('sync.now');
    await supervisor.call('sync.now');
    await engineer.call('sync.now');

    const title = async (on: Console) => (await on.call<{ incident: Incident }>('incidents.get', { id })).incident.title;
    // The later stamp wins on both.
    expect(await title(engineer)).toBe('李主管改的标题');
    expect(await title(supervisor)).toBe('李主管改的标题');

    const [mine] = await engineer.call<SyncConflict[]>('sync.conflicts');
    const [theirs] = await supervisor.call<SyncConflict[]>('sync.conflicts');
    expect(mine).toMatchObject({ origin: 'server', entity: 'incident', entityId: id, resolution: null });
    expect(mine?.id).toBe(theirs?.id);
    expect(mine?.fields).toEqual([expect.objectContaining({ field: 'title', local: expect.objectContaining({ value: '张工改的标题' }), remote: expect.objectContaining({ value: '李主管改的标题' }), winner: 'remote' })]);
    expect(theirs?.fields).toEqual([expect.objectContaining({ field: 'title', local: expect.objectContaining({ value: '李主管改的标题' }), winner: 'local' })]);
    expect((await engineer.call<SyncStatus>('sync.status')).conflicts).toBe(1);

    // The engineer keeps their own value: it is written again, and the choice syncs.
    const resolved = await engineer.call<SyncConflict>('sync.resolveConflict', { id: mine?.id, keep: 'local' });
    expect(resolved).toMatchObject({ resolution: 'kept-loser', resolvedBy: '张工' });
    await engineer.call('sync.now');
    await supervisor.call('sync.now');
    expect(await title(engineer)).toBe('张工改的标题');
    expect(await title(supervisor)).toBe('张工改的标题');
    expect(await supervisor.call<SyncConflict[]>('sync.conflicts')).toEqual([]);
    expect(await supervisor.call<SyncConflict[]>('sync.conflicts', { includeResolved: true })).toEqual([expect.objectContaining({ id: mine?.id, resolution: 'kept-loser' })]);
    expect((await engineer.call<SyncStatus>('sync.status')).conflicts).toBe(0);
  });

  it('uploads an attachment file before its record, resuming a broken upload, and it arrives bit-identical', async () => {
    // 2.5 MB of log text: three chunks.
    const lines = Array.from({ length: 40_000 }, (_, index) => `2026-11-28 09:00:${String(index % 60).padStart(2, '0')} port Gi0/${index % 48} flap ${createHash('md5').update(String(index)).digest('hex')}\n`);
    const bytes = Buffer.from(lines.join(''), 'utf8');
    const sha256 = sha256Hex(bytes);
    const attachment = await engineer.call<Attachment>('attachments.upload', {
      ownerType: 'incident',
      ownerId: incidentIds[1],
      fileName: 'switch.log',
      contentBase64: bytes.toString('base64'),
    });
    expect(attachment.sha256).toBe(sha256);

    // An earlier attempt stopped after the first megabyte.
    const partial = await admin.putChunk(sha256, 0, bytes.length, bytes.subarray(0, 1024 * 1024));
    expect(partial.body).toMatchObject({ ok: true, receivedBytes: 1024 * 1024, complete: false });

    expect(await engineer.call<SyncStatus>('sync.now')).toMatchObject({ state: 'online', pending: 0 });
    await supervisor.call('sync.now');

    const list = await supervisor.call<Attachment[]>('attachments.list', { ownerType: 'incident', ownerId: incidentIds[1] });
    expect(list.map((a) => [a.fileName, a.sha256])).toEqual([['switch.log', sha256]]);
    const content = await supervisor.call<{ contentBase64: string }>('attachments.content', { id: attachment.id });
    const received = Buffer.from(content.contentBase64, 'base64');
    expect(received.length).toBe(bytes.length);
    expect(sha256Hex(received)).toBe(sha256);
    expect(readFileSync(join(supervisor.dataDir, 'attachments', sha256.slice(0, 2), sha256)).equals(bytes)).toBe(true);
  });

  it('sets aside what the server refuses for good (outside the user\'s clients), and the outbox moves on', async () => {
    // A client of its own is outside the engineer's scope: no retry can make the server take it.
    const outside = await engineer.call<{ id: string }>('locations.create', { kind: 'client', name: '范围外的客户' });
    const inside = await engineer.call<Incident>('incidents.create', { title: '范围内的故障', category: 'other', impact: 'low', urgency: 'low', reporterName: '值班员' });
    const status = await engineer.call<SyncStatus>('sync.now');
    expect(status).toMatchObject({ state: 'online', pending: 0, setAside: 1, lastError: null });
    // Kept on the laptop, and on the server for review, but not applied there.
    expect(JSON.stringify(await engineer.call('locations.tree'))).toContain('范围外的客户');
    const aside = await queryRows(server, 'SELECT entity, entity_id, code FROM set_aside');
    expect(aside).toEqual([{ entity: 'client', entity_id: outside.id, code: 'sync.forbidden-scope' }]);
    await admin.pullAll();
    expect(admin.replica.has(`client/${outside.id}`)).toBe(false);
    expect(admin.replica.get(`incident/${inside.id}`)).toMatchObject({ title: '范围内的故障' });
  });

  it('shows a laptop clock far from the server’s', async () => {
    const late = await openConsole('赵工', 'engineer', () => Date.now() - 10 * 60_000);
    await late.call('sync.enrol', { serverUrl: server.url, code: await code(users.engineer) });
    const status = await late.call<SyncStatus>('sync.now');
    expect(status.clockDriftMs).toBeGreaterThan(9 * 60_000);
    expect(status.clockDriftMs).toBeLessThan(11 * 60_000);
    expect(status.driftWarning).toBe(true);
  });

  it('keeps working while the server is down, backs off, and catches up once it is back', async () => {
    const port = Number(new URL(server.url).port);
    await server.stop();
    const incident = await engineer.call<Incident>('incidents.create', { title: '断网期间记录的故障', category: 'hardware', impact: 'low', urgency: 'low', reporterName: '值班员' });
    const down = await engineer.call<SyncStatus>('sync.now');
    expect(down).toMatchObject({ state: 'offline', lastError: { code: 'sync.unreachable' } });
    expect(down.pending).toBeGreaterThan(0);
    // Background sync retries later on its own, not in a tight loop.
    expect(down.nextAttemptAt).toBeGreaterThan(Date.now());

    server = await stacks.launch({ dataDir: server.dataDir, databaseUrl: server.databaseUrl, port });
    expect(await engineer.call<SyncStatus>('sync.now')).toMatchObject({ state: 'online', pending: 0, lastError: null });
    await supervisor.call('sync.now');
    expect((await supervisor.call<{ incident: Incident }>('incidents.get', { id: incident.id })).incident.title).toBe('断网期间记录的故障');

    // Both consoles hold the same incidents, field for field.
    const shared = async (on: Console) =>
      (await on.call<{ rows: Incident[] }>('incidents.list', { limit: 1000 })).rows
        .map(({ id, number, title, description, status, priority, assetIds, locationId, reporterName, reportedAt }) => ({ id, number, title, description, status, priority, assetIds, locationId, reporterName, reportedAt }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect((await shared(engineer)).length).toBeGreaterThanOrEqual(4);
    expect(await shared(supervisor)).toEqual(await shared(engineer));
  });

  it('stops when the device is revoked and says why, keeping local work', async () => {
    const before = await supervisor.call<SyncStatus>('sync.status');
    const revoked = await admin.post(`/v1/admin/devices/${before.deviceId}/revoke`, {});
    expect(revoked.status).toBe(200);
    await supervisor.call('incidents.update', { id: incidentIds[2], patch: { title: '撤销后的修改' } });
    const status = await supervisor.call<SyncStatus>('sync.now');
    expect(status.state).toBe('stopped');
    expect(['sync.revoked', 'sync.unauthorized']).toContain(status.lastError?.code);
    expect(status.pending).toBeGreaterThan(0);
    expect(status.nextAttemptAt).toBeNull();

    const forgotten = await supervisor.call<SyncStatus>('sync.forget');
    expect(forgotten).toMatchObject({ state: 'not-enrolled', enrolled: false, serverUrl: null });
    expect(forgotten.pending).toBe(status.pending);
  });
});
