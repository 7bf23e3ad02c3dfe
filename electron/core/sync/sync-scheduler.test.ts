import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncScheduler, type CycleOutcome } from './sync-scheduler';

const options = { intervalMs: 30_000, debounceMs: 2_000, backoff: { baseMs: 1_000, maxMs: 8_000 }, random: () => 1 };

/** A cycle whose outcomes the test decides, recording when each run started. */
function scripted(outcomes: CycleOutcome[]) {
  const runs: number[] = [];
  const cycle = vi.fn(async () => {
    runs.push(Date.now());
    return outcomes.shift() ?? { ok: true };
  });
  return { runs, cycle };
}

describe('sync scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once when started, then every interval while runs succeed', async () => {
    const { runs, cycle } = scripted([]);
    const scheduler = new SyncScheduler(cycle, options);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(95_000);
    expect(runs).toEqual([0, 30_000, 60_000, 90_000]);
    scheduler.close();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(runs).toHaveLength(4);
  });

  it('backs off exponentially after failures, honours Retry-After, and returns to the interval after a success', async () => {
    const { runs, cycle } = scripted([{ ok: false }, { ok: false }, { ok: false }, { ok: false, retryAfterMs: 20_000 }, { ok: false }, { ok: true }]);
    const scheduler = new SyncScheduler(cycle, options);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(200_000);
    const gaps = runs.slice(1).map((time, index) => time - (runs[index] as number));
    // 1 s, 2 s, 4 s, then the server's 20 s, then capped at 8 s, then success → 30 s intervals.
    expect(gaps.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 20_000, 8_000, 30_000]);
    scheduler.close();
  });

  it('stops background runs when the server refused the device for good; a manual run still works', async () => {
    const { runs, cycle } = scripted([{ ok: false, stop: true }]);
    const scheduler = new SyncScheduler(cycle, options);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(runs).toEqual([0]);
    expect(scheduler.isEnabled).toBe(false);
    expect(scheduler.nextAt).toBeNull();
    await expect(scheduler.runNow()).resolves.toEqual({ ok: true });
    expect(runs).toHaveLength(2);
  });

  it('runs soon after local writes, at most one debounce after the first, and not during backoff', async () => {
    const { runs, cycle } = scripted([]);
    const scheduler = new SyncScheduler(cycle, options);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(10_000); // first run at 0, next due at 30 s
    scheduler.poke();
    await vi.advanceTimersByTimeAsync(1_000);
    scheduler.poke(); // does not push the run further out
    await vi.advanceTimersByTimeAsync(1_500);
    expect(runs).toEqual([0, 12_000]);
    scheduler.close();

    const failing = scripted([{ ok: false }, { ok: false }, { ok: false }]);
    const patient = new SyncScheduler(failing.cycle, { ...options, backoff: { baseMs: 60_000, maxMs: 60_000 } });
    patient.start();
    await vi.advanceTimersByTimeAsync(1);
    patient.poke();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failing.runs).toHaveLength(1);
    patient.close();
  });

  it('runs one cycle at a time: a manual run waits for the running one, then runs', async () => {
    let release: () => void = () => undefined;
    let active = 0;
    let most = 0;
    const cycle = vi.fn(async (): Promise<CycleOutcome> => {
      active += 1;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => (release = resolve));
      active -= 1;
      return { ok: true };
    });
    const scheduler = new SyncScheduler(cycle, options);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(scheduler.isRunning).toBe(true);
    const manual = scheduler.runNow();
    await vi.advanceTimersByTimeAsync(1);
    expect(cycle).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(1);
    expect(cycle).toHaveBeenCalledTimes(2);
    release();
    await manual;
    expect(most).toBe(1);
    scheduler.close();
  });
});
