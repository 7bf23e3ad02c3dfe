import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate, DueRound, Round, Schedule } from '@shared/domain/rounds';
import { decideScan, suggestTemplate } from './scan-target';

const id = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ROOM = id(1);
const OTHER_ROOM = id(2);
const ASSET = id(3);

function template(n: number, scope: ChecklistTemplate['scope'], language: 'zh-CN' | 'en', archived = false): ChecklistTemplate {
  return { id: id(100 + n), versionId: id(200 + n), builtinKey: null, version: 1, archived, createdAt: 0, updatedAt: 0, name: `T${n}`, description: '', language, scope, sections: [] };
}

function round(n: number, roomId: string | null, assetIds: string[], startedAt: number): Round {
  return {
    id: id(300 + n),
    templateId: id(101),
    templateVersionId: id(201),
    templateName: 'T1',
    templateVersion: 1,
    scheduleId: null,
    periodStart: null,
    target: roomId ? { kind: 'room', roomId } : { kind: 'assets', assetIds },
    assetIds,
    assets: [],
    roomId,
    status: 'in-progress',
    startedBy: 'Li',
    startedAt,
    signedBy: null,
    signedAt: null,
    signatureAttachmentId: null,
    summary: '',
    counts: { total: 1, done: 0, ok: 0, warning: 0, failed: 0 },
    createdAt: 0,
    updatedAt: 0,
  };
}

function dueFor(n: number, roomId: string, state: DueRound['state'], periodStart: string): { due: DueRound; schedule: Schedule } {
  const schedule: Schedule = { id: id(400 + n), templateId: id(101), target: { kind: 'room', roomId }, frequency: 'daily', startDate: '2026-01-01', assignee: '', active: true, createdAt: 0, updatedAt: 0 };
  return { schedule, due: { scheduleId: schedule.id, templateName: 'T1', targetLabel: 'Room', periodStart, periodEnd: periodStart, state, roundId: null } };
}

const templates = [
  template(1, { kind: 'room' }, 'en'),
  template(2, { kind: 'room' }, 'zh-CN'),
  template(3, { kind: 'asset-type', assetTypes: ['switch', 'router'] }, 'en'),
  template(4, { kind: 'room' }, 'zh-CN', true),
];

describe('suggestTemplate', () => {
  it('prefers the UI language, never an archived template, and matches asset types', () => {
    expect(suggestTemplate(templates, { kind: 'room' }, 'zh-CN')?.name).toBe('T2');
    expect(suggestTemplate(templates, { kind: 'room' }, 'en')?.name).toBe('T1');
    expect(suggestTemplate(templates, { kind: 'assets', types: ['router'] }, 'zh-CN')?.name).toBe('T3');
    expect(suggestTemplate(templates, { kind: 'assets', types: ['ups'] }, 'en')).toBeNull();
  });
});

describe('decideScan', () => {
  const asset = { id: ASSET, type: 'switch' as const, roomId: ROOM };

  it('opens the newest round under way in the asset’s room', () => {
    const rounds = [round(1, ROOM, [], 10), round(2, ROOM, [], 20), round(3, OTHER_ROOM, [], 30)];
    expect(decideScan(asset, rounds, [], templates, 'en')).toEqual({ kind: 'open', roundId: id(302) });
  });

  it('opens a round that covers the asset itself', () => {
    expect(decideScan({ ...asset, roomId: null }, [round(1, null, [ASSET], 10)], [], templates, 'en')).toEqual({ kind: 'open', roundId: id(301) });
  });

  it('starts the room’s oldest overdue or today round of a schedule, not an upcoming one', () => {
    const due = [dueFor(1, ROOM, 'upcoming', '2026-03-05'), dueFor(2, ROOM, 'today', '2026-03-02'), dueFor(3, ROOM, 'overdue', '2026-03-01'), dueFor(4, OTHER_ROOM, 'overdue', '2026-02-01')];
    const decision = decideScan(asset, [], due, templates, 'en');
    expect(decision.kind === 'start' && [decision.schedule.id, decision.periodStart]).toEqual([id(403), '2026-03-01']);
  });

  it('otherwise proposes a new round in the room with a room template', () => {
    expect(decideScan(asset, [], [dueFor(1, ROOM, 'upcoming', '2026-03-05')], templates, 'zh-CN')).toEqual({ kind: 'pick', target: { kind: 'room', roomId: ROOM }, templateId: id(102) });
  });

  it('proposes a round for an unplaced asset itself, with a template for its type', () => {
    expect(decideScan({ ...asset, roomId: null }, [], [], templates, 'zh-CN')).toEqual({ kind: 'pick', target: { kind: 'assets', assetIds: [ASSET] }, templateId: id(103) });
  });
});
