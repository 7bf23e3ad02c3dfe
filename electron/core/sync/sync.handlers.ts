import type { syncContract } from '@shared/api/sync.contract';
import type { Handlers } from '../api/registry';
import type { SyncServices } from './sync.services';

export function syncHandlers(service: () => SyncServices): Handlers<typeof syncContract> {
  return {
    'sync.status': () => service().status(),
    'sync.enrol': (input) => service().enrol(input),
    'sync.now': () => service().syncNow(),
    'sync.forget': () => service().forget(),
    'sync.conflicts': (input) => service().conflicts(input),
    'sync.resolveConflict': (input) => service().resolveConflict(input),
  };
}
