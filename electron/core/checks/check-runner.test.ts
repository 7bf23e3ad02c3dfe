import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobFailure } from './check-failure';
import { createCheckServices } from './checks.services';
import type { JobContext } from './jobs/job-context';
import { runPingSweep } from './jobs/probe-jobs';
import { checksSetup, RESOURCES_DIR } from './testing/check-fixtures';
import type * as transports from './transports';
import { pingSweep, type PingResult, type PingTarget } from './transports';
import { cancelledError, CheckError } from './transports/check-error';

// The real pingSweep unless a test says otherwise: the ping tests must not depend on fping's capability here.
vi.mock('./transports', async (importOriginal) => {
  const actual = await importOriginal<typeof transports>();
  return { ...actual, pingSweep: vi.fn(actual.pingSweep) };
});
const sweep = vi.mocked(pingSweep);

function pingAnswer(address: string, received: number, error?: PingResult['error']): PingResult {
  if (error) return { address, alive: false, sent: 2, received: 0, lossPercent: 100, rttMs: null, method: 'fping', error };
  return { address, alive: received > 0, sent: 2, received, lossPercent: received > 0 ? 0 : 100, rttMs: received > 0 ? { min: 0.1, avg: 0.2, max: 0.3 } : null, method: 'fping' };
}

/*
 * The runner end to end on loopback only: real TCP and HTTP servers on
 * 127.0.0.1, a TCP server that never speaks SSH (a hung login to cancel),
 * and assets that cannot be checked at all. The lab-backed behaviour (SNMP,
 * SSH shells, host keys) is in tests/integration/checks.test.ts.
 */

const servers: (Server | HttpServer)[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  sweep.mockClear();
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const FAST = { retryAttempts: 1, tcpTimeoutMs: 1000, httpTimeoutMs: 2000, sshReadyTimeoutMs: 20_000 };

describe('CheckRunner', () => {
  it('runs TCP and HTTP checks, stores every result, and reports progress and counts', async () => {
    const { checks, asset, room, seen } = await checksSetup({ tuning: FAST });
    const open = await listen(createServer(() => {}));
    const closed = await closedPort();
    const http = await listen(createHttpServer((_req, res) => res.writeHead(503, { 'content-type': 'text/plain', 'set-cookie': 'session=s3cr3t' }).end('maintenance')));
    const id = asset({ type: 'server', name: 'web-01', vendor: 'Dell', roomId: room.id, managementIps: ['127.0.0.1'] });
    checks.settings.update(id, { tcpPorts: [open, closed], httpUrls: [`http://127.0.0.1:${http}/health`] });

    const { runId, total } = checks.runner.start({ assetIds: [id] }, ['tcp', 'http']);
    expect(total).toBe(3);
    await checks.runner.settled(runId);

    const results = checks.results.list({ runId, limit: 100 });
    const byStep = new Map(results.map((r) => [r.step, r]));
    expect(byStep.get(String(open))).toMatchObject({ kind: 'tcp', status: 'ok', target: `127.0.0.1:${open}`, method: 'tcp-connect', metrics: { 'tcp.connect-ms': expect.any(Number) } });
    expect(byStep.get(String(closed))).toMatchObject({ status: 'error', errorCode: 'check.refused', metrics: {} });
    expect(byStep.get(`http://127.0.0.1:${http}/health`)).toMatchObject({ kind: 'http', status: 'failed', errorCode: null, metrics: expect.objectContaining({ 'http.status': 503 }) });
    const httpResult = checks.results.get(byStep.get(`http://127.0.0.1:${http}/health`)!.id);
    expect(httpResult.rawOutput).toContain('HTTP 503');
    expect(httpResult.rawOutput).toContain('maintenance');
    // A session cookie is a credential: not kept in evidence that is synced.
    expect(JSON.stringify(httpResult)).not.toContain('s3cr3t');

    expect(checks.results.recentRuns(5)[0]).toMatchObject({ id: runId, status: 'done', total: 3, done: 3, failed: 2, label: 'web-01', kinds: ['tcp', 'http'] });
    const progress = seen.filter((e) => e.name === 'task.progress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ taskId: runId, label: 'web-01', done: 3, total: 3 });
    expect(seen.some((e) => e.name === 'records.changed' && (e.payload as { entities: string[] }).entities.includes('checkResult'))).toBe(true);
    checks.close();
  });

  it('retries a job that failed before doing anything, when the failure may pass by itself', async () => {
    const { checks, asset, room } = await checksSetup({ tuning: { ...FAST, retryAttempts: 2, retryBaseDelayMs: 10, retryMaxDelayMs: 20 } });
    let requests = 0;
    const http = await listen(
      createHttpServer((req, res) => {
        requests += 1;
        // The first request finds the web server restarting: the connection is reset.
        if (requests === 1) req.socket.destroy();
        else res.end('ok');
      }),
    );
    const id = asset({ type: 'server', name: 'web-02', roomId: room.id, managementIps: ['127.0.0.1'] });
    checks.settings.update(id, { httpUrls: [`http://127.0.0.1:${http}/`] });
    const { runId } = checks.runner.start({ assetIds: [id] }, ['http']);
    await checks.runner.settled(runId);
    expect(requests).toBe(2);
    expect(checks.results.list({ runId, limit: 10 })).toEqual([expect.objectContaining({ status: 'ok', metrics: expect.objectContaining({ 'http.status': 200 }) })]);
    checks.close();
  });

  it('stores one result per step for what cannot run: no address, no credential', async () => {
    const { checks, asset, room } = await checksSetup({ tuning: FAST });
    const noAddress = asset({ type: 'switch', name: 'no-ip', vendor: 'Huawei', roomId: room.id });
    const noCredential = asset({ type: 'server', name: 'no-cred', vendor: 'Dell', roomId: room.id, managementIps: ['127.0.0.1'] });
    const { runId, total } = checks.runner.start({ assetIds: [noAddress, noCredential] }, ['snmp', 'ssh']);
    expect(total).toBe(4);
    await checks.runner.settled(runId);
    const results = checks.results.list({ runId, limit: 100 });
    const of = (assetId: string) => results.filter((r) => r.assetId === assetId);
    // Huawei: three SNMP profiles and nine SSH steps.
    expect(of(noAddress)).toHaveLength(12);
    expect(of(noAddress).every((r) => r.status === 'error' && r.errorCode === 'check.no-address')).toBe(true);
    // A Linux server: two SNMP profiles and five SSH steps.
    expect(of(noCredential)).toHaveLength(7);
    expect(of(noCredential).every((r) => r.status === 'error' && r.errorCode === 'check.no-credential')).toBe(true);
    expect(checks.results.recentRuns(1)[0]).toMatchObject({ status: 'done', done: 4, failed: 4 });
    checks.close();
  });

  it('cancels a run: the job in progress is aborted, jobs waiting never start, finished results stay', async () => {
    const { checks, asset, room, credential, seen } = await checksSetup({ tuning: FAST });
    // Accepts TCP and never says a word of SSH: the login hangs until it is cancelled.
    const silent = await listen(createServer(() => {}));
    const open = await listen(createServer(() => {}));
    const ids = [1, 2, 3].map((n) => asset({ type: 'server', name: `hung-${n}`, vendor: 'Dell', roomId: room.id, managementIps: ['127.0.0.1'] }));
    for (const id of ids) checks.settings.update(id, { tcpPorts: [open] });
    credential({ kind: 'ssh-password', settings: { username: 'ops', port: silent }, secret: { password: 'not-used' } }, ids);

    const { runId, total } = checks.runner.start({ location: { kind: 'room', id: room.id } }, ['tcp', 'ssh']);
    expect(total).toBe(6);
    const deadline = Date.now() + 5000;
    while (checks.results.list({ runId, limit: 10 }).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    expect(checks.runner.cancel(runId)).toEqual({ runId });
    await checks.runner.settled(runId);
    expect(performance.now() - started).toBeLessThan(2000);

    const run = checks.results.recentRuns(1)[0];
    expect(run).toMatchObject({ id: runId, status: 'cancelled', finishedAt: expect.any(Number) });
    expect(run!.done).toBeLessThan(6);
    const results = checks.results.list({ runId, limit: 100 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.kind === 'tcp' && r.status === 'ok')).toBe(true);
    // Nothing is reported for the run after the cancel.
    const lastProgress = seen.filter((e) => e.name === 'task.progress').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.filter((e) => e.name === 'task.progress').length).toBe(lastProgress);
    // Cancelling twice is harmless; an unknown run is not found.
    expect(checks.runner.cancel(runId)).toEqual({ runId });
    expect(() => checks.runner.cancel('0190a000-0000-7000-8000-00000000dead')).toThrow(expect.objectContaining({ code: 'check.not-found' }));
    checks.close();
  });

  it('has at most 8 SSH logins in progress at once, across all SSH jobs', async () => {
    const { checks, asset, room, credential } = await checksSetup({ tuning: { ...FAST, sshReadyTimeoutMs: 10_000 } });
    // Twelve devices whose sshd accepts TCP and never says a word: every login hangs, holding its place at the gate.
    const addresses = Array.from({ length: 12 }, (_, i) => `127.0.0.${20 + i}`);
    let open = 0;
    let most = 0;
    const first = createServer((socket) => {
      open += 1;
      most = Math.max(most, open);
      socket.on('close', () => (open -= 1));
    });
    servers.push(first);
    first.on('connection', (socket: Socket) => sockets.add(socket));
    await new Promise<void>((resolve) => first.listen(0, addresses[0], resolve));
    const port = (first.address() as AddressInfo).port;
    for (const address of addresses.slice(1)) {
      const server = createServer((socket) => {
        open += 1;
        most = Math.max(most, open);
        socket.on('close', () => (open -= 1));
      });
      servers.push(server);
      server.on('connection', (socket: Socket) => sockets.add(socket));
      await new Promise<void>((resolve) => server.listen(port, address, resolve));
    }
    const ids = addresses.map((address, i) => asset({ type: 'server', name: `sshd-${i}`, vendor: 'Dell', roomId: room.id, managementIps: [address] }));
    for (const id of ids) checks.settings.update(id, { snmpProfiles: [] });
    credential({ kind: 'ssh-password', settings: { username: 'ops', port }, secret: { password: 'not-used' } }, ids);

    const { runId } = checks.runner.start({ location: { kind: 'room', id: room.id } }, ['ssh']);
    const deadline = Date.now() + 5000;
    while (open < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    // Twelve jobs may run (the queue allows 16 SSH sessions), but only eight logins are let through.
    expect(open).toBe(8);
    expect(most).toBe(8);
    checks.runner.cancel(runId);
    await checks.runner.settled(runId);
    checks.close();
  });

  it('plans a sweep from one credential listing and decrypts a shared credential once per run', async () => {
    const { checks, asset, room, credential, credentials } = await checksSetup({ tuning: { ...FAST, snmpTimeoutMs: 200, snmpRetries: 0 } });
    const closed = await closedPort();
    const ids = [1, 2, 3].map((n) => asset({ type: 'server', name: `srv-${n}`, vendor: 'Dell', roomId: room.id, managementIps: ['127.0.0.1'] }));
    for (const id of ids) checks.settings.update(id, { snmpProfiles: ['mib2-system'], sshProfile: '' });
    const shared = credential({ kind: 'snmp-community', settings: { version: 'v2c', port: closed }, secret: { community: 'public' } }, ids);
    const list = vi.spyOn(credentials, 'list');
    const reveal = vi.spyOn(credentials, 'reveal');

    const { runId } = checks.runner.start({ location: { kind: 'room', id: room.id } }, ['snmp']);
    await checks.runner.settled(runId);
    expect(checks.results.list({ runId, limit: 10 })).toHaveLength(3);
    expect(list).toHaveBeenCalledTimes(1);
    expect(reveal.mock.calls).toEqual([[shared]]);

    // The next run decrypts it again: nothing outlives the run.
    const second = checks.runner.start({ assetIds: [ids[0]!] }, ['snmp']);
    await checks.runner.settled(second.runId);
    expect(reveal).toHaveBeenCalledTimes(2);
    checks.close();
  });

  it('sweeps the live hardware under a location, and refuses scopes that do not resolve', async () => {
    const { checks, asset, room, site, locations } = await checksSetup({ tuning: FAST });
    const rack = locations.create({ kind: 'rack', roomId: room.id, name: 'A01', heightU: 42 });
    const inRack = asset({ type: 'switch', name: 'in-rack', roomId: room.id, rackId: rack.id, rackUStart: 1, rackUHeight: 1 });
    const inRoom = asset({ type: 'ups', name: 'in-room', roomId: room.id });
    asset({ type: 'os', name: 'CentOS 7', installedOnId: inRoom });
    asset({ type: 'pdu', name: 'retired', roomId: room.id, status: 'retired' });
    const other = locations.create({ kind: 'room', siteId: site.id, name: 'elsewhere' });
    const otherRoom = asset({ type: 'switch', name: 'other-room', roomId: other.id });

    const assetsOf = async (scope: Parameters<typeof checks.runner.start>[0]) => {
      const { runId } = checks.runner.start(scope, ['ping']);
      await checks.runner.settled(runId);
      return new Set(checks.results.list({ runId, limit: 100 }).map((r) => r.assetId));
    };
    expect(await assetsOf({ location: { kind: 'site', id: site.id } })).toEqual(new Set([inRack, inRoom, otherRoom]));
    expect(await assetsOf({ location: { kind: 'room', id: room.id } })).toEqual(new Set([inRack, inRoom]));
    expect(await assetsOf({ location: { kind: 'rack', id: rack.id } })).toEqual(new Set([inRack]));
    expect(checks.results.recentRuns(1)[0]?.label).toBe('A01');

    expect(() => checks.runner.start({ location: { kind: 'room', id: '0190a000-0000-7000-8000-00000000dead' } }, ['ping'])).toThrow(expect.objectContaining({ code: 'locations.not-found' }));
    expect(() => checks.runner.start({ assetIds: [inRack, '0190a000-0000-7000-8000-00000000dead'] }, ['ping'])).toThrow(expect.objectContaining({ code: 'assets.not-found' }));
    checks.close();
  });

  it('needs a profile to sign results, and ends runs a previous process left running', async () => {
    const { checks, asset, room, setActor, store, events, credentials } = await checksSetup({ tuning: FAST });
    const id = asset({ type: 'switch', name: 's', roomId: room.id });
    setActor(null);
    expect(() => checks.runner.start({ assetIds: [id] }, ['ping'])).toThrow(expect.objectContaining({ code: 'profile.required' }));
    store.db.prepare("INSERT INTO check_runs (id, label, kinds, status, total, started_at) VALUES ('orphan', 'x', '[]', 'running', 3, 1)").run();
    // The next start of core (services built again over the same store).
    const again = createCheckServices({ store, events, now: () => 5, actor: () => null, credentials, resourcesDir: RESOURCES_DIR });
    expect(checks.results.recentRuns(5).find((r) => r.id === 'orphan')).toMatchObject({ status: 'cancelled', finishedAt: 5 });
    again.close();
    checks.close();
  });

  it('emits at most the configured progress events per second however fast jobs finish', async () => {
    const { checks, asset, room, seen } = await checksSetup({ tuning: { ...FAST, progressPerSecond: 10 } });
    const ids = Array.from({ length: 40 }, (_, i) => asset({ type: 'switch', name: `sw-${i}`, roomId: room.id }));
    const started = performance.now();
    const { runId } = checks.runner.start({ assetIds: ids }, ['ping']);
    await checks.runner.settled(runId);
    const elapsed = performance.now() - started;
    const progress = seen.filter((e) => e.name === 'task.progress');
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(progress.at(-1)?.payload).toMatchObject({ done: 40, total: 40 });
    checks.close();
  });

  it('pings every asset of a run in one sweep job and stores one result per asset, as a single ping would', async () => {
    const { checks, asset, room, seen } = await checksSetup({ tuning: { ...FAST, pingCount: 2 } });
    sweep.mockImplementationOnce((targets: readonly PingTarget[]) =>
      Promise.resolve(targets.map((t) => (t.address === '10.9.0.1' ? pingAnswer(t.address, 2) : t.address === '10.9.0.2' ? pingAnswer(t.address, 0) : pingAnswer(t.address, 0, { code: 'check.unreachable', message: `${t.address}: the name does not resolve` })))),
    );
    const up = asset({ type: 'switch', name: 'up', roomId: room.id, managementIps: ['10.9.0.1'] });
    const down = asset({ type: 'switch', name: 'down', roomId: room.id, managementIps: ['10.9.0.2'] });
    const unknown = asset({ type: 'switch', name: 'unknown', roomId: room.id });
    checks.settings.update(unknown, { address: 'gone.invalid' });
    const noAddress = asset({ type: 'switch', name: 'no-ip', roomId: room.id });

    const { runId, total } = checks.runner.start({ location: { kind: 'room', id: room.id } }, ['ping']);
    // total still counts one job per asset's ping.
    expect(total).toBe(4);
    await checks.runner.settled(runId);

    expect(sweep).toHaveBeenCalledTimes(1);
    expect(sweep.mock.calls[0]?.[0]).toEqual([{ address: '10.9.0.2' }, { address: 'gone.invalid' }, { address: '10.9.0.1' }]);
    expect(sweep.mock.calls[0]?.[1]).toEqual({ count: 2, timeoutMs: expect.any(Number), onResult: expect.any(Function) });
    const results = checks.results.list({ runId, limit: 10 });
    const of = (id: string) => results.find((r) => r.assetId === id);
    expect(results).toHaveLength(4);
    expect(of(up)).toMatchObject({ kind: 'ping', profileId: 'ping', step: 'ping', target: '10.9.0.1', method: 'fping', status: 'ok', errorCode: null, metrics: { 'ping.received': 2, 'ping.loss-percent': 0, 'ping.rtt-avg-ms': 0.2 } });
    expect(checks.results.get(of(up)!.id).rawOutput).toBe('fping 10.9.0.1: 2 sent, 2 received, 0% loss, rtt min/avg/max = 0.1/0.2/0.3 ms');
    expect(of(down)).toMatchObject({ method: 'fping', status: 'failed', errorCode: 'check.unreachable', metrics: { 'ping.received': 0, 'ping.loss-percent': 100 } });
    expect(of(unknown)).toMatchObject({ method: null, status: 'error', errorCode: 'check.unreachable', metrics: {} });
    expect(of(noAddress)).toMatchObject({ status: 'error', errorCode: 'check.no-address' });
    expect(checks.results.recentRuns(1)[0]).toMatchObject({ id: runId, status: 'done', total: 4, done: 4, failed: 3 });
    expect(seen.filter((e) => e.name === 'task.progress').at(-1)?.payload).toMatchObject({ taskId: runId, done: 4, total: 4 });
    checks.close();
  });

  it('cancels a ping sweep at once: nothing stored, nothing counted', async () => {
    const { checks, asset, room } = await checksSetup({ tuning: FAST });
    let aborted = false;
    sweep.mockImplementationOnce(
      (_targets, _options, signal: AbortSignal) =>
        new Promise<PingResult[]>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(cancelledError());
          });
        }),
    );
    const ids = [1, 2, 3].map((n) => asset({ type: 'switch', name: `sw-${n}`, roomId: room.id, managementIps: [`10.9.1.${n}`] }));
    const { runId } = checks.runner.start({ assetIds: ids }, ['ping']);
    while (sweep.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = performance.now();
    checks.runner.cancel(runId);
    await checks.runner.settled(runId);
    expect(performance.now() - started).toBeLessThan(500);
    expect(aborted).toBe(true);
    expect(checks.results.list({ runId, limit: 10 })).toEqual([]);
    expect(checks.results.recentRuns(1)[0]).toMatchObject({ status: 'cancelled', done: 0 });
    checks.close();
  });

  it('sweeps in chunks, storing each chunk as it returns; a later chunk failing is not retried', async () => {
    const stored: string[] = [];
    const ctx = {
      tuning: { pingCount: 3, pingTimeoutMs: 500 },
      now: () => 1,
      record: (step: { step: string }) => {
        stored.push(step.step);
        return null;
      },
    } as unknown as JobContext;
    const targets = ['a', 'b', 'c', 'd', 'e'].map((name, i) => ({ ctx, step: { profileId: 'ping', step: name, target: `10.9.2.${i}` }, address: `10.9.2.${i}` }));
    sweep.mockImplementation((chunk: readonly PingTarget[]) => Promise.resolve(chunk.map((t) => pingAnswer(t.address, 1))));
    const batches: string[][] = [];
    await runPingSweep(targets, new AbortController().signal, (done) => batches.push(done.map((t) => t.step.step)), 2);
    expect(sweep).toHaveBeenCalledTimes(3);
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(stored).toEqual(['a', 'b', 'c', 'd', 'e']);

    // A result pingSweep tells early is stored then, once; the rest when it returns.
    stored.length = 0;
    batches.length = 0;
    let release = () => {};
    sweep.mockImplementationOnce(async (chunk: readonly PingTarget[], options) => {
      const answers = chunk.map((t) => pingAnswer(t.address, 1));
      options.onResult?.(1, answers[1]!);
      options.onResult?.(1, answers[1]!);
      await new Promise<void>((resolve) => (release = resolve));
      return answers;
    });
    const streaming = runPingSweep(targets.slice(0, 3), new AbortController().signal, (done) => batches.push(done.map((t) => t.step.step)));
    await new Promise((r) => setTimeout(r, 10));
    expect(stored).toEqual(['b']);
    expect(batches).toEqual([['b']]);
    release();
    await streaming;
    expect(stored).toEqual(['b', 'a', 'c']);
    expect(batches).toEqual([['b'], ['a', 'c']]);

    sweep.mockReset();
    sweep.mockResolvedValueOnce(targets.slice(0, 2).map((t) => pingAnswer(t.address, 1)));
    sweep.mockRejectedValueOnce(new CheckError('check.timeout', 'slow'));
    const failure = await runPingSweep(targets, new AbortController().signal, () => {}, 2).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JobFailure);
    expect((failure as JobFailure).retryable).toBe(false);
    sweep.mockRejectedValueOnce(new CheckError('check.timeout', 'slow'));
    // Nothing stored yet: the transport's own error, retried by the queue if it may pass.
    await expect(runPingSweep(targets, new AbortController().signal, () => {}, 2)).rejects.toBeInstanceOf(CheckError);
    sweep.mockReset();
    const actual = await vi.importActual<typeof transports>('./transports');
    sweep.mockImplementation(actual.pingSweep);
  });
});
