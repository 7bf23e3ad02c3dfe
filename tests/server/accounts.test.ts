import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './server-process';
import { DATABASE_KINDS, ServerStacks, queryRows } from './stack';
import { TestConsole, request } from './sync-client';

const stacks = new ServerStacks();
beforeAll(() => stacks.setUp());
afterAll(() => stacks.tearDown());

describe.each(DATABASE_KINDS)('accounts and enrolment (%s)', (kind) => {
  it('prints its address and one enrolment code on the first start only; the code works once', async () => {
    const databaseUrl = kind === 'postgres' ? await stacks.postgres().createDatabase() : undefined;
    const first = await stacks.launch({ databaseUrl });
    const lines = first.stdout().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Walkdown server: http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^Enrolment code: [0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const code = first.enrolmentCode as string;

    const health = await request(first.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, database: kind });
    expect(Math.abs((health.body.serverTime as number) - Date.now())).toBeLessThan(60_000);
    expect(Number(health.headers.get('x-server-time'))).toBeGreaterThan(0);

    const admin = new TestConsole(first.url);
    const enrolled = await admin.enrol(code.toLowerCase());
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({ ok: true, user: { role: 'admin' }, scope: { all: true }, acknowledgedSeq: 0 });
    const session = await admin.get('/v1/session');
    expect(session.body).toMatchObject({ ok: true, device: { id: admin.deviceId }, user: { role: 'admin' } });

    const again = await new TestConsole(first.url).enrol(code);
    expect(again.status).toBe(400);
    expect(again.body.error?.code).toBe('sync.enrolment-invalid');

    // Neither the token nor the code is stored or logged in the clear.
    await first.stop();
    expect(first.stderr()).not.toContain(admin.token);
    expect(first.stderr()).not.toContain(code);
    const second = await stacks.launch({ dataDir: first.dataDir, databaseUrl, port: Number(new URL(first.url).port) });
    expect(second.stdout().trim().split('\n')).toEqual([expect.stringMatching(/^Walkdown server: /)]);
    expect(second.enrolmentCode).toBeNull();
    const dump = JSON.stringify(await queryRows(second, 'SELECT * FROM devices')) + JSON.stringify(await queryRows(second, 'SELECT * FROM enrolment_codes'));
    expect(dump).not.toContain(admin.token);
    expect(dump).not.toContain(code);
    expect((await admin.get('/v1/session')).status).toBe(200);
    await second.stop();

    // A lost first code: a new one from the server host.
    const issued = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'out/server/cli.cjs'), 'issue-code', '--data-dir', first.dataDir], {
      env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    });
    const newCode = /^Enrolment code: (\S+)$/m.exec(issued.stdout)?.[1];
    expect(newCode).toBeTruthy();
    const third = await stacks.launch({ dataDir: first.dataDir, databaseUrl });
    expect((await new TestConsole(third.url).enrol(newCode as string)).status).toBe(200);
  });

  it('lets admins and supervisors issue codes within their reach only', async () => {
    const stack = await stacks.start(kind);
    const { console: engineer, userId: engineerId } = await stack.console('李工', 'engineer', { clientIds: ['c-hospital'] });
    const { console: supervisor, userId: supervisorId } = await stack.console('王主管', 'supervisor', { clientIds: ['c-hospital'] });
    const { userId: bankEngineer } = await stack.console('赵工', 'engineer', { clientIds: ['c-bank'] });

    const forEngineer = await supervisor.post('/v1/admin/enrolment-codes', { userId: engineerId, ttlMinutes: 30 });
    expect(forEngineer.status).toBe(200);
    expect(forEngineer.body.expiresAt as number).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 5_000);
    expect((await supervisor.post('/v1/admin/enrolment-codes', { userId: supervisorId })).status).toBe(200);

    const outside = await supervisor.post('/v1/admin/enrolment-codes', { userId: bankEngineer });
    expect(outside.status).toBe(403);
    expect(outside.body.error?.code).toBe('sync.forbidden-scope');
    const byEngineer = await engineer.post('/v1/admin/enrolment-codes', { userId: engineerId });
    expect(byEngineer.status).toBe(403);
    expect(byEngineer.body.error?.code).toBe('sync.forbidden-role');
    const makeUser = await supervisor.post('/v1/admin/users', { name: 'x', role: 'admin', scope: { all: true, clientIds: [], siteIds: [] } });
    expect(makeUser.body.error?.code).toBe('sync.forbidden-role');
  });

  it('stops a revoked device and every device of a revoked user at their next request', async () => {
    const stack = await stacks.start(kind);
    const { console: laptop, userId } = await stack.console('李工', 'engineer', { all: true });
    const second = await stack.enrolled(userId);
    const { console: other } = await stack.console('赵工', 'engineer', { all: true });
    expect((await laptop.pullOnce()).status).toBe(200);

    const revoked = await stack.admin.post(`/v1/admin/devices/${laptop.deviceId}/revoke`, {});
    expect(revoked.body).toMatchObject({ ok: true, device: { id: laptop.deviceId, revokedAt: expect.any(Number) } });
    for (const reply of [await laptop.pullOnce(), await laptop.push([laptop.entry('client', 'c1', 'insert', { name: 'x' })]), await laptop.get('/v1/session')]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error?.code).toBe('sync.revoked');
    }
    expect((await second.pullOnce()).status).toBe(200);
    // A revoked device cannot come back with a fresh code either.
    const code = (await stack.admin.post('/v1/admin/enrolment-codes', { userId })).body.code as string;
    expect((await new TestConsole(stack.url, laptop.deviceId).enrol(code)).body.error?.code).toBe('sync.revoked');

    await stack.admin.post(`/v1/admin/users/${userId}/revoke`, {});
    expect((await second.pullOnce()).body.error?.code).toBe('sync.revoked');
    expect((await other.pullOnce()).status).toBe(200);

    const wrong = await request(stack.url, 'POST', '/v1/pull', { token: 'wdt_not-a-token', body: { cursor: 0, clock: 'x' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('sync.unauthorized');
    expect((await request(stack.url, 'GET', '/v1/session')).body.error?.code).toBe('sync.unauthorized');
  });

  it('rate-limits enrolment attempts per client address', async () => {
    const databaseUrl = kind === 'postgres' ? await stacks.postgres().createDatabase() : undefined;
    const server = await stacks.launch({ databaseUrl, env: { WALKDOWN_ENROL_RATE: '3' } });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await new TestConsole(server.url).enrol('AAAA-BBBB-CCCC-DDDD');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    expect(last?.body.error).toMatchObject({ code: 'sync.rate-limited', retryable: true });
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right code waits for the window: guessing stays slow.
    expect((await new TestConsole(server.url).enrol(server.enrolmentCode as string)).status).toBe(429);
  });
});

describe('TLS', () => {
  it('serves HTTPS with a certificate and key given on the command line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'walkdown-tls-'));
    try {
      await promisify(execFile)('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ]);
      const server = await stacks.launch({ args: ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')] });
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(`${server.url}/health`, { ca: readFileSync(join(dir, 'cert.pem')) }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
        });
        req.on('error', reject).end();
      });
      expect(JSON.parse(body)).toMatchObject({ ok: true, database: 'sqlite' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
