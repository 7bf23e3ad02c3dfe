import { z } from 'zod';
import { EpochMs, Id } from '../domain/ids';
import {
  EvidenceKind,
  EvidenceLink,
  FaultReportDraft,
  FaultReportFields,
  Incident,
  IncidentCategory,
  IncidentFields,
  IncidentPatch,
  IncidentStatus,
  PendingReason,
  Resolution,
  TimelineEntry,
  WorkLogEntry,
} from '../domain/incidents';
import { Language } from '../domain/profile';
import { Priority, SlaState } from '../domain/sla';
import { ExportedFile } from './asset-transfer.contract';
import { method } from './define';

export const IncidentFilter = z.object({
  /** Words matched against number, title, description, reporter and assignee (Chinese substrings too). */
  search: z.string().trim().max(200).default(''),
  statuses: z.array(IncidentStatus).max(6).default([]),
  priorities: z.array(Priority).max(4).default([]),
  categories: z.array(IncidentCategory).max(6).default([]),
  /** Worst SLA state, e.g. ['breached', 'missed'] for the breach list (breached and missed also match when any timer is so). */
  slaStates: z.array(SlaState).max(6).default([]),
  assetId: Id.optional(),
  /** Client, site or room: incidents at or below it. */
  locationId: Id.optional(),
  /** Only incidents not yet resolved or closed. */
  openOnly: z.boolean().default(false),
});
export type IncidentFilter = z.infer<typeof IncidentFilter>;

export const IncidentSort = z.object({
  by: z.enum(['reportedAt', 'priority', 'status', 'nextDueAt', 'updatedAt', 'number']).default('reportedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});

export const IncidentPlace = z.object({
  clientId: Id,
  clientName: z.string(),
  siteId: Id.nullable(),
  siteName: z.string().nullable(),
  roomId: Id.nullable(),
  roomName: z.string().nullable(),
});
export type IncidentPlace = z.infer<typeof IncidentPlace>;

export const IncidentDetail = z.object({
  incident: Incident,
  workLog: z.array(WorkLogEntry),
  evidence: z.array(EvidenceLink),
  timeline: z.array(TimelineEntry),
  /** The saved fault report, if one was produced. */
  faultReport: FaultReportFields.nullable(),
  /** Where it is: from locationId, else the first asset's room (null when neither is known). */
  place: IncidentPlace.nullable(),
  /** The linked assets that still exist, in the order of assetIds. */
  assets: z.array(z.object({ id: Id, name: z.string(), type: z.string() })),
  /** Sum of the work log's minutes. */
  totalMinutesSpent: z.number().int().nonnegative(),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

/** Optional time recorded on the laptop for an action done earlier (offline); defaults to now, never in the future. */
const At = EpochMs.optional();

export const incidentsContract = {
  /** One window of the filtered, sorted list, with the total, for a virtualised table. */
  'incidents.list': method({
    summary: 'A page of incidents matching a filter, sorted, each with its SLA timers.',
    input: z.object({
      filter: IncidentFilter.default(IncidentFilter.parse({})),
      sort: IncidentSort.default(IncidentSort.parse({})),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(Incident) }),
  }),
  'incidents.get': method({
    summary: 'One incident with its work log, evidence, timeline and fault report.',
    input: z.object({ id: Id }),
    output: IncidentDetail,
  }),
  /** Counts for the drawer badge and the home screen. */
  'incidents.counts': method({
    summary: 'Open, at-risk and breached incident counts.',
    input: z.object({}).default({}),
    output: z.object({ open: z.number().int(), atRisk: z.number().int(), breached: z.number().int() }),
  }),
  'incidents.create': method({
    summary: 'Record an incident; the priority follows impact × urgency unless overridden with a reason.',
    input: IncidentFields,
    output: Incident,
  }),
  'incidents.update': method({
    summary: 'Change an incident’s fields (not its status); a closed incident must be reopened first.',
    input: z.object({ id: Id, patch: IncidentPatch }),
    output: Incident,
  }),
  /**
   * Move along new → acknowledged → in progress → pending → resolved → closed,
   * or reopen. Resolving needs `resolution`, pending needs `pendingReason`.
   * Refused moves fail with `incidents.invalid-transition` and change nothing.
   */
  'incidents.transition': method({
    summary: 'Move an incident to another status (acknowledge, start, pend, resolve, close, reopen).',
    input: z.object({
      id: Id,
      to: IncidentStatus,
      pendingReason: PendingReason.optional(),
      resolution: Resolution.optional(),
      note: z.string().trim().max(2000).default(''),
      at: At,
    }),
    output: Incident,
  }),
  'incidents.addWorkLog': method({
    summary: 'Log work on an incident with the time spent.',
    input: z.object({
      incidentId: Id,
      text: z.string().trim().min(1, 'Describe the work').max(20_000),
      minutesSpent: z.number().int().min(0).max(10_000),
      at: At,
    }),
    output: WorkLogEntry,
  }),
  /** Record the emergency workaround given (the P1 16 h rule); it also goes into the resolution's workaround. */
  'incidents.recordWorkaround': method({
    summary: 'Record that an emergency workaround was given.',
    input: z.object({ id: Id, text: z.string().trim().min(1).max(4000), at: At }),
    output: Incident,
  }),
  'incidents.linkEvidence': method({
    summary: 'Point an incident at evidence: a check result, a configuration backup, a round item.',
    input: z.object({ incidentId: Id, kind: EvidenceKind, targetId: z.string().min(1).max(100) }),
    output: EvidenceLink,
  }),
  'incidents.unlinkEvidence': method({
    summary: 'Remove an evidence link.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  /** Fields for the fault report form: the saved report, else drawn from the incident and its resolution. */
  'incidents.faultReportDraft': method({
    summary: 'The fault report fields, prefilled from the incident.',
    input: z.object({ id: Id }),
    output: FaultReportDraft,
  }),
  /**
   * Save the fault report (故障处理报告) and render it as a PDF in the chosen
   * language: fault type, cause, method, losses and the timeline. Stops the
   * P1 fault-report clock. Only for resolved or closed incidents.
   */
  'incidents.faultReport': method({
    summary: 'Save the fault report of a resolved incident and render it as PDF.',
    input: z.object({ id: Id, fields: FaultReportFields, language: Language }),
    output: ExportedFile,
  }),
};
