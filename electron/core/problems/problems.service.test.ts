import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/domain/profile';
import { ConsultationFields, DefectFields, ProblemFilter, type ConsultationFieldsInput, type DefectFieldsInput, type ProblemFilterInput } from '@shared/domain/problems';
import { AssetFields } from '@shared/domain/assets';
import { AssetsService } from '../assets/assets.service';
import { EventBus } from '../events/event-bus';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { problemIncidentLinkId, ProblemsService } from './problems.service';

const HOUR = 3_600_000;

async function setup() {
  const clock = manualClock();
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => actor });
  const events = new EventBus();
  const changed: string[][] = [];
  events.on((name, payload) => {
    if (name === 'records.changed') changed.push((payload as { entities: string[] }).entities);
  });
  const problems = new ProblemsService({ store, events, now: clock.now, actor: () => actor });
  const assets = new AssetsService(store, events, clock.now);
  const consultation = (fields: Partial<ConsultationFieldsInput> = {}) =>
    problems.createConsultation(ConsultationFields.parse({ reporter: '王护士', question: '打印机怎么添加？', answer: '控制面板 → 设备和打印机 → 添加', ...fields }));
  const defect = (fields: Partial<DefectFieldsInput> = {}) =>
    problems.createDefect(DefectFields.parse({ title: 'HIS 挂号单打印错位', description: '挂号单右移两厘米', reporter: '李主任', ...fields }));
  const list = (filter: ProblemFilterInput = {}) => problems.list({ filter: ProblemFilter.parse(filter), offset: 0, limit: 100 });
  /** Rows of every synced table this domain writes, plus the outbox and audit: a refused call must leave them all as they were. */
  const snapshot = () =>
    ['problems', 'problem_steps', 'problem_incidents', 'outbox', 'audit_log'].map((table) => store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get());
  const incident = (id: string, number: string, title: string) => {
    store.db
      .prepare(
        `INSERT INTO incidents (id, number, title, category, impact, urgency, priority, status, reporter_name, reported_at, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'hardware', 'high', 'high', 'P1', 'new', '张三', 1, '张工', 1, 1)`,
      )
      .run(id, number, title);
    return id;
  };
  return {
    store,
    clock,
    problems,
    assets,
    consultation,
    defect,
    list,
    snapshot,
    incident,
    changed,
    setActor: (next: Profile | null) => {
      actor = next;
    },
  };
}

const INCIDENT_A = '01900000-0000-7000-8000-00000000000a';
const INCIDENT_B = '01900000-0000-7000-8000-00000000000b';

describe('ProblemsService: consultations', () => {
  it('records a consultation answered at once, with who asked, when and a step row', async () => {
    const { consultation, problems, clock, changed } = await setup();
    const asked = clock.now() - HOUR;
    const created = consultation({ contact: '分机 8021', at: asked });
    expect(created).toMatchObject({
      type: 'consultation',
      status: 'answered',
      reporter: '王护士',
      contact: '分机 8021',
      title: '打印机怎么添加？',
      reportedAt: asked,
      answeredAt: asked,
      createdBy: TEST_ACTOR.name,
      convertedFromDefect: false,
    });
    const { steps } = problems.get(created.id);
    expect(steps).toEqual([expect.objectContaining({ step: 'answered', actor: TEST_ACTOR.name, at: asked, data: expect.objectContaining({ answer: '控制面板 → 设备和打印机 → 添加' }) })]);
    expect(changed.at(-1)).toEqual(expect.arrayContaining(['problem', 'problemStep']));
  });

  it('takes a consultation title from the first line of the question when none is given', async () => {
    const { consultation } = await setup();
    expect(consultation({ question: '\n  VPN 连不上\n第二行' }).title).toBe('VPN 连不上');
    expect(consultation({ title: '自定标题' }).title).toBe('自定标题');
  });

  it('refuses any step on a consultation', async () => {
    const { consultation, problems, snapshot } = await setup();
    const { id } = consultation();
    const before = snapshot();
    expect(() => problems.step(id, 'analysed', { kind: 'technical', notes: 'x' })).toThrow(
      expect.objectContaining({ code: 'problems.invalid-transition', details: { from: 'answered', to: 'analysed' } }),
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses a time in the future and a missing profile, saving nothing', async () => {
    const { consultation, clock, snapshot, setActor } = await setup();
    const before = snapshot();
    expect(() => consultation({ at: clock.now() + 60_000 })).toThrow(expect.objectContaining({ code: 'problems.time-in-future' }));
    setActor(null);
    expect(() => consultation()).toThrow(expect.objectContaining({ code: 'profile.required' }));
    expect(snapshot()).toEqual(before);
  });

  it('refuses assets that do not exist', async () => {
    const { consultation, assets, snapshot } = await setup();
    const { id: assetId } = assets.create(AssetFields.parse({ type: 'pc', name: '护士站 PC' }));
    const before = snapshot();
    const ghost = '01900000-0000-7000-8000-0000000000ff';
    expect(() => consultation({ assetIds: [assetId, ghost] })).toThrow(expect.objectContaining({ code: 'assets.not-found', details: { field: 'assetIds', missing: [ghost] } }));
    expect(snapshot()).toEqual(before);
    expect(consultation({ assetIds: [assetId, assetId] }).assetIds).toEqual([assetId]);
  });
});

describe('ProblemsService: the defect flow', () => {
  it('goes submitted → analysed → confirmed → resolved → fed-back, one step row each with who and when', async () => {
    const { defect, problems, clock, setActor } = await setup();
    const submittedAt = clock.now();
    const { id, status } = defect();
    expect(status).toBe('submitted');

    clock.advance(HOUR);
    setActor({ name: '刘工', role: 'engineer' });
    problems.step(id, 'analysed', { kind: 'technical', notes: '打印模板边距设置错误' });
    clock.advance(HOUR);
    problems.step(id, 'confirmed', {});
    clock.advance(HOUR);
    const resolvedAt = clock.now() - 10 * 60_000;
    problems.step(id, 'resolved', { resolution: '修改模板左边距为 5mm' }, resolvedAt);
    clock.advance(HOUR);
    const detail = problems.step(id, 'fed-back', { feedback: '已修复，请重新打印', feedbackTo: '李主任' });

    expect(detail.problem).toMatchObject({
      type: 'defect',
      status: 'fed-back',
      analysisKind: 'technical',
      analysisNotes: '打印模板边距设置错误',
      resolution: '修改模板左边距为 5mm',
      feedback: '已修复，请重新打印',
      feedbackTo: '李主任',
    });
    expect(detail.steps.map((s) => [s.step, s.actor, s.at])).toEqual([
      ['submitted', TEST_ACTOR.name, submittedAt],
      ['analysed', '刘工', submittedAt + HOUR],
      ['confirmed', '刘工', submittedAt + 2 * HOUR],
      ['resolved', '刘工', resolvedAt],
      ['fed-back', '刘工', submittedAt + 4 * HOUR],
    ]);
    expect(detail.steps[1]?.data).toEqual({ kind: 'technical', notes: '打印模板边距设置错误' });
  });

  it('turns an operation problem into a consultation at analysis, answered', async () => {
    const { defect, problems, list } = await setup();
    const { id } = defect({ title: '报表导不出', description: '点导出没有反应' });
    const detail = problems.step(id, 'analysed', { kind: 'operation', answer: '需先选择日期范围再点导出' });
    expect(detail.problem).toMatchObject({
      type: 'consultation',
      status: 'answered',
      analysisKind: 'operation',
      question: '点导出没有反应',
      answer: '需先选择日期范围再点导出',
      convertedFromDefect: true,
    });
    expect(detail.problem.answeredAt).not.toBeNull();
    expect(detail.steps.map((s) => s.step)).toEqual(['submitted', 'analysed', 'answered']);
    expect(list({ type: 'consultation' }).rows.map((p) => p.id)).toEqual([id]);
    expect(list({ type: 'defect' }).total).toBe(0);
    expect(() => problems.step(id, 'confirmed', {})).toThrow(expect.objectContaining({ code: 'problems.invalid-transition' }));
  });

  it.each([
    ['analysed', {}, 'kind'],
    ['analysed', { kind: 'technical' }, 'notes'],
    ['analysed', { kind: 'business', notes: '  ' }, 'notes'],
    ['analysed', { kind: 'operation', notes: '操作不当' }, 'answer'],
  ] as const)('refuses %s with %j: problems.missing-field %s, nothing saved', async (to, data, field) => {
    const { defect, problems, snapshot } = await setup();
    const { id } = defect();
    const before = snapshot();
    expect(() => problems.step(id, to, data)).toThrow(expect.objectContaining({ code: 'problems.missing-field', details: { field } }));
    expect(snapshot()).toEqual(before);
    expect(problems.get(id).problem.status).toBe('submitted');
  });

  it('needs a resolution to resolve and feedback with its addressee to feed back', async () => {
    const { defect, problems, snapshot } = await setup();
    const { id } = defect();
    problems.step(id, 'analysed', { kind: 'business', notes: '流程问题' });
    problems.step(id, 'confirmed', { notes: '已与科室确认' });
    let before = snapshot();
    expect(() => problems.step(id, 'resolved', {})).toThrow(expect.objectContaining({ code: 'problems.missing-field', details: { field: 'resolution' } }));
    expect(snapshot()).toEqual(before);
    problems.step(id, 'resolved', { resolution: '调整审批流程' });
    before = snapshot();
    expect(() => problems.step(id, 'fed-back', { feedbackTo: '李主任' })).toThrow(expect.objectContaining({ details: { field: 'feedback' } }));
    expect(() => problems.step(id, 'fed-back', { feedback: '已调整' })).toThrow(expect.objectContaining({ details: { field: 'feedbackTo' } }));
    expect(snapshot()).toEqual(before);
    expect(problems.get(id).problem.confirmationNotes).toBe('已与科室确认');
  });

  it.each([
    ['submitted', 'confirmed'],
    ['submitted', 'resolved'],
    ['submitted', 'fed-back'],
    ['analysed', 'analysed'],
    ['analysed', 'resolved'],
    ['confirmed', 'fed-back'],
    ['fed-back', 'analysed'],
  ] as const)('refuses the jump from %s to %s with problems.invalid-transition, nothing saved', async (from, to) => {
    const { defect, problems, snapshot } = await setup();
    const { id } = defect();
    const data = { kind: 'technical', notes: 'n', resolution: 'r', feedback: 'f', feedbackTo: 't' } as const;
    for (const step of ['analysed', 'confirmed', 'resolved', 'fed-back'] as const) {
      if (problems.get(id).problem.status === from) break;
      problems.step(id, step, data);
    }
    expect(problems.get(id).problem.status).toBe(from);
    const before = snapshot();
    expect(() => problems.step(id, to, data)).toThrow(expect.objectContaining({ code: 'problems.invalid-transition', details: { from, to } }));
    expect(snapshot()).toEqual(before);
  });

  it('refuses a step time in the future and an unknown record', async () => {
    const { defect, problems, clock, snapshot } = await setup();
    const { id } = defect();
    const before = snapshot();
    expect(() => problems.step(id, 'analysed', { kind: 'technical', notes: 'n' }, clock.now() + 1)).toThrow(expect.objectContaining({ code: 'problems.time-in-future' }));
    expect(() => problems.step('01900000-0000-7000-8000-000000000099', 'analysed', { kind: 'technical', notes: 'n' })).toThrow(
      expect.objectContaining({ code: 'problems.not-found' }),
    );
    expect(snapshot()).toEqual(before);
  });
});

describe('ProblemsService: editing the current state', () => {
  it('accepts the base fields and the data of the current step only', async () => {
    const { defect, problems, snapshot } = await setup();
    const { id } = defect();
    expect(problems.update(id, { title: '挂号单打印错位（门诊）', description: '所有窗口' }).problem).toMatchObject({ title: '挂号单打印错位（门诊）', description: '所有窗口' });
    let before = snapshot();
    expect(() => problems.update(id, { resolution: '先写好' })).toThrow(
      expect.objectContaining({ code: 'problems.read-only', details: { field: 'resolution', status: 'submitted' } }),
    );
    expect(snapshot()).toEqual(before);

    problems.step(id, 'analysed', { kind: 'technical', notes: '初判' });
    expect(problems.update(id, { analysisNotes: '模板问题' }).problem.analysisNotes).toBe('模板问题');
    problems.step(id, 'confirmed', {});
    problems.step(id, 'resolved', { resolution: '改模板' });
    expect(problems.update(id, { resolution: '改模板并重启打印服务' }).problem.resolution).toBe('改模板并重启打印服务');
    before = snapshot();
    expect(() => problems.update(id, { resolution: '' })).toThrow(expect.objectContaining({ code: 'problems.missing-field', details: { field: 'resolution' } }));
    expect(() => problems.update(id, { analysisNotes: '改不了' })).toThrow(expect.objectContaining({ code: 'problems.read-only' }));
    // One bad field refuses the whole patch.
    expect(() => problems.update(id, { title: '新标题', question: '不是咨询' })).toThrow(expect.objectContaining({ code: 'problems.read-only' }));
    expect(snapshot()).toEqual(before);
    expect(problems.get(id).problem.title).toBe('挂号单打印错位（门诊）');
  });

  it('edits a consultation’s question and answer but not a defect’s fields', async () => {
    const { consultation, problems } = await setup();
    const { id } = consultation();
    expect(problems.update(id, { answer: '在设置里添加打印机' }).problem.answer).toBe('在设置里添加打印机');
    expect(() => problems.update(id, { answer: '' })).toThrow(expect.objectContaining({ code: 'problems.missing-field' }));
    expect(() => problems.update(id, { resolution: 'x' })).toThrow(expect.objectContaining({ code: 'problems.read-only', details: { field: 'resolution', status: 'answered' } }));
  });
});

describe('ProblemsService: incidents', () => {
  it('links many incidents to one problem, lists them with number and title, and unlinks', async () => {
    const { defect, problems, incident, snapshot, clock } = await setup();
    incident(INCIDENT_A, 'INC-20261127-0001', '挂号单打印错位');
    incident(INCIDENT_B, 'INC-20261127-0002', '收费单打印错位');
    const { id } = defect();
    problems.linkIncident(id, INCIDENT_A);
    clock.advance(1000);
    const detail = problems.linkIncident(id, INCIDENT_B);
    expect(detail.incidents.map((i) => [i.incidentId, i.number, i.title])).toEqual([
      [INCIDENT_A, 'INC-20261127-0001', '挂号单打印错位'],
      [INCIDENT_B, 'INC-20261127-0002', '收费单打印错位'],
    ]);
    expect(problems.forIncident(INCIDENT_A)).toEqual([expect.objectContaining({ id, type: 'defect', status: 'submitted' })]);

    // Linking again changes nothing.
    const before = snapshot();
    problems.linkIncident(id, INCIDENT_A);
    expect(snapshot()).toEqual(before);

    expect(problems.unlinkIncident(id, INCIDENT_A).incidents.map((i) => i.incidentId)).toEqual([INCIDENT_B]);
    expect(problems.forIncident(INCIDENT_A)).toEqual([]);
    // Linking after an unlink brings back the same record (one row per pair, whatever the device).
    problems.linkIncident(id, INCIDENT_A);
    const rows = problems.repo.link(problemIncidentLinkId(id, INCIDENT_A));
    expect(rows).toMatchObject({ deleted_at: null });
    expect(problems.get(id).incidents).toHaveLength(2);
  });

  it('refuses an incident that does not exist, saving nothing', async () => {
    const { defect, problems, snapshot } = await setup();
    const { id } = defect();
    const before = snapshot();
    expect(() => problems.linkIncident(id, INCIDENT_A)).toThrow(expect.objectContaining({ code: 'incidents.not-found' }));
    expect(snapshot()).toEqual(before);
  });

  it('derives the same link id for the same pair on any laptop', () => {
    expect(problemIncidentLinkId(INCIDENT_A, INCIDENT_B)).toBe(problemIncidentLinkId(INCIDENT_A, INCIDENT_B));
    expect(problemIncidentLinkId(INCIDENT_A, INCIDENT_B)).not.toBe(problemIncidentLinkId(INCIDENT_B, INCIDENT_A));
  });
});

describe('ProblemsService: list and search', () => {
  it('finds Chinese words of two characters and longer, English words, and filters by type and status', async () => {
    const { consultation, defect, problems, list } = await setup();
    const backup = defect({ title: '数据库备份失败', description: 'Oracle RMAN backup job failed' });
    const vpn = consultation({ question: 'VPN 客户端如何安装？', answer: '从内网门户下载' });
    const printer = defect({ title: '打印机卡纸' });
    problems.step(printer.id, 'analysed', { kind: 'technical', notes: '搓纸轮磨损，需更换备件' });

    const ids = (filter: ProblemFilterInput) => list(filter).rows.map((p) => p.id).sort();
    expect(ids({ search: '数据库' })).toEqual([backup.id]);
    expect(ids({ search: '备份' })).toEqual([backup.id]);
    expect(ids({ search: '备件' })).toEqual([printer.id]);
    expect(ids({ search: '备' })).toEqual([backup.id, printer.id].sort());
    expect(ids({ search: 'rman' })).toEqual([backup.id]);
    expect(ids({ search: 'BACKUP job' })).toEqual([backup.id]);
    expect(ids({ search: 'vpn 安装' })).toEqual([vpn.id]);
    expect(ids({ search: '"quoted' })).toEqual([]);
    expect(ids({ type: 'defect' })).toEqual([backup.id, printer.id].sort());
    expect(ids({ statuses: ['analysed'] })).toEqual([printer.id]);
    expect(ids({ type: 'defect', search: '备份', statuses: ['analysed'] })).toEqual([]);
  });

  it('pages newest first with the total', async () => {
    const { defect, problems, clock } = await setup();
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(defect({ title: `问题 ${i}` }).id);
      clock.advance(1000);
    }
    const page = problems.list({ filter: ProblemFilter.parse({}), offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((p) => p.id)).toEqual([made[3], made[2]]);
  });
});
