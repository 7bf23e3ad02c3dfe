import type { CheckKind, CheckResult } from '@shared/domain/checks';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { unitsOf } from './check-metrics';
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

/** The result a draft becomes: an id, the status by the rules, raw output capped. */
export function buildResult(draft: ResultDraft): CheckResult {
  return {
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
    units: unitsOf(draft.metrics),
    status: resultStatus({ metrics: draft.metrics, errorCode: draft.error?.code ?? null, measured: draft.measured }),
    errorCode: draft.error?.code ?? null,
    errorMessage: draft.error?.message ?? null,
    durationMs: Math.max(0, Math.round(draft.durationMs)),
    startedAt: draft.startedAt,
    finishedAt: Math.max(draft.startedAt, draft.finishedAt),
  };
}

/** Stores one result at once, in its own write-path transaction (row, outbox entry, audit line). Runs batch theirs: result-writer.ts. */
export class ResultRecorder {
  constructor(private readonly store: LocalStore) {}

  record(draft: ResultDraft): CheckResult {
    const result = buildResult(draft);
    this.store.writePath.write([insertResult(result)]);
    return result;
  }
}
