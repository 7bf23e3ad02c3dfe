import type { ServiceDeps } from '../services';
import { KnowledgeService } from './knowledge.service';

export function createKnowledgeServices(deps: ServiceDeps) {
  return new KnowledgeService({ store: deps.store, events: deps.events, actor: deps.actor ?? (() => null) });
}

export type KnowledgeServices = ReturnType<typeof createKnowledgeServices>;
