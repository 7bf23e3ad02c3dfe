import { describe, expect, it } from 'vitest';
import { nextPushBatch, type OutboxRow } from './push-batch';

const DEVICE = '0193a1b2-aaaa-7000-8000-00000000000a';

function rows(count: number, fieldBytes = 10, firstSeq = 1): OutboxRow[] {
  return Array.from({ length: count }, (_, index) => ({
    seq: firstSeq + index,
    entity: 'incident',
    entity_id: `id-${index}`,
    op: 'insert' as const,
    fields: JSON.stringify({ title: 'x'.repeat(fieldBytes) }),
    hlc: `000001764234000000-00000${index % 10}-${DEVICE}`,
  }));
}

const bodyBytes = (entries: unknown[]) => Buffer.byteLength(JSON.stringify({ deviceId: DEVICE, entries }), 'utf8');

describe('push batches', () => {
  it('stop at the entry count', () => {
    const batch = nextPushBatch(rows(25), DEVICE, { maxEntries: 10, maxBytes: 1_000_000 });
    expect(batch.entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('stop before the body would pass the byte limit, and measure the body exactly', () => {
    const all = rows(50, 1_000);
    const limit = 10_000;
    const batch = nextPushBatch(all, DEVICE, { maxEntries: 1000, maxBytes: limit });
    expect(batch.bytes).toBe(bodyBytes(batch.entries));
    expect(batch.bytes).toBeLessThanOrEqual(limit);
    // One more entry would not have fitted.
    const withNext = [...batch.entries, { ...batch.entries[0], seq: 99 }];
    expect(bodyBytes(withNext)).toBeGreaterThan(limit);
    expect(batch.entries.length).toBeGreaterThan(1);
  });

  it('count bytes in UTF-8: Chinese text takes three bytes a character', () => {
    const chinese = rows(20, 0).map((row) => ({ ...row, fields: JSON.stringify({ title: '核心交换机端口故障'.repeat(20) }) }));
    const batch = nextPushBatch(chinese, DEVICE, { maxEntries: 1000, maxBytes: 4_000 });
    expect(bodyBytes(batch.entries)).toBeLessThanOrEqual(4_000);
    expect(bodyBytes([...batch.entries, batch.entries[0]])).toBeGreaterThan(4_000);
    // Counted in characters, one more would have seemed to fit.
    expect(JSON.stringify({ deviceId: DEVICE, entries: [...batch.entries, batch.entries[0]] }).length).toBeLessThan(4_000);
  });

  it('set aside an entry that alone exceeds the limit, without its fields, so it cannot block the outbox', () => {
    const list = [...rows(1, 10), ...rows(1, 50_000, 2), ...rows(1, 10, 3)];
    const batch = nextPushBatch(list, DEVICE, { maxEntries: 1000, maxBytes: 10_000 });
    expect(batch.entries.map((entry) => [entry.seq, entry.setAside?.code ?? null])).toEqual([
      [1, null],
      [2, 'sync.payload-too-large'],
      [3, null],
    ]);
    expect(batch.entries[1]?.fields).toEqual({});
    expect(batch.oversized).toEqual([2]);
  });

  it('send only consecutive seqs and mark entries refused for good as set aside, fields kept', () => {
    const list = [...rows(3), ...rows(2, 10, 10)];
    const batch = nextPushBatch(list, DEVICE, { maxEntries: 1000, maxBytes: 1_000_000 }, new Map([[2, 'sync.forbidden-scope']]));
    expect(batch.entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(batch.entries[1]?.setAside).toEqual({ code: 'sync.forbidden-scope' });
    expect(batch.entries[1]?.fields).toEqual({ title: 'x'.repeat(10) });
  });
});
