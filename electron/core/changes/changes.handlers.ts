import type { changesContract } from '@shared/api/changes.contract';
import type { Handlers } from '../api/registry';
import type { ChangesServices } from './changes.services';

export function changesHandlers(service: () => ChangesServices): Handlers<typeof changesContract> {
  return {
    'changes.list': (input) => service().list(input),
    'changes.get': (input) => service().get(input.id),
    'changes.create': (input) => service().create(input),
    'changes.update': (input) => service().update(input.id, input.patch),
    'changes.transition': (input) => service().transition(input.id, input),
  };
}
