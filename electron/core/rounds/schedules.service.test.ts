import { describe, expect, it } from 'vitest';
import { newId } from '../store/ids';
import { roundsSetup } from './testing/rounds-setup';

const code = (expected: string) => expect.objectContaining({ code: expected });

describe('SchedulesService', () => {
  it('saves, changes and deletes schedules; refuses unknown templates and places', async () => {
    const { schedules, template, room, footprint } = await roundsSetup();
    const weekly = schedules.save(undefined, { templateId: template.id, target: { kind: 'room', roomId: room.id }, frequency: 'weekly', startDate: '2026-11-23', assignee: '张工', active: true });
    expect(weekly).toMatchObject({ frequency: 'weekly', startDate: '2026-11-23', active: true, target: { kind: 'room', roomId: room.id } });
    expect(schedules.save(weekly.id, { ...weekly, frequency: 'daily', active: false })).toMatchObject({ id: weekly.id, frequency: 'daily', active: false });
    const before = footprint();
    expect(() => schedules.save(undefined, { templateId: newId(), target: { kind: 'room', roomId: room.id }, frequency: 'daily', startDate: '2026-11-23', assignee: '', active: true })).toThrow(code('templates.not-found'));
    expect(() => schedules.save(undefined, { templateId: template.id, target: { kind: 'room', roomId: newId() }, frequency: 'daily', startDate: '2026-11-23', assignee: '', active: true })).toThrow(code('locations.not-found'));
    expect(() => schedules.save(newId(), { templateId: template.id, target: { kind: 'room', roomId: room.id }, frequency: 'daily', startDate: '2026-11-23', assignee: '', active: true })).toThrow(code('schedules.not-found'));
    expect(footprint()).toEqual(before);
    expect(schedules.delete(weekly.id)).toEqual({ id: weekly.id });
    expect(schedules.list()).toEqual([]);
    expect(() => schedules.delete(weekly.id)).toThrow(code('schedules.not-found'));
  });

  it('lists what is due: overdue, today, in progress, done and upcoming, with counts', async () => {
    const { schedules, rounds, template, room, ups, fillAll, photo, save } = await roundsSetup();
    const daily = schedules.save(undefined, { templateId: template.id, target: { kind: 'room', roomId: room.id }, frequency: 'daily', startDate: '2026-11-20', assignee: '', active: true });
    const monthly = schedules.save(undefined, { templateId: template.id, target: { kind: 'assets', assetIds: [ups] }, frequency: 'monthly', startDate: '2026-10-05', assignee: '', active: true });
    schedules.save(undefined, { templateId: template.id, target: { kind: 'room', roomId: room.id }, frequency: 'weekly', startDate: '2026-11-20', assignee: '', active: false });

    const agenda = schedules.agenda(2, '2026-11-27');
    expect(agenda.rounds.map((r) => [r.scheduleId === daily.id ? 'daily' : 'monthly', r.periodStart, r.state])).toEqual([
      ['monthly', '2026-10-05', 'overdue'],
      ['daily', '2026-11-26', 'overdue'],
      ['monthly', '2026-11-05', 'today'],
      ['daily', '2026-11-27', 'today'],
      ['daily', '2026-11-28', 'upcoming'],
      ['daily', '2026-11-29', 'upcoming'],
    ]);
    expect(agenda.counts).toEqual({ overdue: 2, today: 2, upcoming: 2, inProgress: 0 });
    expect(agenda.rounds[1]).toMatchObject({ templateName: '机房日常巡检', targetLabel: '3F 核心机房', periodEnd: '2026-11-26', roundId: null });
    expect(agenda.rounds.find((r) => r.scheduleId === monthly.id && r.state === 'today')).toMatchObject({ targetLabel: 'UPS-01 山特 20kVA', periodEnd: '2026-12-04' });

    // Yesterday's round done late, today's started: yesterday drops off, today is in progress.
    const late = rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id }, scheduleId: daily.id, periodStart: '2026-11-26' }).round;
    fillAll(late.id);
    rounds.sign({ id: late.id, signerName: '张工', signatureAttachmentId: await photo(late.id), summary: '' });
    const today = rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id }, scheduleId: daily.id, periodStart: '2026-11-27' }).round;
    save(today.id, 'environment', 'water', { type: 'pass-fail', passed: true });
    // Starting the same period again resumes the open round.
    expect(rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id }, scheduleId: daily.id, periodStart: '2026-11-27' }).round.id).toBe(today.id);
    const after = schedules.agenda(2, '2026-11-27');
    expect(after.rounds.filter((r) => r.scheduleId === daily.id).map((r) => [r.periodStart, r.state, r.roundId])).toEqual([
      ['2026-11-27', 'in-progress', today.id],
      ['2026-11-28', 'upcoming', null],
      ['2026-11-29', 'upcoming', null],
    ]);
    expect(after.counts).toEqual({ overdue: 1, today: 1, upcoming: 2, inProgress: 1 });
  });

  it('takes the period containing today when a round starts from a schedule without one', async () => {
    const { schedules, rounds, template, room } = await roundsSetup();
    // The clock is 2026-11-27 01:00 UTC.
    const weekly = schedules.save(undefined, { templateId: template.id, target: { kind: 'room', roomId: room.id }, frequency: 'weekly', startDate: '2026-11-02', assignee: '', active: true });
    const { round } = rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id }, scheduleId: weekly.id });
    expect(round).toMatchObject({ scheduleId: weekly.id, periodStart: expect.stringMatching(/^2026-11-23$/) });
    expect(() => rounds.start({ templateId: template.id, target: { kind: 'room', roomId: room.id }, scheduleId: newId() })).toThrow(code('schedules.not-found'));
  });
});
