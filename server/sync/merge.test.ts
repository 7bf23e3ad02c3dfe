import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeWrite, sameJson, type IncomingWrite, type Json, type RecordState } from './merge';

const A = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const B = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const stamp = (ms: number, node: string, counter = 0) => `${String(ms).padStart(15, '0')}-${counter.toString(36).padStart(6, '0')}-${node}`;
const write = (fields: Record<string, Json>, hlc: string, deviceId: string, seenSeq = 0): IncomingWrite => ({ fields, hlc, deviceId, seenSeq, appendOnly: false });

describe('mergeWrite: per-field last writer wins by HLC', () => {
  it('takes every field of a first write and reports them as changed', () => {
    const result = mergeWrite(null, write({ title: 'UPS 告警', status: 'new' }, stamp(1000, A), A), 1);
    expect(result.state.fields).toEqual({ title: 'UPS 告警', status: 'new' });
    expect(result.won).toEqual({ title: 'UPS 告警', status: 'new' });
    expect(result.state.meta.title).toEqual({ hlc: stamp(1000, A), deviceId: A, serverSeq: 1 });
    expect(result.conflicts).toEqual({});
  });

  it('keeps the newer stamp per field, whatever the order of arrival', () => {
    const first = write({ title: 'old', status: 'new' }, stamp(1000, A), A);
    const second = write({ title: 'new title' }, stamp(2000, B), B, 1);
    const inOrder = mergeWrite(mergeWrite(null, first, 1).state, second, 2).state;
    const reversed = mergeWrite(mergeWrite(null, second, 1).state, first, 2).state;
    expect(inOrder.fields).toEqual({ title: 'new title', status: 'new' });
    expect(reversed.fields).toEqual(inOrder.fields);
  });

  it('applies nothing for the same write again', () => {
    const once = mergeWrite(null, write({ title: 't' }, stamp(1000, A), A), 1);
    const again = mergeWrite(once.state, write({ title: 't' }, stamp(1000, A), A), 2);
    expect(again.won).toEqual({});
    expect(again.state).toEqual(once.state);
  });

  it('logs a conflict when the writer had not seen the value it overwrites, and keeps both', () => {
    const stored = mergeWrite(null, write({ title: 'from A' }, stamp(1000, A), A), 5).state;
    // B last pulled up to seq 4: it never saw A's title (seq 5).
    const later = mergeWrite(stored, write({ title: 'from B' }, stamp(2000, B), B, 4), 6);
    expect(later.state.fields.title).toBe('from B');
    expect(later.conflicts.title).toEqual({
      winner: { value: 'from B', hlc: stamp(2000, B), deviceId: B },
      loser: { value: 'from A', hlc: stamp(1000, A), deviceId: A },
    });
    const earlier = mergeWrite(stored, write({ title: 'from B' }, stamp(500, B), B, 4), 6);
    expect(earlier.state.fields.title).toBe('from A');
    expect(earlier.won).toEqual({});
    expect(earlier.conflicts.title?.loser.value).toBe('from B');
  });

  it('does not call it a conflict when the writer had pulled the value, wrote it itself, or wrote the same value', () => {
    const stored = mergeWrite(null, write({ title: 'from A', updatedAt: 1 }, stamp(1000, A), A), 5).state;
    expect(mergeWrite(stored, write({ title: 'from B' }, stamp(2000, B), B, 5), 6).conflicts).toEqual({});
    expect(mergeWrite(stored, write({ title: 'again A' }, stamp(2000, A), A), 6).conflicts).toEqual({});
    expect(mergeWrite(stored, write({ title: 'from A' }, stamp(2000, B), B), 6).conflicts).toEqual({});
    expect(mergeWrite(stored, write({ updatedAt: 2 }, stamp(2000, B), B), 6).conflicts).toEqual({});
  });

  it('never reports a conflict for append-only records', () => {
    const stored = mergeWrite(null, write({ text: 'a' }, stamp(1000, A), A), 5).state;
    expect(mergeWrite(stored, { ...write({ text: 'b' }, stamp(2000, B), B), appendOnly: true }, 6).conflicts).toEqual({});
  });

  it('converges: any order of the same writes gives the same record (property)', () => {
    const writeArb = fc.record({
      field: fc.constantFrom('title', 'status', 'assignee'),
      value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)),
      ms: fc.integer({ min: 1, max: 50 }),
      device: fc.constantFrom(A, B),
    });
    const uniqueWrites = fc
      .uniqueArray(writeArb, { minLength: 1, maxLength: 12, selector: (w) => `${w.device}/${w.ms}` })
      .map((list) => list.map((w) => write({ [w.field]: w.value }, stamp(w.ms, w.device), w.device)));
    const orders = uniqueWrites.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    const apply = (list: IncomingWrite[]) => list.reduce<RecordState | null>((state, w, i) => mergeWrite(state, w, i + 1).state, null)?.fields;
    fc.assert(
      fc.property(orders, ([inOrder, shuffled]) => {
        expect(apply(shuffled)).toEqual(apply(inOrder));
      }),
    );
  });
});

describe('sameJson', () => {
  it('compares objects regardless of key order, and arrays by position', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
