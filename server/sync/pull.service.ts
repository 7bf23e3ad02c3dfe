import { parseHlc } from '@shared/hlc';
import { SYNC_LIMITS } from '@shared/sync/limits';
import type { Change } from '@shared/sync/messages';
import { canRead } from '@shared/sync/scope';
import type { ExpressionBuilder } from 'kysely';
import type { Session } from '../accounts/accounts.service';
import type { ServerStore } from '../db/database';
import type { ServerDatabase } from '../db/schema';
import { syncError } from '../http/sync-error';
import { recordCheckpoint } from './checkpoints';

export type PullResult = { changes: Change[]; cursor: number; hasMore: boolean; reset: boolean };

type ChangeRow = ServerDatabase['changes'];

/**
 * Changes after a cursor, filtered to what the user may receive (SYNC.md
 * "Pull", guarantee 6). The read runs in one snapshot (REPEATABLE READ on
 * PostgreSQL, one read transaction on SQLite) and, since change seqs commit in
 * order (change-log.ts), a snapshot always holds a gap-free prefix: the cursor
 * handed back never passes a change that a later pull could still see appear.
 */
export class PullService {
  constructor(private readonly store: ServerStore) {}

  async pull(session: Session, request: { cursor: number; limit: number; clock: string }): Promise<PullResult> {
    if (parseHlc(request.clock).node !== session.device.id) throw syncError('sync.invalid', 'The clock stamp was not made by this device');
    const db = this.store.db;
    if (session.device.scopeVersion !== session.user.scopeVersion) {
      if (request.cursor !== 0) return { changes: [], cursor: 0, hasMore: true, reset: true };
      await db.updateTable('devices').set({ scope_version: session.user.scopeVersion }).where('id', '=', session.device.id).execute();
    }
    await recordCheckpoint(db, session.device.id, request.clock, request.cursor);

    let transaction = db.transaction();
    if (this.store.dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
    return transaction.execute(async (trx) => {
      const state = await trx.selectFrom('sync_state').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
      const lastSeq = Number(state.last_seq);
      const rows = await trx
        .selectFrom('changes')
        .selectAll()
        .where('server_seq', '>', request.cursor)
        .where('server_seq', '<=', lastSeq)
        // A device's own pushes are already on it; conflicts (no origin) always come.
        .where((eb) => eb.or([eb('origin_device_id', 'is', null), eb('origin_device_id', '!=', session.device.id)]))
        .where((eb) => this.visible(eb, session))
        .orderBy('server_seq')
        .limit(request.limit + 1)
        .execute();

      const changes: Change[] = [];
      let bytes = 0;
      let hasMore = rows.length > request.limit;
      for (const row of rows.slice(0, request.limit)) {
        if (changes.length > 0 && bytes + row.fields.length > SYNC_LIMITS.pullMaxBytes) {
          hasMore = true;
          break;
        }
        bytes += row.fields.length;
        changes.push(this.toChange(row, session));
      }
      const cursor = hasMore ? (changes[changes.length - 1] as Change).serverSeq : Math.max(lastSeq, request.cursor);
      return { changes, cursor, hasMore, reset: false };
    });
  }

  /** Scope (current or previous placement, for evictions) and, for engineers, only their own work. */
  private visible(eb: ExpressionBuilder<ServerDatabase, 'changes'>, session: Session) {
    const { scope, user } = session;
    const conditions = [];
    if (user.role === 'engineer') conditions.push(eb.or([eb('kind', '=', 'reference'), eb('owner_user_id', '=', user.id), eb('peer_user_id', '=', user.id)]));
    if (scope.all) return eb.and(conditions);
    const placed = (client: 'client_id' | 'prev_client_id', site: 'site_id' | 'prev_site_id') => {
      const options = [eb.and([eb(client, 'is', null), eb(site, 'is', null)])];
      if (scope.siteIds.length > 0) options.push(eb(site, 'in', [...scope.siteIds]));
      if (scope.clientIds.length > 0) options.push(eb(client, 'in', [...scope.clientIds]));
      if (scope.siteClientIds.length > 0) options.push(eb.and([eb(site, 'is', null), eb(client, 'in', [...scope.siteClientIds])]));
      return eb.or(options);
    };
    const evicted = eb.and([eb('prev_client_id', 'is not', null), placed('prev_client_id', 'prev_site_id')]);
    conditions.push(eb.or([placed('client_id', 'site_id'), evicted]));
    return eb.and(conditions);
  }

  private toChange(row: ChangeRow, session: Session): Change {
    const readable = canRead(session.scope, { clientId: row.client_id, siteId: row.site_id });
    return {
      serverSeq: Number(row.server_seq),
      entity: row.entity,
      id: row.entity_id,
      op: readable ? (row.op as Change['op']) : 'evict',
      fields: readable ? (JSON.parse(row.fields) as Change['fields']) : {},
      hlc: row.hlc,
      originDeviceId: row.origin_device_id,
    };
  }
}
