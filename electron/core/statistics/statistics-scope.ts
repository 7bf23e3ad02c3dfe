import type { StatisticsScope } from '@shared/domain/statistics';
import { AppError } from '@shared/errors';
import { localDate } from '@shared/rounds/schedule-periods';
import { dayOfIsoDate, zonedInstant } from '@shared/time/zoned-time';
import { AssetsRepo } from '../assets/assets.repo';
import type { Db } from '../store/database';
import { IncidentsRepo } from '../incidents/incidents.repo';

export interface MonthBucket {
  /** YYYY-MM in the scope's zone. */
  month: string;
  /** The part of [from, to) that falls in this month. */
  start: number;
  end: number;
}

/** A scope made concrete: the rooms under its location, the calendar days and months of its period. */
export interface ResolvedScope {
  scope: StatisticsScope;
  /** Live rooms under the location (a room: itself); null when the scope is everywhere. */
  roomIds: string[] | null;
  /**
   * The instant the figures describe: the end of the period, or now while the
   * period runs. A report regenerated next year says what it said at `to`.
   */
  horizon: number;
  /** First and last calendar day of the period in the scope's zone. */
  fromDate: string;
  lastDate: string;
  /** The calendar day of the horizon: what "today" is for overdue periods. */
  today: string;
  months: MonthBucket[];
}

export function resolveScope(db: Db, scope: StatisticsScope, now: number): ResolvedScope {
  let roomIds: string[] | null = null;
  if (scope.locationId !== null) {
    const kind = new IncidentsRepo(db).locationKind(scope.locationId);
    if (kind === null) throw new AppError('locations.not-found', `No client, site or machine room with id ${scope.locationId}`, { details: { field: 'locationId' } });
    roomIds = new AssetsRepo(db).roomsUnder(kind, scope.locationId);
  }
  const horizon = Math.min(now, scope.to);
  return {
    scope,
    roomIds,
    horizon,
    fromDate: localDate(scope.from, scope.timeZone),
    lastDate: localDate(scope.to - 1, scope.timeZone),
    today: localDate(horizon, scope.timeZone),
    months: monthBuckets(scope.from, scope.to, scope.timeZone),
  };
}

/** Every month the period touches, in order, each clipped to the period. */
export function monthBuckets(from: number, to: number, timeZone: string): MonthBucket[] {
  const buckets: MonthBucket[] = [];
  let [year, month] = localDate(from, timeZone).split('-').map(Number) as [number, number];
  let start = from;
  while (start < to) {
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    const nextStart = zonedInstant(dayOfIsoDate(`${nextYear}-${pad(nextMonth)}-01`), 0, timeZone);
    const end = Math.min(to, nextStart);
    buckets.push({ month: `${year}-${pad(month)}`, start, end });
    [year, month, start] = [nextYear, nextMonth, end];
  }
  return buckets;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
