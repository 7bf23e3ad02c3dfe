import type { Frequency, RoundStatus } from '@shared/domain/rounds';
import type { RoundFigures } from '@shared/domain/statistics';
import { agendaState, periodsFor } from '@shared/rounds/schedule-periods';
import type { ResolvedScope } from './statistics-scope';
import type { StatisticsRepo } from './statistics.repo';

/**
 * Rounds scheduled, done, overdue and under way in a scope. The periods are
 * the schedules' own (shared/rounds/schedule-periods.ts, as on the rounds
 * home): each period counts in the report period it starts in, so that
 * consecutive months never count the same period twice. A period is overdue
 * when the home would call it overdue at the horizon: it ended and no round
 * of it was started.
 */
export function roundFigures(repo: StatisticsRepo, resolved: ResolvedScope): RoundFigures {
  const { fromDate, lastDate, today, horizon } = resolved;
  let scheduled = 0;
  let overdue = 0;
  for (const schedule of repo.schedules(resolved)) {
    const timing = { frequency: schedule.frequency as Frequency, startDate: schedule.start_date };
    const periods = periodsFor(timing, fromDate, lastDate).filter((period) => period.start >= fromDate);
    if (periods.length === 0) continue;
    scheduled += periods.length;
    const made = repo.periodRounds(schedule.id, fromDate, lastDate, horizon);
    for (const period of periods) {
      const rounds = made.filter((round) => round.period_start === period.start).map((round) => ({ status: (round.signed ? 'signed' : 'in-progress') as RoundStatus }));
      if (agendaState(period, today, rounds) === 'overdue') overdue += 1;
    }
  }
  const { done, in_progress } = repo.roundTally(resolved);
  return { scheduled, done, overdue, inProgress: in_progress, anomalies: repo.roundAnomalies(resolved) };
}
