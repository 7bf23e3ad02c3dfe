import { parseHlc } from '@shared/hlc';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { syncError } from '../http/sync-error';
import type { Trx } from './change-log';

/**
 * Records that a device had applied every change up to `cursor` when its
 * clock read `clock` (merge.ts uses it to tell concurrent edits from later
 * ones). Both only grow, so a repeated clock keeps the larger cursor.
 */
export async function recordCheckpoint(db: Db | Trx, deviceId: string, clock: string, cursor: number): Promise<void> {
  if (parseHlc(clock).node !== deviceId) throw syncError('sync.invalid', 'The clock stamp was not made by this device');
  await db
    .insertInto('pull_checkpoints')
    .values({ device_id: deviceId, clock, cursor })
    .onConflict((c) =>
      c.columns(['device_id', 'clock']).doUpdateSet({
        cursor: sql<number>`CASE WHEN excluded.cursor > pull_checkpoints.cursor THEN excluded.cursor ELSE pull_checkpoints.cursor END`,
      }),
    )
    .execute();
}
