import type { systemContract } from '@shared/api/system.contract';
import type { Handlers } from '../api/registry';
import { AuditRepo } from '../audit/audit.repo';
import type { CoreState } from '../core-state';

export function systemHandlers(state: CoreState): Handlers<typeof systemContract> {
  return {
    'system.info': () => state.info(),
    'settings.update': (input) => state.settings.update(input, state.requireStore()),
    'profile.save': (input) => state.settings.saveProfile(input, state.requireStore()),
    'audit.list': (input) => new AuditRepo(state.requireStore().db).recent(input.limit, input.entityId),
    'backups.list': () => state.backups.list(),
    'backups.create': () => state.backupNow(),
    'backups.restore': (input) => state.restore(input.file),
  };
}
