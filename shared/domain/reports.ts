import { z } from 'zod';
import { EpochMs, Id } from './ids';
import { IncidentCategory, IncidentStatus } from './incidents';
import { Language } from './profile';
import { Priority } from './sla';
import type { ServiceStatistics } from './statistics';

/**
 * The periodic service report (服务报告, ITSS template, DOMAIN.md): a client,
 * a period and the supervisor's text. Figures are never stored: they are
 * computed from the data each time the report is opened or exported, so a
 * late-synced incident shows up on the next "Regenerate" without losing a word
 * of what the supervisor wrote.
 */

export const REPORT_PERIOD_KINDS = ['monthly', 'quarterly', 'half-year', 'annual'] as const;
export const ReportPeriodKind = z.enum(REPORT_PERIOD_KINDS);
export type ReportPeriodKind = z.infer<typeof ReportPeriodKind>;

/** How many periods of a kind a year has: month 1–12, quarter 1–4, half 1–2, the year itself 1. */
export const PERIODS_PER_YEAR: Readonly<Record<ReportPeriodKind, number>> = { monthly: 12, quarterly: 4, 'half-year': 2, annual: 1 };
const MONTHS_PER_PERIOD: Readonly<Record<ReportPeriodKind, number>> = { monthly: 1, quarterly: 3, 'half-year': 6, annual: 12 };

export const ReportPeriod = z.object({
  kind: ReportPeriodKind,
  year: z.number().int().min(2000).max(2100),
  /** 1-based: the month, quarter or half; 1 for a year. */
  index: z.number().int().min(1).max(12),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

export function isValidPeriod(period: ReportPeriod): boolean {
  return period.index >= 1 && period.index <= PERIODS_PER_YEAR[period.kind];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period as local calendar dates: first day, and the first day after it (half-open). */
export function periodDates(period: ReportPeriod): { start: string; end: string } {
  const months = MONTHS_PER_PERIOD[period.kind];
  const firstMonth = (period.index - 1) * months; // 0-based
  const endMonth = firstMonth + months;
  const endYear = period.year + Math.floor(endMonth / 12);
  return { start: `${period.year}-${pad(firstMonth + 1)}-01`, end: `${endYear}-${pad((endMonth % 12) + 1)}-01` };
}

/** The period of the same kind that contains the local date `isoDate` (YYYY-MM-DD). */
export function periodContainingDate(kind: ReportPeriodKind, isoDate: string): ReportPeriod {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { kind, year, index: Math.floor((month - 1) / MONTHS_PER_PERIOD[kind]) + 1 };
}

export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.index > 1) return { ...period, index: period.index - 1 };
  return { kind: period.kind, year: period.year - 1, index: PERIODS_PER_YEAR[period.kind] };
}

export function nextPeriod(period: ReportPeriod): ReportPeriod {
  if (period.index < PERIODS_PER_YEAR[period.kind]) return { ...period, index: period.index + 1 };
  return { kind: period.kind, year: period.year + 1, index: 1 };
}

/** The last period of this kind that has fully ended on `isoDate`: what a new report is usually about. */
export function lastFullPeriod(kind: ReportPeriodKind, isoDate: string): ReportPeriod {
  return previousPeriod(periodContainingDate(kind, isoDate));
}

/** Whether the period has started on `isoDate` (a report of a future period has nothing to report). */
export function periodHasStarted(period: ReportPeriod, isoDate: string): boolean {
  return periodDates(period).start <= isoDate;
}

/** "2026年11月", "2026年第四季度", "2026年上半年", "2026年度" | "November 2026", "Q4 2026", "H1 2026", "2026". */
export function periodLabel(period: ReportPeriod, language: Language): string {
  const { year, index } = period;
  if (language === 'zh-CN') {
    switch (period.kind) {
      case 'monthly':
        return `${year}年${index}月`;
      case 'quarterly':
        return `${year}年第${'一二三四'[index - 1] ?? index}季度`;
      case 'half-year':
        return `${year}年${index === 1 ? '上' : '下'}半年`;
      case 'annual':
        return `${year}年度`;
    }
  }
  switch (period.kind) {
    case 'monthly':
      return `${new Date(Date.UTC(year, index - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`;
    case 'quarterly':
      return `Q${index} ${year}`;
    case 'half-year':
      return `H${index} ${year}`;
    case 'annual':
      return `${year}`;
  }
}

/**
 * The editable text of a report, one entry per paragraph of the template.
 * A key left null follows the text generated from the figures (so it stays
 * right after "Regenerate"); once the supervisor edits it, it is kept as typed.
 */
export const NARRATIVE_KEYS = [
  'purpose',
  'scope',
  'statistics',
  'availability',
  'capacity',
  'condition',
  'plan',
  'contract',
  'recommendNetwork',
  'recommendHosts',
  'recommendStorage',
  'recommendDatabase',
  'recommendMachineRoom',
  'conclusion',
] as const;
export const NarrativeKey = z.enum(NARRATIVE_KEYS);
export type NarrativeKey = z.infer<typeof NarrativeKey>;

const Paragraph = z.string().trim().max(20_000);
export const Narrative = z.partialRecord(NarrativeKey, Paragraph.nullable());
export type Narrative = z.infer<typeof Narrative>;
/** Every paragraph filled: what the generator gives and what the PDF prints. */
export type FullNarrative = Record<NarrativeKey, string>;

/** One fault chosen for section 4, with its story as the supervisor wants it told. */
export const TypicalFault = z.object({
  incidentId: Id,
  /** What happened; starts as the incident's title and description. */
  happened: Paragraph,
  /** Starts as the cause recorded in the incident's resolution. */
  cause: Paragraph,
  /** Starts as the method recorded in the incident's resolution. */
  fix: Paragraph,
});
export type TypicalFault = z.infer<typeof TypicalFault>;

/** What a contract item's delivered figure is read from, when it maps to data. */
export const CONTRACT_MEASURES = ['rounds', 'incidents', 'consultations', 'problems', 'changes', 'drills'] as const;
export const ContractMeasure = z.enum(CONTRACT_MEASURES);
export type ContractMeasure = z.infer<typeof ContractMeasure>;

/** One line of the annual "service against the contract" table (维护服务与合同要求对照表). */
export const ContractItem = z.object({
  item: z.string().trim().min(1).max(200),
  commitment: z.string().trim().max(1000).default(''),
  /** The delivered figure comes from the data when set; `delivered` is then ignored. */
  measure: ContractMeasure.nullable().default(null),
  delivered: z.string().trim().max(1000).default(''),
  note: z.string().trim().max(1000).default(''),
});
export type ContractItem = z.infer<typeof ContractItem>;
export type ContractItemInput = z.input<typeof ContractItem>;

/** The delivered figure of a contract item that maps to data. */
export function measureValue(measure: NonNullable<ContractItem['measure']>, s: ServiceStatistics, drills: number): number {
  switch (measure) {
    case 'rounds':
      return s.rounds.done;
    case 'incidents':
      return s.incidents.total;
    case 'consultations':
      return s.consultations;
    case 'problems':
      return s.problems;
    case 'changes':
      return s.changes;
    case 'drills':
      return drills;
  }
}

export const REPORT_STATUSES = ['draft', 'final'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const ServiceReport = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  period: ReportPeriod,
  language: Language,
  title: z.string(),
  narrative: Narrative,
  typicalFaults: z.array(TypicalFault),
  contractItems: z.array(ContractItem),
  /** Drills held in the period: entered by the supervisor (no drill records exist). */
  drills: z.number().int().nonnegative(),
  status: ReportStatus,
  createdBy: z.string(),
  createdAt: EpochMs,
  updatedBy: z.string(),
  updatedAt: EpochMs,
});
export type ServiceReport = z.infer<typeof ServiceReport>;

/** A row of the report list. */
export const ServiceReportSummary = ServiceReport.pick({
  id: true,
  clientId: true,
  clientName: true,
  period: true,
  language: true,
  title: true,
  status: true,
  updatedBy: true,
  updatedAt: true,
});
export type ServiceReportSummary = z.infer<typeof ServiceReportSummary>;

/** An incident of the period the supervisor may pick as a typical fault, with what its resolution says. */
export const FaultCandidate = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  description: z.string(),
  category: IncidentCategory,
  priority: Priority,
  status: IncidentStatus,
  systemDown: z.boolean(),
  reportedAt: EpochMs,
  cause: z.string(),
  method: z.string(),
});
export type FaultCandidate = z.infer<typeof FaultCandidate>;

/** What the supervisor may change with reports.save (the client and period are fixed at creation). */
export const ServiceReportEdit = z.object({
  title: z.string().trim().min(1).max(200),
  language: Language,
  narrative: Narrative,
  typicalFaults: z.array(TypicalFault).max(50),
  contractItems: z.array(ContractItem).max(100),
  drills: z.number().int().min(0).max(1000),
  status: ReportStatus,
}).partial();
export type ServiceReportEdit = z.infer<typeof ServiceReportEdit>;
