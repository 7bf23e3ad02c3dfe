import type { Reporter } from 'vitest/reporters';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

/**
 * Ends the run with one plain line, `vitest: N passed, N failed, N skipped`, the
 * closing line CI reads whatever the runner. Skipped tests are counted apart:
 * a skipped test is not a passing one.
 */
export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = [], errors: unknown[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: Task) => {
      if (task.type === 'test') {
        const state = task.result?.state;
        if (state === 'pass') counts.passed += 1;
        else if (state === 'fail') counts.failed += 1;
        else counts.skipped += 1;
      }
      task.tasks?.forEach(visit);
    };
    files.forEach(visit);
    // A file that failed to load has no tests but is still a failure.
    const brokenFiles = files.filter((file) => file.result?.state === 'fail' && !(file.tasks ?? []).length).length;
    counts.failed += brokenFiles + errors.length;
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
