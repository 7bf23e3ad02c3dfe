/**
 * Rounds through the core API (createCore, as either transport calls it)
 * over a real SQLite file: the shipped machine-room template in Chinese,
 * readings judged by its thresholds, bad input refused with nothing saved,
 * template versions (a round keeps its own), sign-off, amendments, the
 * incident proposed from an out-of-range reading, and the report PDF read
 * back with poppler. Device checks against the lab are in
 * rounds-automatic.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import type { IncidentDetail } from '@shared/api/incidents.contract';
import type { RoundDetail } from '@shared/api/rounds.contract';
import type { AuditEntry } from '@shared/domain/audit';
import type { Amendment, ChecklistTemplate, EntryValue, Round, RoundEntry } from '@shared/domain/rounds';
import { samplePdf, samplePng } from '../../electron/core/attachments/testing/sample-files';
import { createCore, type Core } from '../../electron/core/core';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('rounds through the core API', () => {
  let core: Core;
  let dataDir: string;
  const ids = { room: '', ups: '', pdu: '', machineRoom: '', machineRoomEn: '' };

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { error: result.error });
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  const entry = (roundId: string, sectionKey: string, itemKey: string, value: EntryValue, extra: { assetId?: string; note?: string } = {}) =>
    call<RoundEntry>('rounds.saveEntry', { roundId, sectionKey, itemKey, value, ...extra });
  const upload = async (ownerId: string, fileName: string, bytes: Buffer) =>
    (await call<{ id: string }>('attachments.upload', { ownerType: 'round-item', ownerId, fileName, contentBase64: bytes.toString('base64') })).id;
  const startRoom = async (templateId = ids.machineRoom) => (await call<RoundDetail>('rounds.start', { templateId, target: { kind: 'room', roomId: ids.room } })).round;
  /** Everything the machine-room round asks, as a careful engineer fills it: readings in range, every check passed. */
  async function fillMachineRoom(round: Round) {
    const detail = await call<RoundDetail>('rounds.get', { id: round.id });
    for (const section of detail.template.sections) {
      for (const item of section.items) {
        const assets = item.perAsset ? round.assets.filter((a) => item.assetTypes.length === 0 || item.assetTypes.includes(a.type)).map((a) => a.id) : [undefined];
        for (const assetId of assets) {
          const spec = item.spec;
          const value: EntryValue =
            spec.type === 'number'
              ? { type: 'number', value: spec.unit === '°C' ? 23 : spec.unit === '%' && item.key === 'relative-humidity' ? 50 : 40 }
              : spec.type === 'pass-fail'
                ? { type: 'pass-fail', passed: true }
                : spec.type === 'choice'
                  ? { type: 'choice', value: spec.options[0]!.value }
                  : spec.type === 'auto'
                    ? { type: 'auto', value: spec.okValues[0] ?? (spec.unit === 'count' ? 0 : 45), checkResultId: null }
                    : { type: 'not-applicable' };
          await entry(round.id, section.key, item.key, value, assetId ? { assetId } : {});
        }
      }
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-rounds-'));
    core = createCore({ dataDir, transport: 'web', resourcesDir: join(REPO, 'resources') });
    await core.ready;
    await call('profile.save', { name: '张工', role: 'engineer' });
    const client = await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    const site = await call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    ids.room = (await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' })).id;
    ids.ups = (await call<{ id: string }>('assets.create', { type: 'ups', name: 'UPS-01 山特 20kVA', roomId: ids.room })).id;
    ids.pdu = (await call<{ id: string }>('assets.create', { type: 'pdu', name: 'PDU A1', roomId: ids.room })).id;
    await call('assets.create', { type: 'server', name: 'HIS 数据库服务器', roomId: ids.room });
    expect(await call('templates.installDefaults', {})).toEqual({ installed: 12 });
    const templates = await call<ChecklistTemplate[]>('templates.list', {});
    ids.machineRoom = templates.find((t) => t.builtinKey === 'machine-room' && t.language === 'zh-CN')!.id;
    ids.machineRoomEn = templates.find((t) => t.builtinKey === 'machine-room' && t.language === 'en')!.id;
  }, 60_000);

  afterAll(() => {
    core?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the machine-room round with the room\'s UPS and PDU, and judges readings by the template\'s thresholds', async () => {
    const round = await startRoom();
    expect(round.assets.map((a) => a.type).sort()).toEqual(['pdu', 'ups']);
    expect(round).toMatchObject({ status: 'in-progress', templateName: '机房巡检', templateVersion: 1, startedBy: '张工' });

    const judged = async (itemKey: string, section: string, value: number) => (await entry(round.id, section, itemKey, { type: 'number', value })).outcome;
    expect(await judged('cold-aisle-temperature', 'environment', 31)).toBe('failed');
    expect(await judged('cold-aisle-temperature', 'environment', 28)).toBe('warning');
    expect(await judged('cold-aisle-temperature', 'environment', 27)).toBe('ok');
    expect(await judged('cold-aisle-temperature', 'environment', 17.9)).toBe('warning');
    expect(await judged('relative-humidity', 'environment', 35)).toBe('warning');
    expect(await judged('relative-humidity', 'environment', 85)).toBe('failed');
    expect((await entry(round.id, 'power', 'pdu-load', { type: 'number', value: 65 }, { assetId: ids.pdu })).outcome).toBe('warning');
    expect((await entry(round.id, 'power', 'ups-mode', { type: 'auto', value: 'bypass', checkResultId: null }, { assetId: ids.ups })).outcome).toBe('failed');
    expect((await entry(round.id, 'safety', 'fire-panel', { type: 'choice', value: 'manual' })).outcome).toBe('warning');

    const detail = await call<RoundDetail>('rounds.get', { id: round.id });
    expect(detail.entries.find((e) => e.itemKey === 'cold-aisle-temperature')).toMatchObject({ value: { type: 'number', value: 17.9 }, outcome: 'warning' });
    expect(detail.round.counts).toMatchObject({ done: 5, ok: 0, warning: 3, failed: 2 });
    const readings = await call<{ value: number; outcome: string }[]>('rounds.readings', { itemKey: 'relative-humidity', roomId: ids.room });
    expect(readings.map((r) => [r.value, r.outcome])).toEqual([[85, 'failed']]);
  });

  it('refuses bad readings, photos that are not images and entries outside the template, changing nothing', async () => {
    const round = await startRoom();
    const before = await call<RoundDetail>('rounds.get', { id: round.id });
    const auditBefore = (await call<AuditEntry[]>('audit.list', { limit: 500 })).length;
    expect((await callError('rounds.saveEntry', { roundId: round.id, sectionKey: 'environment', itemKey: 'cold-aisle-temperature', value: { type: 'number', value: '三十一' } })).code).toBe('api.invalid-input');
    expect((await callError('rounds.saveEntry', { roundId: round.id, sectionKey: 'environment', itemKey: 'cold-aisle-temperature', value: { type: 'pass-fail', passed: true } })).code).toBe('rounds.reading-invalid');
    expect((await callError('rounds.saveEntry', { roundId: round.id, sectionKey: 'environment', itemKey: 'no-such-item', value: { type: 'pass-fail', passed: true } })).code).toBe('rounds.item-not-found');
    const pdf = await upload(round.id, 'scan.pdf', samplePdf());
    const auditAfterUpload = (await call<AuditEntry[]>('audit.list', { limit: 500 })).length;
    const refused = await callError('rounds.saveEntry', { roundId: round.id, sectionKey: 'housekeeping', itemKey: 'overview-photo', value: { type: 'photo', attachmentIds: [pdf] } });
    expect(refused).toMatchObject({ code: 'rounds.not-a-photo', details: { mimeType: 'application/pdf' } });
    expect(await call<RoundDetail>('rounds.get', { id: round.id })).toEqual(before);
    expect(auditAfterUpload).toBe(auditBefore + 1);
    expect((await call<AuditEntry[]>('audit.list', { limit: 500 })).length).toBe(auditAfterUpload);
    const photo = await upload(round.id, 'room.png', await samplePng());
    expect((await entry(round.id, 'housekeeping', 'overview-photo', { type: 'photo', attachmentIds: [photo] })).outcome).toBe('ok');
  });

  it('keeps the template version a round started with after the template is edited', async () => {
    const round = await startRoom();
    const template = await call<ChecklistTemplate>('templates.get', { id: ids.machineRoom });
    const edited = structuredClone(template);
    const temperature = edited.sections[0]!.items.find((i) => i.key === 'cold-aisle-temperature')!;
    if (temperature.spec.type !== 'number') throw new Error('number item');
    temperature.spec.thresholds = { failBelow: 10, warnBelow: 15, warnAbove: 32, failAbove: 35 };
    const { id, builtinKey, version, versionId, archived, createdAt, updatedAt, ...content } = edited;
    void [builtinKey, version, versionId, archived, createdAt, updatedAt];
    const saved = await call<ChecklistTemplate>('templates.save', { id, content });
    expect(saved).toMatchObject({ id: ids.machineRoom, version: template.version + 1 });

    expect((await entry(round.id, 'environment', 'cold-aisle-temperature', { type: 'number', value: 31 })).outcome).toBe('failed');
    const old = await call<RoundDetail>('rounds.get', { id: round.id });
    expect(old.template).toMatchObject({ version: template.version, versionId: template.versionId });
    expect(old.round).toMatchObject({ templateVersion: template.version, templateVersionId: template.versionId });

    const fresh = await startRoom();
    expect(fresh.templateVersion).toBe(saved.version);
    expect((await entry(fresh.id, 'environment', 'cold-aisle-temperature', { type: 'number', value: 31 })).outcome).toBe('ok');
    expect((await call<ChecklistTemplate>('templates.get', { id: ids.machineRoom, versionId: template.versionId })).version).toBe(template.version);

    // Export and import round-trip; a broken file names the path of the problem.
    const file = await call<ExportedFile>('templates.export', { id: ids.machineRoom });
    const json = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect((await call<ChecklistTemplate>('templates.import', { json })).sections).toEqual(saved.sections);
    const broken = json.replace('"failAbove": 35', '"failAbove": "hot"');
    expect(await callError('templates.import', { json: broken })).toMatchObject({ code: 'templates.invalid-file', details: { path: 'sections[0].items[0].spec.thresholds.failAbove' } });
  });

  it('signs only when complete, is read-only afterwards, and takes amendments with who, when and why', async () => {
    const round = await startRoom(ids.machineRoomEn);
    const signature = await upload(round.id, 'signature.png', await samplePng(200, 80));
    const missing = await callError('rounds.sign', { id: round.id, signerName: '张工', signatureAttachmentId: signature });
    expect(missing).toMatchObject({ code: 'rounds.required-missing' });
    expect((missing.details as { missing: { itemKey: string; reason: string }[] }).missing).toContainEqual(expect.objectContaining({ itemKey: 'cold-aisle-temperature', reason: 'empty' }));

    await fillMachineRoom(round);
    const wet = await entry(round.id, 'environment', 'water-leakage', { type: 'pass-fail', passed: false });
    expect((await callError('rounds.sign', { id: round.id, signerName: '张工', signatureAttachmentId: signature })).details).toMatchObject({
      missing: [{ sectionKey: 'environment', itemKey: 'water-leakage', assetId: null, reason: 'note' }],
    });
    await entry(round.id, 'environment', 'water-leakage', { type: 'pass-fail', passed: false }, { note: 'Drip under CRAC 2' });
    const signed = await call<Round>('rounds.sign', { id: round.id, signerName: '张工', signatureAttachmentId: signature, summary: 'One leak, reported' });
    expect(signed).toMatchObject({ status: 'signed', signedBy: '张工', summary: 'One leak, reported' });

    expect((await callError('rounds.saveEntry', { roundId: round.id, sectionKey: 'environment', itemKey: 'lighting', value: { type: 'pass-fail', passed: false } })).code).toBe('rounds.read-only');
    expect((await callError('rounds.setPaused', { id: round.id, paused: true })).code).toBe('rounds.read-only');
    expect((await callError('rounds.amend', { entryId: wet.id, value: { type: 'pass-fail', passed: true }, reason: '  ' })).code).toBe('api.invalid-input');

    await call('profile.save', { name: '李主管', role: 'supervisor' });
    const amendment = await call<Amendment>('rounds.amend', { entryId: wet.id, value: { type: 'pass-fail', passed: true }, note: 'Condensation, wiped; not a leak', reason: 'Second look with the facilities team' });
    expect(amendment).toMatchObject({ by: '李主管', reason: 'Second look with the facilities team', before: { outcome: 'failed', note: 'Drip under CRAC 2' }, after: { outcome: 'ok' } });
    const after = await call<RoundDetail>('rounds.get', { id: round.id });
    expect(after.round.status).toBe('signed');
    expect(after.amendments).toEqual([amendment]);
    expect(after.entries.find((e) => e.id === wet.id)).toMatchObject({ value: { passed: true }, outcome: 'ok', note: 'Condensation, wiped; not a leak' });
    const audit = await call<AuditEntry[]>('audit.list', { entityId: amendment.id });
    expect(audit[0]).toMatchObject({ entity: 'roundAmendment', action: 'create', actorName: '李主管' });
    await call('profile.save', { name: '张工', role: 'engineer' });

    const listed = await call<{ total: number; rows: Round[] }>('rounds.list', { status: 'signed', assetId: ids.ups });
    expect(listed.rows.map((r) => r.id)).toContain(round.id);
  });

  it('raises the proposed incident from a 31 °C reading, linked to the entry, and prints the round report', async () => {
    const round = await startRoom();
    const hot = await entry(round.id, 'environment', 'cold-aisle-temperature', { type: 'number', value: 31 }, { note: '2 号空调停机' });
    const { incidentId, entry: linked } = await call<{ incidentId: string; entry: RoundEntry }>('rounds.raiseIncident', { entryId: hot.id });
    expect(linked.incidentId).toBe(incidentId);
    const incident = await call<IncidentDetail>('incidents.get', { id: incidentId });
    expect(incident.incident).toMatchObject({ title: '冷通道温度超限：31 °C', category: 'environment', locationId: ids.room, status: 'new' });
    expect(incident.evidence).toEqual([expect.objectContaining({ kind: 'round-item', targetId: hot.id })]);
    expect((await call<{ incidentId: string }>('rounds.raiseIncident', { entryId: hot.id })).incidentId).toBe(incidentId);

    const pdf = await call<ExportedFile>('rounds.report', { id: round.id, language: 'zh-CN' });
    const file = join(dataDir, 'round-report.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['巡检报告', '3F 核心机房', '机房巡检', '冷通道温度', '31 °C', '异常项', incident.incident.number]) expect(text, expected).toContain(expected);
  });
});
