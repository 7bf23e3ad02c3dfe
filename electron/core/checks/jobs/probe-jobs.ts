import { put, type Metrics } from '../parsers/metrics';
import type { PlannedStep } from '../check-plan';
import { httpCheck, ping, tcpConnect, type HttpResult, type PingResult } from '../transports';
import type { JobContext } from './job-context';

/*
 * The one-step probes: ping, a TCP port, an HTTP(S) URL. Each stores one
 * result; a transport error is thrown for the runner (which retries it when
 * it may pass, then stores it). The raw output of a probe is a short text
 * account of what happened; `parsed` holds the transport's whole answer.
 */

export async function runPing(ctx: JobContext, step: PlannedStep, address: string, signal: AbortSignal): Promise<void> {
  const startedAt = ctx.now();
  const began = performance.now();
  const result = await ping({ address }, { count: ctx.tuning.pingCount, timeoutMs: ctx.tuning.pingTimeoutMs }, signal);
  ctx.record(step, {
    method: result.method,
    rawOutput: pingText(result),
    parsed: result,
    metrics: pingMetrics(result),
    error: result.alive ? null : { code: 'check.unreachable', message: `${address}: no reply to ${result.sent} pings` },
    measured: true,
    durationMs: performance.now() - began,
    startedAt,
    finishedAt: ctx.now(),
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
