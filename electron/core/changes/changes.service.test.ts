import { describe, expect, it } from 'vitest';
import { ChangeFields, ChangeFilter, CHANGE_STATUSES, CHANGE_TRANSITIONS, type ChangeFieldsInput, type ChangeFilterInput, type ChangeStatus } from '@shared/domain/changes';
import type { Profile } from '@shared/domain/profile';
import { EventBus } from '../events/event-bus';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { ChangesService } from './changes.service';

const HOUR = 3_600_000;
const SUPERVISOR: Profile = { name: '陈主管', role: 'supervisor' };
const ADMIN: Profile = { name: '系统管理员', role: 'admin' };

async function setup() {
  const clock = manualClock();
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => actor });
  const events = new EventBus();
  const changes = new ChangesService({ store, events, now: clock.now, actor: () => actor });
  const start = clock.now() + 24 * HOUR;
  const complete: ChangeFieldsInput = {
    title: '核心交换机升级 V200R011',
    plan: '1. 导出配置 2. 上传镜像 3. 重启',
    riskLevel: 'high',
    riskText: '全院网络中断约 10 分钟',
    rollbackPlan: '回退到原镜像并恢复配置',
    windowStart: start,
    windowEnd: start + 2 * HOUR,
    requester: '张工',
  };
  const create = (fields: Partial<ChangeFieldsInput> = {}) => changes.create(ChangeFields.parse({ ...complete, ...fields }));
  const move = (id: string, to: ChangeStatus, extra: { comment?: string; result?: string; at?: number } = {}) =>
    changes.transition(id, { to, comment: extra.comment ?? '', result: extra.result ?? '', ...(extra.at !== undefined ? { at: extra.at } : {}) });
  const as = <T>(profile: Profile | null, work: () => T): T => {
    const previous = actor;
    actor = profile;
    try {
      return work();
    } finally {
      actor = previous;
    }
  };
  const snapshot = () => ['changes', 'outbox', 'audit_log'].map((table) => store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get());
  const list = (filter: ChangeFilterInput = {}) => changes.list({ filter: ChangeFilter.parse(filter), offset: 0, limit: 100 });
  return { store, clock, changes, create, move, as, snapshot, list };
}

/** Moves a fresh change along the happy path up to `status`. */
async function changeAt(status: ChangeStatus) {
  const context = await setup();
  const { create, move, as } = context;
  const { id } = create();
  const path: Partial<Record<ChangeStatus, () => void>> = {
    submitted: () => move(id, 'submitted'),
    approved: () => as(SUPERVISOR, () => move(id, 'approved')),
    rejected: () => as(SUPERVISOR, () => move(id, 'rejected', { comment: '窗口与体检系统上线冲突' })),
    'in-progress': () => move(id, 'in-progress'),
    completed: () => move(id, 'completed', { result: '升级成功' }),
    failed: () => move(id, 'failed', { result: '镜像校验失败' }),
    'rolled-back': () => move(id, 'rolled-back', { result: '已回退' }),
    cancelled: () => move(id, 'cancelled'),
  };
  const route: Record<ChangeStatus, ChangeStatus[]> = {
    draft: [],
    submitted: ['submitted'],
    approved: ['submitted', 'approved'],
    rejected: ['submitted', 'rejected'],
    'in-progress': ['submitted', 'approved', 'in-progress'],
    completed: ['submitted', 'approved', 'in-progress', 'completed'],
    failed: ['submitted', 'approved', 'in-progress', 'failed'],
    'rolled-back': ['submitted', 'approved', 'in-progress', 'rolled-back'],
    cancelled: ['cancelled'],
  };
  for (const step of route[status]) path[step]?.();
  expect(context.changes.get(id).status).toBe(status);
  return { ...context, id };
}

describe('ChangesService', () => {
  it('writes a draft, submits it, has it approved by a supervisor with the offline time, carries it out and records the result', async () => {
    const { create, move, as, changes, clock } = await setup();
    const { id, status, createdBy } = create({ implementer: '' });
    expect([status, createdBy]).toEqual(['draft', TEST_ACTOR.name]);

    expect(move(id, 'submitted').submittedAt).toBe(clock.now());
    clock.advance(3 * HOUR);
    // Approved on the supervisor's laptop an hour ago, offline; recorded with that time.
    const approvedAt = clock.now() - HOUR;
    const approved = as(SUPERVISOR, () => move(id, 'approved', { comment: '同意，注意提前通知各科室', at: approvedAt }));
    expect(approved).toMatchObject({ status: 'approved', decision: 'approved', decidedBy: '陈主管', decidedRole: 'supervisor', decidedAt: approvedAt, decisionComment: '同意，注意提前通知各科室' });

    const started = move(id, 'in-progress');
    expect(started).toMatchObject({ status: 'in-progress', startedAt: clock.now(), implementer: TEST_ACTOR.name });
    clock.advance(HOUR);
    const done = move(id, 'completed', { result: '升级完成，业务验证正常' });
    expect(done).toMatchObject({ status: 'completed', result: '升级完成，业务验证正常', resultAt: clock.now() });
    expect(changes.get(id)).toEqual(done);
  });

  it.each(['failed', 'rolled-back'] as const)('closes an in-progress change as %s with its result', async (outcome) => {
    const { id, move } = await changeAt('in-progress');
    expect(move(id, outcome, { result: '割接后 OSPF 邻居未起' })).toMatchObject({ status: outcome, result: '割接后 OSPF 邻居未起' });
  });

  it('lets an administrator decide too, and refuses an engineer with changes.approval-role, saving nothing', async () => {
    const { id, move, as, snapshot, changes } = await changeAt('submitted');
    const before = snapshot();
    expect(() => move(id, 'approved')).toThrow(expect.objectContaining({ code: 'changes.approval-role', details: { role: 'engineer' } }));
    expect(() => move(id, 'rejected', { comment: '不同意' })).toThrow(expect.objectContaining({ code: 'changes.approval-role' }));
    expect(snapshot()).toEqual(before);
    expect(changes.get(id).status).toBe('submitted');
    expect(as(ADMIN, () => move(id, 'approved'))).toMatchObject({ decidedBy: '系统管理员', decidedRole: 'admin' });
  });

  it('needs a reason to reject; a rejected change goes back to draft to be revised and submitted again', async () => {
    const { id, move, as, snapshot, changes } = await changeAt('submitted');
    const before = snapshot();
    expect(() => as(SUPERVISOR, () => move(id, 'rejected'))).toThrow(expect.objectContaining({ code: 'changes.missing-field', details: { field: 'comment' } }));
    expect(snapshot()).toEqual(before);
    as(SUPERVISOR, () => move(id, 'rejected', { comment: '窗口冲突' }));
    expect(() => changes.update(id, { plan: '改' })).toThrow(expect.objectContaining({ code: 'changes.read-only', details: { status: 'rejected' } }));
    move(id, 'draft');
    const start = Date.UTC(2026, 11, 5, 16);
    changes.update(id, { windowStart: start, windowEnd: start + HOUR });
    expect(move(id, 'submitted')).toMatchObject({ status: 'submitted', decision: 'rejected', decisionComment: '窗口冲突' });
    expect(as(SUPERVISOR, () => move(id, 'approved'))).toMatchObject({ decision: 'approved', decisionComment: '' });
  });

  it.each([
    [{ plan: '' }, 'plan'],
    [{ riskLevel: null }, 'riskLevel'],
    [{ rollbackPlan: ' ' }, 'rollbackPlan'],
    [{ windowStart: null }, 'windowStart'],
    [{ windowEnd: null }, 'windowEnd'],
  ] as const)('refuses to submit a draft without %j: changes.missing-field %s', async (gap, field) => {
    const { create, move, snapshot } = await setup();
    const { id } = create(gap);
    const before = snapshot();
    expect(() => move(id, 'submitted')).toThrow(expect.objectContaining({ code: 'changes.missing-field', details: { field } }));
    expect(snapshot()).toEqual(before);
  });

  it('needs a result to close the work', async () => {
    const { id, move, snapshot } = await changeAt('in-progress');
    const before = snapshot();
    for (const outcome of ['completed', 'failed', 'rolled-back'] as const) {
      expect(() => move(id, outcome)).toThrow(expect.objectContaining({ code: 'changes.missing-field', details: { field: 'result' } }));
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses a window that does not end after it starts, on create and on update', async () => {
    const { create, changes, snapshot, clock } = await setup();
    const before = snapshot();
    const at = clock.now();
    expect(() => create({ windowStart: at, windowEnd: at })).toThrow(expect.objectContaining({ code: 'changes.window-invalid' }));
    expect(snapshot()).toEqual(before);
    const { id } = create({ windowStart: null, windowEnd: null });
    changes.update(id, { windowEnd: at });
    const after = snapshot();
    expect(() => changes.update(id, { windowStart: at + HOUR })).toThrow(expect.objectContaining({ code: 'changes.window-invalid' }));
    expect(snapshot()).toEqual(after);
  });

  it('edits draft and submitted changes only; a submitted change keeps what submitting needed', async () => {
    const { id, changes, move, snapshot } = await changeAt('submitted');
    expect(changes.update(id, { riskLevel: 'medium', implementer: '刘工' })).toMatchObject({ riskLevel: 'medium', implementer: '刘工' });
    let before = snapshot();
    expect(() => changes.update(id, { plan: '' })).toThrow(expect.objectContaining({ code: 'changes.missing-field', details: { field: 'plan' } }));
    expect(snapshot()).toEqual(before);
    move(id, 'cancelled', { comment: '需求取消' });
    before = snapshot();
    expect(() => changes.update(id, { title: '新标题' })).toThrow(expect.objectContaining({ code: 'changes.read-only', details: { status: 'cancelled' } }));
    expect(snapshot()).toEqual(before);
    expect(changes.get(id)).toMatchObject({ status: 'cancelled', cancelReason: '需求取消' });
  });

  it('refuses a recorded time in the future and an unknown change', async () => {
    const { id, move, clock, as, snapshot } = await changeAt('submitted');
    const before = snapshot();
    expect(() => as(SUPERVISOR, () => move(id, 'approved', { at: clock.now() + 60_000 }))).toThrow(expect.objectContaining({ code: 'changes.time-in-future' }));
    expect(() => move('01900000-0000-7000-8000-000000000099', 'submitted')).toThrow(expect.objectContaining({ code: 'changes.not-found' }));
    expect(snapshot()).toEqual(before);
  });

  // Every status against every target: the moves not in CHANGE_TRANSITIONS fail with invalid-transition and save nothing.
  it.each(CHANGE_STATUSES)('refuses every move from %s that is not allowed', async (from) => {
    const { id, move, as, snapshot } = await changeAt(from);
    const before = snapshot();
    const refused = CHANGE_STATUSES.filter((to) => !CHANGE_TRANSITIONS[from].includes(to));
    expect(refused.length).toBeGreaterThan(0);
    for (const to of refused) {
      expect(() => as(SUPERVISOR, () => move(id, to, { comment: 'c', result: 'r' }))).toThrow(
        expect.objectContaining({ code: 'changes.invalid-transition', details: { from, to } }),
      );
    }
    expect(snapshot()).toEqual(before);
  });

  it('searches Chinese of two characters and more and English, filtered by status and risk', async () => {
    const { create, list, move } = await setup();
    const db = create({ title: '数据库备份策略调整', plan: 'Switch RMAN to incremental backups', riskLevel: 'low' });
    const core = create({ title: '核心交换机升级', riskText: '备用链路需提前测试' });
    const fw = create({ title: 'Firewall policy cleanup', riskLevel: 'medium' });
    move(core.id, 'submitted');
    const ids = (filter: ChangeFilterInput) => list(filter).rows.map((c) => c.id).sort();
    expect(ids({ search: '数据库' })).toEqual([db.id]);
    expect(ids({ search: '备份' })).toEqual([db.id]);
    expect(ids({ search: '备' })).toEqual([db.id, core.id].sort());
    expect(ids({ search: 'incremental' })).toEqual([db.id]);
    expect(ids({ search: 'firewall CLEANUP' })).toEqual([fw.id]);
    expect(ids({ statuses: ['submitted'] })).toEqual([core.id]);
    expect(ids({ riskLevels: ['low', 'medium'] })).toEqual([db.id, fw.id].sort());
  });
});
