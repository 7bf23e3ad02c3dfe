import type { CheckResult } from '@shared/domain/checks';
import type { LocalStore } from '../store/local-store';
import { insertResult } from './check-results.repo';
import { CheckRunsRepo } from './check-runs.repo';

/**
 * Stores the results of runs, and how far each run got, in as few
 * transactions as the work allows: everything that finished within
 * `windowMs` of the first waiting result goes into one write-path
 * transaction (rows, outbox entries, audit lines, and the runs' done/failed
 * counts). The store commits with synchronous=FULL, so a commit is an
 * fsync: 3–4 ms on these machines and far more when the disk is busy, while
 * a SNMP sweep finishes a device every half millisecond and a ping sweep
 * hears its live devices over a few hundred. One transaction per result made
 * a 200-device sweep wait ~0.8 s on the disk and stalled every socket
 * meanwhile (the write is synchronous). A slower disk makes bigger batches
 * by itself: whatever arrives during one commit goes into the next.
 *
 * A result is durable at most `windowMs` (100 ms, plus one commit) after its
 * step finished; a crash in between loses those results (never part of a
 * batch: it commits or not). `flush()` writes now: before a run is marked
 * finished or cancelled, so the run's last progress event comes after its
 * last result is stored. Progress during a run may run up to one window
 * ahead of what a reader finds; the next event catches up.
 */
export class ResultWriter {
  private results: CheckResult[] = [];
  private readonly progress = new Map<string, { done: number; failed: number }>();
  private scheduled: NodeJS.Timeout | null = null;
  private readonly runs: CheckRunsRepo;

  constructor(
    private readonly store: LocalStore,
    /** A batch the store refused (the store closing): nothing is retried, the caller is told once per batch. */
    private readonly onError: (error: unknown, lost: number) => void,
    private readonly windowMs = 100,
  ) {
    this.runs = new CheckRunsRepo(store.db);
  }

  add(result: CheckResult): void {
    this.results.push(result);
    this.schedule();
  }

  /** The run's counts as of now; only the latest is written. */
  setProgress(runId: string, done: number, failed: number): void {
    this.progress.set(runId, { done, failed });
    this.schedule();
  }

  /** Writes everything waiting, in one transaction. */
  flush(): void {
    if (this.scheduled) {
      clearTimeout(this.scheduled);
      this.scheduled = null;
    }
    if (this.results.length === 0 && this.progress.size === 0) return;
    const results = this.results;
    const progress = [...this.progress];
    this.results = [];
    this.progress.clear();
    try {
      this.store.writePath.write(results.map(insertResult), () => {
        for (const [runId, counts] of progress) this.runs.progress(runId, counts.done, counts.failed);
      });
    } catch (error) {
      this.onError(error, results.length);
    }
  }

  private schedule(): void {
    this.scheduled ??= setTimeout(() => {
      this.scheduled = null;
      this.flush();
    }, this.windowMs);
  }
}
