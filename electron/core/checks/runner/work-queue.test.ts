import { describe, expect, it } from 'vitest';
import { CancelledError, TimeoutError, WorkQueue, type Job } from './work-queue';

/** A job that records how many of its kind/host run alongside it. */
function tracker() {
  const running = new Map<string, number>();
  let peakGlobal = 0;
  let global = 0;
  const peaks = new Map<string, number>();
  const job = (kind: string, host: string, ms = 5): Job<string> => ({
    kind,
    host,
    timeoutMs: 1000,
    run: async () => {
      global += 1;
      peakGlobal = Math.max(peakGlobal, global);
      for (const key of [`kind:${kind}`, `host:${host}`]) {
        running.set(key, (running.get(key) ?? 0) + 1);
        peaks.set(key, Math.max(peaks.get(key) ?? 0, running.get(key) as number));
      }
      await new Promise((r) => setTimeout(r, ms));
      global -= 1;
      for (const key of [`kind:${kind}`, `host:${host}`]) running.set(key, (running.get(key) as number) - 1);
      return `${kind}@${host}`;
    },
  });
  return { job, peaks, peakGlobal: () => peakGlobal };
}

const noSleep = () => Promise.resolve();

describe('WorkQueue', () => {
  it('keeps to the global, per-kind and per-host limits and runs everything', async () => {
    const queue = new WorkQueue({ global: 6, perKind: { ssh: 3 }, perHost: 2 });
    const { job, peaks, peakGlobal } = tracker();
    const jobs = [
      ...Array.from({ length: 20 }, (_, i) => job('ssh', `10.0.0.${i % 10}`)),
      ...Array.from({ length: 20 }, (_, i) => job('snmp', `10.0.0.${i % 2}`)),
    ];
    const outcomes = await Promise.all(jobs.map((j) => queue.add(j)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(peaks.get('kind:ssh')).toBeLessThanOrEqual(3);
    expect(peakGlobal()).toBeLessThanOrEqual(6);
    for (const [key, peak] of peaks) if (key.startsWith('host:')) expect(peak, key).toBeLessThanOrEqual(2);
    // Limits are not so strict that nothing runs in parallel.
    expect(peakGlobal()).toBeGreaterThan(1);
  });

  it('times out an attempt and retries only what is retryable, with growing delays', async () => {
    const delays: number[] = [];
    const queue = new WorkQueue(
      { global: 4, perKind: {}, perHost: 4 },
      { attempts: 3, baseDelayMs: 100, maxDelayMs: 150, retryable: (error) => error instanceof TimeoutError },
      async (ms) => {
        delays.push(ms);
      },
      () => 1,
    );
    let calls = 0;
    const slow = await queue.add({ kind: 'snmp', host: 'a', timeoutMs: 20, run: () => ((calls += 1), new Promise(() => undefined)) });
    expect(slow).toMatchObject({ ok: false, attempts: 3 });
    expect(slow.error).toBeInstanceOf(TimeoutError);
    expect(calls).toBe(3);
    expect(delays).toEqual([100, 150]);

    let authCalls = 0;
    const denied = await queue.add({
      kind: 'ssh',
      host: 'b',
      timeoutMs: 1000,
      run: async () => {
        authCalls += 1;
        throw new Error('auth failed');
      },
    });
    expect(denied).toMatchObject({ ok: false, attempts: 1 });
    expect(authCalls).toBe(1);

    let flaky = 0;
    const recovered = await queue.add({
      kind: 'snmp',
      host: 'c',
      timeoutMs: 20,
      run: () => (++flaky < 2 ? new Promise<string>(() => undefined) : Promise.resolve('ok')),
    });
    expect(recovered).toEqual({ ok: true, value: 'ok', attempts: 2 });
  });

  it('cancels running and waiting jobs at once, and refuses new ones', async () => {
    const queue = new WorkQueue({ global: 1, perKind: {}, perHost: 1 }, undefined, noSleep);
    const seen: AbortSignal[] = [];
    const running = queue.add({
      kind: 'ssh',
      host: 'a',
      timeoutMs: 60_000,
      run: (signal) => {
        seen.push(signal);
        return new Promise(() => undefined);
      },
    });
    let waitingRan = false;
    const waiting = queue.add({ kind: 'ssh', host: 'a', timeoutMs: 60_000, run: async () => ((waitingRan = true), 'x') });
    await new Promise((r) => setTimeout(r, 5));
    queue.cancelAll();
    const [a, b] = await Promise.all([running, waiting]);
    expect(a.error).toBeInstanceOf(CancelledError);
    expect(b).toMatchObject({ ok: false, attempts: 0 });
    expect(b.error).toBeInstanceOf(CancelledError);
    expect(waitingRan).toBe(false);
    expect(seen[0]?.aborted).toBe(true);
    expect((await queue.add({ kind: 'ssh', host: 'a', timeoutMs: 10, run: async () => 'late' })).error).toBeInstanceOf(CancelledError);
  });
});
