import type { IncidentFilter } from '@shared/api/incidents.contract';
import type { IncidentCategory, IncidentStatus } from '@shared/domain/incidents';
import type { Priority, SlaState } from '@shared/domain/sla';

/** What the list's toolbar holds; `search` is already debounced. */
export interface IncidentListFilter {
  search: string;
  statuses: IncidentStatus[];
  priorities: Priority[];
  categories: IncidentCategory[];
  slaStates: SlaState[];
  openOnly: boolean;
  /** Incidents on one asset (opened from the asset's page). */
  asset: { id: string; name: string } | null;
}

export type IncidentSortField = 'reportedAt' | 'priority' | 'status' | 'nextDueAt' | 'updatedAt' | 'number';
export interface IncidentListSort {
  by: IncidentSortField;
  direction: 'asc' | 'desc';
}

export const EMPTY_FILTER: IncidentListFilter = { search: '', statuses: [], priorities: [], categories: [], slaStates: [], openOnly: false, asset: null };
/** Open incidents first: what an engineer arriving at a client asks about. */
export const DEFAULT_FILTER: IncidentListFilter = { ...EMPTY_FILTER, openOnly: true };
export const DEFAULT_SORT: IncidentListSort = { by: 'reportedAt', direction: 'desc' };

/** The breach list: any timer that ran out, still running (breached) or stopped late (missed). */
export const BREACH_STATES: readonly SlaState[] = ['breached', 'missed'];

export type IncidentListView = 'all' | 'breaches';

export function toApiFilter(filter: IncidentListFilter): IncidentFilter {
  return {
    search: filter.search.trim(),
    statuses: filter.statuses,
    priorities: filter.priorities,
    categories: filter.categories,
    slaStates: filter.slaStates,
    openOnly: filter.openOnly,
    ...(filter.asset ? { assetId: filter.asset.id } : {}),
  };
}

/** Which tab the filter amounts to: the breach list is exactly the two breach states. */
export function viewOf(filter: IncidentListFilter): IncidentListView {
  const states = new Set(filter.slaStates);
  return states.size === BREACH_STATES.length && BREACH_STATES.every((state) => states.has(state)) ? 'breaches' : 'all';
}

/** The filter for a tab: breaches include closed incidents (a missed target stays missed), so "open only" is dropped. */
export function filterForView(filter: IncidentListFilter, view: IncidentListView): IncidentListFilter {
  if (view === 'breaches') return { ...filter, slaStates: [...BREACH_STATES], openOnly: false };
  return { ...filter, slaStates: [] };
}

export function filterIsActive(filter: IncidentListFilter): boolean {
  return (
    filter.search.trim() !== '' ||
    filter.statuses.length > 0 ||
    filter.priorities.length > 0 ||
    filter.categories.length > 0 ||
    filter.slaStates.length > 0 ||
    filter.asset !== null
  );
}
