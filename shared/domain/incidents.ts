import { z } from 'zod';
import { EpochMs, Id } from './ids';
import { Impact, Priority, SlaSummary, Urgency } from './sla';

/**
 * Incidents (事件/故障): something broken or degraded at a client site,
 * recorded on the laptop with or without a network.
 */

export const INCIDENT_CATEGORIES = ['hardware', 'software', 'network', 'security', 'environment', 'other'] as const;
export const IncidentCategory = z.enum(INCIDENT_CATEGORIES);
export type IncidentCategory = z.infer<typeof IncidentCategory>;

export const INCIDENT_STATUSES = ['new', 'acknowledged', 'in-progress', 'pending', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const PENDING_REASONS = ['client', 'vendor', 'parts'] as const;
export const PendingReason = z.enum(PENDING_REASONS);
export type PendingReason = z.infer<typeof PendingReason>;

/**
 * Allowed moves. `reopen` is resolved/closed → in-progress. Closing needs a
 * resolved incident; resolving needs a resolution.
 */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['acknowledged', 'in-progress', 'pending', 'resolved'],
  acknowledged: ['in-progress', 'pending', 'resolved'],
  'in-progress': ['pending', 'resolved'],
  pending: ['in-progress', 'resolved'],
  resolved: ['closed', 'in-progress'],
  closed: ['in-progress'],
};

export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_TRANSITIONS[from].includes(to);
}

const Text = (max: number) => z.string().trim().max(max);

export const Resolution = z.object({
  cause: Text(4000).min(1, 'The cause is required'),
  method: Text(4000).min(1, 'The method is required'),
  workaround: Text(4000).default(''),
});
export type Resolution = z.infer<typeof Resolution>;

/** What a person types when recording an incident (the priority comes from impact × urgency unless overridden). */
export const IncidentFields = z.object({
  title: Text(200).min(1, 'The title is required'),
  description: Text(20_000).default(''),
  category: IncidentCategory,
  impact: Impact,
  urgency: Urgency,
  /** Set to override the matrix; a reason is then required. */
  priorityOverride: Priority.nullable().default(null),
  priorityReason: Text(500).default(''),
  /** 系统瘫痪: the P1 12/16/24 h rules apply. */
  systemDown: z.boolean().default(false),
  assetIds: z.array(Id).max(200).default([]),
  /** Client, site or room id from the location tree (the assets' room when empty). */
  locationId: Id.nullable().default(null),
  reporterName: Text(100).min(1, 'The reporter is required'),
  reporterContact: Text(200).default(''),
  assignee: Text(100).default(''),
  /** When the fault was reported, as recorded on the laptop; defaults to now. */
  reportedAt: EpochMs.optional(),
});
export type IncidentFields = z.infer<typeof IncidentFields>;
export type IncidentFieldsInput = z.input<typeof IncidentFields>;

/** Fields that may change after creation (no defaults, so absent means unchanged). */
export const IncidentPatch = z.object({
  title: Text(200).min(1, 'The title is required'),
  description: Text(20_000),
  category: IncidentCategory,
  impact: Impact,
  urgency: Urgency,
  priorityOverride: Priority.nullable(),
  priorityReason: Text(500),
  systemDown: z.boolean(),
  assetIds: z.array(Id).max(200),
  locationId: Id.nullable(),
  reporterName: Text(100).min(1),
  reporterContact: Text(200),
  assignee: Text(100),
}).partial();
export type IncidentPatch = z.infer<typeof IncidentPatch>;

export const Incident = z.object({
  id: Id,
  /** Short human number, e.g. INC-20261128-0003, made on the device. */
  number: z.string(),
  title: z.string(),
  description: z.string(),
  category: IncidentCategory,
  impact: Impact,
  urgency: Urgency,
  priority: Priority,
  priorityOverride: Priority.nullable(),
  priorityReason: z.string(),
  systemDown: z.boolean(),
  status: IncidentStatus,
  pendingReason: PendingReason.nullable(),
  assetIds: z.array(Id),
  locationId: Id.nullable(),
  reporterName: z.string(),
  reporterContact: z.string(),
  assignee: z.string(),
  reportedAt: EpochMs,
  acknowledgedAt: EpochMs.nullable(),
  resolvedAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  /** The emergency workaround last recorded (also copied into the resolution when it has none). */
  workaround: z.string(),
  /** When an emergency workaround was first given (P1 system-down rule). */
  workaroundAt: EpochMs.nullable(),
  /** When the fault report was produced (P1 system-down rule). */
  faultReportAt: EpochMs.nullable(),
  resolution: Resolution.nullable(),
  createdBy: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  sla: SlaSummary,
});
export type Incident = z.infer<typeof Incident>;

export const WorkLogEntry = z.object({
  id: Id,
  incidentId: Id,
  at: EpochMs,
  author: z.string(),
  text: z.string(),
  minutesSpent: z.number().int().nonnegative(),
  createdAt: EpochMs,
});
export type WorkLogEntry = z.infer<typeof WorkLogEntry>;

/** Evidence an incident points at. Round items arrive with rounds (issue 6). */
export const EVIDENCE_KINDS = ['check-result', 'config-backup', 'round-item'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceLink = z.object({
  id: Id,
  incidentId: Id,
  kind: EvidenceKind,
  targetId: z.string().min(1).max(100),
  /** One line saying what it shows, e.g. "ping 10.1.1.1: unreachable". */
  label: z.string(),
  createdAt: EpochMs,
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

/** One line of the detail page's timeline, derived from the record and its history. */
export const TIMELINE_KINDS = ['created', 'status', 'priority', 'assignee', 'work-log', 'attachment', 'evidence', 'resolution', 'workaround', 'fault-report', 'edit'] as const;
export const TimelineEntry = z.object({
  at: EpochMs,
  kind: z.enum(TIMELINE_KINDS),
  actor: z.string(),
  /** Structured so the renderer can translate: e.g. { from: 'new', to: 'acknowledged' }. */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The fault report (故障处理报告) for an incident; saved values, defaults drawn from the incident. */
export const FaultReportFields = z.object({
  faultType: Text(200).min(1, 'The fault type is required'),
  cause: Text(4000).min(1, 'The cause is required'),
  method: Text(4000).min(1, 'The method is required'),
  losses: Text(4000).default(''),
});
export type FaultReportFields = z.infer<typeof FaultReportFields>;

/**
 * The form's starting values: the saved report, else drawn from the incident.
 * Fields may be empty (no resolution yet). `faultType` starts as the category
 * key (e.g. `network`), which the report prints translated.
 */
export const FaultReportDraft = z.object({ faultType: z.string(), cause: z.string(), method: z.string(), losses: z.string() });
export type FaultReportDraft = z.infer<typeof FaultReportDraft>;
