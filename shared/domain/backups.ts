import { z } from 'zod';
import { EpochMs } from './ids';

export const BackupReason = z.enum(['pre-migration', 'daily', 'manual', 'pre-restore']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  /** File name inside the data directory's backups folder; never a path. */
  file: z.string(),
  createdAt: EpochMs,
  reason: BackupReason,
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;
