import type { ServiceReportDetail } from '@shared/api/reports.contract';
import { NARRATIVE_KEYS, type ContractItem, type FullNarrative, type Narrative, type ReportStatus, type ServiceReportEdit, type TypicalFault } from '@shared/domain/reports';

/** What the editor holds: every paragraph as shown (generated or typed), and the lists as edited. */
export interface ReportDraft {
  title: string;
  narrative: FullNarrative;
  typicalFaults: TypicalFault[];
  contractItems: ContractItem[];
  drills: number;
  status: ReportStatus;
}

export function draftOf(detail: ServiceReportDetail): ReportDraft {
  const { report, defaults } = detail;
  const narrative = {} as FullNarrative;
  for (const key of NARRATIVE_KEYS) narrative[key] = report.narrative[key] ?? defaults[key] ?? '';
  return {
    title: report.title,
    narrative,
    typicalFaults: report.typicalFaults,
    contractItems: report.contractItems,
    drills: report.drills,
    status: report.status,
  };
}

/**
 * The draft after the figures were computed again: a paragraph that still
 * reads as the old generated text takes the new one; one the supervisor
 * changed stays as typed.
 */
export function regenerated(draft: ReportDraft, oldDefaults: Record<string, string>, newDefaults: Record<string, string>): ReportDraft {
  const narrative = { ...draft.narrative };
  for (const key of NARRATIVE_KEYS) {
    if (narrative[key] === (oldDefaults[key] ?? '')) narrative[key] = newDefaults[key] ?? '';
  }
  return { ...draft, narrative };
}

/** What reports.save gets: a paragraph equal to the generated text is sent as null, so it keeps following the figures. */
export function editOf(draft: ReportDraft, defaults: Record<string, string>): ServiceReportEdit {
  const narrative: Narrative = {};
  for (const key of NARRATIVE_KEYS) {
    const text = draft.narrative[key].trim();
    narrative[key] = text === (defaults[key] ?? '').trim() ? null : draft.narrative[key];
  }
  return {
    title: draft.title.trim(),
    narrative,
    typicalFaults: draft.typicalFaults,
    contractItems: draft.contractItems.filter((item) => item.item.trim() !== ''),
    drills: draft.drills,
    status: draft.status,
  };
}

export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
