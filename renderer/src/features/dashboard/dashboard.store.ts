import { create } from 'zustand';
import { customPeriod, localTimeZone, presetPeriod, type Period, type PeriodPreset } from './dashboard-period';

/** The dashboard's filters, kept while the user looks at other pages. */
interface DashboardFiltersState {
  preset: PeriodPreset;
  /** The custom range, YYYY-MM-DD both inclusive. */
  customFrom: string;
  customTo: string;
  locationId: string | null;
  engineer: string | null;
  set(patch: Partial<Pick<DashboardFiltersState, 'preset' | 'customFrom' | 'customTo' | 'locationId' | 'engineer'>>): void;
}

export const useDashboardFilters = create<DashboardFiltersState>()((set) => ({
  preset: 'thisMonth',
  customFrom: '',
  customTo: '',
  locationId: null,
  engineer: null,
  set: (patch) => set(patch),
}));

/** The period the filters name, in the computer's zone; null while a custom range is incomplete. */
export function periodOf(filters: Pick<DashboardFiltersState, 'preset' | 'customFrom' | 'customTo'>, now: number, timeZone = localTimeZone()): Period | null {
  return filters.preset === 'custom' ? customPeriod(filters.customFrom, filters.customTo, timeZone) : presetPeriod(filters.preset, now, timeZone);
}
