/**
 * Attachments through the core API (createCore, as either transport calls
 * it) over a real SQLite file and a real blob folder in a temporary data
 * directory: upload, dedupe, thumbnails, refusals that store nothing, delete
 * and undo, and everything still there after core is closed and opened again.
 * The owner is a knowledge article: the simplest record to create, and its
 * table is checked like every other owner's.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '@shared/domain/attachments';
import { MAX_ATTACHMENT_BYTES, THUMBNAIL_MAX_SIDE } from '@shared/domain/attachments';
import { createCore, type Core } from '../../electron/core/core';
import { newId } from '../../electron/core/store/ids';
import { DATABASE_FILE } from '../../electron/core/store/local-store';
import { decodedSize, sampleJpeg, samplePdf } from '../../electron/core/attachments/testing/sample-files';

describe('attachments through the core API', () => {
  let dataDir: string;
  let core: Core;
  let articleId: string;

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string; details?: unknown }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  function blobFiles(): string[] {
    const folder = join(dataDir, 'attachments');
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  }

  /** Straight from the file, not through core: what is really stored. */
  function countRows(sql: string): number {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  const upload = (fileName: string, bytes: Buffer, ownerId = articleId) =>
    call<Attachment>('attachments.upload', { ownerType: 'knowledge', ownerId, fileName, contentBase64: bytes.toString('base64') });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-attachments-'));
    core = createCore({ dataDir, transport: 'web', language: 'zh-CN' });
    await call('profile.save', { name: '李工', role: 'engineer' });
    const article = await call<{ id: string }>('knowledge.create', { title: '3F 机房空调漏水处理', language: 'zh-CN' });
    articleId = article.id;
  });

  afterAll(() => {
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts uploads of up to the limit over the transport', () => {
    expect(core.maxInputBytes('attachments.upload')).toBeGreaterThan(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3));
  });

  it('uploads a photo, lists it, serves the same bytes and a thumbnail', async () => {
    const photo = await sampleJpeg(1200, 900);
    const attachment = await upload('漏水点.jpg', photo);
    expect(attachment).toMatchObject({ ownerType: 'knowledge', ownerId: articleId, fileName: '漏水点.jpg', mimeType: 'image/jpeg', kind: 'image', width: 1200, height: 900, sizeBytes: photo.length, contentAvailable: true });
    expect(readFileSync(join(dataDir, 'attachments', attachment.sha256.slice(0, 2), attachment.sha256)).equals(photo)).toBe(true);

    expect(await call<Attachment[]>('attachments.list', { ownerType: 'knowledge', ownerId: articleId })).toEqual([attachment]);
    const content = await call<{ fileName: string; mimeType: string; contentBase64: string }>('attachments.content', { id: attachment.id });
    expect(content.fileName).toBe('漏水点.jpg');
    expect(content.mimeType).toBe('image/jpeg');
    expect(Buffer.from(content.contentBase64, 'base64').equals(photo)).toBe(true);

    const thumbnail = await call<{ mimeType: string; contentBase64: string }>('attachments.thumbnail', { id: attachment.id });
    expect(thumbnail.mimeType).toBe('image/jpeg');
    expect(await decodedSize(Buffer.from(thumbnail.contentBase64, 'base64'))).toEqual({ width: THUMBNAIL_MAX_SIDE, height: 240 });
  });

  it('keeps one blob for the same file attached twice', async () => {
    const pdf = samplePdf();
    const before = blobFiles().length;
    const first = await upload('报告.pdf', pdf);
    const second = await upload('报告-副本.pdf', pdf);
    expect(second.sha256).toBe(first.sha256);
    expect(second.id).not.toBe(first.id);
    expect(blobFiles().length).toBe(before + 1);
    expect(await call('attachments.thumbnail', { id: first.id })).toBeNull();
  });

  it('refuses bad files with a stable code and stores nothing', async () => {
    const rowsBefore = countRows('SELECT count(*) AS n FROM attachments');
    const outboxBefore = countRows("SELECT count(*) AS n FROM outbox WHERE entity = 'attachment'");
    const blobsBefore = blobFiles();

    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024, 0x41);
    expect(await callError('attachments.upload', { ownerType: 'knowledge', ownerId: articleId, fileName: 'huge.log', contentBase64: big.toString('base64') })).toMatchObject({
      code: 'attachments.too-large',
      details: { limit: MAX_ATTACHMENT_BYTES, size: MAX_ATTACHMENT_BYTES + 1024 },
    });
    expect(
      await callError('attachments.upload', { ownerType: 'knowledge', ownerId: articleId, fileName: 'scan.png', contentBase64: samplePdf().toString('base64') }),
    ).toMatchObject({ code: 'attachments.type-mismatch', details: { extension: 'png', detected: 'pdf' } });
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]);
    expect(await callError('attachments.upload', { ownerType: 'knowledge', ownerId: articleId, fileName: 'fix.exe', contentBase64: program.toString('base64') })).toMatchObject({
      code: 'attachments.unsupported-type',
    });
    expect(
      await callError('attachments.upload', { ownerType: 'knowledge', ownerId: newId(), fileName: 'a.pdf', contentBase64: samplePdf().toString('base64') }),
    ).toMatchObject({ code: 'attachments.owner-not-found' });
    expect(await callError('attachments.upload', { ownerType: 'server', ownerId: articleId, fileName: 'a.pdf', contentBase64: 'QQ==' })).toMatchObject({
      code: 'api.invalid-input',
    });

    expect(countRows('SELECT count(*) AS n FROM attachments')).toBe(rowsBefore);
    expect(countRows("SELECT count(*) AS n FROM outbox WHERE entity = 'attachment'")).toBe(outboxBefore);
    expect(blobFiles()).toEqual(blobsBefore);
  });

  it('deletes with undo, and keeps everything across a restart', async () => {
    const note = Buffer.from('22:10 关闭空调电源\n22:30 更换冷凝水管\n', 'utf8');
    const log = await call<Attachment>('attachments.upload', { ownerType: 'knowledge', ownerId: articleId, fileName: '处理记录.txt', contentBase64: note.toString('base64'), note: '现场记录' });
    expect(log).toMatchObject({ mimeType: 'text/plain', kind: 'text', note: '现场记录' });

    await call('attachments.delete', { id: log.id });
    const afterDelete = await call<Attachment[]>('attachments.list', { ownerType: 'knowledge', ownerId: articleId });
    expect(afterDelete.map((a) => a.id)).not.toContain(log.id);
    expect(await callError('attachments.content', { id: log.id })).toMatchObject({ code: 'attachments.not-found' });
    await call('attachments.restore', { id: log.id });

    const listed = await call<Attachment[]>('attachments.list', { ownerType: 'knowledge', ownerId: articleId });
    core.close();
    core = createCore({ dataDir, transport: 'web', language: 'zh-CN' });
    expect(await call<Attachment[]>('attachments.list', { ownerType: 'knowledge', ownerId: articleId })).toEqual(listed);
    const content = await call<{ contentBase64: string }>('attachments.content', { id: log.id });
    expect(Buffer.from(content.contentBase64, 'base64').toString('utf8')).toBe(note.toString('utf8'));
  });
});
