import type { IncidentDetail, IncidentFilter } from '@shared/api/incidents.contract';
import {
  canMoveIncident,
  type EvidenceKind,
  type EvidenceLink,
  type FaultReportDraft,
  type FaultReportFields,
  type Incident,
  type IncidentFields,
  type IncidentPatch,
  type IncidentStatus,
  type PendingReason,
  type Resolution,
  type WorkLogEntry,
} from '@shared/domain/incidents';
import type { Profile } from '@shared/domain/profile';
import { priorityFrom, type Priority, type SlaState, type SlaSummary } from '@shared/domain/sla';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { evidenceLabel } from './incident-evidence';
import { formatIncidentNumber, incidentNumberParts } from './incident-number';
import { faultReportOf, timelineOf, toEvidenceLink, toIncident, toPlace, toWorkLogEntry } from './incident-records';
import { timeZoneOf, type IncidentSla } from './incident-sla';
import { IncidentsRepo, type IncidentRow, type SqlSort } from './incidents.repo';

export interface IncidentListInput {
  filter: IncidentFilter;
  sort: { by: SqlSort | 'nextDueAt'; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** States that put an incident on the breach list. */
const BREACH_STATES: readonly SlaState[] = ['breached', 'missed'];

/**
 * The rules of incidents: priority from impact × urgency unless overridden
 * with a reason, the status flow, times recorded on the laptop (never in the
 * future, never before the step they follow), a closed incident read-only
 * until reopened. Every change is one write-path transaction that also
 * appends the history the timeline and the SLA clocks are computed from.
 */
export class IncidentsService {
  readonly repo: IncidentsRepo;

  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly actor: () => Profile | null,
    private readonly sla: IncidentSla,
  ) {
    this.repo = new IncidentsRepo(store.db);
  }

  list(input: IncidentListInput): { total: number; offset: number; rows: Incident[] } {
    const { filter, sort, offset, limit } = input;
    const needsSla = filter.slaStates.length > 0 || sort.by === 'nextDueAt';
    if (!needsSla) {
      const rows = this.repo.list(filter, { by: sort.by as SqlSort, direction: sort.direction }, { offset, limit });
      return { total: this.repo.count(filter), offset, rows: this.withSla(rows) };
    }
    // SLA states and due times are computed, not stored: filter and sort the
    // matches in memory. Fine for the few thousand incidents a laptop holds
    // (computing one summary is a walk over a handful of events).
    const rows = this.repo.list(filter, { by: sort.by === 'nextDueAt' ? 'reportedAt' : sort.by, direction: sort.by === 'nextDueAt' ? 'desc' : sort.direction });
    let incidents = this.withSla(rows);
    if (filter.slaStates.length > 0) incidents = incidents.filter((incident) => matchesSlaStates(incident.sla, filter.slaStates));
    if (sort.by === 'nextDueAt') incidents = sortByNextDue(incidents, sort.direction);
    return { total: incidents.length, offset, rows: incidents.slice(offset, offset + limit) };
  }

  get(id: string): IncidentDetail {
    const row = this.liveRow(id);
    const history = this.repo.eventsOf([id]);
    const workLog = this.repo.workLog(id);
    const [incident] = this.withSla([row], history);
    return {
      incident: incident as Incident,
      workLog: workLog.map(toWorkLogEntry),
      evidence: this.repo.evidence(id).map(toEvidenceLink),
      timeline: timelineOf(history.get(id) ?? [], workLog, this.repo.attachmentsOf(id)),
      faultReport: faultReportOf(row),
      place: toPlace(row),
      assets: this.repo.liveAssets(JSON.parse(row.asset_ids) as string[]),
      totalMinutesSpent: workLog.reduce((sum, entry) => sum + entry.minutes_spent, 0),
    };
  }

  /**
   * Open incidents, and how many of them are breached or at risk (each
   * counted once: breached wins). An incident counts as breached while it is
   * open and any of its timers is breached or was missed; once resolved it
   * leaves the badge (the breach list still shows it).
   */
  counts(): { open: number; atRisk: number; breached: number } {
    const open = this.withSla(this.repo.open());
    const breached = open.filter((incident) => isBreached(incident.sla));
    return {
      open: open.length,
      atRisk: open.filter((incident) => !isBreached(incident.sla) && incident.sla.worst === 'at-risk').length,
      breached: breached.length,
    };
  }

  create(fields: IncidentFields): Incident {
    const reportedAt = this.recordedTime(fields.reportedAt);
    const override = checkedOverride(fields.priorityOverride, fields.priorityReason);
    const assetIds = unique(fields.assetIds);
    const id = newId();
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      this.assertLocation(fields.locationId);
      this.assertAssets(assetIds);
      const timeZone = timeZoneOf(this.sla.policyLookup()(this.repo.clientOf(fields.locationId, assetIds)));
      const numberParts = incidentNumberParts(reportedAt, timeZone, this.store.deviceId);
      const number = formatIncidentNumber(numberParts, this.repo.lastNumberSeq(numberParts.prefix, numberParts.suffix) + 1);
      const priority = override.priorityOverride ?? priorityFrom(fields.impact, fields.urgency);
      return [
        {
          entity: 'incident',
          op: 'insert',
          id,
          fields: {
            number,
            title: fields.title,
            description: fields.description,
            category: fields.category,
            impact: fields.impact,
            urgency: fields.urgency,
            priority,
            ...override,
            systemDown: fields.systemDown ? 1 : 0,
            status: 'new',
            pendingReason: null,
            assetIds,
            locationId: fields.locationId,
            reporterName: fields.reporterName,
            reporterContact: fields.reporterContact,
            assignee: fields.assignee,
            reportedAt,
            acknowledgedAt: null,
            resolvedAt: null,
            closedAt: null,
            workaround: '',
            workaroundAt: null,
            resolution: null,
            faultReport: null,
            faultReportAt: null,
            createdBy: actor.name,
          },
        },
        historyEntry(id, reportedAt, actor, 'created', { status: 'new', priority, systemDown: fields.systemDown, assignee: fields.assignee }),
      ];
    });
    this.changed('incident', 'incidentEvent');
    return this.incident(id);
  }

  update(id: string, patch: IncidentPatch): Incident {
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const row = this.editableRow(id);
      const at = this.now();
      const current = {
        title: row.title,
        description: row.description,
        category: row.category,
        impact: row.impact,
        urgency: row.urgency,
        priorityOverride: row.priority_override as Priority | null,
        priorityReason: row.priority_reason,
        systemDown: row.system_down === 1,
        assetIds: JSON.parse(row.asset_ids) as string[],
        locationId: row.location_id,
        reporterName: row.reporter_name,
        reporterContact: row.reporter_contact,
        assignee: row.assignee,
      };
      const next = { ...current, ...definedOnly(patch) };
      next.assetIds = unique(next.assetIds);
      Object.assign(next, checkedOverride(next.priorityOverride, next.priorityReason));
      if (next.locationId !== current.locationId) this.assertLocation(next.locationId);
      // Assets already linked may have been deleted since; only new links must be live.
      this.assertAssets(next.assetIds.filter((assetId) => !current.assetIds.includes(assetId)));
      const priority = next.priorityOverride ?? priorityFrom(next.impact as IncidentFields['impact'], next.urgency as IncidentFields['urgency']);

      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
      if (changed.length === 0) return [];
      const fields: Record<string, unknown> = Object.fromEntries(changed.map((key) => [key, key === 'systemDown' ? (next.systemDown ? 1 : 0) : next[key]]));
      const mutations: Mutation[] = [];
      // Changes with a history entry of their own; everything else is listed in one `edit` entry.
      const apart = new Set<string>(['systemDown', 'assignee']);
      if (priority !== row.priority) {
        fields['priority'] = priority;
        mutations.push(historyEntry(id, at, actor, 'priority', { from: row.priority, to: priority, reason: next.priorityReason }));
        apart.add('priorityOverride').add('priorityReason');
      }
      if (changed.includes('systemDown')) mutations.push(historyEntry(id, at, actor, 'system-down', { from: current.systemDown, to: next.systemDown }));
      if (changed.includes('assignee')) mutations.push(historyEntry(id, at, actor, 'assignee', { from: current.assignee, to: next.assignee }));
      const edited = changed.filter((key) => !apart.has(key));
      if (edited.length > 0) mutations.push(historyEntry(id, at, actor, 'edit', { fields: edited }));
      return [{ entity: 'incident', op: 'update', id, fields }, ...mutations];
    });
    this.changed('incident', 'incidentEvent');
    return this.incident(id);
  }

  transition(input: { id: string; to: IncidentStatus; pendingReason?: PendingReason; resolution?: Resolution; note: string; at?: number }): Incident {
    const at = this.recordedTime(input.at);
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const row = this.liveRow(input.id);
      const from = row.status as IncidentStatus;
      const to = input.to;
      if (!canMoveIncident(from, to)) {
        throw new AppError('incidents.invalid-transition', `An incident cannot move from ${from} to ${to}`, { details: { from, to } });
      }
      if (to === 'pending' && !input.pendingReason) {
        throw new AppError('incidents.pending-reason-required', 'Say what the incident is waiting for: the client, a vendor or parts', { details: { field: 'pendingReason' } });
      }
      if (to === 'resolved' && !input.resolution) {
        throw new AppError('incidents.resolution-required', 'Resolving needs the cause and the method', { details: { field: 'resolution' } });
      }
      this.assertInOrder(row, at, 'status');

      const reopening = to === 'in-progress' && (from === 'resolved' || from === 'closed');
      const fields: Record<string, unknown> = { status: to, pendingReason: to === 'pending' ? (input.pendingReason ?? null) : null };
      if (row.acknowledged_at === null) fields['acknowledgedAt'] = at;
      // Reopening clears the times; the history keeps when it was resolved and closed.
      if (reopening) Object.assign(fields, { resolvedAt: null, closedAt: null });
      if (to === 'closed') fields['closedAt'] = at;
      const mutations: Mutation[] = [];
      const statusData: Record<string, unknown> = { from, to };
      if (to === 'pending') statusData['pendingReason'] = input.pendingReason;
      if (input.note) statusData['note'] = input.note;
      if (reopening) statusData['reopened'] = true;
      mutations.push(historyEntry(row.id, at, actor, 'status', statusData));
      if (to === 'resolved' && input.resolution) {
        const resolution: Resolution = { ...input.resolution, workaround: input.resolution.workaround || row.workaround };
        Object.assign(fields, { resolvedAt: at, resolution });
        mutations.push(historyEntry(row.id, at, actor, 'resolution', resolution));
      }
      return [{ entity: 'incident', op: 'update', id: row.id, fields }, ...mutations];
    });
    this.changed('incident', 'incidentEvent');
    return this.incident(input.id);
  }

  addWorkLog(input: { incidentId: string; text: string; minutesSpent: number; at?: number }): WorkLogEntry {
    const at = this.recordedTime(input.at);
    const id = newId();
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const row = this.editableRow(input.incidentId);
      this.assertInOrder(row, at, 'reported');
      return [{ entity: 'incidentWorkLog', op: 'insert', id, fields: { incidentId: row.id, at, author: actor.name, text: input.text, minutesSpent: input.minutesSpent } }];
    });
    this.changed('incidentWorkLog');
    return toWorkLogEntry(this.repo.workLogEntry(id) as NonNullable<ReturnType<IncidentsRepo['workLogEntry']>>);
  }

  /** The workaround text is the latest recorded; the P1 clock stops at the earliest time one was given. */
  recordWorkaround(input: { id: string; text: string; at?: number }): Incident {
    const at = this.recordedTime(input.at);
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const row = this.editableRow(input.id);
      this.assertInOrder(row, at, 'reported');
      const fields: Record<string, unknown> = { workaround: input.text, workaroundAt: row.workaround_at === null ? at : Math.min(row.workaround_at, at) };
      const resolution = row.resolution === null ? null : (JSON.parse(row.resolution) as Resolution | null);
      if (resolution) fields['resolution'] = { ...resolution, workaround: input.text };
      return [{ entity: 'incident', op: 'update', id: row.id, fields }, historyEntry(row.id, at, actor, 'workaround', { text: input.text })];
    });
    this.changed('incident', 'incidentEvent');
    return this.incident(input.id);
  }

  /** Linking the same target twice returns the link already there. */
  linkEvidence(input: { incidentId: string; kind: EvidenceKind; targetId: string }): EvidenceLink {
    let linkId = newId();
    let created = false;
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const row = this.editableRow(input.incidentId);
      const label = evidenceLabel(this.store.db, input.kind, input.targetId);
      const existing = this.repo.liveEvidenceTo(row.id, input.kind, input.targetId);
      if (existing) {
        linkId = existing.id;
        return [];
      }
      created = true;
      return [
        { entity: 'incidentEvidence', op: 'insert', id: linkId, fields: { incidentId: row.id, kind: input.kind, targetId: input.targetId, label } },
        historyEntry(row.id, this.now(), actor, 'evidence', { id: linkId, kind: input.kind, targetId: input.targetId, label }),
      ];
    });
    if (created) this.changed('incidentEvidence', 'incidentEvent');
    return toEvidenceLink(this.repo.evidenceLink(linkId) as NonNullable<ReturnType<IncidentsRepo['evidenceLink']>>);
  }

  unlinkEvidence(id: string): { id: string } {
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const link = this.repo.evidenceLink(id);
      if (!link) throw new AppError('incidents.evidence-not-found', `No evidence link with id ${id}`, { details: { id } });
      this.editableRow(link.incident_id);
      return [
        { entity: 'incidentEvidence', op: 'delete', id },
        historyEntry(link.incident_id, this.now(), actor, 'evidence-removed', { id, kind: link.kind, targetId: link.target_id, label: link.label }),
      ];
    });
    this.changed('incidentEvidence', 'incidentEvent');
    return { id };
  }

  /** The saved report, else the incident's category key as the fault type and the resolution's cause and method. */
  faultReportDraft(id: string): FaultReportDraft {
    const row = this.liveRow(id);
    const saved = faultReportOf(row);
    if (saved) return saved;
    const resolution = row.resolution === null ? null : (JSON.parse(row.resolution) as Resolution | null);
    return { faultType: row.category, cause: resolution?.cause ?? '', method: resolution?.method ?? '', losses: '' };
  }

  /** Checks the incident may have a fault report (resolved or closed); the caller renders before saving. */
  assertReportable(id: string): IncidentRow {
    const row = this.liveRow(id);
    if (row.status !== 'resolved' && row.status !== 'closed') {
      throw new AppError('incidents.not-resolved', `Incident ${row.number} is ${row.status}; the fault report needs it resolved`, { details: { status: row.status } });
    }
    return row;
  }

  /** Saves the report and records the fact that stops the fault-report clock (the first report counts). */
  saveFaultReport(id: string, fields: FaultReportFields): Incident {
    this.store.writePath.write(() => {
      const actor = this.requireActor();
      const row = this.assertReportable(id);
      const at = this.now();
      return [
        { entity: 'incident', op: 'update', id, fields: { faultReport: fields, faultReportAt: row.fault_report_at ?? at } },
        historyEntry(id, at, actor, 'fault-report', { faultType: fields.faultType }),
      ];
    });
    this.changed('incident', 'incidentEvent');
    return this.incident(id);
  }

  incident(id: string): Incident {
    return this.withSla([this.liveRow(id)])[0] as Incident;
  }

  liveRow(id: string): IncidentRow {
    const row = this.repo.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('incidents.not-found', `No incident with id ${id}`, { details: { id } });
    return row;
  }

  private withSla(rows: readonly IncidentRow[], history = this.repo.eventsOf(rows.map((row) => row.id))): Incident[] {
    const summaries = this.sla.summaries(rows, history);
    return rows.map((row) => toIncident(row, summaries.get(row.id) as SlaSummary));
  }

  /** A live incident that may change: a closed one only reopens. */
  private editableRow(id: string): IncidentRow {
    const row = this.liveRow(id);
    if (row.status === 'closed') throw new AppError('incidents.read-only', `Incident ${row.number} is closed; reopen it first`, { details: { id } });
    return row;
  }

  /** A time the engineer recorded (now when absent); never in the future. */
  private recordedTime(at: number | undefined): number {
    const now = this.now();
    if (at === undefined) return now;
    if (at > now) throw new AppError('incidents.time-in-future', 'A recorded time cannot be in the future', { details: { at, now } });
    return at;
  }

  /**
   * A step cannot be recorded before the incident was reported, and a status
   * change not before the previous one: the timeline and the clocks would
   * otherwise run backwards.
   */
  private assertInOrder(row: IncidentRow, at: number, after: 'reported' | 'status'): void {
    let earliest = row.reported_at;
    if (after === 'status') {
      for (const event of this.repo.eventsOf([row.id]).get(row.id) ?? []) if (event.kind === 'status') earliest = Math.max(earliest, event.at);
    }
    if (at < earliest) {
      throw new AppError('incidents.time-out-of-order', `The time recorded is before ${after === 'status' ? 'the last status change' : 'the incident was reported'}`, {
        details: { at, earliest },
      });
    }
  }

  private assertLocation(locationId: string | null): void {
    if (locationId !== null && this.repo.locationKind(locationId) === null) {
      throw new AppError('locations.not-found', `No client, site or machine room with id ${locationId}`, { details: { field: 'locationId' } });
    }
  }

  private assertAssets(assetIds: readonly string[]): void {
    if (assetIds.length === 0) return;
    const live = new Set(this.repo.liveAssets(assetIds).map((asset) => asset.id));
    const missing = assetIds.filter((id) => !live.has(id));
    if (missing.length > 0) throw new AppError('assets.not-found', `No asset with id ${missing.join(', ')}`, { details: { field: 'assetIds', missing } });
  }

  private requireActor(): Profile {
    const actor = this.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before changing records');
    return actor;
  }

  /** Views of an incident show its children too, so every change names the incident as well. */
  private changed(...entities: string[]): void {
    this.events.emit('records.changed', { entities: [...new Set(['incident', ...entities])] });
  }
}

function isBreached(sla: SlaSummary): boolean {
  return sla.timers.some((timer) => BREACH_STATES.includes(timer.state));
}

/**
 * The list's SLA filter is on the worst state, except that the breach states
 * match any timer: the engine ranks a running at-risk timer above a missed
 * one, and a missed response must not drop off the breach list because the
 * resolution is now at risk.
 */
function matchesSlaStates(sla: SlaSummary, states: readonly SlaState[]): boolean {
  if (states.includes(sla.worst)) return true;
  return sla.timers.some((timer) => BREACH_STATES.includes(timer.state) && states.includes(timer.state));
}

/** An override needs a reason; without one, any stray reason is dropped. */
function checkedOverride(priorityOverride: Priority | null, priorityReason: string): { priorityOverride: Priority | null; priorityReason: string } {
  if (priorityOverride === null) return { priorityOverride: null, priorityReason: '' };
  if (!priorityReason.trim()) {
    throw new AppError('incidents.priority-reason-required', 'Overriding the priority needs a reason', { details: { field: 'priorityReason' } });
  }
  return { priorityOverride, priorityReason };
}

function historyEntry(incidentId: string, at: number, actor: Profile, kind: string, data: object): Mutation {
  return { entity: 'incidentEvent', op: 'insert', id: newId(), fields: { incidentId, at, actor: actor.name, kind, data } };
}

/** Soonest due first (asc) or last (desc); incidents with no running timer always at the end, newest first among themselves. */
function sortByNextDue(incidents: Incident[], direction: 'asc' | 'desc'): Incident[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...incidents].sort((a, b) => {
    const x = a.sla.nextDueAt;
    const y = b.sla.nextDueAt;
    if (x === null || y === null) return x === y ? b.reportedAt - a.reportedAt : x === null ? 1 : -1;
    return (x - y) * sign || b.reportedAt - a.reportedAt;
  });
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
