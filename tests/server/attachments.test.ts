import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentFields, seedPlace } from './fixtures';
import { DATABASE_KINDS, ServerStacks } from './stack';
import { sha256Hex } from './sync-client';

const stacks = new ServerStacks();
beforeAll(() => stacks.setUp());
afterAll(() => stacks.tearDown());

describe.each(DATABASE_KINDS)('attachments (%s)', (kind) => {
  it('takes a file in chunks, resumes after an interruption, verifies it, and hands it back bit-identical', async () => {
    const stack = await stacks.start(kind);
    const place = await seedPlace(stack.admin, '市人民医院');
    const { console: li } = await stack.console('李工', 'engineer', { clientIds: [place.clientId] });
    const photo = randomBytes(1024 * 1024 + 123);
    const sha256 = sha256Hex(photo);
    const chunk = 300 * 1024;

    expect((await li.get(`/v1/blobs/${sha256}`)).body).toMatchObject({ ok: true, present: false, receivedBytes: 0, size: null });
    expect((await li.putChunk(sha256, 0, photo.length, photo.subarray(0, chunk))).body).toMatchObject({ receivedBytes: chunk, complete: false });
    expect((await li.putChunk(sha256, chunk, photo.length, photo.subarray(chunk, 2 * chunk))).body).toMatchObject({ receivedBytes: 2 * chunk });
    // The connection dropped; the console asks where to continue.
    const status = await li.get(`/v1/blobs/${sha256}`);
    expect(status.body).toMatchObject({ present: false, receivedBytes: 2 * chunk, size: photo.length });
    // A retried chunk at an old offset is refused with the offset to continue at.
    const stale = await li.putChunk(sha256, chunk, photo.length, photo.subarray(chunk, 2 * chunk));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'sync.upload-offset', details: { receivedBytes: 2 * chunk } });
    let offset = 2 * chunk;
    let last;
    while (offset < photo.length) {
      last = await li.putChunk(sha256, offset, photo.length, photo.subarray(offset, offset + chunk));
      offset += chunk;
    }
    expect(last?.body).toMatchObject({ ok: true, complete: true, receivedBytes: photo.length });
    expect((await li.get(`/v1/blobs/${sha256}`)).body).toMatchObject({ present: true, size: photo.length });
    // Uploading it again is a no-op.
    expect((await li.upload(photo)).body).toMatchObject({ complete: true });

    const incident = li.insert('incident', incidentFields(place, '机柜漏水'));
    const attachment = li.insert('attachment', { ownerType: 'incident', ownerId: incident.id, fileName: '现场.jpg', mimeType: 'image/jpeg', sizeBytes: photo.length, sha256, thumbnailSha256: null });
    expect((await li.push([incident, attachment])).body).toMatchObject({ ok: true, applied: 2 });

    const { console: lead } = await stack.console('王主管', 'supervisor', { clientIds: [place.clientId] });
    const download = await fetch(`${stack.url}/v1/blobs/${sha256}/content`, { headers: { authorization: `Bearer ${lead.token}` } });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(sha256Hex(bytes)).toBe(sha256);
    expect(bytes.equals(photo)).toBe(true);

    // Someone who may not see the incident cannot fetch its photo, nor learn that it exists.
    const bank = await seedPlace(stack.admin, '城市银行');
    const { console: outsider } = await stack.console('周工', 'engineer', { clientIds: [bank.clientId] });
    const refused = await fetch(`${stack.url}/v1/blobs/${sha256}/content`, { headers: { authorization: `Bearer ${outsider.token}` } });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('sync.not-found');
  });

  it('refuses bytes that do not match their SHA-256 and keeps nothing of them', async () => {
    const stack = await stacks.start(kind);
    const { console: li } = await stack.console('李工', 'engineer', { all: true });
    const file = randomBytes(200_000);
    const sha256 = sha256Hex(file);
    const before = await stack.digest();
    const damaged = await li.upload(file, { chunkSize: 64 * 1024, corrupt: true });
    expect(damaged.status).toBe(422);
    expect(damaged.body.error).toMatchObject({ code: 'sync.hash-mismatch', details: { receivedBytes: 0 } });
    expect((await li.get(`/v1/blobs/${sha256}`)).body).toMatchObject({ present: false, receivedBytes: 0 });
    expect(await stack.digest()).toBe(before);
    expect((await li.upload(file, { chunkSize: 64 * 1024 })).body).toMatchObject({ complete: true });
  });

  it('refuses an attachment record whose file has not arrived, changing nothing', async () => {
    const stack = await stacks.start(kind);
    const place = await seedPlace(stack.admin, '市人民医院');
    const { console: li } = await stack.console('李工', 'engineer', { all: true });
    const file = randomBytes(5000);
    const sha256 = sha256Hex(file);
    const incident = li.insert('incident', incidentFields(place, '机柜漏水'));
    const attachment = li.insert('attachment', { ownerType: 'incident', ownerId: incident.id, fileName: 'a.png', mimeType: 'image/png', sizeBytes: 5000, sha256, thumbnailSha256: null });
    const before = await stack.digest();
    const refused = await li.push([incident, attachment]);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'sync.blob-missing', details: { rejections: [{ seq: attachment.seq, code: 'sync.blob-missing' }] } });
    expect(await stack.digest()).toBe(before);
    await li.upload(file);
    expect((await li.push([incident, attachment])).body).toMatchObject({ ok: true, applied: 2 });
  });

  it('bounds chunks and files', async () => {
    const stack = await stacks.start(kind);
    const { console: li } = await stack.console('李工', 'engineer', { all: true });
    const before = await stack.digest();
    const big = randomBytes(4 * 1024 * 1024 + 1);
    const tooBig = await li.putChunk(sha256Hex(big), 0, big.length, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error?.code).toBe('sync.payload-too-large');
    const hugeFile = await li.putChunk(sha256Hex(Buffer.from('x')), 0, 11 * 1024 * 1024, Buffer.from('x'));
    expect(hugeFile.status).toBe(400);
    expect(hugeFile.body.error?.code).toBe('sync.invalid');
    expect(await stack.digest()).toBe(before);
  });
});
