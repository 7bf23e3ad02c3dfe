import { PRIORITIES, SLA_STATES, type Priority, type SlaState } from '@shared/domain/sla';
import { RECORD_COLUMNS, RECORD_FILTERS, RECORD_KINDS, vocabularyCodes, type RecordKind, type RecordsFilterInput, type RecordsSort } from '@shared/domain/records';
import { customPeriod, lastDayOf, localTimeZone, presetPeriod, type Period, type PeriodPreset } from '../dashboard/dashboard-period';

/**
 * What the records page shows, as kept in the address: the dashboard links
 * here with `/records?kind=…&from=…&to=…&locationId=…&engineer=…` (epoch ms,
 * lists comma-separated), and a copied address opens the same view.
 */
export interface RecordsView {
  kind: RecordKind;
  preset: PeriodPreset;
  period: Period;
  timeZone: string;
  locationId: string | null;
  engineer: string | null;
  categories: string[];
  priorities: Priority[];
  slaStates: SlaState[];
  statuses: string[];
  search: string;
  sort: RecordsSort;
}

function list(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function only<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return values.filter((value): value is T => (allowed as readonly string[]).includes(value));
}

function epoch(text: string | null): number | null {
  if (text === null || !/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

/** Reads the view from the address; anything missing or unknown falls back (this month, incidents, no filter). */
export function viewFromQuery(params: URLSearchParams, now: number = Date.now()): RecordsView {
  const kind = only([params.get('kind') ?? ''], RECORD_KINDS)[0] ?? 'incidents';
  const timeZone = params.get('timeZone') || localTimeZone();
  const rules = RECORD_FILTERS[kind];
  const from = epoch(params.get('from'));
  const to = epoch(params.get('to'));
  const presetName = params.get('preset') as PeriodPreset | null;
  let preset: PeriodPreset = 'thisMonth';
  let period: Period = presetPeriod('thisMonth', now, timeZone);
  if (from !== null && to !== null && from < to) {
    preset = presetName && presetName !== 'custom' && samePeriod(presetPeriod(presetName, now, timeZone), { from, to }) ? presetName : 'custom';
    period = { from, to };
  } else if (presetName && presetName !== 'custom' && ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'].includes(presetName)) {
    preset = presetName;
    period = presetPeriod(presetName, now, timeZone);
  }
  const sortBy = params.get('sort') ?? '';
  const sortable = RECORD_COLUMNS[kind].some((column) => column.key === sortBy && column.sortable);
  return {
    kind,
    preset,
    period,
    timeZone,
    locationId: params.get('locationId') || null,
    engineer: rules.engineer ? params.get('engineer') || null : null,
    categories: rules.category ? only(list(params, 'categories'), vocabularyCodes(rules.category)) : [],
    priorities: rules.priority ? only(list(params, 'priorities'), PRIORITIES) : [],
    slaStates: rules.slaState ? only(list(params, 'slaStates'), SLA_STATES) : [],
    statuses: only(list(params, 'statuses'), vocabularyCodes(rules.status)),
    search: rules.search ? (params.get('search') ?? '').slice(0, 200) : '',
    sort: { by: sortable ? sortBy : '', direction: params.get('direction') === 'asc' ? 'asc' : 'desc' },
  };
}

function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The address of a view: only what differs from "nothing chosen" is written. */
export function queryFromView(view: RecordsView): URLSearchParams {
  const params = new URLSearchParams({ kind: view.kind, from: String(view.period.from), to: String(view.period.to), timeZone: view.timeZone });
  if (view.preset !== 'custom') params.set('preset', view.preset);
  if (view.locationId) params.set('locationId', view.locationId);
  if (view.engineer) params.set('engineer', view.engineer);
  for (const key of ['categories', 'priorities', 'slaStates', 'statuses'] as const) if (view[key].length > 0) params.set(key, view[key].join(','));
  if (view.search) params.set('search', view.search);
  if (view.sort.by) params.set('sort', view.sort.by);
  if (view.sort.direction === 'asc') params.set('direction', 'asc');
  return params;
}

/** The API filter of a view. */
export function filterOf(view: RecordsView): RecordsFilterInput {
  return {
    kind: view.kind,
    from: view.period.from,
    to: view.period.to,
    timeZone: view.timeZone,
    locationId: view.locationId,
    engineer: view.engineer,
    categories: view.categories,
    priorities: view.priorities,
    slaStates: view.slaStates,
    statuses: view.statuses,
    search: view.search,
  };
}

/** A view on another tab: the common scope stays, the kind's own filters are cleared. */
export function withKind(view: RecordsView, kind: RecordKind): RecordsView {
  return { ...view, kind, engineer: RECORD_FILTERS[kind].engineer ? view.engineer : null, categories: [], priorities: [], slaStates: [], statuses: [], search: '', sort: { by: '', direction: 'desc' } };
}

/** A preset applied now, or the custom dates. */
export function withPeriod(view: RecordsView, preset: PeriodPreset, custom: { from: string; to: string } | null, now: number = Date.now()): RecordsView {
  if (preset !== 'custom') return { ...view, preset, period: presetPeriod(preset, now, view.timeZone) };
  const period = custom ? customPeriod(custom.from, custom.to, view.timeZone) : null;
  return { ...view, preset, period: period ?? view.period };
}

export { lastDayOf };
