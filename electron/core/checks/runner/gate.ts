/**
 * At most `limit` holders at once, the rest wait in order: for the part of a
 * job that needs a tighter limit than the job itself. SSH logins use it: a
 * device's sshd drops connections that have not logged in yet past
 * MaxStartups (10 by default), while sessions that are logged in cost it
 * nothing of that, so SSH jobs may run 16 at once with at most 8 of them in
 * their handshake (TCP connect, key exchange, authentication).
 */
export class Gate {
  private inside = 0;
  private readonly waiting: { admit: () => void; onAbort: () => void }[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A gate needs a limit of at least 1, not ${limit}`);
  }

  /** Holders now. */
  get holders(): number {
    return this.inside;
  }

  /**
   * Resolves with the function that leaves (call it exactly once, also on
   * failure) when there is room; rejects with the signal's reason if it
   * aborts first, taking no place.
   */
  enter(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (this.inside < this.limit) {
      this.inside += 1;
      return Promise.resolve(this.leaver());
    }
    return new Promise<() => void>((resolve, reject) => {
      const entry = {
        admit: () => {
          signal.removeEventListener('abort', entry.onAbort);
          resolve(this.leaver());
        },
        onAbort: () => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal.reason as Error);
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      // The place passes straight to the next in line: nobody can jump the queue in between.
      if (next) next.admit();
      else this.inside -= 1;
    };
  }
}
