import { isIP } from 'node:net';
import { checkAddress } from './address';
import { CheckError, cancelledError, isCheckError, throwIfAborted, type CheckErrorCode } from './check-error';
import { findProgram, runFile, type RunOutput } from './exec-file';

/*
 * ICMP echo through the system's own tools: an unprivileged desktop process
 * cannot open raw sockets, but fping and ping are installed with the
 * capability (or use ICMP datagram sockets). fping does a whole sweep in one
 * process (200 addresses in ~0.2 s); the system ping is the fallback, one
 * process per address. The result says which one answered.
 */

export type PingMethod = 'fping' | 'system-ping';

export interface PingTarget {
  /** IPv4/IPv6 address or host name. */
  address: string;
}

export interface PingOptions {
  /** Echo requests per address (default 3, 1..20). */
  count?: number;
  /** How long to wait for each reply, ms (default 1000). */
  timeoutMs?: number;
  /** Between two requests to the same address, ms (default 250; iputils ping refuses less than 200 ms unprivileged). */
  periodMs?: number;
  /** 'auto' (default): fping when it is installed and works, else the system ping. */
  method?: 'auto' | PingMethod;
  /** Parallel system ping processes in a sweep without fping (default 16). */
  concurrency?: number;
  /**
   * Hears each target's result (by its index in the sweep) as soon as it is
   * final, once per target: a live address is done at its last reply, long
   * before fping gives up on the dead ones. The array pingSweep returns
   * holds the same results.
   */
  onResult?: (index: number, result: PingResult) => void;
}

export interface PingResult {
  address: string;
  /** At least one reply. */
  alive: boolean;
  sent: number;
  received: number;
  /** 0..100, rounded to one decimal. */
  lossPercent: number;
  /** Round-trip times of the replies, ms; null without a reply. */
  rttMs: { min: number; avg: number; max: number } | null;
  method: PingMethod;
  /** Set when the address could not be pinged at all (name did not resolve, not an address): in a sweep only; `ping()` throws it. */
  error?: { code: CheckErrorCode; message: string };
}

interface Resolved {
  onResult?: (index: number, result: PingResult) => void;
  count: number;
  timeoutMs: number;
  periodMs: number;
  method: 'auto' | PingMethod;
  concurrency: number;
}

function resolveOptions(options: PingOptions): Resolved {
  const clamp = (value: number | undefined, fallback: number, min: number, max: number) =>
    Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? (value as number) : fallback)));
  return {
    ...(options.onResult ? { onResult: options.onResult } : {}),
    count: clamp(options.count, 3, 1, 20),
    timeoutMs: clamp(options.timeoutMs, 1000, 50, 30_000),
    periodMs: clamp(options.periodMs, 250, 200, 10_000),
    method: options.method ?? 'auto',
    concurrency: clamp(options.concurrency, 16, 1, 256),
  };
}

/** One address. Throws check.no-address (not an address), check.unreachable (name does not resolve), check.cancelled. */
export async function ping(target: PingTarget, options: PingOptions, signal: AbortSignal): Promise<PingResult> {
  checkAddress(target.address);
  const [result] = await pingSweep([target], options, signal);
  if (!result) throw new CheckError('check.protocol-error', 'ping gave no result', { details: { address: target.address } });
  if (result.error) throw new CheckError(result.error.code, result.error.message, { details: { address: result.address, method: result.method } });
  return result;
}

/**
 * Many addresses, one result each in the same order: with fping one process
 * for all of them (in chunks of 1024 addresses), otherwise `concurrency`
 * system pings at a time. Bad addresses and names that do not resolve get a
 * result with `error` instead of failing the sweep. Throws check.cancelled.
 */
export async function pingSweep(targets: readonly PingTarget[], options: PingOptions, signal: AbortSignal): Promise<PingResult[]> {
  throwIfAborted(signal);
  const opts = resolveOptions(options);
  const results = new Array<PingResult | undefined>(targets.length);
  /** Final: kept, and told to the caller once. */
  const settle = (index: number, result: PingResult) => {
    if (results[index]) return;
    results[index] = result;
    opts.onResult?.(index, result);
  };
  const valid: { index: number; address: string }[] = [];
  targets.forEach((target, index) => {
    try {
      valid.push({ index, address: checkAddress(target.address) });
    } catch (error) {
      if (!isCheckError(error)) throw error;
      settle(index, failed(String(target.address), 'system-ping', error.code, error.message, opts.count));
    }
  });

  const useFping = opts.method === 'fping' || (opts.method === 'auto' && process.platform !== 'win32' && findProgram('fping') !== null);
  let remaining = valid;
  if (useFping) {
    const indicesOf = new Map<string, number[]>();
    for (const v of valid) indicesOf.set(v.address, [...(indicesOf.get(v.address) ?? []), v.index]);
    const unique = [...indicesOf.keys()];
    const byAddress = new Map<string, PingResult>();
    const final = (result: PingResult) => {
      if (byAddress.has(result.address)) return;
      byAddress.set(result.address, result);
      for (const index of indicesOf.get(result.address) ?? []) settle(index, { ...result });
    };
    let fpingFailed: string | null = null;
    for (let i = 0; i < unique.length && fpingFailed === null; i += 1024) {
      const chunk = unique.slice(i, i + 1024);
      const outcome = await runFping(chunk, opts, signal, final);
      if (typeof outcome === 'string') fpingFailed = outcome;
      else for (const result of outcome) final(result);
    }
    if (fpingFailed !== null && opts.method === 'fping') {
      throw new CheckError('check.protocol-error', `fping failed: ${fpingFailed}`, { details: { method: 'fping' } });
    }
    // fping that cannot run here (no capability, no socket) leaves the rest to the system ping.
    remaining = valid.filter((v) => !byAddress.has(v.address));
  }

  let next = 0;
  const worker = async () => {
    while (next < remaining.length) {
      const item = remaining[next++] as { index: number; address: string };
      settle(item.index, await systemPing(item.address, opts, signal));
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, remaining.length) }, worker));
  throwIfAborted(signal);
  targets.forEach((target, index) => {
    if (!results[index]) settle(index, failed(target.address ?? '', 'system-ping', 'check.protocol-error', 'no result', opts.count));
  });
  return results as PingResult[];
}

function failed(address: string, method: PingMethod, code: CheckErrorCode, message: string, sent: number): PingResult {
  return { address, alive: false, sent, received: 0, lossPercent: 100, rttMs: null, method, error: { code, message } };
}

function summarise(address: string, method: PingMethod, sent: number, rtts: number[], received = rtts.length): PingResult {
  const loss = sent > 0 ? Math.round((Math.max(0, sent - received) / sent) * 1000) / 10 : 100;
  const rttMs =
    rtts.length > 0
      ? { min: round3(Math.min(...rtts)), avg: round3(rtts.reduce((a, b) => a + b, 0) / rtts.length), max: round3(Math.max(...rtts)) }
      : null;
  return { address, alive: received > 0, sent, received, lossPercent: loss, rttMs, method };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

const C_LOCALE = { ...process.env, LC_ALL: 'C', LANG: 'C' };

// ---------------------------------------------------------------------------
// fping

/**
 * Results per address, or why fping could not be used at all. Each
 * address's result goes to `onFinal` as soon as its last probe is answered
 * or timed out (from the per-probe lines on stdout); the summary fping
 * prints at the end covers the rest, and the streamed ones stand.
 */
async function runFping(addresses: string[], opts: Resolved, signal: AbortSignal, onFinal: (result: PingResult) => void): Promise<PingResult[] | string> {
  const fping = findProgram('fping');
  if (!fping) return 'fping is not installed';
  const intervalMs = 1;
  // -C: per-probe lines on stdout as they happen, per-address RTT list on stderr at the end; -r 0: -C already repeats; -- : addresses are never options.
  const args = ['-C', String(opts.count), '-t', String(opts.timeoutMs), '-p', String(opts.periodMs), '-i', String(intervalMs), '-r', '0', '--', ...addresses];
  const budget = (opts.count - 1) * opts.periodMs + opts.timeoutMs + addresses.length * opts.count * intervalMs + 5_000;
  const wanted = new Set(addresses);
  const streamed = new Map<string, PingResult>();
  const probes = new FpingProbeLines(opts.count, (address, rtts) => {
    if (!wanted.has(address) || streamed.has(address)) return;
    const result = summarise(address, 'fping', rtts.length, rtts.filter((v): v is number => v !== null));
    streamed.set(address, result);
    onFinal(result);
  });
  const out = await runFile(fping, args, { timeoutMs: budget, signal, env: C_LOCALE, onStdout: (text) => probes.push(text) });
  if (out.aborted) throw cancelledError({ method: 'fping' });
  if (out.spawnError) return `cannot start fping (${out.spawnError})`;
  if (out.timedOut) return `fping did not finish within ${budget} ms`;
  const parsed = parseFpingOutput(out.stderr);
  // 0: all alive, 1: some unreachable, 2: some names not found. 3 (bad arguments) and 4 (no socket) leave nothing usable.
  if (out.exitCode !== 0 && out.exitCode !== 1 && out.exitCode !== 2) return fpingProblem(out);
  if (parsed.size === 0 && addresses.length > 0 && out.exitCode !== 2) return fpingProblem(out);
  return addresses.map((address) => {
    const early = streamed.get(address);
    if (early) return early;
    const rtts = parsed.get(address);
    if (!rtts) return failed(address, 'fping', 'check.unreachable', `${address}: the name does not resolve`, opts.count);
    const values = rtts.filter((v): v is number => v !== null);
    return summarise(address, 'fping', rtts.length, values);
  });
}

function fpingProblem(out: RunOutput): string {
  const text = out.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
  return `exit ${String(out.exitCode)}${text ? `: ${text}` : ''}`;
}

/**
 * fping's per-probe lines (`-C` without `-q`, on stdout) read as they come:
 * `10.0.0.1 : [0], 64 bytes, 0.05 ms (0.05 avg, 0% loss)` or
 * `10.0.0.2 : [0], timed out (NaN avg, 100% loss)`. When every one of an
 * address's probes has its line (answered or timed out), `onDone` gets its RTTs (null
 * for a lost one).
 * Lines of a duplicate reply are not probes. An fping that prints no such
 * lines (older versions) leaves everything to the summary.
 */
export class FpingProbeLines {
  private pending = '';
  private readonly rtts = new Map<string, { values: (number | null)[]; seen: Set<number> }>();

  constructor(
    private readonly count: number,
    private readonly onDone: (address: string, rtts: (number | null)[]) => void,
  ) {}

  push(text: string): void {
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (/DUP/.test(line)) return;
    const match = /^(\S+)\s+:\s+\[(\d+)\],\s+(?:\d+ bytes,\s+(\d+(?:\.\d+)?) ms|timed out)/.exec(line);
    if (!match?.[1] || match[2] === undefined) return;
    const probe = Number(match[2]);
    if (probe >= this.count) return;
    const entry = this.rtts.get(match[1]) ?? { values: new Array<number | null>(this.count).fill(null), seen: new Set<number>() };
    this.rtts.set(match[1], entry);
    // Done means every probe has its line: a later probe can be answered while an earlier one still waits for its timeout.
    if (entry.seen.size === this.count || entry.seen.has(probe)) return;
    entry.seen.add(probe);
    entry.values[probe] = match[3] === undefined ? null : Number(match[3]);
    if (entry.seen.size === this.count) this.onDone(match[1], entry.values);
  }
}

/** `10.0.0.1 : 0.05 - 0.04` lines (fping -C, on stderr at the end) → address → RTTs (null for a lost request). */
export function parseFpingOutput(text: string): Map<string, (number | null)[]> {
  const result = new Map<string, (number | null)[]>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^(\S+)\s+:((?:\s+(?:\d+(?:\.\d+)?|-))+)\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const values = match[2].trim().split(/\s+/).map((v) => (v === '-' ? null : Number(v)));
    if (!result.has(match[1])) result.set(match[1], values);
  }
  return result;
}

// ---------------------------------------------------------------------------
// System ping (iputils on Linux, BSD ping on macOS, Windows ping)

async function systemPing(address: string, opts: Resolved, signal: AbortSignal): Promise<PingResult> {
  throwIfAborted(signal);
  const { file, args } = systemPingCommand(address, opts);
  const budget = (opts.count - 1) * Math.max(opts.periodMs, 1000) + opts.timeoutMs * 2 + 5_000;
  const out = await runFile(file, args, { timeoutMs: budget, signal, env: C_LOCALE });
  if (out.aborted) throw cancelledError({ method: 'system-ping', address });
  if (out.spawnError) throw new CheckError('check.protocol-error', `Cannot start ping (${out.spawnError})`, { details: { method: 'system-ping' } });
  const parsed = parseSystemPingOutput(`${out.stdout}\n${out.stderr}`, opts.count);
  // Windows in another language names an unknown host in words we cannot read: exit 1 and no statistics at all.
  const windowsUnknownHost = process.platform === 'win32' && out.exitCode === 1 && parsed.sent === 0;
  if (parsed.unresolved || windowsUnknownHost) return failed(address, 'system-ping', 'check.unreachable', `${address}: the name does not resolve`, opts.count);
  if (parsed.sent === 0 && out.exitCode !== 0 && out.exitCode !== 1) {
    const text = `${out.stderr}${out.stdout}`.trim().split('\n').slice(-2).join(' ').slice(0, 300);
    throw new CheckError('check.protocol-error', `ping failed: exit ${String(out.exitCode)} ${text}`, { details: { method: 'system-ping', address } });
  }
  if (parsed.rtt && parsed.received > 0) {
    return { ...summarise(address, 'system-ping', parsed.sent, [], parsed.received), rttMs: parsed.rtt };
  }
  return summarise(address, 'system-ping', parsed.sent || opts.count, parsed.rtts, Math.max(parsed.received, parsed.rtts.length));
}

function systemPingCommand(address: string, opts: Resolved): { file: string; args: string[] } {
  const v6 = isIP(address.split('%')[0] ?? '') === 6;
  if (process.platform === 'win32') {
    return { file: findProgram('ping') ?? 'ping', args: ['-n', String(opts.count), '-w', String(opts.timeoutMs), address] };
  }
  if (process.platform === 'darwin') {
    // BSD ping: -W is per-reply wait in ms; an interval under 1 s needs root, so the default interval stays.
    if (v6) return { file: findProgram('ping6') ?? 'ping6', args: ['-n', '-c', String(opts.count), '--', address] };
    return { file: findProgram('ping') ?? 'ping', args: ['-n', '-c', String(opts.count), '-W', String(opts.timeoutMs), '--', address] };
  }
  // iputils: -W whole seconds (older versions refuse fractions), -i seconds (>= 0.2 unprivileged).
  const waitS = Math.max(1, Math.ceil(opts.timeoutMs / 1000));
  return {
    file: findProgram('ping') ?? 'ping',
    args: ['-n', '-c', String(opts.count), '-W', String(waitS), '-i', (opts.periodMs / 1000).toFixed(3), '--', address],
  };
}

export interface SystemPingParse {
  sent: number;
  received: number;
  /** Per-reply times, when the summary has no rtt line (Windows). */
  rtts: number[];
  /** From the summary line (Linux, macOS). */
  rtt: { min: number; avg: number; max: number } | null;
  unresolved: boolean;
}

/**
 * Linux iputils, macOS and Windows ping output, in English or, for Windows,
 * in any language: only the ASCII parts are read (a reply is a line with
 * TTL=, its time the number before "ms"). Windows counts "Destination host
 * unreachable" answers as received; counting TTL= lines does not.
 */
export function parseSystemPingOutput(text: string, count: number): SystemPingParse {
  const unresolved = /Name or service not known|Temporary failure in name resolution|cannot resolve|Unknown host|could not find host|No address associated|nodename nor servname/i.test(text);
  const rtts: number[] = [];
  let replies = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!/\bttl[=\s]\d+/i.test(line)) continue;
    replies += 1;
    // `time=0.04 ms`, `time<1ms`, `时间=2ms` (arrives garbled from a Chinese Windows: the number and "ms" survive).
    const time = /([=<])\s*(\d+(?:\.\d+)?)\s*ms\b/i.exec(line.replace(/\bttl[=\s]\d+/i, ''));
    if (time?.[2]) rtts.push(time[1] === '<' ? Number(time[2]) / 2 : Number(time[2]));
  }
  const unix = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(text);
  const rttLine = /(?:rtt|round-trip)[^=]*=\s*(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)/.exec(text);
  if (unix) {
    const rtt = rttLine ? { min: Number(rttLine[1]), avg: Number(rttLine[2]), max: Number(rttLine[3]) } : null;
    return { sent: Number(unix[1]), received: Number(unix[2]), rtts, rtt, unresolved: false };
  }
  const windowsSent = /(?:Sent|已发送)\s*=\s*(\d+)/.exec(text);
  if (windowsSent || replies > 0) return { sent: windowsSent ? Number(windowsSent[1]) : count, received: replies, rtts, rtt: null, unresolved: false };
  return { sent: 0, received: 0, rtts, rtt: null, unresolved };
}
