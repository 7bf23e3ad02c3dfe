import type { ServiceDeps } from '../services';
import { ProblemsService } from './problems.service';

/** Problem records over the open store. Other domains (knowledge, incidents) may read through `problems.get`. */
export function createProblemsServices(deps: ServiceDeps) {
  return new ProblemsService({ store: deps.store, events: deps.events, now: deps.now, actor: deps.actor ?? (() => null) });
}

export type ProblemsServices = ReturnType<typeof createProblemsServices>;
