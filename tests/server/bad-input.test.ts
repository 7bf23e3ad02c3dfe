import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@shared/errors';
import { incidentFields, seedPlace } from './fixtures';
import { DATABASE_KINDS, ServerStacks, type Stack } from './stack';
import { request, sha256Hex, type Reply, type TestConsole } from './sync-client';

const stacks = new ServerStacks();
beforeAll(() => stacks.setUp());
afterAll(() => stacks.tearDown());

const SYNC_CODES = ERROR_CODES.filter((code) => code.startsWith('sync.'));

/** Every refusal: a 4xx, the error shape, a stable sync.* code, the server's time. */
function expectRefusal(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body.error?.code }).toEqual({ status, code });
  expect(reply.body).toMatchObject({ ok: false, serverTime: expect.any(Number), error: { message: expect.any(String), retryable: false } });
}

async function arrange(stack: Stack) {
  const hospital = await seedPlace(stack.admin, '市人民医院');
  const bank = await seedPlace(stack.admin, '城市银行');
  const { console: li } = await stack.console('李工', 'engineer', { clientIds: [hospital.clientId] });
  await li.push([li.insert('incident', incidentFields(hospital, '已同步的故障'))]);
  const { console: revoked } = await stack.console('离职的钱工', 'engineer', { all: true });
  await stack.admin.post(`/v1/admin/devices/${revoked.deviceId}/revoke`, {});
  return { hospital, bank, li, revoked };
}

describe.each(DATABASE_KINDS)('bad input (%s)', (kind) => {
  it('answers malformed, oversized, wrongly typed, replayed, unauthorised and out-of-scope requests with a 4xx code and changes nothing', async () => {
    const stack = await stacks.start(kind);
    const { hospital, bank, li, revoked } = await arrange(stack);
    const push = (body: unknown, token = li.token, headers: Record<string, string> = {}) =>
      request(stack.url, 'POST', '/v1/push', { token, raw: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
    const valid = () => li.insert('incident', incidentFields(hospital, '新故障'));
    const nextSeq = li.seq + 1;
    const before = await stack.digest();

    const cases: [string, () => Promise<Reply>, number, string][] = [
      ['not JSON', () => push('{"deviceId": "x", entries: ['), 400, 'sync.malformed-json'],
      ['empty body', () => push(''), 400, 'sync.malformed-json'],
      ['a JSON array', () => push([1, 2, 3]), 400, 'sync.invalid'],
      ['a seq as text', () => push({ deviceId: li.deviceId, entries: [{ ...valid(), seq: String(nextSeq) }] }), 400, 'sync.invalid'],
      ['fields as text', () => push({ deviceId: li.deviceId, entries: [{ ...valid(), seq: nextSeq, fields: '{"title":"x"}' }] }), 400, 'sync.invalid'],
      ['an unknown entity', () => push({ deviceId: li.deviceId, entries: [{ ...valid(), seq: nextSeq, entity: 'device_mutations' }] }), 400, 'sync.invalid'],
      ['an unknown field', () => push({ deviceId: li.deviceId, entries: [{ ...valid(), seq: nextSeq, fields: { owner_user_id: 'me' } }] }), 400, 'sync.invalid'],
      ['a NaN-ish number', () => push(`{"deviceId":"${li.deviceId}","entries":[{"seq":1e400}]}`), 400, 'sync.invalid'],
      ['nesting 100 000 deep', () => push(`{"deviceId":"${li.deviceId}","entries":[{"fields":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`), 400, 'sync.invalid'],
      ['9 MiB', () => push(`{"deviceId":"${li.deviceId}","pad":"${'x'.repeat(9 * 1024 * 1024)}"}`), 413, 'sync.payload-too-large'],
      ['a gzip bomb', () => push(gzipSync(Buffer.alloc(64 * 1024 * 1024, 32)), li.token, { 'content-encoding': 'gzip' }), 413, 'sync.payload-too-large'],
      ['broken gzip', () => push(randomBytes(100), li.token, { 'content-encoding': 'gzip' }), 400, 'sync.malformed-json'],
      ['brotli', () => push('{}', li.token, { 'content-encoding': 'br' }), 400, 'sync.invalid'],
      ['no token', () => push({ deviceId: li.deviceId, entries: [valid()] }, ''), 401, 'sync.unauthorized'],
      ['a made-up token', () => push({ deviceId: li.deviceId, entries: [valid()] }, `wdt_${randomBytes(32).toString('base64url')}`), 401, 'sync.unauthorized'],
      ['a revoked device', () => revoked.push([revoked.insert('knowledgeArticle', { title: 'x' })]), 403, 'sync.revoked'],
      ['another device’s seqs', () => push({ deviceId: revoked.deviceId, entries: [valid()] }), 401, 'sync.unauthorized'],
      ['a replay with other content', () => li.push([{ ...valid(), seq: 1 }]), 409, 'sync.device-diverged'],
      ['a gap', () => li.push([{ ...valid(), seq: nextSeq + 5 }]), 409, 'sync.seq-gap'],
      ['out of scope', () => li.push([{ ...li.insert('incident', incidentFields(bank, '银行故障')), seq: nextSeq }]), 403, 'sync.forbidden-scope'],
      ['a role that may not', () => li.push([{ ...li.insert('checklistTemplate', { name: '模板' }), seq: nextSeq }]), 403, 'sync.forbidden-role'],
      ['an unknown path', () => request(stack.url, 'GET', '/v1/records', { token: li.token }), 404, 'sync.not-found'],
      ['a wrong method', () => request(stack.url, 'DELETE', '/v1/push', { token: li.token }), 405, 'sync.not-found'],
      ['a pull with someone else’s clock', () => li.send('POST', '/v1/pull', { cursor: 0, clock: revoked.entry('client', 'x', 'insert', {}).hlc }), 400, 'sync.invalid'],
      ['a pull with a negative cursor', () => li.send('POST', '/v1/pull', { cursor: -5, clock: li.entry('client', 'x', 'insert', {}).hlc }), 400, 'sync.invalid'],
      ['a blob with a bad hash', () => li.upload(Buffer.from('not the bytes'), { sha256: sha256Hex(Buffer.from('the bytes')) }), 422, 'sync.hash-mismatch'],
      ['a blob chunk with a text offset', () => request(stack.url, 'PUT', `/v1/blobs/${'a'.repeat(64)}?offset=x&size=3`, { token: li.token, raw: 'abc' }), 400, 'sync.invalid'],
      ['an enrolment with a made-up code', () => request(stack.url, 'POST', '/v1/enrol', { body: { code: 'ABCD-EFGH-JKMN-PQRS', deviceId: uuidv7(), deviceName: 'x' } }), 400, 'sync.enrolment-invalid'],
      ['an engineer creating users', () => li.post('/v1/admin/users', { name: 'x', role: 'admin', scope: { all: true, clientIds: [], siteIds: [] } }), 403, 'sync.forbidden-role'],
    ];
    for (const [why, send, status, code] of cases) {
      const reply = await send();
      try {
        expectRefusal(reply, status, code);
      } catch (error) {
        throw new Error(`${why}: ${(error as Error).message}\n${JSON.stringify(reply.body).slice(0, 500)}`);
      }
    }
    expect(await stack.digest()).toBe(before);
    expect((await request(stack.url, 'GET', '/health')).status).toBe(200);
  });

  it('survives thousands of random and mutated payloads: only 4xx codes, nothing changed, still healthy', async () => {
    const stack = await stacks.start(kind);
    const { hospital, li, revoked } = await arrange(stack);
    const base = [li.insert('incident', incidentFields(hospital, '模板故障')), li.insert('knowledgeArticle', { title: '经验', body: '…', tags: ['UPS'] })];
    li.seq -= base.length;
    const before = await stack.digest();
    const seen: Record<string, number> = {};
    let reachedPoison = 0;
    const check = (reply: Reply) => {
      const code = reply.body.error?.code ?? `ok:${reply.status}`;
      seen[code] = (seen[code] ?? 0) + 1;
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(SYNC_CODES).toContain(reply.body.error?.code);
    };

    // Random bytes and random JSON, anywhere.
    const paths = fc.constantFrom('/v1/push', '/v1/pull', '/v1/enrol', '/v1/admin/users', '/v1/admin/enrolment-codes');
    await fc.assert(
      fc.asyncProperty(paths, fc.oneof(fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), fc.json().map((text) => Buffer.from(text))), async (path, body) => {
        check(await request(stack.url, 'POST', path, { token: li.token, raw: body, headers: { 'content-type': 'application/json' } }));
      }),
      { numRuns: 800 },
    );

    // Batches that look right, mutated, each ending with an entry the server must refuse: whatever
    // the mutated entries did inside the transaction must be rolled back.
    const jsonValue = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    const mutate = fc.record({ index: fc.nat(), key: fc.constantFrom('seq', 'entity', 'id', 'op', 'fields', 'hlc', 'setAside', 'extra'), value: jsonValue, field: fc.string({ maxLength: 12 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(mutate, { maxLength: 4 }), fc.boolean(), async (mutations, asFieldEdits) => {
        const entries: Record<string, unknown>[] = base.map((entry) => ({ ...entry, fields: { ...entry.fields } }));
        for (const m of mutations) {
          const entry = entries[m.index % entries.length] as Record<string, unknown>;
          if (asFieldEdits) (entry.fields as Record<string, unknown>)[m.field] = m.value;
          else if (m.value === undefined) delete entry[m.key];
          else entry[m.key] = m.value;
        }
        const poison = { ...li.entry('knowledgeArticle', uuidv7(), 'insert', { notAField: true }), seq: (base[0]?.seq as number) + entries.length };
        li.seq -= 1;
        const reply = await li.push([...entries, poison] as never);
        check(reply);
        if (reply.body.error?.message.includes('notAField')) reachedPoison += 1;
      }),
      { numRuns: 1000 },
    );

    // Pulls with a clock of another device, mutated; enrolments with made-up codes.
    await fc.assert(
      fc.asyncProperty(fc.record({ cursor: fc.oneof(fc.integer(), fc.double(), fc.string()), limit: fc.oneof(fc.integer(), fc.constant(undefined)), extra: fc.option(fc.jsonValue()) }), async (pull) => {
        const body = { ...pull, clock: revoked.entry('client', 'x', 'insert', {}).hlc };
        check(await li.send('POST', '/v1/pull', JSON.parse(JSON.stringify(body))));
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ code: fc.string({ maxLength: 30 }), deviceId: fc.oneof(fc.uuid(), fc.string()), deviceName: fc.string(), nextSeq: fc.oneof(fc.integer(), fc.string()) }), async (enrol) => {
        check(await request(stack.url, 'POST', '/v1/enrol', { body: enrol }));
      }),
      { numRuns: 150 },
    );

    const total = Object.values(seen).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(await stack.digest()).toBe(before);
    const health = await request(stack.url, 'GET', '/health');
    expect(health.status).toBe(200);
    // The mutated batches did reach the entry-level checks inside the transaction, not only the parser.
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['sync.invalid', 'sync.malformed-json']));
    expect(reachedPoison).toBeGreaterThan(100);
    expect(await afterFuzzStillWorks(li, hospital.assetId)).toBe(200);
  });
});

/** After all that, a well-formed push from the same console goes through. */
async function afterFuzzStillWorks(li: TestConsole, assetId: string): Promise<number> {
  const reply = await li.push([li.entry('asset', assetId, 'update', { notes: '风扇异响' })]);
  return reply.status;
}
