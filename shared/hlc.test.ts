import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from './hlc';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    const first = tickHlc(null, 1000, 'a');
    expect(first).toEqual({ wallMs: 1000, counter: 0, node: 'a' });
    expect(tickHlc(first, 2000, 'a')).toEqual({ wallMs: 2000, counter: 0, node: 'a' });
  });

  it('never goes backwards when the wall clock does', () => {
    const first = tickHlc(null, 5000, 'a');
    const second = tickHlc(first, 4000, 'a');
    expect(compareHlc(second, first)).toBeGreaterThan(0);
    expect(second).toEqual({ wallMs: 5000, counter: 1, node: 'a' });
  });

  it('moves past a remote stamp from a clock that runs ahead', () => {
    const local = tickHlc(null, 1000, 'a');
    const remote: Hlc = { wallMs: 9000, counter: 3, node: 'b' };
    const after = receiveHlc(local, remote, 1001, 'a');
    expect(compareHlc(after, remote)).toBeGreaterThan(0);
    expect(after).toEqual({ wallMs: 9000, counter: 4, node: 'a' });
  });

  it('formats to text that sorts like the clock and parses back', () => {
    const stamps: Hlc[] = [
      { wallMs: 999, counter: 40, node: 'z' },
      { wallMs: 1000, counter: 0, node: 'a' },
      { wallMs: 1000, counter: 35, node: 'a' },
      { wallMs: 1000, counter: 36, node: 'a' },
      { wallMs: 1000, counter: 36, node: 'b' },
    ];
    const texts = stamps.map(formatHlc);
    expect([...texts].sort()).toEqual(texts);
    for (const stamp of stamps) expect(parseHlc(formatHlc(stamp))).toEqual(stamp);
    expect(() => parseHlc('nonsense')).toThrow(/Not a hybrid logical clock/);
  });
});
