import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressThrottle } from './progress-throttle';

afterEach(() => {
  vi.useRealTimers();
});

describe('ProgressThrottle', () => {
  it('emits the first tick at once, then at most once per interval, and always the last state', () => {
    vi.useFakeTimers();
    let emitted = 0;
    const throttle = new ProgressThrottle(100, () => (emitted += 1));
    throttle.tick();
    expect(emitted).toBe(1);
    for (let i = 0; i < 50; i += 1) throttle.tick();
    expect(emitted).toBe(1);
    vi.advanceTimersByTime(100);
    expect(emitted).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(emitted).toBe(2);
    throttle.tick();
    throttle.flush();
    expect(emitted).toBe(4);
    throttle.tick();
    throttle.stop();
    vi.advanceTimersByTime(1000);
    expect(emitted).toBe(4);
  });
});
