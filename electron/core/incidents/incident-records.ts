import type { IncidentPlace } from '@shared/api/incidents.contract';
import type {
  EvidenceLink,
  FaultReportFields,
  Incident,
  IncidentCategory,
  IncidentStatus,
  PendingReason,
  Resolution,
  TimelineEntry,
  WorkLogEntry,
} from '@shared/domain/incidents';
import type { Impact, Priority, SlaSummary, Urgency } from '@shared/domain/sla';
import type { AttachmentRow, EventRow, EvidenceRow, IncidentRow, WorkLogRow } from './incidents.repo';

/** Rows as the API shapes them. */

export function toIncident(row: IncidentRow, sla: SlaSummary): Incident {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    category: row.category as IncidentCategory,
    impact: row.impact as Impact,
    urgency: row.urgency as Urgency,
    priority: row.priority as Priority,
    priorityOverride: row.priority_override as Priority | null,
    priorityReason: row.priority_reason,
    systemDown: row.system_down === 1,
    status: row.status as IncidentStatus,
    pendingReason: row.pending_reason as PendingReason | null,
    assetIds: JSON.parse(row.asset_ids) as string[],
    locationId: row.location_id,
    reporterName: row.reporter_name,
    reporterContact: row.reporter_contact,
    assignee: row.assignee,
    reportedAt: row.reported_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    workaround: row.workaround,
    workaroundAt: row.workaround_at,
    faultReportAt: row.fault_report_at,
    resolution: parseJson<Resolution>(row.resolution),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sla,
  };
}

export function toPlace(row: IncidentRow): IncidentPlace | null {
  if (!row.client_id || row.client_name === null) return null;
  return { clientId: row.client_id, clientName: row.client_name, siteId: row.site_id, siteName: row.site_name, roomId: row.room_id, roomName: row.room_name };
}

export function faultReportOf(row: IncidentRow): FaultReportFields | null {
  return parseJson<FaultReportFields>(row.fault_report);
}

export function toWorkLogEntry(row: WorkLogRow): WorkLogEntry {
  return { id: row.id, incidentId: row.incident_id, at: row.at, author: row.author, text: row.text, minutesSpent: row.minutes_spent, createdAt: row.created_at };
}

export function toEvidenceLink(row: EvidenceRow): EvidenceLink {
  return { id: row.id, incidentId: row.incident_id, kind: row.kind as EvidenceLink['kind'], targetId: row.target_id, label: row.label, createdAt: row.created_at };
}

/** History kinds kept in incident_events, and how each shows on the timeline. */
const TIMELINE_KIND: Record<string, TimelineEntry['kind']> = {
  created: 'created',
  status: 'status',
  priority: 'priority',
  assignee: 'assignee',
  resolution: 'resolution',
  workaround: 'workaround',
  'fault-report': 'fault-report',
  edit: 'edit',
  evidence: 'evidence',
  // An unlinked piece of evidence stays in the history, marked { removed: true }.
  'evidence-removed': 'evidence',
  // System down is an edit of one field on the timeline, but a fact of its own for the SLA clocks.
  'system-down': 'edit',
};

/**
 * The detail page's timeline: the history (which also records evidence linked
 * and unlinked, with who did it), the work log and the files attached, in the
 * order things happened (times as recorded on the laptop; a file's time is
 * when it was attached).
 */
export function timelineOf(history: readonly EventRow[], workLog: readonly WorkLogRow[], attachments: readonly AttachmentRow[] = []): TimelineEntry[] {
  const entries: { entry: TimelineEntry; id: string }[] = [];
  for (const event of history) {
    const kind = TIMELINE_KIND[event.kind];
    if (!kind) continue;
    const data = JSON.parse(event.data) as Record<string, unknown>;
    entries.push({ id: event.id, entry: { at: event.at, kind, actor: event.actor, data: timelineData(event.kind, data) } });
  }
  for (const work of workLog) {
    entries.push({ id: work.id, entry: { at: work.at, kind: 'work-log', actor: work.author, data: { id: work.id, text: work.text, minutesSpent: work.minutes_spent } } });
  }
  for (const file of attachments) {
    entries.push({
      id: file.id,
      entry: {
        at: file.created_at,
        kind: 'attachment',
        actor: file.actor ?? '',
        data: { id: file.id, fileName: file.file_name, mimeType: file.mime_type, ...(file.owner_type === 'work-log' ? { workLogId: file.owner_id } : {}) },
      },
    });
  }
  // Within one instant, in the order written: ids are UUIDv7, increasing on this device.
  return entries.sort((a, b) => a.entry.at - b.entry.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(({ entry }) => entry);
}

function timelineData(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'system-down') return { fields: ['systemDown'], ...data };
  if (kind === 'evidence-removed') return { ...data, removed: true };
  return data;
}

function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T | null);
}
