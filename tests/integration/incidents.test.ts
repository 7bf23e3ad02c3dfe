/**
 * Incidents through the core API (createCore, as either transport calls it)
 * over a real SQLite file: the status flow, work log, evidence from a real
 * check result, search in Chinese and English, SLA timers that follow the
 * times recorded on the laptop, and the fault report PDF read back with
 * poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import type { IncidentDetail } from '@shared/api/incidents.contract';
import type { AuditEntry } from '@shared/domain/audit';
import type { CheckResult } from '@shared/domain/checks';
import type { EvidenceLink, FaultReportDraft, Incident, WorkLogEntry } from '@shared/domain/incidents';
import type { SlaPolicy } from '@shared/domain/sla';
import { DEFAULT_SLA_POLICY_FIELDS } from '@shared/sla';
import { createCore, type Core } from '../../electron/core/core';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('incidents through the core API', () => {
  let core: Core;
  let dataDir: string;
  let now = Date.UTC(2026, 10, 27, 1, 0, 0); // 09:00 in Shanghai
  const ids = { client: '', site: '', room: '', coreSwitch: '', printer: '' };

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

  /** What a refused call must leave alone: the record and its audit trail. */
  async function snapshot(id: string) {
    return { detail: await call<IncidentDetail>('incidents.get', { id }), audit: (await call<AuditEntry[]>('audit.list', { limit: 500 })).length };
  }

  const newIncident = (fields: Record<string, unknown> = {}) =>
    call<Incident>('incidents.create', { title: '核心交换机端口故障', category: 'network', impact: 'high', urgency: 'medium', reporterName: '李护士长', ...fields });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-incidents-'));
    core = createCore({ dataDir, transport: 'web', resourcesDir: join(REPO, 'resources'), now: () => now });
    await core.ready;
    await call('profile.save', { name: '张工', role: 'engineer' });
    ids.client = (await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' })).id;
    ids.site = (await call<{ id: string }>('locations.create', { kind: 'site', clientId: ids.client, name: '门诊楼' })).id;
    ids.room = (await call<{ id: string }>('locations.create', { kind: 'room', siteId: ids.site, name: '3F 核心机房' })).id;
    ids.coreSwitch = (await call<{ id: string }>('assets.create', { type: 'switch', name: '核心交换机 S5720', vendor: 'Huawei', roomId: ids.room, managementIps: ['10.1.1.1'] })).id;
    ids.printer = (await call<{ id: string }>('assets.create', { type: 'pc', name: 'Printer 3F', roomId: ids.room })).id;
    // The hospital's contract: around the clock, so the expected timers are plain arithmetic.
    await call<SlaPolicy>('sla.savePolicy', {
      fields: {
        ...DEFAULT_SLA_POLICY_FIELDS,
        name: '市人民医院 7×24',
        clientId: ids.client,
        calendar: { kind: '24x7' },
        targets: {
          P1: { responseMinutes: 30, resolutionMinutes: 240, allDay: true },
          P2: { responseMinutes: 60, resolutionMinutes: 480, allDay: true },
          P3: { responseMinutes: 240, resolutionMinutes: 1440, allDay: true },
          P4: { responseMinutes: 480, resolutionMinutes: 4320, allDay: true },
        },
      },
    });
  }, 60_000);

  afterAll(() => {
    core?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('walks the whole status flow, refusing bad moves without saving anything', async () => {
    const incident = await newIncident({ assetIds: [ids.coreSwitch], assignee: '王工' });
    expect(incident).toMatchObject({ status: 'new', priority: 'P2', number: expect.stringMatching(/^INC-20261127-\d{4}-[0-9A-F]{4}$/) });
    const { id, reportedAt } = incident;
    now += HOUR;
    const at = (minutes: number) => reportedAt + minutes * MINUTE;

    expect(await call<Incident>('incidents.transition', { id, to: 'acknowledged', at: at(5) })).toMatchObject({ status: 'acknowledged', acknowledgedAt: at(5) });
    expect(await call<Incident>('incidents.transition', { id, to: 'pending', pendingReason: 'parts', note: '等备件', at: at(10) })).toMatchObject({
      status: 'pending',
      pendingReason: 'parts',
    });
    expect(await call<Incident>('incidents.transition', { id, to: 'in-progress', at: at(20) })).toMatchObject({ status: 'in-progress', pendingReason: null });

    let before = await snapshot(id);
    expect(await callError('incidents.transition', { id, to: 'closed' })).toMatchObject({ code: 'incidents.invalid-transition', details: { from: 'in-progress', to: 'closed' } });
    expect(await callError('incidents.transition', { id, to: 'resolved' })).toMatchObject({ code: 'incidents.resolution-required' });
    expect(await callError('incidents.transition', { id, to: 'pending' })).toMatchObject({ code: 'incidents.pending-reason-required' });
    expect(await callError('incidents.transition', { id, to: 'resolved', resolution: { cause: 'x', method: 'y' }, at: now + MINUTE })).toMatchObject({
      code: 'incidents.time-in-future',
    });
    expect(await callError('incidents.transition', { id, to: 'resolved', resolution: { cause: '', method: 'y' } })).toMatchObject({ code: 'api.invalid-input' });
    expect(await snapshot(id)).toEqual(before);

    const resolution = { cause: '光模块老化', method: '更换光模块', workaround: '' };
    expect(await call<Incident>('incidents.transition', { id, to: 'resolved', resolution, at: at(50) })).toMatchObject({ status: 'resolved', resolvedAt: at(50), resolution });
    expect(await call<Incident>('incidents.transition', { id, to: 'closed', at: at(55) })).toMatchObject({ status: 'closed', closedAt: at(55) });

    before = await snapshot(id);
    expect(await callError('incidents.update', { id, patch: { title: '改' } })).toMatchObject({ code: 'incidents.read-only' });
    expect(await callError('incidents.addWorkLog', { incidentId: id, text: '补记', minutesSpent: 5 })).toMatchObject({ code: 'incidents.read-only' });
    expect(await snapshot(id)).toEqual(before);

    const reopened = await call<Incident>('incidents.transition', { id, to: 'in-progress', note: '复发', at: at(58) });
    expect(reopened).toMatchObject({ status: 'in-progress', resolvedAt: null, closedAt: null, acknowledgedAt: at(5) });
    const { timeline } = await call<IncidentDetail>('incidents.get', { id });
    expect(timeline.filter((e) => e.kind === 'status').map((e) => `${String(e.data['from'])}→${String(e.data['to'])}@${e.at - reportedAt}`)).toEqual([
      `new→acknowledged@${5 * MINUTE}`,
      `acknowledged→pending@${10 * MINUTE}`,
      `pending→in-progress@${20 * MINUTE}`,
      `in-progress→resolved@${50 * MINUTE}`,
      `resolved→closed@${55 * MINUTE}`,
      `closed→in-progress@${58 * MINUTE}`,
    ]);
  });

  it('refuses a missing required field with api.invalid-input and records nothing', async () => {
    const before = (await call<{ total: number }>('incidents.list', {})).total;
    expect(await callError('incidents.create', { category: 'network', impact: 'high', urgency: 'high', reporterName: '李' })).toMatchObject({ code: 'api.invalid-input' });
    expect(await callError('incidents.create', { title: 'x', category: 'network', impact: 'high', urgency: 'high', reporterName: '李', priorityOverride: 'P1' })).toMatchObject({
      code: 'incidents.priority-reason-required',
    });
    expect((await call<{ total: number }>('incidents.list', {})).total).toBe(before);
  });

  it('logs work with the time spent and links a real check result as evidence', async () => {
    const { id, reportedAt } = await newIncident({ title: 'CPU 过高', assetIds: [ids.coreSwitch] });
    now += HOUR;
    const entry = await call<WorkLogEntry>('incidents.addWorkLog', { incidentId: id, text: '登录设备查看 CPU', minutesSpent: 30, at: reportedAt + 20 * MINUTE });
    expect(entry).toMatchObject({ author: '张工', minutesSpent: 30, at: reportedAt + 20 * MINUTE });
    await call('incidents.addWorkLog', { incidentId: id, text: 'Checked the STP topology', minutesSpent: 15 });

    const captured = `<HUAWEI>display cpu-usage\r\nCPU Usage Stat. Cycle: 60 (Second)\r\nCPU Usage            : 92% Max: 99%\r\nCPU Usage Stat. Time : 2026-11-27  09:22:41\r\n<HUAWEI>`;
    const result = await call<CheckResult>('checks.parseCaptured', { assetId: ids.coreSwitch, parserId: 'huawei.display-cpu-usage', text: captured });
    const link = await call<EvidenceLink>('incidents.linkEvidence', { incidentId: id, kind: 'check-result', targetId: result.id });
    expect(link).toMatchObject({ kind: 'check-result', targetId: result.id, label: expect.stringContaining('核心交换机 S5720') });
    expect(link.label).toContain(result.status);
    expect(await callError('incidents.linkEvidence', { incidentId: id, kind: 'check-result', targetId: '0190a000-0000-7000-8000-00000000dead' })).toMatchObject({
      code: 'incidents.evidence-not-found',
    });

    await call('attachments.upload', { ownerType: 'work-log', ownerId: entry.id, fileName: 'cpu.txt', contentBase64: Buffer.from(captured).toString('base64') });

    const detail = await call<IncidentDetail>('incidents.get', { id });
    expect(detail.workLog.map((w) => w.minutesSpent)).toEqual([30, 15]);
    expect(detail.totalMinutesSpent).toBe(45);
    expect(detail.evidence).toEqual([link]);
    expect(detail.assets).toEqual([{ id: ids.coreSwitch, name: '核心交换机 S5720', type: 'switch' }]);
    expect(detail.place).toMatchObject({ clientName: '市人民医院', siteName: '门诊楼', roomName: '3F 核心机房' });
    expect(detail.timeline.map((e) => e.kind)).toEqual(['created', 'work-log', 'work-log', 'evidence', 'attachment']);
    expect(detail.timeline.at(-1)).toMatchObject({ actor: '张工', data: { fileName: 'cpu.txt', workLogId: entry.id } });

    await call('incidents.unlinkEvidence', { id: link.id });
    expect((await call<IncidentDetail>('incidents.get', { id })).evidence).toEqual([]);
    expect((await call<{ rows: Incident[] }>('incidents.list', { filter: { assetId: ids.coreSwitch } })).rows.map((r) => r.id)).toContain(id);
  });

  it('finds incidents by two- and three-character Chinese terms and by English words', async () => {
    const printer = await newIncident({ title: '3F 打印机卡纸', description: 'Paper jam in tray 2', category: 'hardware', assetIds: [ids.printer], reporterName: 'Nurse Chen' });
    const uplink = await newIncident({ title: '汇聚交换机上联中断', description: '核心层正常', assignee: 'Wang Wei' });
    const search = async (text: string) =>
      (await call<{ rows: Incident[] }>('incidents.list', { filter: { search: text }, sort: { by: 'number', direction: 'asc' } })).rows.map((r) => r.title);
    expect(await search('核心')).toEqual(expect.arrayContaining(['核心交换机端口故障', '汇聚交换机上联中断']));
    expect(await search('核心')).not.toContain('3F 打印机卡纸');
    expect(await search('交换机')).toEqual(expect.arrayContaining(['核心交换机端口故障', '汇聚交换机上联中断']));
    expect(await search('交换机')).not.toContain('3F 打印机卡纸');
    expect(await search('卡纸')).toEqual(['3F 打印机卡纸']);
    expect(await search('jam')).toEqual(['3F 打印机卡纸']);
    expect(await search('paper TRAY')).toEqual(['3F 打印机卡纸']);
    expect(await search('chen')).toEqual(['3F 打印机卡纸']);
    expect(await search('wang 上联')).toEqual(['汇聚交换机上联中断']);
    expect(await search(printer.number)).toEqual(['3F 打印机卡纸']);
    expect(await search('路由器')).toEqual([]);
    expect(uplink.number).not.toBe(printer.number);
  });

  it('runs the SLA clocks on the times recorded on the laptop and lists the breaches', async () => {
    // Recorded offline: reported 50 minutes ago, acknowledged 20 minutes after that.
    const reportedAt = now - 50 * MINUTE;
    const p1 = await newIncident({ title: 'HIS 全院瘫痪', impact: 'high', urgency: 'high', systemDown: true, locationId: ids.client, reportedAt });
    expect(p1.sla.timers.map((t) => [t.kind, t.state])).toEqual([
      ['response', 'breached'],
      ['resolution', 'on-track'],
      ['workaround', 'on-track'],
    ]);
    const acknowledged = await call<Incident>('incidents.transition', { id: p1.id, to: 'acknowledged', at: reportedAt + 20 * MINUTE });
    expect(acknowledged.sla.timers.find((t) => t.kind === 'response')).toMatchObject({ state: 'met', elapsedMs: 20 * MINUTE, stoppedAt: reportedAt + 20 * MINUTE });
    const resolutionTimer = acknowledged.sla.timers.find((t) => t.kind === 'resolution');
    expect(resolutionTimer).toMatchObject({ state: 'on-track', targetMs: 240 * MINUTE, elapsedMs: 50 * MINUTE, dueAt: reportedAt + 240 * MINUTE });
    expect(acknowledged.sla.nextDueAt).toBe(reportedAt + 240 * MINUTE);

    now = reportedAt + 200 * MINUTE;
    expect((await call<IncidentDetail>('incidents.get', { id: p1.id })).incident.sla.worst).toBe('at-risk');
    now = reportedAt + 250 * MINUTE;
    const late = (await call<IncidentDetail>('incidents.get', { id: p1.id })).incident.sla;
    expect(late.worst).toBe('breached');
    expect(late.timers.find((t) => t.kind === 'resolution')).toMatchObject({ state: 'breached', remainingMs: -10 * MINUTE });

    const breaches = await call<{ total: number; rows: Incident[] }>('incidents.list', { filter: { slaStates: ['breached', 'missed'] } });
    expect(breaches.rows.map((r) => r.id)).toContain(p1.id);
    expect(breaches.rows.every((r) => ['breached', 'missed'].includes(r.sla.worst))).toBe(true);
    const counts = await call<{ open: number; atRisk: number; breached: number }>('incidents.counts', {});
    expect(counts.breached).toBeGreaterThanOrEqual(1);
    expect(counts.open).toBeGreaterThanOrEqual(counts.breached + counts.atRisk);

    const byDue = (await call<{ rows: Incident[] }>('incidents.list', { filter: { openOnly: true }, sort: { by: 'nextDueAt', direction: 'asc' } })).rows;
    const dues = byDue.map((r) => r.sla.nextDueAt).filter((d): d is number => d !== null);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(byDue.every((r) => r.sla.timers.length > 0)).toBe(true);
  });

  it('produces the fault report PDF in Chinese and in English', async () => {
    const reportedAt = now - 3 * HOUR;
    const incident = await newIncident({ title: '核心交换机宕机', impact: 'high', urgency: 'high', systemDown: true, assetIds: [ids.coreSwitch], reportedAt });
    expect(await callError('incidents.faultReport', { id: incident.id, fields: { faultType: 'network', cause: 'c', method: 'm' }, language: 'zh-CN' })).toMatchObject({
      code: 'incidents.not-resolved',
    });
    await call('incidents.addWorkLog', { incidentId: incident.id, text: '更换主控板', minutesSpent: 90, at: reportedAt + HOUR });
    await call('incidents.recordWorkaround', { id: incident.id, text: '启用备用核心', at: reportedAt + 30 * MINUTE });
    await call('incidents.transition', { id: incident.id, to: 'resolved', resolution: { cause: '主控板故障', method: '更换主控板' }, at: reportedAt + 2 * HOUR });

    const draft = await call<FaultReportDraft>('incidents.faultReportDraft', { id: incident.id });
    expect(draft).toEqual({ faultType: 'network', cause: '主控板故障', method: '更换主控板', losses: '' });
    const fields = { ...draft, losses: '全院网络中断 30 分钟' };

    const read = (file: ExportedFile) => {
      const path = join(dataDir, file.fileName);
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const zh = read(await call<ExportedFile>('incidents.faultReport', { id: incident.id, fields, language: 'zh-CN' }));
    for (const text of ['故障处理报告', incident.number, '核心交换机宕机', '市人民医院', '核心交换机 S5720', '网络故障', '主控板故障', '更换主控板', '全院网络中断 30 分钟', '启用备用核心', '90 分钟', '系统瘫痪']) {
      expect(zh).toContain(text);
    }
    const en = read(await call<ExportedFile>('incidents.faultReport', { id: incident.id, fields, language: 'en' }));
    for (const text of ['Fault report', incident.number, 'Network fault', 'Cause', 'Method used', 'Losses', 'Timeline', '90 min', 'Total time spent']) {
      expect(en).toContain(text);
    }

    const saved = await call<IncidentDetail>('incidents.get', { id: incident.id });
    expect(saved.faultReport).toEqual(fields);
    expect(saved.incident.faultReportAt).toBe(now);
    expect(saved.incident.sla.timers.find((t) => t.kind === 'fault-report')).toMatchObject({ state: 'met' });
  });
});
