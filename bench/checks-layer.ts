import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, WorkQueue, type JobOutcome, type QueueLimits } from '../electron/core/checks/runner/work-queue';
import { Gate } from '../electron/core/checks/runner/gate';
import {
  SnmpSessions,
  pingSweep,
  snmpGet,
  sshConnect,
  type SshConnection,
  type PingResult,
  type SnmpCredential,
  type SnmpGetResult,
  type SshCredential,
  type SshExecCall,
} from '../electron/core/checks/transports';

/*
 * The layer under the checks service, driven directly: core's WorkQueue with
 * its default limits and the transports, nothing stored. The checks bench
 * reports these beside the service figures (`layerMs`), so the cost of the
 * service itself (planning, vault, host key store, parsing, the write path)
 * is visible, and measures SSH the way pssh -p 16 works (16 at once, logins
 * not held back), which the service does not offer (its limits are core's).
 */

export interface LayerContext {
  snmpCredential: SnmpCredential;
  sshCredential: SshCredential;
  sshOptions: Parameters<typeof sshConnect>[2] & { timeoutMs: number };
}

export function queueWith(perKind: Record<string, number> = {}): WorkQueue {
  const limits: QueueLimits = { ...DEFAULT_LIMITS, perKind: { ...DEFAULT_LIMITS.perKind, ...perKind } };
  return new WorkQueue(limits);
}

function failures<T>(outcomes: JobOutcome<T>[], what: string): void {
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0) {
    const first = failed[0]?.error;
    throw new Error(`bench checks: ${what}: ${failed.length} of ${outcomes.length} jobs failed; first: ${first instanceof Error ? first.message : String(first)}`);
  }
}

export function countSnmpValues(results: SnmpGetResult[]): number {
  return results.reduce((sum, r) => sum + r.varbinds.filter((vb) => vb.value !== null && vb.type !== 'NoSuchObject' && vb.type !== 'NoSuchInstance' && vb.type !== 'EndOfMibView').length, 0);
}

/** One queue job per device (kind snmp), one session pool for the sweep, closed at its end. */
export async function layerSnmpSweep(ctx: LayerContext, addresses: readonly string[], oids: readonly string[], timeoutMs: number): Promise<{ ms: number; values: number }> {
  const queue = queueWith();
  const sessions = new SnmpSessions();
  const start = performance.now();
  let outcomes: JobOutcome<SnmpGetResult>[];
  try {
    outcomes = await Promise.all(
      addresses.map((address) =>
        queue.add({ kind: 'snmp', host: address, timeoutMs: 15_000, run: (signal) => snmpGet({ address }, ctx.snmpCredential, oids, { timeoutMs, retries: 0, sessions }, signal) }),
      ),
    );
  } finally {
    await sessions.close();
  }
  const ms = performance.now() - start;
  failures(outcomes, 'snmp sweep (layer)');
  return { ms, values: countSnmpValues(outcomes.map((o) => o.value as SnmpGetResult)) };
}

/** `uptime` over exec on one connection, the login (only) holding a place at `logins` when given. */
async function uptime(ctx: LayerContext, address: string, logins: Gate | null, signal: AbortSignal): Promise<SshExecCall> {
  const leave = logins ? await logins.enter(signal) : null;
  let connection: SshConnection;
  try {
    connection = await sshConnect({ address }, ctx.sshCredential, ctx.sshOptions, signal);
  } finally {
    leave?.();
  }
  try {
    return { ...(await connection.exec('uptime', ctx.sshOptions, signal)), connection: connection.info };
  } finally {
    await connection.close();
  }
}

/** `uptime` on every address, one connection each, `concurrency` SSH jobs at once and, with `logins`, at most that many logging in. */
export async function layerSshSweep(ctx: LayerContext, addresses: readonly string[], concurrency: number, logins: number | null = null): Promise<{ ms: number; results: SshExecCall[] }> {
  const queue = queueWith({ ssh: concurrency });
  const gate = logins === null ? null : new Gate(logins);
  const start = performance.now();
  const outcomes = await Promise.all(addresses.map((address) => queue.add({ kind: 'ssh', host: address, timeoutMs: 30_000, run: (signal) => uptime(ctx, address, gate, signal) })));
  const ms = performance.now() - start;
  failures(outcomes, `ssh uptime at ${concurrency} (layer)`);
  const results = outcomes.map((o) => o.value as SshExecCall);
  const silent = results.filter((r) => r.exitCode !== 0 || !/load average/.test(r.stdout));
  if (silent.length > 0) throw new Error(`bench checks: ssh uptime at ${concurrency}: ${silent.length} hosts gave no uptime (first: ${silent[0]?.connection.address}: ${JSON.stringify(silent[0]?.stdout)})`);
  return { ms, results };
}

/** pingSweep as one queue job (a sweep is one fping process however many addresses). */
export async function layerPingSweep(addresses: readonly string[], timeoutMs: number): Promise<{ ms: number; alive: number; results: PingResult[] }> {
  const queue = queueWith();
  const start = performance.now();
  const outcome = await queue.add({
    kind: 'ping',
    host: `sweep of ${addresses.length}`,
    timeoutMs: 60_000,
    run: (signal) => pingSweep(addresses.map((address) => ({ address })), { count: 1, timeoutMs }, signal),
  });
  const ms = performance.now() - start;
  failures([outcome], 'ping sweep (layer)');
  const results = outcome.value as PingResult[];
  if (results.length !== addresses.length) throw new Error(`bench checks: pingSweep gave ${results.length} results for ${addresses.length} addresses`);
  const errors = results.filter((r) => r.error);
  if (errors.length > 0) throw new Error(`bench checks: pingSweep: ${errors.length} errors; first: ${errors[0]?.error?.message}`);
  return { ms, alive: results.filter((r) => r.alive).length, results };
}
