import { describe, expect, it } from 'vitest';
import { apiContract } from '@shared/api';
import { roundsContract } from '@shared/api/rounds.contract';
import { AssetFields } from '@shared/domain/assets';
import { Registry } from '../api/registry';
import { newId } from '../store/ids';
import { roundsHandlers } from './rounds.handlers';
import { roundEntryId } from './rounds.service';
import { roundsSetup } from './testing/rounds-setup';

const code = (expected: string, details?: Record<string, unknown>) =>
  expect.objectContaining(details ? { code: expected, details: expect.objectContaining(details) } : { code: expected });

describe('RoundsService: starting a round', () => {
  it('fixes the assets at the start: the room\'s devices the per-asset items ask about, retired ones left out', async () => {
    const { start, ups, coreSwitch, template, room, services, rounds } = await roundsSetup();
    const detail = start();
    expect(detail.round).toMatchObject({
      status: 'in-progress',
      startedBy: '张工',
      roomId: room.id,
      templateId: template.id,
      templateVersionId: template.versionId,
      templateName: '机房日常巡检',
      templateVersion: 1,
      scheduleId: null,
      periodStart: null,
      counts: { total: 9, done: 0, ok: 0, warning: 0, failed: 0 },
    });
    expect(new Set(detail.round.assetIds)).toEqual(new Set([ups, coreSwitch]));
    expect(detail.round.assets.find((a) => a.id === ups)).toEqual({ id: ups, name: 'UPS-01 山特 20kVA', type: 'ups' });
    expect(detail.entries).toEqual([]);
    // A device added to the room later is not in the running round.
    services.assets.create(AssetFields.parse({ type: 'switch', name: '新交换机', roomId: room.id }));
    expect(rounds.get(detail.round.id).round.assetIds).toHaveLength(2);
  });

  it('refuses an unknown room, template or archived template, and saves nothing', async () => {
    const { rounds, template, templates, footprint, room } = await roundsSetup();
    const before = footprint();
    expect(() => rounds.start({ templateId: template.id, target: { kind: 'room', roomId: newId() } })).toThrow(code('locations.not-found'));
    expect(() => rounds.start({ templateId: newId(), target: { kind: 'room', roomId: room.id } })).toThrow(code('templates.not-found'));
    expect(() => rounds.start({ templateId: template.id, target: { kind: 'assets', assetIds: [newId()] } })).toThrow(code('assets.not-found'));
    expect(footprint()).toEqual(before);
    templates.archive(template.id, true);
    expect(() => rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id } })).toThrow(code('templates.archived'));
  });
});

describe('RoundsService: entries', () => {
  it('saves each entry at once, judged by the template, and replaces the entry of the same slot', async () => {
    const { start, save, rounds, store, seen, ups } = await roundsSetup();
    const { round } = start();
    const before = (store.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const hot = save(round.id, 'environment', 'temperature', { type: 'number', value: 31 }, { note: '2 号空调停机' });
    expect(hot).toMatchObject({ roundId: round.id, sectionKey: 'environment', itemKey: 'temperature', assetId: null, outcome: 'failed', filled: true, note: '2 号空调停机', enteredBy: '张工', incidentId: null });
    expect((store.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(before + 1);
    expect(seen.at(-1)).toEqual({ name: 'records.changed', payload: { entities: ['roundEntry'] } });

    const corrected = save(round.id, 'environment', 'temperature', { type: 'number', value: 27 });
    expect(corrected).toMatchObject({ id: hot.id, outcome: 'ok', note: '' });
    expect(save(round.id, 'ups', 'ups-mode', { type: 'auto', value: 'battery', checkResultId: null }, { assetId: ups }).outcome).toBe('failed');
    expect(save(round.id, 'environment', 'cleanliness', { type: 'choice', value: 'dusty' }).outcome).toBe('warning');
    expect(save(round.id, 'environment', 'remarks', { type: 'text', value: '  ' })).toMatchObject({ outcome: 'ok', filled: false });

    const detail = rounds.get(round.id);
    expect(detail.entries).toHaveLength(4);
    expect(detail.round.counts).toEqual({ total: 9, done: 3, ok: 1, warning: 1, failed: 1 });
    const row = store.db.prepare('SELECT item_label, filled FROM round_entries WHERE id = ?').get(hot.id);
    expect(row).toEqual({ item_label: '冷通道温度', filled: 1 });
  });

  it('gives an entry the id of its slot, so the same slot filled on two laptops is one record after sync', async () => {
    const { start, save, ups } = await roundsSetup();
    const { round } = start();
    const room = save(round.id, 'environment', 'temperature', { type: 'number', value: 24 });
    const device = save(round.id, 'ups', 'ups-mode', { type: 'auto', value: 'online', checkResultId: null }, { assetId: ups });
    expect(room.id).toBe(roundEntryId(round.id, 'environment', 'temperature', null));
    expect(device.id).toBe(roundEntryId(round.id, 'ups', 'ups-mode', ups));
    expect(new Set([room.id, device.id, roundEntryId(round.id, 'environment', 'humidity', null), roundEntryId(round.id, 'ups', 'ups-mode', null)]).size).toBe(4);
  });

  it('refuses a reading of the wrong type, an unknown item or asset, a photo that is not an image; nothing saved', async () => {
    const { start, save, footprint, ups, coreSwitch, pdfAttachment, photo } = await roundsSetup();
    const { round } = start();
    const pdf = await pdfAttachment(round.id);
    const before = footprint();
    expect(() => save(round.id, 'environment', 'temperature', { type: 'text', value: '31 度' })).toThrow(code('rounds.reading-invalid', { expected: 'number', got: 'text' }));
    expect(() => save(round.id, 'environment', 'cleanliness', { type: 'choice', value: 'muddy' })).toThrow(code('rounds.reading-invalid'));
    expect(() => save(round.id, 'environment', 'nope', { type: 'pass-fail', passed: true })).toThrow(code('rounds.item-not-found'));
    expect(() => save(round.id, 'environment', 'water', { type: 'pass-fail', passed: true }, { assetId: ups })).toThrow(code('rounds.item-not-found'));
    // The UPS items are not asked of the switch, and per-asset items need an asset.
    expect(() => save(round.id, 'ups', 'ups-runtime', { type: 'auto', value: 40, checkResultId: null }, { assetId: coreSwitch })).toThrow(code('rounds.item-not-found'));
    expect(() => save(round.id, 'devices', 'label', { type: 'pass-fail', passed: true })).toThrow(code('rounds.item-not-found'));
    expect(() => save(round.id, 'environment', 'photo', { type: 'photo', attachmentIds: [pdf] })).toThrow(code('rounds.not-a-photo', { mimeType: 'application/pdf' }));
    expect(() => save(round.id, 'environment', 'photo', { type: 'photo', attachmentIds: [newId()] })).toThrow(code('attachments.not-found'));
    expect(() => save(round.id, 'ups', 'ups-runtime', { type: 'auto', value: 40, checkResultId: newId() }, { assetId: ups })).toThrow(code('rounds.reading-invalid', { field: 'checkResultId' }));
    expect(() => save(newId(), 'environment', 'water', { type: 'pass-fail', passed: true })).toThrow(code('rounds.not-found'));
    expect(footprint()).toEqual(before);
    expect(save(round.id, 'environment', 'photo', { type: 'photo', attachmentIds: [await photo(round.id)] })).toMatchObject({ outcome: 'ok', filled: true });
  });

  it('answers a reading that is not a number through the API with api.invalid-input, nothing saved', async () => {
    const setup = await roundsSetup();
    const registry = new Registry(apiContract).register(roundsContract, roundsHandlers(() => setup.services.rounds));
    const { round } = setup.start();
    const before = setup.footprint();
    const result = await registry.call('rounds.saveEntry', { roundId: round.id, sectionKey: 'environment', itemKey: 'temperature', value: { type: 'number', value: 'thirty' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    expect(setup.footprint()).toEqual(before);
    const ok = await registry.call('rounds.saveEntry', { roundId: round.id, sectionKey: 'environment', itemKey: 'temperature', value: { type: 'number', value: 19 } });
    expect(ok).toMatchObject({ ok: true, value: { outcome: 'ok', assetId: null } });
  });

  it('pauses and resumes; entries may still be made while paused', async () => {
    const { start, save, rounds } = await roundsSetup();
    const { round } = start();
    expect(rounds.setPaused(round.id, true).status).toBe('paused');
    expect(save(round.id, 'environment', 'water', { type: 'pass-fail', passed: true }).outcome).toBe('ok');
    expect(rounds.setPaused(round.id, false).status).toBe('in-progress');
  });

  it('needs a profile', async () => {
    const { start, save, setActor, footprint } = await roundsSetup();
    const { round } = start();
    setActor(null);
    const before = footprint();
    expect(() => save(round.id, 'environment', 'water', { type: 'pass-fail', passed: true })).toThrow(code('profile.required'));
    expect(footprint()).toEqual(before);
  });
});

describe('RoundsService: sign-off and amendments', () => {
  it('refuses to sign while required items are empty or a failure has no note, listing them; read-only once signed', async () => {
    const { start, save, fillAll, rounds, photo, pdfAttachment, footprint, coreSwitch, clock } = await roundsSetup();
    const { round } = start();
    const signature = await photo(round.id);
    save(round.id, 'environment', 'temperature', { type: 'number', value: 31 });
    const before = footprint();
    let error: unknown;
    try {
      rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: signature, summary: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'rounds.required-missing', details: { count: 7 } });
    expect((error as { details: { missing: unknown[] } }).details.missing).toContainEqual({ sectionKey: 'environment', itemKey: 'temperature', assetId: null, reason: 'note' });
    expect((error as { details: { missing: unknown[] } }).details.missing).toContainEqual({ sectionKey: 'devices', itemKey: 'label', assetId: coreSwitch, reason: 'empty' });
    expect(footprint()).toEqual(before);

    fillAll(round.id);
    save(round.id, 'environment', 'temperature', { type: 'number', value: 31 }, { note: '2 号空调停机' });
    const scan = await pdfAttachment(round.id);
    expect(() => rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: scan, summary: '' })).toThrow(code('rounds.not-a-photo'));
    clock.advance(60_000);
    const signed = rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: signature, summary: '温度偏高，已报修' });
    expect(signed).toMatchObject({ status: 'signed', signedBy: '张工', signedAt: clock.now(), signatureAttachmentId: signature, summary: '温度偏高，已报修', counts: { total: 9, done: 7, failed: 1 } });

    const after = footprint();
    expect(() => save(round.id, 'environment', 'water', { type: 'pass-fail', passed: false })).toThrow(code('rounds.read-only'));
    expect(() => rounds.setPaused(round.id, true)).toThrow(code('rounds.read-only'));
    expect(() => rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: signature, summary: '' })).toThrow(code('rounds.read-only'));
    expect(footprint()).toEqual(after);
  });

  it('amends a signed round: the entry changes, before/after, who, when and why are kept and audited', async () => {
    const { start, save, fillAll, rounds, photo, store, clock, setActor, footprint } = await roundsSetup();
    const { round } = start();
    fillAll(round.id);
    const entry = save(round.id, 'environment', 'temperature', { type: 'number', value: 31 }, { note: '读数' });
    expect(() => rounds.amend({ entryId: entry.id, value: { type: 'number', value: 25 }, note: '', reason: '抄错' })).toThrow(code('rounds.not-signed'));
    rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: await photo(round.id), summary: '' });

    setActor({ name: '李主管', role: 'supervisor' });
    clock.advance(3_600_000);
    const before = footprint();
    expect(() => rounds.amend({ entryId: entry.id, value: { type: 'pass-fail', passed: true }, note: '', reason: '抄错' })).toThrow(code('rounds.reading-invalid'));
    expect(footprint()).toEqual(before);
    const amendment = rounds.amend({ entryId: entry.id, value: { type: 'number', value: 21 }, note: '复核', reason: '小数点抄错' });
    expect(amendment).toMatchObject({
      roundId: round.id,
      entryId: entry.id,
      before: { value: { type: 'number', value: 31 }, outcome: 'failed', note: '读数' },
      after: { value: { type: 'number', value: 21 }, outcome: 'ok', note: '复核' },
      reason: '小数点抄错',
      by: '李主管',
      at: clock.now(),
    });
    const detail = rounds.get(round.id);
    expect(detail.entries.find((e) => e.id === entry.id)).toMatchObject({ value: { type: 'number', value: 21 }, outcome: 'ok', enteredBy: '张工' });
    expect(detail.amendments).toEqual([amendment]);
    expect(detail.round.counts.failed).toBe(0);
    const audit = store.db.prepare("SELECT entity, actor_name FROM audit_log WHERE entity IN ('roundAmendment', 'roundEntry') ORDER BY rowid DESC LIMIT 2").all();
    expect(audit).toEqual(expect.arrayContaining([{ entity: 'roundAmendment', actor_name: '李主管' }, { entity: 'roundEntry', actor_name: '李主管' }]));
  });
});

describe('RoundsService: versions, lists and readings', () => {
  it('keeps the version a round started with after the template changes', async () => {
    const { start, templates, template, rounds, save } = await roundsSetup();
    const { round } = start();
    const v2 = templates.save(template.id, {
      ...template,
      sections: template.sections.map((s) => (s.key === 'environment' ? { ...s, items: s.items.map((i) => (i.key === 'temperature' ? { ...i, spec: { ...i.spec, thresholds: { failBelow: null, warnBelow: null, warnAbove: 35, failAbove: 40 } } as typeof i.spec } : i)) } : s)),
    });
    expect(v2.version).toBe(2);
    // The old round still judges 31 °C by version 1.
    expect(save(round.id, 'environment', 'temperature', { type: 'number', value: 31 }).outcome).toBe('failed');
    expect(rounds.get(round.id).template).toMatchObject({ version: 1, versionId: template.versionId });
    const next = start();
    expect(next.round).toMatchObject({ templateVersion: 2, templateVersionId: v2.versionId });
    expect(save(next.round.id, 'environment', 'temperature', { type: 'number', value: 31 }).outcome).toBe('ok');
  });

  it('lists rounds newest first by room, asset and status with their counts; readings over time', async () => {
    const { start, save, rounds, clock, room, otherRoom, ups, elsewhere, template, fillAll, photo } = await roundsSetup();
    const first = start().round;
    save(first.id, 'environment', 'temperature', { type: 'number', value: 24 });
    save(first.id, 'ups', 'ups-runtime', { type: 'auto', value: 40, checkResultId: null }, { assetId: ups });
    fillAll(first.id);
    save(first.id, 'environment', 'temperature', { type: 'number', value: 24 });
    rounds.sign({ id: first.id, signerName: '张工', signatureAttachmentId: await photo(first.id), summary: '' });
    clock.advance(86_400_000);
    const second = start().round;
    save(second.id, 'environment', 'temperature', { type: 'number', value: 28.5 });
    save(second.id, 'ups', 'ups-runtime', { type: 'auto', value: 8, checkResultId: null }, { assetId: ups });
    const third = rounds.start({ templateId: template.id, target: { kind: 'assets', assetIds: [elsewhere] } }).round;

    expect(rounds.list({}, { offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    expect(rounds.list({ roomId: room.id }, { offset: 0, limit: 10 })).toMatchObject({ total: 2, rows: [{ id: second.id }, { id: first.id }] });
    expect(rounds.list({ roomId: otherRoom.id }, { offset: 0, limit: 10 }).total).toBe(0);
    expect(rounds.list({ assetId: elsewhere }, { offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([third.id]);
    expect(rounds.list({ status: 'signed' }, { offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([first.id]);
    const listed = rounds.list({}, { offset: 1, limit: 1 });
    expect(listed).toMatchObject({ total: 3, rows: [{ id: second.id, counts: { total: 9, done: 2, ok: 0, warning: 1, failed: 1 } }] });
    expect(listed.rows[0]?.counts).toEqual(rounds.get(second.id).round.counts);

    expect(rounds.readings({ itemKey: 'temperature', roomId: room.id }).map((r) => [r.value, r.outcome, r.roundId])).toEqual([
      [24, 'ok', first.id],
      [28.5, 'warning', second.id],
    ]);
    expect(rounds.readings({ itemKey: 'ups-runtime', assetId: ups }).map((r) => r.value)).toEqual([42, 8]);
    expect(rounds.readings({ itemKey: 'temperature', roomId: room.id, since: clock.now() }).map((r) => r.value)).toEqual([28.5]);
  });
});
