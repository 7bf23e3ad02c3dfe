import { describe, expect, it } from 'vitest';
import { linkedSignal } from './linked-signal';

describe('linkedSignal', () => {
  it('aborts with the reason of whichever signal aborts first', () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkedSignal([a.signal, b.signal]);
    expect(linked.signal.aborted).toBe(false);
    b.abort(new Error('b first'));
    a.abort(new Error('a later'));
    expect(linked.signal.aborted).toBe(true);
    expect((linked.signal.reason as Error).message).toBe('b first');
  });

  it('is aborted at once when a signal already is', () => {
    const a = new AbortController();
    a.abort('gone');
    expect(linkedSignal([new AbortController().signal, a.signal]).signal.reason).toBe('gone');
  });

  it('no longer follows its parents once released', () => {
    const parent = new AbortController();
    const linked = linkedSignal([parent.signal]);
    linked.release();
    parent.abort();
    expect(linked.signal.aborted).toBe(false);
  });

  it('leaves no listener behind on a long-lived parent after many jobs', () => {
    const parent = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = parent.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => (added++, add(...args))) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => (removed++, remove(...args))) as typeof remove;
    for (let i = 0; i < 1000; i++) linkedSignal([signal, new AbortController().signal]).release();
    expect(added).toBe(1000);
    expect(removed).toBe(1000);
  });
});
