import { z } from 'zod';
import { event } from './define';
import { SyncStatus } from './sync.contract';

export const eventsContract = {
  /** Records of these entities changed; views showing them reload. */
  'records.changed': event({
    summary: 'Records of these entities changed.',
    payload: z.object({ entities: z.array(z.string()).min(1) }),
  }),
  /** Progress of long work (imports, sweeps, sync, exports). */
  'task.progress': event({
    summary: 'Progress of a long-running task.',
    payload: z.object({
      taskId: z.string(),
      label: z.string(),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    }),
  }),
  /** Sync started or finished, failed, or the pending count changed; the top bar and the Sync page follow it. */
  'sync.status': event({
    summary: 'Where sync stands changed.',
    payload: SyncStatus,
  }),
};
