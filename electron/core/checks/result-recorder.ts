import type { CheckKind, CheckResult } from '@shared/domain/checks';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { insertResult } from './check-results.repo';
import type { Metrics } from './parsers';
import { capRawOutput } from './raw-output';
import { resultStatus } from './result-status';

/** A result as a job reports it; the recorder adds the id, the status and the cap on raw output. */
export interface ResultDraft {
  runId: string | null;
  assetId: string | null;
  target: string;
  kind: CheckKind;
  profileId: string;
  step: string;
  method: string | null;
  rawOutput: string;
  parsed: unknown;
  metrics: Metrics;
  error: { code: string; message: string } | null;
  /** It ran and measured something even though it carries an error code (a ping nobody answered). */
  measured?: boolean;
  durationMs: number;
  startedAt: number;
  finishedAt: number;
}

/**
 * Stores results one by one, each in its own write-path transaction (row,
 * outbox entry, audit line), so whatever finished before a crash or a cancel
 * is kept.
 */
export class ResultRecorder {
  constructor(private readonly store: LocalStore) {}

  record(draft: ResultDraft): CheckResult {
    const result: CheckResult = {
      id: newId(),
      runId: draft.runId,
      assetId: draft.assetId,
      target: draft.target,
      kind: draft.kind,
      profileId: draft.profileId,
      step: draft.step,
      method: draft.method,
      rawOutput: capRawOutput(draft.rawOutput),
      parsed: draft.parsed ?? null,
      metrics: draft.metrics,
      status: resultStatus({ metrics: draft.metrics, errorCode: draft.error?.code ?? null, measured: draft.measured }),
      errorCode: draft.error?.code ?? null,
      errorMessage: draft.error?.message ?? null,
      durationMs: Math.max(0, Math.round(draft.durationMs)),
      startedAt: draft.startedAt,
      finishedAt: Math.max(draft.startedAt, draft.finishedAt),
    };
    this.store.writePath.write([insertResult(result)]);
    return result;
  }
}
