/**
 * Bookkeeping that lets several lab runs share one machine safely:
 *
 * - `/run/walkdown-lab/<runId>.json` is the record of one run: its owner
 *   process, its /24, and every namespace, link, directory and daemon it made.
 *   It is written *before* anything is created and removed *after* everything
 *   is gone, so whatever carries the run's name prefix has a record unless a
 *   teardown half-failed.
 * - `/run/walkdown-lab/lock` is a short mutex (O_EXCL file holding the
 *   holder's pid) around choosing a subnet and cleaning stale runs.
 * - A run whose owner process is dead (and that was not started with
 *   `keep`, as `cli.ts up` does) is stale: the next run tears it down.
 *
 * /run is a tmpfs, so records vanish on reboot together with the namespaces.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, pidsInNetns, runSync, startTimeOf, stopProcesses, type ProcRef } from './proc';

export const STATE_DIR = '/run/walkdown-lab';
const LOCK_FILE = join(STATE_DIR, 'lock');

/** Lab subnets are 10.77.<octet>.0/24 with octet in this range (10.77.0.0/24 is left to hand-made labs as in TESTING.md). */
export const OCTET_MIN = 10;
export const OCTET_MAX = 249;

/** Every name this harness creates starts with this (namespaces `wdl-<id>-…`, links `wdl<id>…`). */
export const NAME_PREFIX = 'wdl';
const RUN_ID = /^[0-9a-z]{5}$/;
export const NETNS_RE = /^wdl-([0-9a-z]{5})-[a-z0-9]+$/;
export const LINK_RE = /^wdl([0-9a-z]{5})(br|h\d+|cli|sim|fl)$/;
export const WORKDIR_PREFIX = 'walkdown-lab-';
/** A run's directory is exactly <tmpdir>/walkdown-lab-<runId>; nothing else is ever removed. */
const WORKDIR_RE = /^walkdown-lab-([0-9a-z]{5})$/;

export interface RunRecord {
  runId: string;
  octet: number;
  ownerPid: number;
  ownerStartTime: string;
  /** Started by `cli.ts up`: lives until `cli.ts down`, never treated as stale. */
  keep: boolean;
  createdAt: string;
  bridge: string;
  /** Host-side links (the bridge and veth ends). */
  links: string[];
  namespaces: string[];
  workDir: string;
  processes: ProcRef[];
  /** Summary for `cli.ts status` (addresses); free-form. */
  info?: unknown;
}

export function recordPath(runId: string): string {
  return join(STATE_DIR, `${runId}.json`);
}

export function writeRecord(record: RunRecord): void {
  mkdirSync(STATE_DIR, { recursive: true, mode: 0o755 });
  const tmp = `${recordPath(record.runId)}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, JSON.stringify(record, null, 2));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, recordPath(record.runId));
}

export function readRecords(): RunRecord[] {
  if (!existsSync(STATE_DIR)) return [];
  const records: RunRecord[] = [];
  for (const name of readdirSync(STATE_DIR)) {
    if (!name.endsWith('.json')) continue;
    try {
      const record = JSON.parse(readFileSync(join(STATE_DIR, name), 'utf8')) as RunRecord;
      if (RUN_ID.test(record.runId)) records.push(record);
    } catch {
      // A record being written (renamed into place atomically) or garbage: ignore.
    }
  }
  return records;
}

export function ownerAlive(record: RunRecord): boolean {
  return isAlive({ pid: record.ownerPid, startTime: record.ownerStartTime });
}

export function isStale(record: RunRecord): boolean {
  return !record.keep && !ownerAlive(record);
}

/** Runs fn while holding the machine-wide lab lock. A lock whose holder died is broken. */
export async function withLock<T>(fn: () => Promise<T> | T, timeoutMs = 60_000): Promise<T> {
  mkdirSync(STATE_DIR, { recursive: true, mode: 0o755 });
  const me = `${process.pid} ${startTimeOf(process.pid) ?? ''}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, 'wx', 0o644);
      writeSync(fd, me);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = '';
      try {
        holder = readFileSync(LOCK_FILE, 'utf8');
      } catch {
        continue; // released meanwhile
      }
      const [pid, startTime] = holder.split(' ');
      // An empty file is a holder between open and write: wait for it.
      if (pid && startTime !== undefined && !isAlive({ pid: Number(pid), startTime })) {
        try {
          unlinkSync(LOCK_FILE);
        } catch {
          // Someone else broke it first.
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`walkdown lab: lock ${LOCK_FILE} held by pid ${pid} for more than ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(LOCK_FILE, 'utf8') === me) unlinkSync(LOCK_FILE);
    } catch {
      // Already gone.
    }
  }
}

function existingNetns(): string[] {
  if (!existsSync('/run/netns')) return [];
  return readdirSync('/run/netns');
}

function existingLinks(): string[] {
  return readdirSync('/sys/class/net');
}

/**
 * Removes everything a record names: daemons (by recorded pid + start time),
 * any other process left in its namespaces, host links, namespaces, the work
 * directory, and last the record. Synchronous (see proc.ts). Safe to repeat.
 */
export function teardown(record: RunRecord, options: { graceMs?: number } = {}): string[] {
  const problems: string[] = [];
  const killed = stopProcesses(record.processes, options.graceMs ?? 2_000);
  if (killed.length > 0) problems.push(`needed SIGKILL: ${killed.join(', ')}`);
  const present = new Set(existingNetns());
  const namespaces = record.namespaces.filter((ns) => present.has(ns));
  // sshd session children, emulators of open sessions, anything else in our namespaces.
  const leftovers = namespaces.flatMap((ns) => pidsInNetns(ns));
  if (leftovers.length > 0) stopProcesses(leftovers, 500);

  const links = new Set(existingLinks());
  // Deleting the host end of a veth deletes both ends at once; the kernel frees
  // a namespace's devices only later, asynchronously, after `netns del`.
  const batch = [
    ...record.links.filter((link) => links.has(link) && link !== record.bridge).map((link) => `link del ${link}`),
    ...(links.has(record.bridge) ? [`link del ${record.bridge}`] : []),
    ...namespaces.map((ns) => `netns del ${ns}`),
  ];
  if (batch.length > 0) {
    const result = runSync('ip', ['-force', '-batch', '-'], `${batch.join('\n')}\n`);
    if (result.code !== 0) problems.push(`ip: ${result.stderr.trim()}`);
  }
  if (record.workDir === join(tmpdir(), `${WORKDIR_PREFIX}${record.runId}`)) {
    try {
      rmSync(record.workDir, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      problems.push(`rm ${record.workDir}: ${(error as Error).message}`);
    }
  }
  try {
    unlinkSync(recordPath(record.runId));
  } catch {
    // Already removed.
  }
  return problems;
}

/**
 * Tears down stale runs, then anything carrying the prefix that no record
 * claims (a run's record is written before it creates anything). Call under
 * the lock.
 */
export function cleanStale(log: (message: string) => void = () => {}): void {
  const records = readRecords();
  for (const record of records) {
    if (!isStale(record)) continue;
    log(`walkdown lab: cleaning stale run ${record.runId} (owner pid ${record.ownerPid} is gone)`);
    teardown(record, { graceMs: 1_000 });
  }
  const claimed = new Set(readRecords().map((record) => record.runId));
  const orphanNetns = existingNetns().filter((ns) => {
    const id = NETNS_RE.exec(ns)?.[1];
    return id !== undefined && !claimed.has(id);
  });
  const orphanLinks = existingLinks().filter((link) => {
    const id = LINK_RE.exec(link)?.[1];
    return id !== undefined && !claimed.has(id);
  });
  let orphanDirs: string[] = [];
  try {
    orphanDirs = readdirSync(tmpdir())
      .filter((name) => {
        const id = WORKDIR_RE.exec(name)?.[1];
        return id !== undefined && !claimed.has(id);
      })
      .map((name) => join(tmpdir(), name));
  } catch {
    // No tmpdir listing: nothing to do.
  }
  if (orphanNetns.length + orphanLinks.length + orphanDirs.length === 0) return;
  log(`walkdown lab: removing unclaimed leftovers: ${[...orphanNetns, ...orphanLinks, ...orphanDirs].join(' ')}`);
  teardown({
    runId: 'orphn',
    octet: 0,
    ownerPid: 0,
    ownerStartTime: '',
    keep: false,
    createdAt: '',
    bridge: orphanLinks.find((link) => link.endsWith('br')) ?? '',
    links: orphanLinks,
    namespaces: orphanNetns,
    workDir: '',
    processes: [],
  });
  for (const dir of orphanDirs) rmSync(dir, { recursive: true, force: true });
}

/** Third octets already taken by records or by any 10.77.x.y address on this host. */
function usedOctets(): Set<number> {
  const used = new Set(readRecords().map((record) => record.octet));
  const addr = runSync('ip', ['-4', '-o', 'addr', 'show']);
  for (const match of addr.stdout.matchAll(/inet 10\.77\.(\d+)\.\d+/g)) used.add(Number(match[1]));
  const routes = runSync('ip', ['-4', 'route', 'show']);
  for (const match of routes.stdout.matchAll(/^10\.77\.(\d+)\./gm)) used.add(Number(match[1]));
  return used;
}

function newRunId(): string {
  const taken = new Set([...readRecords().map((record) => record.runId), ...existingNetns().map((ns) => NETNS_RE.exec(ns)?.[1])]);
  for (;;) {
    const id = [...randomBytes(5)].map((byte) => '0123456789abcdefghijklmnopqrstuvwxyz'[byte % 36]).join('');
    if (!taken.has(id)) return id;
  }
}

/**
 * Under the lock: clean stale runs, pick a run id and a free /24, and write the
 * run's first record (so no other run can take the subnet or clean us up).
 */
export async function reserveRun(options: { keep: boolean; workDirFor: (runId: string) => string; log?: (message: string) => void }): Promise<RunRecord> {
  return withLock(() => {
    cleanStale(options.log);
    const used = usedOctets();
    let octet: number | undefined;
    for (let candidate = OCTET_MIN; candidate <= OCTET_MAX; candidate++) {
      if (!used.has(candidate)) {
        octet = candidate;
        break;
      }
    }
    if (octet === undefined) throw new Error('walkdown lab: no free /24 left in 10.77.0.0/16');
    const runId = newRunId();
    const record: RunRecord = {
      runId,
      octet,
      ownerPid: process.pid,
      ownerStartTime: startTimeOf(process.pid) ?? '',
      keep: options.keep,
      createdAt: new Date().toISOString(),
      bridge: `${NAME_PREFIX}${runId}br`,
      links: [],
      namespaces: [],
      workDir: options.workDirFor(runId),
      processes: [],
    };
    writeRecord(record);
    return record;
  });
}
