import { describe, expect, it } from 'vitest';
import { syncedEntities } from '../../electron/core/store/synced-entities';
import { BOOKKEEPING_FIELDS, SYNC_ENTITIES } from '@shared/sync/entities';

/**
 * The server accepts exactly the fields the console's write path can put in
 * its outbox. A new synced entity or field on the console must be added to
 * shared/sync/entities.ts too (with its placement and writers), or its
 * entries would be refused as unknown.
 */
describe('sync entity catalogue', () => {
  it('knows every entity and field the console syncs, and nothing more', () => {
    const console = Object.fromEntries(Object.entries(syncedEntities).map(([name, entity]) => [name, Object.keys(entity.fields).sort()]));
    const server = Object.fromEntries(Object.entries(SYNC_ENTITIES).map(([name, spec]) => [name, [...spec.fields].sort()]));
    expect(server).toEqual(console);
  });

  it('keeps bookkeeping fields out of entity field lists (the write path manages them)', () => {
    for (const spec of Object.values(SYNC_ENTITIES)) {
      for (const field of BOOKKEEPING_FIELDS) expect(spec.fields).not.toContain(field);
    }
  });
});
