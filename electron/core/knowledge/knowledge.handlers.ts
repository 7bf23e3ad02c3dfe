import type { knowledgeContract } from '@shared/api/knowledge.contract';
import type { Handlers } from '../api/registry';
import type { KnowledgeServices } from './knowledge.services';

export function knowledgeHandlers(service: () => KnowledgeServices): Handlers<typeof knowledgeContract> {
  return {
    'knowledge.list': (input) => service().list(input),
    'knowledge.get': (input) => service().get(input.id),
    'knowledge.create': (input) => service().create(input),
    'knowledge.update': (input) => service().update(input.id, input.patch),
    'knowledge.delete': (input) => service().delete(input.id),
    'knowledge.restore': (input) => service().restore(input.id),
    'knowledge.suggest': (input) => service().suggest(input),
    'knowledge.tags': () => service().tags(),
    'knowledge.vendors': () => service().vendors(),
  };
}
