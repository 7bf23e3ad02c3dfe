import type { ServiceDeps } from '../services';
import { SlaPoliciesService } from './sla-policies.service';

/** The SLA domain: policies (the clock itself is pure, in shared/sla). */
export function createSlaServices(deps: ServiceDeps) {
  return { policies: new SlaPoliciesService(deps.store, deps.events) };
}

export type SlaServices = ReturnType<typeof createSlaServices>;
