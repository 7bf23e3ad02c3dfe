/**
 * Problem records (问题记录规范) through the core API (createCore, as either
 * transport calls it) over a real SQLite file in a temporary data directory:
 * consultations, the defect flow with an operation problem turning into a
 * consultation, refused input that saves nothing, incident links, and search
 * in Chinese (including two-character terms) and English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem, ProblemDetail, ProblemSummary } from '@shared/domain/problems';
import { createCore, type Core } from '../../electron/core/core';

const MINUTE = 60_000;

describe('problem records through the core API', () => {
  let dataDir: string;
  let core: Core;
  const events: { name: string; payload: unknown }[] = [];

  async function open(): Promise<Core> {
    const opened = createCore({ dataDir, transport: 'web' });
    await opened.ready;
    opened.onEvent((name, payload) => events.push({ name, payload }));
    return opened;
  }

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  async function callError(method: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
    const result = await core.call(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }

  async function list(filter: Record<string, unknown> = {}): Promise<{ total: number; rows: Problem[] }> {
    return call('problems.list', { filter, limit: 100 });
  }

  /** Everything a refused call must leave as it was: the record with its steps and links, and the list. */
  async function state(id: string) {
    return { detail: await call<ProblemDetail>('problems.get', { id }), total: (await list()).total };
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-problems-'));
    events.length = 0;
    core = await open();
    await call('profile.save', { name: '张工', role: 'engineer' });
  });

  afterEach(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records a consultation answered at once, with who asked, when and what, kept across a restart', async () => {
    const askedAt = Date.now() - 30 * MINUTE;
    const created = await call<Problem>('problems.createConsultation', {
      reporter: '王护士',
      contact: '分机 8021',
      question: '怎样在护士站电脑上添加网络打印机？',
      answer: '开始 → 设置 → 打印机 → 添加，选 10.1.20.15',
      at: askedAt,
    });
    expect(created).toMatchObject({ type: 'consultation', status: 'answered', reporter: '王护士', reportedAt: askedAt, answeredAt: askedAt, createdBy: '张工' });
    expect(events).toContainEqual({ name: 'records.changed', payload: { entities: expect.arrayContaining(['problem', 'problemStep']) } });

    core.close();
    core = await open();
    const detail = await call<ProblemDetail>('problems.get', { id: created.id });
    expect(detail.problem.answer).toBe('开始 → 设置 → 打印机 → 添加，选 10.1.20.15');
    expect(detail.steps).toEqual([expect.objectContaining({ step: 'answered', actor: '张工', at: askedAt })]);
    expect((await list({ type: 'consultation' })).rows.map((p) => p.id)).toEqual([created.id]);
  });

  it('takes a defect through submitted → analysed → confirmed → resolved → fed-back, recording who and when at each step', async () => {
    const t0 = Date.now() - 5 * 60 * MINUTE;
    const { id } = await call<Problem>('problems.createDefect', {
      title: 'HIS 挂号单打印错位',
      description: '门诊 3 号窗口挂号单整体右移约 2 厘米',
      reporter: '李主任',
      contact: '13800000000',
      at: t0,
    });
    await call('problems.step', { id, to: 'analysed', data: { kind: 'technical', notes: '打印模板左边距被改' }, at: t0 + 60 * MINUTE });
    await call('profile.save', { name: '刘工', role: 'engineer' });
    await call('problems.step', { id, to: 'confirmed', data: { notes: '与厂商确认为模板问题' }, at: t0 + 120 * MINUTE });
    await call('problems.step', { id, to: 'resolved', data: { resolution: '恢复模板边距 5mm，重启打印服务' }, at: t0 + 180 * MINUTE });
    const done = await call<ProblemDetail>('problems.step', { id, to: 'fed-back', data: { feedback: '已修复，请重新打印验证', feedbackTo: '李主任' } });

    expect(done.problem).toMatchObject({ status: 'fed-back', analysisKind: 'technical', resolution: '恢复模板边距 5mm，重启打印服务', feedbackTo: '李主任' });
    expect(done.steps.map((s) => [s.step, s.actor])).toEqual([
      ['submitted', '张工'],
      ['analysed', '张工'],
      ['confirmed', '刘工'],
      ['resolved', '刘工'],
      ['fed-back', '刘工'],
    ]);
    expect(done.steps.slice(0, 4).map((s) => s.at)).toEqual([t0, t0 + 60 * MINUTE, t0 + 120 * MINUTE, t0 + 180 * MINUTE]);
    // Every step is in the activity log, under the translated entity names.
    const audit = await call<{ entity: string; action: string }[]>('audit.list', { limit: 50 });
    expect(audit.filter((entry) => entry.entity === 'problemStep')).toHaveLength(5);
  });

  it('turns a defect analysed as an operation problem into an answered consultation', async () => {
    const { id } = await call<Problem>('problems.createDefect', { title: '报表导不出', description: '点“导出”没有反应', reporter: '财务科 赵会计' });
    const detail = await call<ProblemDetail>('problems.step', { id, to: 'analysed', data: { kind: 'operation', answer: '需先选择日期范围，再点导出' } });
    expect(detail.problem).toMatchObject({ type: 'consultation', status: 'answered', convertedFromDefect: true, question: '点“导出”没有反应', answer: '需先选择日期范围，再点导出' });
    expect(detail.steps.map((s) => s.step)).toEqual(['submitted', 'analysed', 'answered']);
    expect((await list({ type: 'defect' })).total).toBe(0);
  });

  it('refuses invalid steps, missing fields, read-only fields and future times with stable codes, saving nothing', async () => {
    const { id } = await call<Problem>('problems.createDefect', { title: '门禁刷卡无响应', reporter: '保卫科' });
    const before = await state(id);

    expect(await callError('problems.step', { id, to: 'resolved', data: { resolution: '重启控制器' } })).toMatchObject({
      code: 'problems.invalid-transition',
      details: { from: 'submitted', to: 'resolved' },
    });
    expect(await callError('problems.step', { id, to: 'analysed', data: { kind: 'technical' } })).toMatchObject({ code: 'problems.missing-field', details: { field: 'notes' } });
    expect(await callError('problems.step', { id, to: 'analysed', data: { kind: 'operation' } })).toMatchObject({ code: 'problems.missing-field', details: { field: 'answer' } });
    expect(await callError('problems.step', { id, to: 'analysed', data: { kind: 'technical', notes: 'x' }, at: Date.now() + 10 * MINUTE })).toMatchObject({
      code: 'problems.time-in-future',
    });
    expect(await callError('problems.update', { id, patch: { resolution: '还没到这一步' } })).toMatchObject({ code: 'problems.read-only', details: { field: 'resolution' } });
    expect(await callError('problems.step', { id, to: 'closed', data: {} })).toMatchObject({ code: 'api.invalid-input' });
    expect(await callError('problems.createConsultation', { reporter: '王护士', question: '没有答案的咨询' })).toMatchObject({ code: 'api.invalid-input' });
    expect(await callError('problems.get', { id: '01900000-0000-7000-8000-000000000099' })).toMatchObject({ code: 'problems.not-found' });

    expect(await state(id)).toEqual(before);
  });

  it('links several incidents to one problem, shows them on both sides and unlinks', async () => {
    const incident = (title: string) =>
      call<{ id: string; number: string }>('incidents.create', { title, category: 'software', impact: 'medium', urgency: 'medium', reporterName: '门诊部' });
    const first = await incident('3 号窗口挂号单打印错位');
    const second = await incident('5 号窗口挂号单打印错位');
    const { id } = await call<Problem>('problems.createDefect', { title: '挂号单打印错位', reporter: '李主任' });

    await call('problems.linkIncident', { problemId: id, incidentId: first.id });
    const linked = await call<ProblemDetail>('problems.linkIncident', { problemId: id, incidentId: second.id });
    expect(linked.incidents.map((i) => i.number).sort()).toEqual([first.number, second.number].sort());
    expect(linked.incidents.find((i) => i.incidentId === first.id)?.title).toBe('3 号窗口挂号单打印错位');
    expect(await call<ProblemSummary[]>('problems.forIncident', { incidentId: second.id })).toEqual([expect.objectContaining({ id, title: '挂号单打印错位' })]);

    const before = await state(id);
    expect(await callError('problems.linkIncident', { problemId: id, incidentId: '01900000-0000-7000-8000-000000000099' })).toMatchObject({ code: 'incidents.not-found' });
    expect(await state(id)).toEqual(before);

    const unlinked = await call<ProblemDetail>('problems.unlinkIncident', { problemId: id, incidentId: first.id });
    expect(unlinked.incidents.map((i) => i.incidentId)).toEqual([second.id]);
    expect(await call<ProblemSummary[]>('problems.forIncident', { incidentId: first.id })).toEqual([]);
  });

  it('searches Chinese words (数据库, and the two-character 备份) and English words', async () => {
    const backup = await call<Problem>('problems.createDefect', { title: '数据库备份作业失败', description: 'Oracle RMAN backup failed with ORA-19502', reporter: '信息科' });
    const tape = await call<Problem>('problems.createConsultation', { reporter: '设备科', question: '磁带库如何更换备份磁带？', answer: '先在 NetBackup 中弹出磁带' });
    const other = await call<Problem>('problems.createDefect', { title: '门诊叫号屏黑屏', description: 'Display shows no signal', reporter: '门诊部' });
    await call('problems.step', { id: other.id, to: 'analysed', data: { kind: 'technical', notes: 'HDMI 线松动' } });

    const ids = async (filter: Record<string, unknown>) => (await list(filter)).rows.map((p) => p.id).sort();
    expect(await ids({ search: '数据库' })).toEqual([backup.id]);
    expect(await ids({ search: '备份' })).toEqual([backup.id, tape.id].sort());
    expect(await ids({ search: '备份 磁带' })).toEqual([tape.id]);
    expect(await ids({ search: 'rman' })).toEqual([backup.id]);
    expect(await ids({ search: 'NetBackup' })).toEqual([tape.id]);
    expect(await ids({ search: 'no signal' })).toEqual([other.id]);
    expect(await ids({ search: 'hdmi' })).toEqual([other.id]);
    expect(await ids({ search: '备份', type: 'defect' })).toEqual([backup.id]);
    expect(await ids({ search: '备份', statuses: ['answered'] })).toEqual([tape.id]);
    expect(await ids({ search: '不存在的词' })).toEqual([]);
  });
});
