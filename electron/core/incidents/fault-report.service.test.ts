import { describe, expect, it } from 'vitest';
import { HOUR, incidentsSetup, MINUTE } from './testing/incidents-setup';

const FIELDS = { faultType: 'network', cause: '核心交换机光模块老化导致链路中断', method: '更换光模块并恢复上联', losses: '门诊挂号中断 40 分钟' };

async function resolvedIncident() {
  const setup = await incidentsSetup();
  const { create, incidents, clock, coreSwitch, room } = setup;
  const incident = create({ title: '核心交换机上联中断', impact: 'high', urgency: 'high', systemDown: true, assetIds: [coreSwitch], locationId: room.id, assignee: '王工' });
  const t = (minutes: number) => incident.reportedAt + minutes * MINUTE;
  clock.advance(2 * HOUR);
  incidents.transition({ id: incident.id, to: 'acknowledged', note: '', at: t(5) });
  incidents.addWorkLog({ incidentId: incident.id, text: '现场排查，定位到 Gi1/0/1 光模块', minutesSpent: 35, at: t(40) });
  incidents.recordWorkaround({ id: incident.id, text: '临时切换到备用上联', at: t(45) });
  incidents.addWorkLog({ incidentId: incident.id, text: 'Replaced the SFP module', minutesSpent: 25, at: t(80) });
  incidents.transition({ id: incident.id, to: 'resolved', resolution: { cause: '光模块老化', method: '更换光模块', workaround: '' }, note: '', at: t(90) });
  return { ...setup, incident };
}

describe('fault report (故障处理报告)', () => {
  it('refuses an incident that is not resolved, saving nothing', async () => {
    const { create, faultReports, footprint } = await incidentsSetup();
    const { id } = create();
    const before = footprint();
    await expect(faultReports.produce({ id, fields: FIELDS, language: 'zh-CN' })).rejects.toMatchObject({ code: 'incidents.not-resolved', details: { status: 'new' } });
    expect(footprint()).toEqual(before);
  });

  it('prints the report in Chinese with the embedded font, saves it and stops the fault-report clock', async () => {
    const { incident, incidents, faultReports, pdfText, clock } = await resolvedIncident();
    const before = incidents.get(incident.id).incident;
    expect(before.sla.timers.find((t) => t.kind === 'fault-report')).toMatchObject({ state: 'on-track', stoppedAt: null });

    const file = await faultReports.produce({ id: incident.id, fields: FIELDS, language: 'zh-CN' });
    expect(file).toMatchObject({ mimeType: 'application/pdf', rows: 1, fileName: `fault-report-${incident.number}.pdf` });
    const { text, fonts } = pdfText(file.contentBase64);
    for (const expected of [
      '故障处理报告',
      incident.number,
      '核心交换机上联中断',
      '市人民医院',
      '门诊楼',
      '3F 核心机房',
      '核心交换机 S12700',
      'P1',
      '系统瘫痪',
      '网络故障',
      '核心交换机光模块老化导致链路中断',
      '更换光模块并恢复上联',
      '门诊挂号中断 40 分钟',
      '临时切换到备用上联',
      '已确认',
      '35 分钟',
      '累计处理用时',
      '60 分钟',
      '工程师签字',
      // 01:00 UTC reported is 09:00 in Shanghai; resolved 90 minutes later.
      '2026-11-27 09:00',
      '2026-11-27 10:30',
      'Asia/Shanghai',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    expect(fonts).toMatch(/NotoSansHans-Regular/);

    const after = incidents.get(incident.id);
    expect(after.faultReport).toEqual(FIELDS);
    expect(after.incident.faultReportAt).toBe(clock.now());
    expect(after.incident.sla.timers.find((t) => t.kind === 'fault-report')).toMatchObject({ state: 'met', stoppedAt: clock.now() });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'fault-report', actor: '张工' });
    expect(incidents.faultReportDraft(incident.id)).toEqual(FIELDS);
  });

  it('prints the report in English, keeping typed words as they are', async () => {
    const { incident, faultReports, pdfText } = await resolvedIncident();
    const file = await faultReports.produce({ id: incident.id, fields: { ...FIELDS, faultType: 'Uplink optics failure', losses: 'Registration down for 40 minutes' }, language: 'en' });
    const text = pdfText(file.contentBase64).text.replace(/\s+/g, ' ');
    for (const expected of ['Fault report', 'Fault type', 'Uplink optics failure', 'Cause', 'Method used', 'Losses', 'Registration down for 40 minutes', 'Emergency workaround', 'Timeline', 'Acknowledged', '35 min', 'Total time spent: 60 min', 'Engineer signature', 'System down', 'Yes']) {
      expect(text).toContain(expected);
    }
    // Names and typed Chinese text stay as entered.
    expect(text).toContain('市人民医院');
    expect(text).not.toContain('故障处理报告');
  });
});
