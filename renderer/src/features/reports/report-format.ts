import { periodLabel, type ReportPeriod } from '@shared/domain/reports';
import { languageFromLocale } from '@shared/domain/profile';

/** The period as the UI language names it ("2026年11月" | "November 2026"). */
export function formatPeriod(period: ReportPeriod, uiLanguage: string): string {
  return periodLabel(period, languageFromLocale(uiLanguage));
}

/** Today's local date (YYYY-MM-DD) on this computer: what "the last full period" is counted from. */
export function todayIsoDate(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
