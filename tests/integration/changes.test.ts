/**
 * Changes (变更) through the core API over a real SQLite file: the whole flow
 * from draft to result, approval by a supervisor recorded with the time on
 * their (offline) laptop, refusals that save nothing, and search in Chinese
 * and English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '@shared/domain/changes';
import { createCore, type Core } from '../../electron/core/core';

const HOUR = 3_600_000;

describe('changes through the core API', () => {
  let dataDir: string;
  let core: Core;

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

  const as = (name: string, role: 'engineer' | 'supervisor' | 'admin') => call('profile.save', { name, role });
  const windowStart = Date.now() + 48 * HOUR;
  const plan = {
    title: '核心交换机固件升级',
    description: 'S12700 升级到 V200R021',
    plan: '1. 导出配置 2. 上传固件 3. 切换主备并重启',
    riskLevel: 'high',
    riskText: '全院网络中断约 10 分钟',
    rollbackPlan: '用原固件启动并导入导出的配置',
    windowStart,
    windowEnd: windowStart + 2 * HOUR,
    requester: '张工',
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'walkdown-changes-'));
    core = createCore({ dataDir, transport: 'web' });
    await core.ready;
    await as('张工', 'engineer');
  });

  afterEach(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes from draft to completed with a supervisor’s approval recorded offline, and keeps it across a restart', async () => {
    const draft = await call<Change>('changes.create', { ...plan, plan: '', riskLevel: null });
    expect(draft.status).toBe('draft');
    expect(await callError('changes.transition', { id: draft.id, to: 'submitted' })).toMatchObject({ code: 'changes.missing-field', details: { field: 'plan' } });
    await call('changes.update', { id: draft.id, patch: { plan: plan.plan, riskLevel: 'high' } });
    await call('changes.transition', { id: draft.id, to: 'submitted' });

    // The supervisor approved on their own laptop two hours ago, without a network.
    await as('陈主管', 'supervisor');
    const approvedAt = Date.now() - 2 * HOUR;
    const approved = await call<Change>('changes.transition', { id: draft.id, to: 'approved', comment: '同意，提前通知各科室', at: approvedAt });
    expect(approved).toMatchObject({ decision: 'approved', decidedBy: '陈主管', decidedRole: 'supervisor', decidedAt: approvedAt, decisionComment: '同意，提前通知各科室' });

    await as('刘工', 'engineer');
    expect(await call<Change>('changes.transition', { id: draft.id, to: 'in-progress' })).toMatchObject({ status: 'in-progress', implementer: '刘工' });
    await call('changes.transition', { id: draft.id, to: 'completed', result: '升级完成，业务验证正常' });

    core.close();
    core = createCore({ dataDir, transport: 'web' });
    await core.ready;
    expect(await call<Change>('changes.get', { id: draft.id })).toMatchObject({ status: 'completed', result: '升级完成，业务验证正常', decidedAt: approvedAt });
  });

  it('refuses an engineer’s approval, invalid moves, bad windows and late edits with stable codes, saving nothing', async () => {
    const { id } = await call<Change>('changes.create', plan);
    await call('changes.transition', { id, to: 'submitted' });
    const before = await call<Change>('changes.get', { id });

    expect(await callError('changes.transition', { id, to: 'approved' })).toMatchObject({ code: 'changes.approval-role', details: { role: 'engineer' } });
    expect(await callError('changes.transition', { id, to: 'completed', result: 'x' })).toMatchObject({
      code: 'changes.invalid-transition',
      details: { from: 'submitted', to: 'completed' },
    });
    expect(await callError('changes.update', { id, patch: { windowEnd: windowStart - HOUR } })).toMatchObject({ code: 'changes.window-invalid' });
    expect(await callError('changes.create', { ...plan, windowEnd: windowStart })).toMatchObject({ code: 'changes.window-invalid' });
    expect(await callError('changes.create', { ...plan, title: '' })).toMatchObject({ code: 'api.invalid-input' });
    await as('陈主管', 'supervisor');
    expect(await callError('changes.transition', { id, to: 'rejected' })).toMatchObject({ code: 'changes.missing-field', details: { field: 'comment' } });
    expect(await callError('changes.transition', { id, to: 'approved', at: Date.now() + HOUR })).toMatchObject({ code: 'changes.time-in-future' });

    expect(await call<Change>('changes.get', { id })).toEqual(before);
    expect((await call<{ total: number }>('changes.list', {})).total).toBe(1);

    await call('changes.transition', { id, to: 'rejected', comment: '与体检系统上线冲突' });
    expect(await callError('changes.update', { id, patch: { title: '改' } })).toMatchObject({ code: 'changes.read-only' });
  });

  it('searches Chinese words (数据库, and the two-character 备份) and English words', async () => {
    const db = await call<Change>('changes.create', { ...plan, title: '数据库备份策略调整', description: 'Switch RMAN to incremental backups', riskLevel: 'low' });
    const core12700 = await call<Change>('changes.create', plan);
    const fw = await call<Change>('changes.create', { ...plan, title: 'Firewall policy cleanup', description: '清理过期策略', rollbackPlan: '导入备份的策略文件', riskLevel: 'medium' });
    await call('changes.transition', { id: fw.id, to: 'submitted' });

    const ids = async (filter: Record<string, unknown>) => (await call<{ rows: Change[] }>('changes.list', { filter })).rows.map((c) => c.id).sort();
    expect(await ids({ search: '数据库' })).toEqual([db.id]);
    expect(await ids({ search: '备份' })).toEqual([db.id, fw.id].sort());
    expect(await ids({ search: '交换机' })).toEqual([core12700.id]);
    expect(await ids({ search: 'incremental' })).toEqual([db.id]);
    expect(await ids({ search: 'FIREWALL' })).toEqual([fw.id]);
    expect(await ids({ search: '备份', statuses: ['submitted'] })).toEqual([fw.id]);
    expect(await ids({ riskLevels: ['high'] })).toEqual([core12700.id]);
  });
});
