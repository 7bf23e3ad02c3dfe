import type { PushEntry } from '@shared/sync/messages';

/** An outbox row as stored (electron/core/store/migrations/0001). */
export interface OutboxRow {
  seq: number;
  entity: string;
  entity_id: string;
  op: PushEntry['op'];
  fields: string;
  hlc: string;
}

export interface BatchLimits {
  maxEntries: number;
  /** Of the whole JSON body, uncompressed (what the server measures). */
  maxBytes: number;
}

export interface PushBatch {
  entries: PushEntry[];
  /** Seqs of entries too large to ever fit a request: sent set aside, without their fields. */
  oversized: number[];
  bytes: number;
}

/**
 * The next push from the head of the outbox: consecutive seqs in order, as
 * many as fit the entry count and the body size. An entry that alone exceeds
 * the size limit can never be sent as it is; it goes set aside (SYNC.md: the
 * server keeps such entries for review), so one huge record cannot block
 * everything behind it. The record itself stays on this laptop.
 *
 * `setAside` marks entries the server refused for good on an earlier try.
 */
export function nextPushBatch(rows: readonly OutboxRow[], deviceId: string, limits: BatchLimits, setAside: ReadonlyMap<number, string> = new Map()): PushBatch {
  const envelope = Buffer.byteLength(JSON.stringify({ deviceId, entries: [] }), 'utf8');
  const entries: PushEntry[] = [];
  const oversized: number[] = [];
  let bytes = envelope;
  let previousSeq: number | null = null;

  for (const row of rows) {
    if (entries.length >= limits.maxEntries) break;
    if (previousSeq !== null && row.seq !== previousSeq + 1) break;
    let entry = toEntry(row, setAside.get(row.seq));
    // One comma between entries.
    let size = Buffer.byteLength(JSON.stringify(entry), 'utf8') + (entries.length > 0 ? 1 : 0);
    if (envelope + size > limits.maxBytes) {
      entry = { ...entry, fields: {}, setAside: { code: 'sync.payload-too-large' } };
      size = Buffer.byteLength(JSON.stringify(entry), 'utf8') + (entries.length > 0 ? 1 : 0);
      oversized.push(row.seq);
    }
    if (bytes + size > limits.maxBytes) break;
    entries.push(entry);
    bytes += size;
    previousSeq = row.seq;
  }
  return { entries, oversized, bytes };
}

function toEntry(row: OutboxRow, setAsideCode: string | undefined): PushEntry {
  const entry: PushEntry = { seq: row.seq, entity: row.entity as PushEntry['entity'], id: row.entity_id, op: row.op, fields: JSON.parse(row.fields) as PushEntry['fields'], hlc: row.hlc };
  if (setAsideCode !== undefined) entry.setAside = { code: setAsideCode };
  return entry;
}
