import { describe, expect, it } from 'vitest';
import { roundsSetup } from './testing/rounds-setup';

describe('RoundReport', () => {
  it('prints one round: place, checklist and version, readings with outcomes, anomalies, incidents, photos, sign-off, amendments', async () => {
    const { start, save, fillAll, services, photo, pdfText, rounds } = await roundsSetup();
    const { round } = start();
    fillAll(round.id);
    const hot = save(round.id, 'environment', 'temperature', { type: 'number', value: 31 }, { note: '2 号空调停机' });
    save(round.id, 'environment', 'photo', { type: 'photo', attachmentIds: [await photo(round.id), await photo(round.id)] });
    const { incidentId } = services.rounds.incidents.raise({ entryId: hot.id });
    const number = services.incidents.incidents.get(incidentId).incident.number;
    rounds.sign({ id: round.id, signerName: '张工', signatureAttachmentId: await photo(round.id), summary: '温度偏高，已报修' });
    const water = rounds.get(round.id).entries.find((e) => e.itemKey === 'water')!;
    rounds.amend({ entryId: water.id, value: { type: 'pass-fail', passed: false }, note: '机柜 A3 下方有水渍', reason: '复查发现' });

    const zh = await services.rounds.report.pdf(round.id, 'zh-CN');
    expect(zh).toMatchObject({ mimeType: 'application/pdf', fileName: expect.stringMatching(/^机房日常巡检-2026-11-27\.pdf$/) });
    const { text, images } = pdfText(zh.contentBase64);
    for (const expected of ['巡检报告', '市人民医院', '门诊楼', '3F 核心机房', '机房日常巡检', '第 1 版', '张工', '冷通道温度', '31 °C', '异常', '2 号空调停机', 'UPS 后备时间', 'UPS-01 山特 20kVA', '42 min', '异常项', number, '照片', '更正记录', '复查发现', '温度偏高，已报修']) {
      expect(text, expected).toContain(expected);
    }
    // Two photo thumbnails and the signature are drawn.
    expect(images.trim().split('\n').length - 2).toBeGreaterThanOrEqual(3);

    const en = pdfText((await services.rounds.report.pdf(round.id, 'en')).contentBase64).text;
    for (const expected of ['Round report', 'Anomalies', 'Linked incidents', 'Amendments', 'Failed', number]) expect(en, expected).toContain(expected);
  });
});
