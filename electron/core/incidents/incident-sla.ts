import type { Priority, SlaEvent, SlaPolicy, SlaSummary } from '@shared/domain/sla';
import { computeSla } from '@shared/sla';
import type { EventRow, IncidentRow } from './incidents.repo';

/** Where incidents get the SLA policy of a client (the SLA services' `policies`). */
export interface SlaPolicySource {
  effectivePolicy(clientId: string | null): SlaPolicy;
}

/** Report dates and incident numbers use the client's contract zone; a 24×7 policy names none, so the product's home zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function timeZoneOf(policy: SlaPolicy): string {
  return policy.calendar.kind === 'business' ? policy.calendar.timeZone : DEFAULT_TIME_ZONE;
}

/**
 * The SLA facts of one incident, from its history in time order. The opening
 * comes from the `created` event (priority and system-down as first recorded);
 * later priority and system-down changes, status changes, the workaround and
 * the fault report follow with the times recorded on the laptop.
 */
export function slaEventsOf(row: IncidentRow, history: readonly EventRow[]): SlaEvent[] {
  const created = history.find((event) => event.kind === 'created');
  const opening = created ? (JSON.parse(created.data) as { priority?: Priority; systemDown?: boolean }) : {};
  const events: SlaEvent[] = [
    { type: 'opened', at: row.reported_at, priority: opening.priority ?? (row.priority as Priority), systemDown: opening.systemDown ?? row.system_down === 1 },
  ];
  for (const event of history) {
    const data = JSON.parse(event.data) as Record<string, unknown>;
    switch (event.kind) {
      case 'status':
        events.push({ type: 'status', at: event.at, status: String(data['to']) });
        break;
      case 'priority':
        events.push({ type: 'priority', at: event.at, priority: data['to'] as Priority });
        break;
      case 'system-down':
        events.push({ type: 'system-down', at: event.at, systemDown: data['to'] === true });
        break;
      case 'workaround':
        events.push({ type: 'workaround', at: event.at });
        break;
      case 'fault-report':
        events.push({ type: 'fault-report', at: event.at });
        break;
    }
  }
  // Stable: facts recorded at the same instant keep the order they were written in.
  return events.sort((a, b) => a.at - b.at);
}

/**
 * SLA timers for incidents, with the policy of each client looked up once per
 * call (a list shows many incidents of few clients).
 */
export class IncidentSla {
  constructor(
    private readonly policies: SlaPolicySource,
    private readonly now: () => number,
  ) {}

  /** A lookup that remembers each client's policy for the duration of one call. */
  policyLookup(): (clientId: string | null) => SlaPolicy {
    const cache = new Map<string | null, SlaPolicy>();
    return (clientId) => {
      let policy = cache.get(clientId);
      if (!policy) {
        policy = this.policies.effectivePolicy(clientId);
        cache.set(clientId, policy);
      }
      return policy;
    };
  }

  summaries(rows: readonly IncidentRow[], history: Map<string, EventRow[]>, policyOf = this.policyLookup()): Map<string, SlaSummary> {
    const now = this.now();
    return new Map(rows.map((row) => [row.id, computeSla(policyOf(row.client_id), slaEventsOf(row, history.get(row.id) ?? []), now)]));
  }
}
