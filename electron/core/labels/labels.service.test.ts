import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetFields, type AssetFieldsInput } from '@shared/domain/assets';
import { AssetsService } from '../assets/assets.service';
import { EventBus } from '../events/event-bus';
import { LocationsService } from '../locations/locations.service';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { labelOf, LabelsService } from './labels.service';

async function setup() {
  const clock = manualClock();
  const dir = tempDataDir();
  const store = await LocalStore.open({ dataDir: dir, now: clock.now, actor: () => TEST_ACTOR });
  const events = new EventBus();
  const locations = new LocationsService(store, events);
  const assets = new AssetsService(store, events, clock.now);
  const client = locations.create({ kind: 'client', name: '市人民医院' });
  const site = locations.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
  const room = locations.create({ kind: 'room', siteId: site.id, name: '3F 核心机房' });
  const rack = locations.create({ kind: 'rack', roomId: room.id, name: 'A01', heightU: 42 });
  const create = (fields: AssetFieldsInput) => assets.create(AssetFields.parse(fields)).id;
  const labels = new LabelsService(store, clock.now);
  /** The PDF on disk, read back by poppler as a person's viewer would. */
  const inspect = (contentBase64: string) => {
    const file = join(dir, `labels-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.from(contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return { text, pages, fonts };
  };
  return { assets, labels, create, inspect, rack };
}

describe('labels.pdf', () => {
  it('prints tags and Chinese names in an embedded font, a page per full grid', async () => {
    const { labels, create, inspect, rack } = await setup();
    const ids = Array.from({ length: 30 }, (_, i) =>
      create({ type: 'server', name: `数据库服务器 ${i + 1} 号（HIS 主库）`, assetTag: `HOS-${String(i + 1).padStart(4, '0')}`, rackId: rack.id, rackUStart: i + 1, rackUHeight: 1 }),
    );
    const file = await labels.pdf({ assetIds: ids, layout: 'a4-3x8', language: 'zh-CN' });
    expect(file).toMatchObject({ mimeType: 'application/pdf', rows: 30, fileName: expect.stringMatching(/^labels-\d{8}\.pdf$/) });
    const { text, pages, fonts } = inspect(file.contentBase64);
    expect(pages).toBe(2);
    for (const tag of ['HOS-0001', 'HOS-0024', 'HOS-0030']) expect(text).toContain(tag);
    expect(text).toContain('数据库服务器 1 号');
    expect(text).toContain('3F 核心机房');
    // One font, embedded as a subset; no standard font that would need pdfkit's own files.
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('fits each layout: 4 × 10 and 2 × 5 per page', async () => {
    const { labels, create, inspect } = await setup();
    const ids = Array.from({ length: 41 }, (_, i) => create({ type: 'pc', name: `护士站 PC ${i}`, assetTag: `PC-${i}` }));
    expect(inspect((await labels.pdf({ assetIds: ids, layout: 'a4-4x10', language: 'en' })).contentBase64).pages).toBe(2);
    expect(inspect((await labels.pdf({ assetIds: ids.slice(0, 10), layout: 'a4-2x5', language: 'en' })).contentBase64).pages).toBe(1);
  });

  it('codes the asset id when there is no tag, keeps the order given, and skips deleted or unknown ids', async () => {
    const { labels, create, assets, inspect } = await setup();
    const untagged = create({ type: 'ups', name: 'UPS 主机' });
    const tagged = create({ type: 'pdu', name: 'PDU 左', assetTag: 'PDU-01' });
    const gone = create({ type: 'pdu', name: 'PDU 右', assetTag: 'PDU-02' });
    assets.delete(gone);
    const file = await labels.pdf({ assetIds: [tagged, gone, untagged, '018f0000-0000-7000-8000-000000000000'], layout: 'a4-2x5', language: 'zh-CN' });
    expect(file.rows).toBe(2);
    const { text } = inspect(file.contentBase64);
    expect(text).not.toContain('PDU-02');
    expect(text.indexOf('PDU-01')).toBeLessThan(text.indexOf('无资产编号'));
    expect(labelOf(assets.repo.get(untagged) as NonNullable<ReturnType<typeof assets.repo.get>>)).toEqual({ code: untagged, tag: '', name: 'UPS 主机', place: '' });
    expect(labelOf(assets.repo.get(tagged) as NonNullable<ReturnType<typeof assets.repo.get>>)).toMatchObject({ code: 'PDU-01', tag: 'PDU-01' });
    await expect(labels.pdf({ assetIds: [gone], layout: 'a4-3x8', language: 'en' })).rejects.toMatchObject({ code: 'labels.no-assets' });
  });
});
