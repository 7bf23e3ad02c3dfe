import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentFields, seedPlace } from './fixtures';
import { DATABASE_KINDS, ServerStacks } from './stack';
import type { Change } from '@shared/sync/messages';

const stacks = new ServerStacks();
beforeAll(() => stacks.setUp());
afterAll(() => stacks.tearDown());

describe.each(DATABASE_KINDS)('push and pull (%s)', (kind) => {
  it('applies nothing twice: replays, overlapping and reordered retries leave the server as if sent once', async () => {
    const stack = await stacks.start(kind);
    const { console: a } = await stack.console('李工', 'engineer', { all: true });
    const entries = Array.from({ length: 9 }, (_, i) => a.insert('knowledgeArticle', { title: `经验 ${i}`, body: '…', status: 'draft' }));
    const batch = (from: number, to: number) => entries.slice(from - 1, to);

    expect((await a.push(batch(1, 3))).body).toMatchObject({ ok: true, acknowledgedSeq: 3, applied: 3, replayed: 0 });
    const afterFirst = await stack.digest();
    expect((await a.push(batch(1, 3))).body).toMatchObject({ ok: true, acknowledgedSeq: 3, applied: 0, replayed: 3 });
    expect(await stack.digest()).toBe(afterFirst);

    // Overlap: 2..5 after 1..3.
    expect((await a.push(batch(2, 5))).body).toMatchObject({ acknowledgedSeq: 5, applied: 2, replayed: 2 });
    // A later batch arriving before the one it follows is refused and changes nothing.
    const before = await stack.digest();
    const early = await a.push(batch(8, 9));
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'sync.seq-gap', details: { expectedSeq: 6 } });
    expect(await stack.digest()).toBe(before);
    expect((await a.push(batch(6, 7))).body).toMatchObject({ acknowledgedSeq: 7, applied: 2 });
    expect((await a.push(batch(8, 9))).body).toMatchObject({ acknowledgedSeq: 9, applied: 2 });
    const done = await stack.digest();
    for (const [from, to] of [[1, 9], [4, 6], [9, 9], [1, 1]] as const) {
      expect((await a.push(batch(from, to))).body).toMatchObject({ ok: true, acknowledgedSeq: 9, applied: 0 });
    }
    expect(await stack.digest()).toBe(done);
    expect(await stack.rows("SELECT id FROM records WHERE entity = 'knowledgeArticle'")).toHaveLength(9);
    expect(await stack.rows("SELECT server_seq FROM changes WHERE entity = 'knowledgeArticle'")).toHaveLength(9);

    // The same seq with other content is not a replay: the laptop's history forked (restored from a backup).
    const forked = { ...(entries[0] as (typeof entries)[number]), hlc: entries[8]?.hlc as string };
    const diverged = await a.push([forked]);
    expect(diverged.status).toBe(409);
    expect(diverged.body.error?.code).toBe('sync.device-diverged');
  });

  it('applies a batch in one transaction: one bad entry refuses all of it, with the reason per entry', async () => {
    const stack = await stacks.start(kind);
    const { console: a } = await stack.console('李工', 'engineer', { all: true });
    const place = await seedPlace(a, '市人民医院');
    const before = await stack.digest();
    const good = a.insert('incident', incidentFields(place, '核心交换机宕机'));
    const alsoGood = a.insert('incidentWorkLog', { incidentId: good.id, at: Date.now(), author: '李工', text: '到场', minutesSpent: 10 });
    const bad = a.insert('incident', { ...incidentFields(place, 'x'), favouriteColour: 'red' });
    const refused = await a.push([good, alsoGood, bad]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'sync.invalid', details: { rejections: [{ seq: bad.seq, code: 'sync.invalid' }] } });
    expect(await stack.digest()).toBe(before);
    expect((await stack.admin.get('/v1/session')).status).toBe(200);
    // Fixed, the same seqs go through.
    const fixed = { ...bad, fields: incidentFields(place, '修正后') };
    expect((await a.push([good, alsoGood, fixed as typeof bad])).body).toMatchObject({ ok: true, applied: 3 });
  });

  it('pages through changes with a cursor, never repeating or skipping one, and never echoes a device its own changes', async () => {
    const stack = await stacks.start(kind);
    const { console: a } = await stack.console('李工', 'engineer', { all: true });
    const { console: b } = await stack.console('王主管', 'supervisor', { all: true });
    const place = await seedPlace(a, '市人民医院');
    const ids = [];
    for (let i = 0; i < 25; i += 1) ids.push(a.insert('incident', incidentFields(place, `故障 ${i}`)));
    expect((await a.push(ids)).status).toBe(200);

    const pages = await b.pullAll(10);
    const all = await stack.rows('SELECT server_seq FROM changes');
    expect(b.received).toHaveLength(all.length);
    expect(pages).toBe(Math.floor(all.length / 10) + 1);
    const seqs = b.received.map((change) => change.serverSeq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    const incidents = b.received.filter((change) => change.entity === 'incident');
    expect(incidents.map((change) => change.fields.title)).toEqual(ids.map((entry) => entry.fields.title));
    expect(incidents.every((change) => change.originDeviceId === a.deviceId && change.op === 'insert')).toBe(true);
    // Users travel down too: names and roles, nothing else.
    expect(b.received.find((change) => change.entity === 'user' && change.fields.name === '李工')?.fields).toEqual({ name: '李工', role: 'engineer', revokedAt: null });

    const cursor = b.cursor;
    expect((await b.pullOnce()).body).toMatchObject({ changes: [], hasMore: false, cursor });
    await a.pullAll();
    expect(a.received.filter((change) => change.originDeviceId === a.deviceId)).toEqual([]);
    const pull = await b.pullOnce();
    expect(pull.body.serverTime).toEqual(expect.any(Number));
  });

  it('keeps both values of a concurrent edit: the later stamp wins, the other is a conflict both consoles receive', async () => {
    const stack = await stacks.start(kind);
    const { console: a, userId: aUser } = await stack.console('李工', 'engineer', { all: true });
    const { console: b, userId: bUser } = await stack.console('赵工', 'engineer', { all: true });
    const { console: lead } = await stack.console('王主管', 'supervisor', { all: true });
    const place = await seedPlace(stack.admin, '市人民医院');
    const incident = a.insert('incident', incidentFields(place, '核心交换机宕机'));
    await a.push([incident]);
    // b works on the same incident: it was made by a, so a supervisor shares it (here: b pushes an edit blind).
    await a.pullAll();
    await b.pullAll();

    const t = Date.now();
    const fromA = a.entry('incident', incident.id, 'update', { assignee: '李工', status: 'in-progress', updatedAt: t }, t);
    const fromB = b.entry('incident', incident.id, 'update', { assignee: '赵工', updatedAt: t + 5 }, t + 5);
    expect((await a.push([fromA])).body.conflicts).toBe(0);
    expect((await b.push([fromB])).body).toMatchObject({ ok: true, applied: 1, conflicts: 1 });

    const [record] = await stack.rows(`SELECT fields FROM records WHERE entity = 'incident' AND id = '${incident.id}'`);
    expect(JSON.parse(record?.fields as string)).toMatchObject({ assignee: '赵工', status: 'in-progress' });

    await a.pullAll();
    await b.pullAll();
    await lead.pullAll();
    for (const device of [a, b, lead]) {
      const conflicts = device.received.filter((change) => change.entity === 'conflict');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]?.fields).toMatchObject({
        entity: 'incident',
        entityId: incident.id,
        fields: { assignee: { winner: { value: '赵工', deviceId: b.deviceId }, loser: { value: '李工', deviceId: a.deviceId } } },
        resolvedAt: null,
      });
    }
    expect(a.replica.get(`incident/${incident.id}`)).toMatchObject({ assignee: '赵工' });

    // Resolving it travels like any edit; a third engineer cannot touch it.
    const conflictId = (a.received.find((change) => change.entity === 'conflict') as Change).id;
    const resolved = await a.push([a.entry('conflict', conflictId, 'update', { resolvedAt: Date.now(), resolvedBy: '李工', resolution: 'kept-winner' })]);
    expect(resolved.body).toMatchObject({ ok: true, applied: 1 });
    await lead.pullAll();
    expect(lead.replica.get(`conflict/${conflictId}`)).toMatchObject({ resolution: 'kept-winner' });
    const { console: c } = await stack.console('钱工', 'engineer', { all: true });
    const meddling = await c.push([c.entry('conflict', conflictId, 'update', { resolution: 'kept-loser' })]);
    expect(meddling.body.error?.code).toBe('sync.forbidden-scope');
    expect([aUser, bUser]).toHaveLength(2);
  });

  it('does not call an edit made after pulling the other one a conflict, and never conflicts append-only records', async () => {
    const stack = await stacks.start(kind);
    const { console: a } = await stack.console('李工', 'engineer', { all: true });
    const { console: lead } = await stack.console('王主管', 'supervisor', { all: true });
    const place = await seedPlace(stack.admin, '市人民医院');
    const incident = a.insert('incident', incidentFields(place, '核心交换机宕机'));
    await a.push([incident, a.entry('incident', incident.id, 'update', { assignee: '李工' })]);
    await lead.pullAll();
    expect((await lead.push([lead.entry('incident', incident.id, 'update', { assignee: '王主管' })])).body.conflicts).toBe(0);

    const log = a.insert('incidentWorkLog', { incidentId: incident.id, at: Date.now(), author: '李工', text: '更换光模块', minutesSpent: 30 });
    await a.push([log]);
    const update = await a.push([a.entry('incidentWorkLog', log.id, 'update', { text: '改写' })]);
    expect(update.status).toBe(400);
    expect(update.body.error?.message).toContain('append-only');
  });

  it('keeps deletes as tombstones and restores them', async () => {
    const stack = await stacks.start(kind);
    const { console: a } = await stack.console('李工', 'engineer', { all: true });
    const { console: b } = await stack.console('王主管', 'supervisor', { all: true });
    const place = await seedPlace(a, '市人民医院');
    const at = Date.now();
    await a.push([a.entry('asset', place.assetId, 'delete', { deletedAt: at, updatedAt: at })]);
    await b.pullAll();
    const deletion = b.received.find((change) => change.op === 'delete');
    expect(deletion).toMatchObject({ entity: 'asset', id: place.assetId, fields: { deletedAt: at } });
    const [row] = await stack.rows(`SELECT deleted FROM records WHERE id = '${place.assetId}'`);
    expect(Number(row?.deleted)).toBe(1);
    await a.push([a.entry('asset', place.assetId, 'restore', { deletedAt: null, updatedAt: at + 1 })]);
    await b.pullAll();
    expect(b.replica.get(`asset/${place.assetId}`)).toMatchObject({ deletedAt: null, name: '市人民医院-core-sw' });
    const badDelete = await a.push([a.entry('asset', place.assetId, 'delete', { updatedAt: at })]);
    expect(badDelete.body.error?.code).toBe('sync.invalid');
  });

  it('refuses a stamp far ahead of the server clock and one made by another device', async () => {
    const stack = await stacks.start(kind);
    const { console: a } = await stack.console('李工', 'engineer', { all: true });
    const { console: other } = await stack.console('赵工', 'engineer', { all: true });
    const before = await stack.digest();
    const ahead = await a.push([a.entry('knowledgeArticle', uuidv7(), 'insert', { title: 'x' }, Date.now() + 3 * 24 * 3600_000)]);
    expect(ahead.status).toBe(422);
    expect(ahead.body.error?.code).toBe('sync.clock-ahead');
    a.seq = 0;
    const forged = other.entry('knowledgeArticle', uuidv7(), 'insert', { title: 'x' });
    const refused = await a.push([{ ...forged, seq: 1 }]);
    expect(refused.body.error?.code).toBe('sync.invalid');
    const wrongDevice = await a.push([a.entry('knowledgeArticle', uuidv7(), 'insert', { title: 'x' })], other.deviceId);
    expect(wrongDevice.body.error?.code).toBe('sync.unauthorized');
    expect(await stack.digest()).toBe(before);
  });
});

describe.each(DATABASE_KINDS)('scope and role (%s)', (kind) => {
  it('refuses a push outside the user’s scope or role, changing nothing, and lets the console set such an entry aside', async () => {
    const stack = await stacks.start(kind);
    const hospital = await seedPlace(stack.admin, '市人民医院');
    const bank = await seedPlace(stack.admin, '城市银行');
    const { console: li } = await stack.console('李工', 'engineer', { clientIds: [hospital.clientId] });
    const before = await stack.digest();

    const inHospital = li.insert('incident', incidentFields(hospital, '医院故障'));
    const inBank = li.insert('incident', incidentFields(bank, '银行核心交换机宕机'));
    const refused = await li.push([inHospital, inBank]);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'sync.forbidden-scope', details: { rejections: [{ seq: inBank.seq, code: 'sync.forbidden-scope' }] } });
    // Moving a hospital asset into the bank is leaving the scope too.
    const move = li.entry('asset', hospital.assetId, 'update', { roomId: bank.roomId });
    li.seq = 0;
    const moved = await li.push([{ ...move, seq: 1 }]);
    expect(moved.body.error?.code).toBe('sync.forbidden-scope');
    const policy = await li.push([{ ...li.insert('slaPolicy', { name: 'x', clientId: hospital.clientId }), seq: 1 }]);
    expect(policy.status).toBe(403);
    expect(policy.body.error?.code).toBe('sync.forbidden-role');
    const newClient = await li.push([{ ...li.insert('client', { name: '新客户' }), seq: 1 }]);
    expect(newClient.body.error?.code).toBe('sync.forbidden-scope');
    expect(await stack.digest()).toBe(before);

    // A console that cannot fix an entry hands it over instead: kept for review, acknowledged, not applied.
    li.seq = 0;
    const stuck = li.insert('incident', incidentFields(bank, '银行核心交换机宕机'));
    const handedOver = await li.push([{ ...stuck, setAside: { code: 'sync.forbidden-scope' } }, li.insert('incident', incidentFields(hospital, '医院故障'))]);
    expect(handedOver.body).toMatchObject({ ok: true, acknowledgedSeq: 2, applied: 1, setAside: 1 });
    expect(await stack.rows(`SELECT code FROM set_aside WHERE entity_id = '${stuck.id}'`)).toEqual([{ code: 'sync.forbidden-scope' }]);
    expect(await stack.rows(`SELECT id FROM records WHERE id = '${stuck.id}'`)).toEqual([]);
  });

  it('sends each user only what their scope and role allow, and evicts records that leave the scope', async () => {
    const stack = await stacks.start(kind);
    const hospital = await seedPlace(stack.admin, '市人民医院');
    const bank = await seedPlace(stack.admin, '城市银行');
    const { console: li } = await stack.console('李工', 'engineer', { clientIds: [hospital.clientId] });
    const { console: zhao } = await stack.console('赵工', 'engineer', { clientIds: [hospital.clientId] });
    const { console: wang } = await stack.console('王主管', 'supervisor', { clientIds: [hospital.clientId] });
    const { console: siteOnly } = await stack.console('孙工', 'engineer', { siteIds: [hospital.siteId] });
    const { console: bankLead } = await stack.console('周主管', 'supervisor', { clientIds: [bank.clientId] });

    const liIncident = li.insert('incident', incidentFields(hospital, '医院核心交换机宕机'));
    await li.push([liIncident, li.insert('incidentWorkLog', { incidentId: liIncident.id, at: Date.now(), author: '李工', text: '到场', minutesSpent: 5 })]);
    const wangLog = wang.insert('incidentWorkLog', { incidentId: liIncident.id, at: Date.now(), author: '王主管', text: '已通知厂商', minutesSpent: 1 });
    await wang.push([wangLog]);
    await stack.admin.push([stack.admin.insert('knowledgeArticle', { title: '通用经验', body: '…' })]);

    for (const device of [li, zhao, wang, siteOnly, bankLead]) await device.pullAll();
    const has = (device: typeof li, entity: string, id: string) => device.replica.has(`${entity}/${id}`);

    // Reference data in scope reaches everyone in it, organisation-wide records everyone.
    for (const device of [li, zhao, wang]) expect(has(device, 'asset', hospital.assetId) && has(device, 'client', hospital.clientId)).toBe(true);
    for (const device of [li, zhao, wang, siteOnly, bankLead]) expect(device.received.some((c) => c.entity === 'knowledgeArticle')).toBe(true);
    expect(has(siteOnly, 'asset', hospital.assetId) && has(siteOnly, 'client', hospital.clientId)).toBe(true);
    for (const device of [li, zhao, wang, siteOnly]) expect(has(device, 'asset', bank.assetId) || has(device, 'client', bank.clientId)).toBe(false);
    // Work: the supervisor of the scope sees everyone's; the engineer who owns the incident sees the supervisor's note on it; others do not.
    expect(has(wang, 'incident', liIncident.id)).toBe(true);
    expect(has(li, 'incidentWorkLog', wangLog.id)).toBe(true);
    expect(has(zhao, 'incident', liIncident.id) || has(zhao, 'incidentWorkLog', wangLog.id)).toBe(false);
    expect(has(bankLead, 'incident', liIncident.id)).toBe(false);
    expect(has(bankLead, 'asset', bank.assetId)).toBe(true);

    // The admin moves the hospital's asset to the bank: hospital people are told to drop it, the bank gets it.
    await stack.admin.push([stack.admin.entry('asset', hospital.assetId, 'update', { roomId: bank.roomId })]);
    await li.pullAll();
    await bankLead.pullAll();
    expect(li.received.at(-1)).toMatchObject({ entity: 'asset', id: hospital.assetId, op: 'evict', fields: {} });
    expect(has(li, 'asset', hospital.assetId)).toBe(false);
    expect(bankLead.replica.get(`asset/${hospital.assetId}`)).toMatchObject({ roomId: bank.roomId });

    // A wider scope: the user's consoles are told to start over, and then receive the bank.
    const liUser = (await li.get('/v1/session')).body.user as { id: string };
    const patched = await stack.admin.send('PATCH', `/v1/admin/users/${liUser.id}`, { scope: { all: false, clientIds: [hospital.clientId, bank.clientId], siteIds: [] } });
    expect(patched.status).toBe(200);
    const reset = await li.pullOnce();
    expect(reset.body).toMatchObject({ ok: true, reset: true, changes: [], cursor: 0 });
    await li.pullAll();
    expect(has(li, 'asset', bank.assetId)).toBe(true);
  });
});
