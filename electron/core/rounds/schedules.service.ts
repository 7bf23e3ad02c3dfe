import type { Profile } from '@shared/domain/profile';
import type { DueRound, RoundTarget, Schedule, ScheduleFields } from '@shared/domain/rounds';
import { AppError } from '@shared/errors';
import { addDays, localDate, scheduleAgenda } from '@shared/rounds/schedule-periods';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { ROUNDS_MESSAGES } from './rounds.messages';
import { toSchedule } from './round-records';
import type { RoundsRepo } from './rounds.repo';
import type { TemplatesService } from './templates.service';

export interface Agenda {
  rounds: DueRound[];
  counts: { overdue: number; today: number; upcoming: number; inProgress: number };
}

/** Far enough back to find the round of any period the agenda shows (a quarter and its predecessor). */
const LOOKBACK_DAYS = 190;

/** Round schedules (例行巡检) and the home screen's list of due rounds. */
export class SchedulesService {
  constructor(
    private readonly store: LocalStore,
    private readonly repo: RoundsRepo,
    private readonly templates: TemplatesService,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly actor: () => Profile | null,
  ) {}

  list(): Schedule[] {
    return this.repo.schedules().map(toSchedule);
  }

  save(id: string | undefined, fields: ScheduleFields): Schedule {
    if (!this.actor()) throw new AppError('profile.required', 'Set your name and role before changing records');
    const scheduleId = id ?? newId();
    this.store.writePath.write(() => {
      this.templates.liveRow(fields.templateId);
      this.assertTarget(fields.target);
      const values = {
        templateId: fields.templateId,
        target: fields.target,
        frequency: fields.frequency,
        startDate: fields.startDate,
        assignee: fields.assignee,
        active: fields.active ? 1 : 0,
      };
      if (id === undefined) return [{ entity: 'roundSchedule', op: 'insert', id: scheduleId, fields: values }];
      this.liveRow(id);
      return [{ entity: 'roundSchedule', op: 'update', id, fields: values }];
    });
    this.changed();
    return toSchedule(this.liveRow(scheduleId));
  }

  delete(id: string): { id: string } {
    if (!this.actor()) throw new AppError('profile.required', 'Set your name and role before changing records');
    this.store.writePath.write([{ entity: 'roundSchedule', op: 'delete', id }], () => void this.liveRow(id));
    this.changed();
    return { id };
  }

  /**
   * What is due, per active schedule (shared/rounds/schedule-periods.ts,
   * scheduleAgenda): a missed previous period, the current one and those
   * starting within `days`; overdue first, then by day. `today` is the
   * calendar day on this laptop unless given.
   */
  agenda(days: number, today: string = localDate(this.now())): Agenda {
    const rounds: DueRound[] = [];
    for (const schedule of this.repo.schedules()) {
      if (schedule.active !== 1) continue;
      const template = this.repo.template(schedule.template_id);
      if (!template || template.archived === 1) continue;
      const target = JSON.parse(schedule.target) as RoundTarget;
      const made = this.repo.roundsOfSchedule(schedule.id, addDays(today, -LOOKBACK_DAYS), addDays(today, days)).map((r) => ({ id: r.id, periodStart: r.period_start, status: r.status }));
      for (const line of scheduleAgenda({ frequency: schedule.frequency as Schedule['frequency'], startDate: schedule.start_date }, today, days, made)) {
        rounds.push({
          scheduleId: schedule.id,
          templateName: template.name,
          targetLabel: this.targetLabel(target, template.language === 'en' ? 'en' : 'zh-CN'),
          periodStart: line.period.start,
          periodEnd: line.period.end,
          state: line.state,
          roundId: line.roundId,
        });
      }
    }
    const rank = { overdue: 0, 'in-progress': 1, today: 2, upcoming: 3, done: 4 } as const;
    rounds.sort((a, b) => rank[a.state] - rank[b.state] || a.periodStart.localeCompare(b.periodStart) || a.templateName.localeCompare(b.templateName));
    const count = (state: DueRound['state']) => rounds.filter((round) => round.state === state).length;
    return { rounds, counts: { overdue: count('overdue'), today: count('today'), upcoming: count('upcoming'), inProgress: count('in-progress') } };
  }

  liveRow(id: string) {
    const row = this.repo.schedule(id);
    if (!row) throw new AppError('schedules.not-found', `No round schedule ${id}`, { details: { id } });
    return row;
  }

  /** A room's name, or the assets ("核心交换机 等 3 台"). */
  targetLabel(target: RoundTarget, language: 'zh-CN' | 'en'): string {
    if (target.kind === 'room') return this.repo.roomName(target.roomId) ?? target.roomId;
    const names = this.repo.assetsByIds(target.assetIds).map((asset) => asset.name);
    return ROUNDS_MESSAGES[language].assetGroup(names, target.assetIds.length);
  }

  assertTarget(target: RoundTarget): void {
    if (target.kind === 'room') {
      if (this.repo.roomName(target.roomId) === undefined) throw new AppError('locations.not-found', `No machine room ${target.roomId}`, { details: { field: 'target', id: target.roomId } });
      return;
    }
    const ids = [...new Set(target.assetIds)];
    const live = new Set(this.repo.assetsByIds(ids).map((asset) => asset.id));
    const missing = ids.filter((id) => !live.has(id));
    if (missing.length > 0) throw new AppError('assets.not-found', `${missing.length} of the assets do not exist (or were deleted)`, { details: { field: 'target', missing: missing.slice(0, 50) } });
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: ['roundSchedule'] });
  }
}
