import type { CheckResult } from '@shared/domain/checks';
import type { CredentialSpec } from '@shared/domain/credentials';
import type { PlannedStep } from '../check-plan';
import type { ResultDraft } from '../result-recorder';
import type { Gate } from '../runner/gate';
import type { HostKeyPolicy, SnmpSessions } from '../transports';

/** The knobs of device checks: defaults for the field, smaller values for tests. */
export interface CheckTuning {
  /** Attempts per job in all (a retry only when nothing was done and the failure may pass by itself). */
  retryAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  pingCount: number;
  pingTimeoutMs: number;
  tcpTimeoutMs: number;
  httpTimeoutMs: number;
  snmpTimeoutMs: number;
  snmpRetries: number;
  /** Between the two samples of rate profiles (mib2-interfaces); null: the parser's own (15 s). */
  snmpSampleIntervalMs: number | null;
  sshReadyTimeoutMs: number;
  sshCommandTimeoutMs: number;
  /** The most progress events per run per second. */
  progressPerSecond: number;
}

export const DEFAULT_TUNING: CheckTuning = {
  retryAttempts: 2,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 10_000,
  pingCount: 3,
  pingTimeoutMs: 1_000,
  tcpTimeoutMs: 3_000,
  httpTimeoutMs: 10_000,
  snmpTimeoutMs: 2_000,
  snmpRetries: 1,
  snmpSampleIntervalMs: null,
  sshReadyTimeoutMs: 15_000,
  sshCommandTimeoutMs: 30_000,
  progressPerSecond: 10,
};

/**
 * What a job may use while it runs. A credential is decrypted when a job first
 * asks for it and kept in memory only while its run lasts (a sweep of 200
 * devices with one community decrypts it once, not 200 times); nothing is
 * written anywhere.
 */
export interface JobContext {
  runId: string | null;
  assetId: string | null;
  tuning: CheckTuning;
  now(): number;
  credential(id: string): CredentialSpec;
  hostKeyPolicy: HostKeyPolicy;
  /** Shared by every SSH login of core: at most SSH_HANDSHAKES in progress at once. */
  sshHandshakes: Gate;
  snmpSessions: SnmpSessions;
  /** Stores the result of one planned step (once per step). */
  record(step: PlannedStep, draft: StepDraft): CheckResult | null;
}

/** A result as a job knows it; the context adds run, asset, kind, target, profile and step. */
export type StepDraft = Omit<ResultDraft, 'runId' | 'assetId' | 'kind' | 'target' | 'profileId' | 'step'> & { target?: string };

/** An abortable pause that rejects with the signal's reason. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
