import type { BusinessCalendar, Priority, SlaEvent, SlaPolicy, SlaPolicyFields, SlaState, SlaSummary, SlaTimer, SlaTimerKind } from '../domain/sla';
import { addCountedMs, countedMs, TWENTY_FOUR_SEVEN } from './business-calendar';

/**
 * The SLA clock: from an incident's history (as recorded on the laptop) and its
 * contract, the timers and where each stands at `now`. Pure and deterministic,
 * so a laptop offline, the server and a report all agree.
 *
 * Rules (DOMAIN.md, "Service levels"):
 * - response runs from `opened` until the first status that shows someone took
 *   it on (acknowledged, in-progress, pending, resolved, closed);
 * - resolution runs from `opened` until resolved or closed, and runs on from
 *   where it stood when the incident is reopened;
 * - while pending, with `pauseWhilePending`, the timers of an open incident
 *   (resolution, workaround) pause: waiting for the client does not count;
 * - a priority change keeps the counted time so far and measures it against the
 *   new priority's target, counted from then on around the clock if the new
 *   target is all-day; a stopped timer keeps the target it stopped under;
 * - system down (系统瘫痪) at P1: the fix is due within `fixHours` of wall-clock
 *   time (or the policy's target if tighter); an emergency workaround within
 *   `workaroundHours` unless fixed first; after the fix a fault report within
 *   `faultReportHours`. The workaround timer is always shown for a system-down
 *   P1 incident, "met" if the fix came in time, so the commitment is visible
 *   from the start rather than appearing only once the fix is overdue;
 * - a timer that ran past its target is "breached" even while paused: pausing
 *   stops the clock, it does not undo a breach.
 */

type PolicyInput = SlaPolicy | (SlaPolicyFields & { id?: string });

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Statuses that show someone has taken the incident on. */
const RESPONDED = new Set(['acknowledged', 'in-progress', 'pending', 'resolved', 'closed']);
const RESOLVED = new Set(['resolved', 'closed']);

/**
 * Most urgent first: a breach needs action now, at-risk soon; a miss is
 * history but still the worst fact about the incident; a pause waits on
 * someone else; on-track needs nothing yet; met is done.
 */
export const SLA_STATE_URGENCY: readonly SlaState[] = ['breached', 'at-risk', 'missed', 'paused', 'on-track', 'met'];

/** A stretch of time in which a timer counted, on one calendar. `end` null: still counting. */
interface Segment {
  start: number;
  end: number | null;
  calendar: BusinessCalendar;
}

/** How one timer ran: where it counted, and whether and why it stopped. */
class TimerTrack {
  readonly segments: Segment[] = [];
  stoppedAt: number | null = null;
  /** The target it stopped under; null while running (the current target applies). */
  stoppedTargetMs: number | null = null;

  /** Brings the track in line with what it should be doing from `at` on. */
  update(at: number, running: boolean, counting: boolean, calendar: BusinessCalendar, targetMs: number): void {
    const open = this.segments.at(-1);
    const isOpen = open !== undefined && open.end === null;
    if (isOpen && (!counting || open.calendar !== calendar)) open.end = at;
    if (counting && (!isOpen || open.calendar !== calendar)) this.segments.push({ start: at, end: null, calendar });
    if (!running && this.stoppedAt === null) {
      this.stoppedAt = at;
      this.stoppedTargetMs = targetMs;
    } else if (running && this.stoppedAt !== null) {
      this.stoppedAt = null;
      this.stoppedTargetMs = null;
    }
  }

  elapsedMs(horizon: number): number {
    return this.segments.reduce((sum, segment) => sum + countedMs(segment.calendar, segment.start, segment.end ?? horizon), 0);
  }

  /**
   * When the counted time reaches `targetMs`: inside the segment where it did,
   * or, if it has not yet, by extending the last segment (the deadline as it
   * stands, or as it stood when the timer stopped).
   */
  dueAt(targetMs: number): number | null {
    let counted = 0;
    for (const segment of this.segments) {
      const length = segment.end === null ? Infinity : countedMs(segment.calendar, segment.start, segment.end);
      if (counted + length >= targetMs) return addCountedMs(segment.calendar, segment.start, targetMs - counted);
      counted += length;
    }
    const last = this.segments.at(-1);
    return last ? addCountedMs(last.calendar, last.end ?? last.start, targetMs - counted) : null;
  }
}

interface IncidentState {
  status: string;
  priority: Priority;
  systemDown: boolean;
  responded: boolean;
  resolved: boolean;
  workaroundGiven: boolean;
  /** Start of the current resolved period (the fix the fault report is about). */
  resolvedAt: number | null;
}

export function computeSla(policy: PolicyInput, events: readonly SlaEvent[], now: number): SlaSummary {
  const policyId = policy.id ?? null;
  // Stable: events recorded at the same instant keep the order they were given in.
  const sorted = events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at - b.event.at || a.index - b.index).map((x) => x.event);
  const opened = sorted.find((event): event is Extract<SlaEvent, { type: 'opened' }> => event.type === 'opened');
  if (!opened) return { policyId, timers: [], worst: 'met', nextDueAt: null };

  // Another laptop's clock may run a little ahead: never evaluate before the last recorded fact.
  const horizon = Math.max(now, opened.at, ...sorted.map((event) => event.at));
  const state: IncidentState = {
    status: 'new',
    priority: opened.priority,
    systemDown: opened.systemDown,
    responded: false,
    resolved: false,
    workaroundGiven: false,
    resolvedAt: null,
  };
  const response = new TimerTrack();
  const resolution = new TimerTrack();
  const workaround = new TimerTrack();

  const responseMode = () => {
    const target = policy.targets[state.priority];
    return { targetMs: target.responseMinutes * MINUTE_MS, calendar: target.allDay ? TWENTY_FOUR_SEVEN : policy.calendar };
  };
  const resolutionMode = () => {
    const target = policy.targets[state.priority];
    const targetMs = target.resolutionMinutes * MINUTE_MS;
    if (systemDownRulesApply(state)) return { targetMs: Math.min(targetMs, hoursMs(policy.systemDown.fixHours)), calendar: TWENTY_FOUR_SEVEN };
    return { targetMs, calendar: target.allDay ? TWENTY_FOUR_SEVEN : policy.calendar };
  };
  const workaroundTargetMs = hoursMs(policy.systemDown.workaroundHours);

  const sync = (at: number) => {
    const paused = state.status === 'pending' && policy.pauseWhilePending;
    const r = responseMode();
    response.update(at, !state.responded, !state.responded, r.calendar, r.targetMs);
    const f = resolutionMode();
    resolution.update(at, !state.resolved, !state.resolved && !paused, f.calendar, f.targetMs);
    const waitingForWorkaround = !state.resolved && !state.workaroundGiven;
    workaround.update(at, waitingForWorkaround, waitingForWorkaround && !paused, TWENTY_FOUR_SEVEN, workaroundTargetMs);
  };

  sync(opened.at);
  for (const event of sorted) {
    if (event === opened || event.type === 'opened') continue;
    const at = Math.max(event.at, opened.at);
    switch (event.type) {
      case 'priority':
        state.priority = event.priority;
        break;
      case 'system-down':
        state.systemDown = event.systemDown;
        break;
      case 'workaround':
        state.workaroundGiven = true;
        break;
      case 'fault-report':
        break;
      case 'status':
        state.status = event.status;
        if (RESPONDED.has(event.status)) state.responded = true;
        if (RESOLVED.has(event.status) && !state.resolved) {
          state.resolved = true;
          state.resolvedAt = at;
        } else if (!RESOLVED.has(event.status) && state.resolved) {
          state.resolved = false;
          state.resolvedAt = null;
        }
        break;
    }
    sync(at);
  }

  const atRiskPercent = policy.atRiskPercent;
  const paused = !state.resolved && state.status === 'pending' && policy.pauseWhilePending;
  const timers: SlaTimer[] = [
    timerOf('response', response, responseMode().targetMs, atRiskPercent, horizon, false),
    timerOf('resolution', resolution, resolutionMode().targetMs, atRiskPercent, horizon, paused),
  ];
  if (systemDownRulesApply(state)) {
    timers.push(timerOf('workaround', workaround, workaroundTargetMs, atRiskPercent, horizon, paused && !state.workaroundGiven));
    if (state.resolvedAt !== null) {
      const fixedAt = state.resolvedAt;
      const report = sorted.find((event) => event.type === 'fault-report' && event.at >= fixedAt);
      const faultReport = new TimerTrack();
      const targetMs = hoursMs(policy.systemDown.faultReportHours);
      faultReport.update(fixedAt, true, true, TWENTY_FOUR_SEVEN, targetMs);
      if (report) faultReport.update(report.at, false, false, TWENTY_FOUR_SEVEN, targetMs);
      timers.push(timerOf('fault-report', faultReport, targetMs, atRiskPercent, horizon, false));
    }
  }

  return { policyId, timers, worst: worstState(timers), nextDueAt: nextDueAt(timers) };
}

function systemDownRulesApply(state: IncidentState): boolean {
  return state.systemDown && state.priority === 'P1';
}

function hoursMs(hours: number): number {
  return Math.round(hours * HOUR_MS);
}

function timerOf(kind: SlaTimerKind, track: TimerTrack, currentTargetMs: number, atRiskPercent: number, horizon: number, paused: boolean): SlaTimer {
  const stopped = track.stoppedAt !== null;
  const targetMs = track.stoppedTargetMs ?? currentTargetMs;
  const elapsedMs = track.elapsedMs(horizon);
  let state: SlaState;
  if (stopped) state = elapsedMs <= targetMs ? 'met' : 'missed';
  else if (elapsedMs > targetMs) state = 'breached';
  else if (paused) state = 'paused';
  else if (elapsedMs * 100 >= targetMs * atRiskPercent) state = 'at-risk';
  else state = 'on-track';
  return {
    kind,
    state,
    targetMs,
    elapsedMs,
    remainingMs: targetMs - elapsedMs,
    dueAt: paused && !stopped ? null : track.dueAt(targetMs),
    stoppedAt: track.stoppedAt,
  };
}

export function worstState(timers: readonly SlaTimer[]): SlaState {
  if (timers.length === 0) return 'met';
  return SLA_STATE_URGENCY.find((state) => timers.some((timer) => timer.state === state)) ?? 'met';
}

/** The earliest deadline among timers still counting: what to sort a work list by. */
function nextDueAt(timers: readonly SlaTimer[]): number | null {
  const due = timers.filter((timer) => timer.stoppedAt === null && timer.dueAt !== null).map((timer) => timer.dueAt as number);
  return due.length > 0 ? Math.min(...due) : null;
}
