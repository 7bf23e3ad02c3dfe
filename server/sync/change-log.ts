import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '@shared/hlc';
import { sql, type Transaction } from 'kysely';
import type { DatabaseDialect } from '../db/database';
import type { ServerDatabase } from '../db/schema';
import { insertInChunks } from '../db/bulk';

export type Trx = Transaction<ServerDatabase>;
export type ChangeRow = ServerDatabase['changes'];
export const SERVER_NODE = 'walkdown-server';

/**
 * Hands out change sequence numbers inside a write transaction.
 *
 * Why a lock row: a pull reads "changes after my cursor". If two transactions
 * took seqs 7 and 8 and 8 committed first, a pull in between would return 8,
 * move its cursor past 7, and never see 7. So every transaction that appends
 * changes first locks the single sync_state row (SELECT ... FOR UPDATE on
 * PostgreSQL; on SQLite the first statement is a write, which takes SQLite's
 * one write lock) and holds it until it commits. Commits therefore happen in
 * seq order, on one instance or many sharing a database, and every snapshot a
 * pull reads holds a gap-free prefix of the log. The price is that pushes
 * commit one at a time; a push is a few milliseconds of indexed writes, and
 * the alternative (hand out only seqs below the oldest in-flight transaction,
 * via pg_snapshot_xmin) is PostgreSQL-only and harder to get right.
 */
export class ChangeLog {
  private pending: ChangeRow[] = [];

  private constructor(
    private readonly trx: Trx,
    private lastSeq: number,
    private hlc: Hlc | null,
    private readonly now: () => number,
  ) {}

  static async open(trx: Trx, dialect: DatabaseDialect, now: () => number): Promise<ChangeLog> {
    if (dialect === 'sqlite') await sql`UPDATE sync_state SET last_seq = last_seq WHERE id = 1`.execute(trx);
    const state =
      dialect === 'postgres'
        ? await trx.selectFrom('sync_state').select(['last_seq', 'hlc']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow()
        : await trx.selectFrom('sync_state').select(['last_seq', 'hlc']).where('id', '=', 1).executeTakeFirstOrThrow();
    return new ChangeLog(trx, Number(state.last_seq), state.hlc ? parseHlc(state.hlc) : null, now);
  }

  /** The seq the next appended change will get. */
  get nextSeq(): number {
    return this.lastSeq + 1;
  }

  /** A stamp for a change the server makes itself (users, conflicts): after everything it has seen. */
  stamp(): string {
    this.hlc = tickHlc(this.hlc, this.now(), SERVER_NODE);
    return formatHlc(this.hlc);
  }

  /** Moves the server's clock past a stamp it accepted from a device. */
  receive(stamp: string): void {
    this.hlc = receiveHlc(this.hlc, parseHlc(stamp), this.now(), SERVER_NODE);
  }

  /** Takes the next seq for a change; it is written by save(), with the others, in a few multi-row inserts. */
  append(change: Omit<ChangeRow, 'server_seq' | 'committed_at'>): number {
    this.lastSeq += 1;
    this.pending.push({ ...change, server_seq: this.lastSeq, committed_at: this.now() });
    return this.lastSeq;
  }

  /** Writes the changes, the counter and the clock; call last, inside the same transaction. */
  async save(): Promise<void> {
    await insertInChunks(this.trx, 'changes', this.pending);
    this.pending = [];
    await this.trx
      .updateTable('sync_state')
      .set({ last_seq: this.lastSeq, hlc: this.hlc ? formatHlc(this.hlc) : null })
      .where('id', '=', 1)
      .execute();
  }
}
