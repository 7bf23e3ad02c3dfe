import type { RecordKind } from '@shared/domain/records';
import type { StatisticsScope } from '@shared/domain/statistics';

/**
 * The consolidated view of the records behind a figure: the same scope as
 * the dashboard (from/to in epoch ms), plus what narrows the figure (a
 * category, a priority, SLA states…) as comma-separated lists.
 */
export function recordsLink(kind: RecordKind, scope: Pick<StatisticsScope, 'from' | 'to' | 'locationId' | 'engineer' | 'timeZone'>, narrow: Record<string, string | readonly string[]> = {}): string {
  const params = new URLSearchParams({ kind, from: String(scope.from), to: String(scope.to), timeZone: scope.timeZone });
  if (scope.locationId) params.set('locationId', scope.locationId);
  if (scope.engineer) params.set('engineer', scope.engineer);
  for (const [key, value] of Object.entries(narrow)) params.set(key, typeof value === 'string' ? value : value.join(','));
  return `/records?${params.toString()}`;
}
