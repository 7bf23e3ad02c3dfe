import type { SlaBreach, SlaFigures } from '@shared/domain/statistics';
import type { Priority, SlaState, SlaTimer } from '@shared/domain/sla';
import type { IncidentSla } from '../incidents/incident-sla';
import type { EventRow, IncidentRow } from '../incidents/incidents.repo';
import type { SlaIncidentRow } from './statistics.repo';

const MET: readonly SlaState[] = ['met'];
/** A timer that missed its target (stopped late) or is past it (still running). */
const BREACHED: readonly SlaState[] = ['missed', 'breached'];

/**
 * SLA compliance of the incidents of a scope, from the incidents' own SLA
 * engine (shared/sla through IncidentSla): the timers as they stood at the
 * horizon, from the history recorded before then (`history` holds only
 * that; `sla` reads its clock at the horizon). A timer counts once it has an outcome: met, missed, or
 * breached while still running.
 */
export function slaFigures(sla: IncidentSla, rows: readonly SlaIncidentRow[], history: Map<string, EventRow[]>, horizon: number): SlaFigures {
  // The engine reads only these columns of a row (the policy's client and the opening facts).
  const summaries = sla.summaries(rows as readonly IncidentRow[], history);
  let met = 0;
  let breached = 0;
  const breaches: SlaBreach[] = [];
  for (const row of rows) {
    for (const timer of summaries.get(row.id)?.timers ?? []) {
      if (MET.includes(timer.state)) met += 1;
      else if (BREACHED.includes(timer.state)) {
        breached += 1;
        breaches.push({ incidentId: row.id, number: row.number, title: row.title, priority: row.priority as Priority, timer: timer.kind, dueAt: dueAtOf(timer, horizon) });
      }
    }
  }
  breaches.sort((a, b) => a.dueAt - b.dueAt || a.number.localeCompare(b.number));
  const measured = met + breached;
  return { measured, met, breached, compliance: measured === 0 ? null : met / measured, breaches };
}

/**
 * When the target passed. The engine gives no due time for a paused timer;
 * a paused timer that is breached went over before the pause, so counting the
 * overrun back from the horizon is at most the pause's length late.
 */
function dueAtOf(timer: SlaTimer, horizon: number): number {
  return timer.dueAt ?? Math.max(0, (timer.stoppedAt ?? horizon) - (timer.elapsedMs - timer.targetMs));
}
