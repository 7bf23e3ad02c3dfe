import { FaultReportFields } from '@shared/domain/incidents';

export type FaultReportField = keyof FaultReportFields;
export type FaultReportProblem = 'required' | 'tooLong';

/** The fault report form checked with the shared schema; the parsed fields when nothing is wrong. */
export function checkFaultReport(values: FaultReportFields): { fields: FaultReportFields | null; problems: Partial<Record<FaultReportField, FaultReportProblem>> } {
  const parsed = FaultReportFields.safeParse(values);
  if (parsed.success) return { fields: parsed.data, problems: {} };
  const problems: Partial<Record<FaultReportField, FaultReportProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'faultType' || field === 'cause' || field === 'method' || field === 'losses') problems[field] ??= issue.code === 'too_big' ? 'tooLong' : 'required';
  }
  return { fields: null, problems };
}
