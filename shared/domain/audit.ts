import { z } from 'zod';
import { EpochMs } from './ids';

export const AuditAction = z.enum(['create', 'update', 'delete', 'restore']);

/** One line of "who changed what and when", written in the same transaction as the change. */
export const AuditEntry = z.object({
  /** Local, increasing: the order lines were written. */
  seq: z.number().int(),
  at: EpochMs,
  actorName: z.string(),
  actorRole: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: AuditAction,
  /** Field → [before, after]; before is null for a create. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
