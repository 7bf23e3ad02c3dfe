import { put, type Metrics } from '../parsers/metrics';
import { JobFailure } from '../check-failure';
import type { PlannedStep } from '../check-plan';
import { httpCheck, pingSweep, tcpConnect, type HttpResult, type PingResult } from '../transports';
import type { JobContext } from './job-context';

/*
 * The one-step probes: ping, a TCP port, an HTTP(S) URL. Each stores one
 * result; a transport error is thrown for the runner (which retries it when
 * it may pass, then stores it). The pings of a run go together, as one
 * sweep (runPingSweep). The raw output of a probe is a short text
 * account of what happened; `parsed` holds the transport's whole answer.
 */

/** One asset's ping in a run's ping sweep. */
export interface PingSweepTarget {
  ctx: JobContext;
  step: PlannedStep;
  address: string;
}

/** Addresses per fping process in a sweep (pingSweep would take 1024; smaller chunks store results and report progress sooner). */
export const PING_SWEEP_CHUNK = 256;

/**
 * The pings of a whole run: one `pingSweep` (one fping process) per chunk of
 * `chunkSize` targets instead of one process per asset. Each target gets the
 * result a single ping would have stored (same metrics, method, status and
 * raw output); an address that cannot be pinged at all (not an address, a
 * name that does not resolve) is stored as the error `ping()` would have
 * thrown. Each result is stored as soon as pingSweep knows it (a live
 * device at its last reply, while fping still waits out the dead ones), and
 * `onStored` hears which targets are done; `durationMs` is from the chunk's
 * start to that moment. A failure after something was stored is not retried
 * (JobFailure); the runner stores the rest with it.
 */
export async function runPingSweep<T extends PingSweepTarget>(targets: readonly T[], signal: AbortSignal, onStored: (done: readonly T[]) => void, chunkSize = PING_SWEEP_CHUNK): Promise<void> {
  const first = targets[0];
  if (!first) return;
  const { tuning } = first.ctx;
  let storedAny = false;
  for (let i = 0; i < targets.length; i += chunkSize) {
    const chunk = targets.slice(i, i + chunkSize);
    const startedAt = first.ctx.now();
    const began = performance.now();
    const stored = new Set<number>();
    const store = (index: number, result: PingResult | undefined) => {
      const target = chunk[index];
      if (!target || stored.has(index)) return false;
      stored.add(index);
      storedAny = true;
      recordPing(target, result, performance.now() - began, startedAt);
      return true;
    };
    let results: PingResult[];
    try {
      results = await pingSweep(
        chunk.map((t) => ({ address: t.address })),
        {
          count: tuning.pingCount,
          timeoutMs: tuning.pingTimeoutMs,
          onResult: (index, result) => {
            if (store(index, result)) onStored([chunk[index] as T]);
          },
        },
        signal,
      );
    } catch (error) {
      throw storedAny ? new JobFailure(error, false) : error;
    }
    const rest = chunk.filter((_, index) => store(index, results[index]));
    if (rest.length > 0) onStored(rest);
  }
}

/** One target's ping result as a single ping would have stored it. */
function recordPing(target: PingSweepTarget, result: PingResult | undefined, durationMs: number, startedAt: number): void {
  const finishedAt = target.ctx.now();
  if (!result || result.error) {
    // What ping() throws for this address, stored as the runner stores a job's error.
    const error = result?.error ?? { code: 'check.protocol-error', message: 'ping gave no result' };
    target.ctx.record(target.step, { method: null, rawOutput: '', parsed: null, metrics: {}, error, durationMs: 0, startedAt: finishedAt, finishedAt });
    return;
  }
  target.ctx.record(target.step, {
    method: result.method,
    rawOutput: pingText(result),
    parsed: result,
    metrics: pingMetrics(result),
    error: result.alive ? null : { code: 'check.unreachable', message: `${target.address}: no reply to ${result.sent} pings` },
    measured: true,
    durationMs,
    startedAt,
    finishedAt,
  });
}

export function pingMetrics(result: PingResult): Metrics {
  const metrics: Metrics = {};
  put(metrics, 'ping.received', result.received);
  put(metrics, 'ping.loss-percent', result.lossPercent);
  put(metrics, 'ping.rtt-min-ms', result.rttMs?.min);
  put(metrics, 'ping.rtt-avg-ms', result.rttMs?.avg);
  put(metrics, 'ping.rtt-max-ms', result.rttMs?.max);
  return metrics;
}

function pingText(r: PingResult): string {
  const rtt = r.rttMs ? `, rtt min/avg/max = ${r.rttMs.min}/${r.rttMs.avg}/${r.rttMs.max} ms` : '';
  return `${r.method} ${r.address}: ${r.sent} sent, ${r.received} received, ${r.lossPercent}% loss${rtt}`;
}

export async function runTcp(ctx: JobContext, step: PlannedStep, address: string, port: number, signal: AbortSignal): Promise<void> {
  const startedAt = ctx.now();
  const began = performance.now();
  const result = await tcpConnect({ address, port }, { timeoutMs: ctx.tuning.tcpTimeoutMs }, signal);
  const metrics: Metrics = {};
  put(metrics, 'tcp.connect-ms', result.connectMs);
  ctx.record(step, {
    method: 'tcp-connect',
    rawOutput: `${step.target}: open, connected in ${result.connectMs} ms${result.remoteAddress ? ` (${result.remoteAddress})` : ''}`,
    parsed: result,
    metrics,
    error: null,
    durationMs: performance.now() - began,
    startedAt,
    finishedAt: ctx.now(),
  });
}

export async function runHttp(ctx: JobContext, step: PlannedStep, url: string, signal: AbortSignal): Promise<void> {
  const startedAt = ctx.now();
  const began = performance.now();
  const answer = await httpCheck({ url }, { method: 'GET', timeoutMs: ctx.tuning.httpTimeoutMs }, signal);
  // A device's session cookie is a credential: evidence is synced, so it is not kept.
  const result: HttpResult = { ...answer, headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name !== 'set-cookie')) };
  const { body, ...parsed } = result;
  ctx.record(step, {
    method: result.method,
    rawOutput: httpText(result, body),
    parsed,
    metrics: httpMetrics(result),
    error: null,
    durationMs: performance.now() - began,
    startedAt,
    finishedAt: ctx.now(),
  });
}

export function httpMetrics(result: HttpResult): Metrics {
  const metrics: Metrics = {};
  put(metrics, 'http.status', result.status);
  put(metrics, 'http.latency-ms', result.latencyMs);
  put(metrics, 'http.total-ms', result.totalMs);
  const certificate = result.tls?.certificate;
  if (result.tls) put(metrics, 'tls.authorized', result.tls.authorized ? 'yes' : (result.tls.authorizationError ?? 'no'));
  if (certificate) {
    put(metrics, 'tls.days-left', certificate.daysLeft);
    put(metrics, 'tls.valid-to', certificate.validTo);
  }
  return metrics;
}

function httpText(result: HttpResult, body: string): string {
  const lines = [`HTTP ${result.status} ${result.statusText}`, ...Object.entries(result.headers).map(([name, value]) => `${name}: ${value}`)];
  const certificate = result.tls?.certificate;
  if (result.tls) {
    lines.unshift(`TLS ${result.tls.protocol ?? ''} ${result.tls.cipher ?? ''}; certificate ${certificate ? `${certificate.subject}, valid to ${certificate.validTo} (${certificate.daysLeft} days)` : 'none'}`);
  }
  return `${lines.join('\n')}\n\n${body}${result.bodyTruncated ? `\n[body cut at ${result.bodyBytes} bytes]` : ''}`;
}
