/**
 * A signal that aborts when any of `signals` does, with `release()` to
 * detach it once the work is over.
 *
 * Why not AbortSignal.any: on Node 20 it costs ~30 µs a call and every
 * combined signal stays registered (as a weak reference) on its long-lived
 * parents — the queue's and the run's — until a garbage collection, so each
 * job of a sweep made the next one slower. Jobs end, so their links can be
 * removed when they do.
 */
export interface LinkedSignal {
  signal: AbortSignal;
  release(): void;
}

export function linkedSignal(signals: readonly AbortSignal[]): LinkedSignal {
  const controller = new AbortController();
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, release: () => {} };
  }
  const listeners = signals.map((signal) => {
    const onAbort = () => {
      release();
      controller.abort(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return [signal, onAbort] as const;
  });
  function release(): void {
    for (const [signal, onAbort] of listeners) signal.removeEventListener('abort', onAbort);
  }
  return { signal: controller.signal, release };
}
