/**
 * Calls `emit` at most once per `intervalMs` however often `tick` is called,
 * and always once more after the last tick (trailing), so the final state is
 * never lost. A sweep finishes jobs every few milliseconds; the window needs
 * to follow, not to repaint 500 times a second.
 */
export class ProgressThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly emit: () => void,
  ) {}

  tick(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.timer = setTimeout(() => this.fire(), wait);
    this.timer.unref();
  }

  /** Emits now (the end of a run). */
  flush(): void {
    this.fire();
  }

  /** No more emits, not even a pending trailing one. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.stop();
    this.last = performance.now();
    this.emit();
  }
}
