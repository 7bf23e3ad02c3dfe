import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetFields, type AssetFieldsInput } from '@shared/domain/assets';
import type { Profile } from '@shared/domain/profile';
import { TemplateContent, type EntryValue, type TemplateContent as Content } from '@shared/domain/rounds';
import { samplePdf, samplePng } from '../../attachments/testing/sample-files';
import { EventBus } from '../../events/event-bus';
import { createServices } from '../../services';
import { LocalStore } from '../../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../../testing/fixtures';

export const RESOURCES_DIR = fileURLToPath(new URL('../../../../resources', import.meta.url));

/** A small room template: readings for the place, per-asset items for UPSs and every device. */
export const ROOM_TEMPLATE: Content = TemplateContent.parse({
  name: '机房日常巡检',
  language: 'zh-CN',
  scope: { kind: 'room' },
  sections: [
    {
      key: 'environment',
      title: '环境',
      items: [
        { key: 'temperature', label: '冷通道温度', spec: { type: 'number', unit: '°C', thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } } },
        { key: 'water', label: '无漏水', spec: { type: 'pass-fail' } },
        { key: 'cleanliness', label: '卫生', spec: { type: 'choice', options: [{ value: 'clean', label: '整洁', outcome: 'ok' }, { value: 'dusty', label: '积尘', outcome: 'warning' }] } },
        { key: 'photo', label: '现场照片', required: false, spec: { type: 'photo' } },
        { key: 'remarks', label: '其他', required: false, spec: { type: 'text' } },
      ],
    },
    {
      key: 'ups',
      title: 'UPS',
      items: [
        { key: 'ups-runtime', label: 'UPS 后备时间', perAsset: true, assetTypes: ['ups'], spec: { type: 'auto', unit: 'min', binding: { kind: 'snmp', profileId: 'ups-mib', metric: 'battery.runtime-minutes' }, thresholds: { failBelow: 10, warnBelow: 20 } } },
        { key: 'ups-mode', label: 'UPS 供电方式', perAsset: true, assetTypes: ['ups'], spec: { type: 'auto', binding: { kind: 'snmp', profileId: 'ups-mib', metric: 'output.source' }, okValues: ['normal'] } },
      ],
    },
    {
      key: 'devices',
      title: '设备',
      items: [{ key: 'label', label: '标签清晰', perAsset: true, assetTypes: ['ups', 'switch'], spec: { type: 'pass-fail' } }],
    },
  ],
});

/**
 * A store in a temp dir with every domain's services over it (as core builds
 * them), a room with a UPS, a switch and a retired server, another room, and
 * helpers for rounds.
 */
export async function roundsSetup() {
  const dir = tempDataDir();
  const clock = manualClock(Date.UTC(2026, 10, 27, 1, 0, 0));
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir: dir, now: clock.now, actor: () => actor });
  const events = new EventBus();
  const seen: { name: string; payload: unknown }[] = [];
  events.on((name, payload) => seen.push({ name, payload }));
  const services = createServices({ store, events, dataDir: dir, now: clock.now, actor: () => actor, resourcesDir: RESOURCES_DIR });
  const { templates, schedules, rounds } = services.rounds;

  const client = services.locations.create({ kind: 'client', name: '市人民医院' });
  const site = services.locations.create({ kind: 'site', clientId: client.id, name: '门诊楼' });
  const room = services.locations.create({ kind: 'room', siteId: site.id, name: '3F 核心机房' });
  const otherRoom = services.locations.create({ kind: 'room', siteId: site.id, name: 'B1 配线间' });
  const asset = (fields: AssetFieldsInput) => services.assets.create(AssetFields.parse(fields)).id;
  const ups = asset({ type: 'ups', name: 'UPS-01 山特 20kVA', roomId: room.id, managementIps: ['10.1.1.20'] });
  const coreSwitch = asset({ type: 'switch', name: '核心交换机 S12700', roomId: room.id, managementIps: ['10.1.1.1'] });
  const retired = asset({ type: 'ups', name: '旧 UPS', roomId: room.id, status: 'retired' });
  const elsewhere = asset({ type: 'switch', name: '接入交换机', roomId: otherRoom.id });

  const template = templates.save(undefined, ROOM_TEMPLATE);
  const start = () => rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id } });
  const save = (roundId: string, sectionKey: string, itemKey: string, value: EntryValue, extra: { assetId?: string | null; note?: string } = {}) =>
    rounds.saveEntry({ roundId, sectionKey, itemKey, assetId: extra.assetId ?? null, value, note: extra.note ?? '' });
  const photo = async (ownerId: string) => (await services.attachments.upload({ ownerType: 'round-item', ownerId, fileName: 'room.png', bytes: await samplePng() })).id;
  const pdfAttachment = async (ownerId: string) => (await services.attachments.upload({ ownerType: 'round-item', ownerId, fileName: 'scan.pdf', bytes: samplePdf() })).id;
  /** Fills every required slot of a round so it can be signed. */
  const fillAll = (roundId: string) => {
    save(roundId, 'environment', 'temperature', { type: 'number', value: 22.5 });
    save(roundId, 'environment', 'water', { type: 'pass-fail', passed: true });
    save(roundId, 'environment', 'cleanliness', { type: 'choice', value: 'clean' });
    save(roundId, 'ups', 'ups-runtime', { type: 'auto', value: 42, checkResultId: null }, { assetId: ups });
    save(roundId, 'ups', 'ups-mode', { type: 'auto', value: 'normal', checkResultId: null }, { assetId: ups });
    save(roundId, 'devices', 'label', { type: 'pass-fail', passed: true }, { assetId: ups });
    save(roundId, 'devices', 'label', { type: 'pass-fail', passed: true }, { assetId: coreSwitch });
  };
  /** Rows in every table a refused call must leave alone. */
  const footprint = () =>
    Object.fromEntries(
      ['checklist_templates', 'checklist_template_versions', 'round_schedules', 'rounds', 'round_entries', 'round_amendments', 'incidents', 'outbox', 'audit_log'].map((table) => [
        table,
        (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      ]),
    );
  const setActor = (next: Profile | null) => {
    actor = next;
  };
  const pdfText = (contentBase64: string) => {
    const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.from(contentBase64, 'base64'));
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }) };
  };
  return {
    dir,
    store,
    clock,
    events,
    seen,
    services,
    templates,
    schedules,
    rounds,
    room,
    otherRoom,
    ups,
    coreSwitch,
    retired,
    elsewhere,
    template,
    start,
    save,
    photo,
    pdfAttachment,
    fillAll,
    footprint,
    setActor,
    pdfText,
  };
}
