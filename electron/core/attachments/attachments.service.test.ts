import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES, THUMBNAIL_MAX_SIDE, type AttachmentOwnerType } from '@shared/domain/attachments';
import { AppError } from '@shared/errors';
import type { Profile } from '@shared/domain/profile';
import { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import { LocalStore } from '../store/local-store';
import { migrations, type Migration } from '../store/migrations';
import { m0008 } from '../store/migrations/0008-attachments';
import { syncedEntities } from '../store/synced-entities';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { AttachmentsService } from './attachments.service';
import { sha256Hex } from './blob-store';
import { decodedSize, sampleJpeg, samplePdf, samplePng } from './testing/sample-files';

const OWNER_TABLE = syncedEntities.incident.table;

/**
 * Schema 1–5 and this step, with a minimal table of incident owners in place
 * of 0006: the rules tested here must not depend on the other service-desk
 * tables, which are built alongside. Problems have no table here, which is how
 * an owner whose table does not exist yet is seen.
 */
const TEST_MIGRATIONS: Migration[] = [
  ...migrations.slice(0, 5),
  { version: 6, name: 'incident owners for the test', up: (db) => db.exec(`CREATE TABLE ${OWNER_TABLE} (id TEXT PRIMARY KEY, deleted_at INTEGER)`) },
  { version: 7, name: 'nothing', up() {} },
  m0008,
];

async function setup() {
  const dataDir = tempDataDir();
  const clock = manualClock();
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir, now: clock.now, actor: () => actor, migrations: TEST_MIGRATIONS });
  const events = new EventBus();
  const changes: string[][] = [];
  events.on((name, payload) => {
    if (name === 'records.changed') changes.push((payload as { entities: string[] }).entities);
  });
  const service = new AttachmentsService({ store, events, dataDir, actor: () => actor });
  const incident = newId();
  const otherIncident = newId();
  store.db.prepare(`INSERT INTO ${OWNER_TABLE} (id) VALUES (?), (?)`).run(incident, otherIncident);
  const upload = (fileName: string, bytes: Buffer, ownerId = incident, ownerType: AttachmentOwnerType = 'incident', note?: string) =>
    service.upload({ ownerType, ownerId, fileName, bytes, note });
  const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
  return {
    store,
    service,
    incident,
    otherIncident,
    upload,
    clock,
    changes,
    blobFiles: () => listFiles(join(dataDir, 'attachments')),
    rows: () => count('SELECT count(*) AS n FROM attachments'),
    outbox: () => count("SELECT count(*) AS n FROM outbox WHERE entity = 'attachment'"),
    setActor: (profile: Profile | null) => {
      actor = profile;
    },
  };
}

function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AttachmentsService', () => {
  it('stores a photo under its SHA-256 with a thumbnail, its size and a synced metadata row', async () => {
    const { service, upload, incident, store, blobFiles, changes } = await setup();
    const photo = await sampleJpeg(1000, 500);

    const attachment = await upload('C:\\Users\\张工\\Pictures\\机房.jpg', photo, incident, 'incident', '空调漏水');

    expect(attachment).toMatchObject({
      ownerType: 'incident',
      ownerId: incident,
      fileName: '机房.jpg',
      mimeType: 'image/jpeg',
      kind: 'image',
      sizeBytes: photo.length,
      sha256: sha256Hex(photo),
      width: 1000,
      height: 500,
      note: '空调漏水',
      contentAvailable: true,
    });
    const blobPath = join(service.blobs.root, attachment.sha256.slice(0, 2), attachment.sha256);
    expect(readFileSync(blobPath).equals(photo)).toBe(true);
    expect(blobFiles().sort()).toEqual([blobPath, service.blobs.pathOf(attachment.thumbnailSha256!)].sort());
    expect(service.content(attachment.id).bytes.equals(photo)).toBe(true);
    expect(service.list('incident', incident)).toEqual([attachment]);
    expect(store.db.prepare("SELECT entity, op FROM outbox WHERE entity_id = ?").all(attachment.id)).toEqual([{ entity: 'attachment', op: 'insert' }]);
    expect(store.db.prepare('SELECT actor_name, action FROM audit_log WHERE entity_id = ?').all(attachment.id)).toEqual([{ actor_name: TEST_ACTOR.name, action: 'create' }]);
    expect(changes).toEqual([['attachment']]);
  });

  it('makes thumbnails of at most 320 px: JPEG for photos, PNG for PNG, the original for small PNGs, none for documents', async () => {
    const { service, upload } = await setup();

    const wide = await upload('wide.jpg', await sampleJpeg(1000, 500));
    const wideThumb = service.thumbnail(wide.id)!;
    expect(wideThumb.mimeType).toBe('image/jpeg');
    expect(await decodedSize(wideThumb.bytes)).toEqual({ width: THUMBNAIL_MAX_SIDE, height: 160 });

    const tall = await upload('tall.png', await samplePng(300, 1200));
    const tallThumb = service.thumbnail(tall.id)!;
    expect(tallThumb.mimeType).toBe('image/png');
    expect(await decodedSize(tallThumb.bytes)).toEqual({ width: 80, height: THUMBNAIL_MAX_SIDE });

    const small = await upload('icon.png', await samplePng(100, 80));
    expect(small.thumbnailSha256).toBe(small.sha256);
    expect(service.thumbnail(small.id)).toEqual({ mimeType: 'image/png', bytes: service.content(small.id).bytes });

    const pdf = await upload('report.pdf', samplePdf());
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', kind: 'document', thumbnailSha256: null, width: null, height: null });
    expect(service.thumbnail(pdf.id)).toBeNull();
  });

  it('stores the same file once however often it is attached', async () => {
    const { upload, incident, otherIncident, blobFiles, rows } = await setup();
    const pdf = samplePdf();
    const first = await upload('report.pdf', pdf, incident);
    const second = await upload('同一份报告.pdf', pdf, otherIncident);
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(rows()).toBe(2);
    expect(blobFiles()).toHaveLength(1);
  });

  it('refuses a file over the limit with its size, storing nothing', async () => {
    const { upload, blobFiles, rows, outbox, changes } = await setup();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41);
    expect(await refusal(upload('big.txt', big))).toEqual({ code: 'attachments.too-large', details: { limit: MAX_ATTACHMENT_BYTES, size: MAX_ATTACHMENT_BYTES + 1 } });
    expect(rows()).toBe(0);
    expect(outbox()).toBe(0);
    expect(blobFiles()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const { upload } = await setup();
    const attachment = await upload('big.log', Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x41));
    expect(attachment.sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('refuses a .png that is really a PDF, and a program, storing nothing', async () => {
    const { upload, blobFiles, rows } = await setup();
    expect(await refusal(upload('scan.png', samplePdf()))).toEqual({ code: 'attachments.type-mismatch', details: { extension: 'png', detected: 'pdf' } });
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    expect((await refusal(upload('tool.exe', program))).code).toBe('attachments.unsupported-type');
    expect(rows()).toBe(0);
    expect(blobFiles()).toEqual([]);
  });

  it('refuses an empty file', async () => {
    const { upload, rows } = await setup();
    expect((await refusal(upload('empty.txt', Buffer.alloc(0)))).code).toBe('api.invalid-input');
    expect(rows()).toBe(0);
  });

  it('needs an owner that exists and is not deleted, and trusts owners whose table does not exist yet', async () => {
    const { upload, store, incident, blobFiles, rows } = await setup();
    const nobody = newId();
    expect(await refusal(upload('a.pdf', samplePdf(), nobody))).toEqual({ code: 'attachments.owner-not-found', details: { ownerType: 'incident', ownerId: nobody } });
    store.db.prepare(`UPDATE ${OWNER_TABLE} SET deleted_at = 1 WHERE id = ?`).run(incident);
    expect((await refusal(upload('a.pdf', samplePdf(), incident))).code).toBe('attachments.owner-not-found');
    expect(rows()).toBe(0);
    expect(blobFiles()).toEqual([]);

    const problem = newId();
    const attached = await upload('a.pdf', samplePdf(), problem, 'problem');
    expect(attached).toMatchObject({ ownerType: 'problem', ownerId: problem });
  });

  it('needs the profile before anything is stored', async () => {
    const { upload, setActor, blobFiles, rows } = await setup();
    setActor(null);
    expect((await refusal(upload('a.pdf', samplePdf()))).code).toBe('profile.required');
    expect(rows()).toBe(0);
    expect(blobFiles()).toEqual([]);
  });

  it('removes a blob it wrote when the row cannot be saved, but keeps one that was already there', async () => {
    const { upload, store, blobFiles, rows } = await setup();
    const kept = await upload('kept.pdf', samplePdf());
    const write = vi.spyOn(store.writePath, 'write').mockImplementation(() => {
      throw new AppError('internal.error', 'disk full');
    });
    expect((await refusal(upload('photo.jpg', await sampleJpeg(800, 600)))).code).toBe('internal.error');
    expect((await refusal(upload('again.pdf', samplePdf()))).code).toBe('internal.error');
    write.mockRestore();
    expect(rows()).toBe(1);
    expect(blobFiles()).toEqual([join(store.db.name, '..', 'attachments', kept.sha256.slice(0, 2), kept.sha256)]);
  });

  it('deletes softly, keeping the file for an undo', async () => {
    const { service, upload, incident, store } = await setup();
    const attachment = await upload('a.pdf', samplePdf());
    expect(service.delete(attachment.id)).toEqual({ id: attachment.id });

    expect(service.list('incident', incident)).toEqual([]);
    expect(() => service.content(attachment.id)).toThrow(expect.objectContaining({ code: 'attachments.not-found' }));
    expect(() => service.delete(attachment.id)).toThrow(expect.objectContaining({ code: 'attachments.not-found' }));
    expect(service.blobs.has(attachment.sha256)).toBe(true);
    expect(store.db.prepare("SELECT op FROM outbox WHERE entity_id = ? ORDER BY seq").all(attachment.id)).toEqual([{ op: 'insert' }, { op: 'delete' }]);

    expect(service.restore(attachment.id)).toMatchObject({ id: attachment.id, contentAvailable: true });
    expect(service.list('incident', incident).map((a) => a.id)).toEqual([attachment.id]);
    expect(() => service.restore(newId())).toThrow(expect.objectContaining({ code: 'attachments.not-found' }));
  });

  it('says when the content is not on this laptop (metadata synced from another device)', async () => {
    const { service, upload } = await setup();
    const attachment = await upload('photo.jpg', await sampleJpeg(800, 600));
    service.blobs.remove(attachment.sha256);
    service.blobs.remove(attachment.thumbnailSha256!);
    expect(service.get(attachment.id).contentAvailable).toBe(false);
    expect(() => service.content(attachment.id)).toThrow(expect.objectContaining({ code: 'attachments.not-found', details: { id: attachment.id, reason: 'content-unavailable' } }));
    expect(service.thumbnail(attachment.id)).toBeNull();
  });

  it('lists the attachments of many owners at once, by owner then time', async () => {
    const { service, upload, incident, otherIncident, clock } = await setup();
    const a = await upload('a.pdf', samplePdf(), incident);
    clock.advance(1000);
    const b = await upload('b.txt', Buffer.from('b\n'), otherIncident);
    clock.advance(1000);
    const c = await upload('c.txt', Buffer.from('c\n'), incident);
    const byOwner = service.listFor('incident', [incident, otherIncident, newId()]);
    expect(byOwner.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(byOwner.filter((x) => x.ownerId === incident).map((x) => x.id)).toEqual([a.id, c.id]);
    expect(service.listFor('incident', [])).toEqual([]);
    expect(service.listFor('problem', [incident])).toEqual([]);
  });
});
