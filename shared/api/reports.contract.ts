import { z } from 'zod';
import { Id } from '../domain/ids';
import { Language } from '../domain/profile';
import {
  FaultCandidate,
  ReportPeriodKind,
  ServiceReport,
  ServiceReportEdit,
  ServiceReportSummary,
} from '../domain/reports';
import { ServiceStatistics } from '../domain/statistics';
import { method } from './define';

/** One report opened: what was written, the figures as they are now, and what the generated text would say. */
export const ServiceReportDetail = z.object({
  report: ServiceReport,
  /** The period as instants in the client's time zone: [from, to). */
  range: z.object({ from: z.number().int(), to: z.number().int(), timeZone: z.string() }),
  statistics: ServiceStatistics,
  /** Every paragraph as generated from the figures: shown where the supervisor has not written their own. */
  defaults: z.record(z.string(), z.string()),
  /** Delivered figures of the contract items that map to data, by item position (null = typed by hand). */
  contractDelivered: z.array(z.string().nullable()),
  /** The client's incidents reported in the period, for the typical-fault picker. */
  candidates: z.array(FaultCandidate),
  /** Devices covered, by domain, for the overview. */
  devicesByDomain: z.record(z.string(), z.number().int()),
});
export type ServiceReportDetail = z.infer<typeof ServiceReportDetail>;

const ExportStarted = z.object({ taskId: z.string() });

/**
 * The periodic service report (服务报告). Supervisors and admins only. Reports
 * are kept on this console (not synced); figures are computed on every read.
 */
export const reportsContract = {
  'reports.list': method({
    summary: 'Service reports on this console, newest period first.',
    input: z.object({ clientId: Id.nullable().default(null) }).default({ clientId: null }),
    output: z.array(ServiceReportSummary),
  }),
  'reports.create': method({
    summary: 'Start a service report for a client and period (text generated from the figures).',
    input: z.object({
      clientId: Id,
      periodKind: ReportPeriodKind,
      year: z.number().int().min(2000).max(2100),
      index: z.number().int().min(1).max(12),
      language: Language,
    }),
    output: ServiceReport,
  }),
  'reports.get': method({
    summary: 'A report with its figures computed now, the generated text and the candidate typical faults.',
    input: z.object({ id: Id }),
    output: ServiceReportDetail,
  }),
  'reports.save': method({
    summary: 'Save edited text, typical faults and contract items; refused if the report changed since `updatedAt`.',
    input: z.object({ id: Id, updatedAt: z.number().int(), edit: ServiceReportEdit }),
    output: ServiceReport,
  }),
  'reports.remove': method({
    summary: 'Delete a service report.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  'reports.exportPdf': method({
    summary: 'Render the report as PDF in the background (progress as task.progress; fetch through exports).',
    input: z.object({ id: Id }),
    output: ExportStarted,
  }),
  'reports.exportXlsx': method({
    summary: 'Write the XLSX appendix (the period’s records, a sheet per kind) in the background.',
    input: z.object({ id: Id }),
    output: ExportStarted,
  }),
};
