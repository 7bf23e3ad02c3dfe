import { AppError } from '@shared/errors';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * Problem records and changes name the assets they concern; a name that is
 * not a live asset on this laptop is refused (`assets.not-found`, with the
 * missing ids) rather than stored as a dangling reference.
 */
export function assertLiveAssets(db: Db, assetIds: readonly string[]): void {
  if (assetIds.length === 0) return;
  const unique = [...new Set(assetIds)];
  const found = new Set(
    (statement(db, 'SELECT id FROM assets WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(unique)) as { id: string }[]).map(
      (row) => row.id,
    ),
  );
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('assets.not-found', `No asset with id ${missing.join(', ')}`, { details: { field: 'assetIds', missing } });
  }
}
