import type { FaultKind } from '../tests/support/sync-faults';
import { runFaults, type FaultOutcome, type FaultRun } from './sync-faults';

/*
 * One child of the parallel fault runs (sync-faults.ts): its own lab (a
 * network namespace named after this pid, a PostgreSQL cluster) and its share
 * of the seeds, one run after the other; each outcome goes to the parent.
 */
process.once('message', (message: { runs: FaultRun[]; kinds: FaultKind[]; deadline: number }) => {
  runFaults(message.runs, message.kinds, message.deadline, (outcome: FaultOutcome) => process.send?.({ type: 'outcome', outcome }))
    .then(() => process.send?.({ type: 'done' }, () => process.disconnect()))
    .catch((error: unknown) => {
      process.stderr.write(`sync bench: a fault-run child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
});
