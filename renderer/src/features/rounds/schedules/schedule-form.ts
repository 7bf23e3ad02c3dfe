import type { Frequency, Schedule, ScheduleFields } from '@shared/domain/rounds';

/** The schedule dialog's fields as typed: the target split into its two kinds. */
export interface ScheduleForm {
  templateId: string;
  targetKind: 'room' | 'assets';
  roomId: string | null;
  assetIds: string[];
  frequency: Frequency;
  startDate: string;
  assignee: string;
  active: boolean;
}

export type ScheduleProblem = 'templateRequired' | 'roomRequired' | 'assetsRequired' | 'dateInvalid';
export type ScheduleProblems = Partial<Record<'templateId' | 'target' | 'startDate', ScheduleProblem>>;

export function newScheduleForm(today: string, templateId = ''): ScheduleForm {
  return { templateId, targetKind: 'room', roomId: null, assetIds: [], frequency: 'daily', startDate: today, assignee: '', active: true };
}

export function scheduleFormOf(schedule: Schedule): ScheduleForm {
  return {
    templateId: schedule.templateId,
    targetKind: schedule.target.kind,
    roomId: schedule.target.kind === 'room' ? schedule.target.roomId : null,
    assetIds: schedule.target.kind === 'assets' ? [...schedule.target.assetIds] : [],
    frequency: schedule.frequency,
    startDate: schedule.startDate,
    assignee: schedule.assignee,
    active: schedule.active,
  };
}

/** A real calendar day as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The form as what `schedules.save` takes, or the problem of each field. */
export function scheduleFields(form: ScheduleForm): { ok: true; fields: ScheduleFields } | { ok: false; problems: ScheduleProblems } {
  const problems: ScheduleProblems = {};
  if (form.templateId === '') problems.templateId = 'templateRequired';
  if (form.targetKind === 'room' && !form.roomId) problems.target = 'roomRequired';
  if (form.targetKind === 'assets' && form.assetIds.length === 0) problems.target = 'assetsRequired';
  if (!isCalendarDate(form.startDate)) problems.startDate = 'dateInvalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      templateId: form.templateId,
      target: form.targetKind === 'room' ? { kind: 'room', roomId: form.roomId! } : { kind: 'assets', assetIds: form.assetIds },
      frequency: form.frequency,
      startDate: form.startDate,
      assignee: form.assignee.trim(),
      active: form.active,
    },
  };
}
