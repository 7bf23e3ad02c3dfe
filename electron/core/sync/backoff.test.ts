import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('backoff', () => {
  it('doubles the step after each failure up to the cap', () => {
    const highest = (failures: number) => backoffDelay(failures, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(highest)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('jitters between half the step and the whole step', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(2_000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3_000);
    const samples = Array.from({ length: 200 }, () => backoffDelay(4, policy));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(8_000);
    // Random: not all the same.
    expect(new Set(samples).size).toBeGreaterThan(10);
  });

  it('never overflows, however long the server was away', () => {
    expect(backoffDelay(10_000, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(0, policy, () => 1)).toBe(1_000);
  });
});
