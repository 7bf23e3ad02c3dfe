/**
 * Fault injection for sync with real processes (SYNC.md "How we test it",
 * issue 7): the sync server (out/server/cli.cjs) in a network namespace, on
 * SQLite or PostgreSQL, and two or three consoles, each its own backend
 * process (out/web/cli.cjs: the core behind the web transport). A seeded run
 * makes random work on the consoles (incidents, edits of one incident on two
 * consoles, work logs, attachments of up to 1.5 MB, round entries) and,
 * while they sync, strikes at a chosen moment of a push, a pull, an upload or
 * a download: kill -9 of a console or of the server, the consoles' network
 * link taken down, or the server restarted. Then everything is brought back,
 * synced until quiet, and every side is compared: record counts and fields,
 * and the SHA-256 of every attachment on the server and on every console.
 *
 * Used by tests/integration/sync-faults.test.ts and by the sync benchmark:
 *
 *   const lab = await setUpFaultLab({ postgres: true });
 *   const result = await runFaultScenario({ seed: 42, database: 'postgres', lab });
 *   // result.lost === 0, result.duplicated === 0, …
 *   await tearDownFaultLab(lab);
 *
 * Runs of one lab go one after the other (a network cut hits the lab's one
 * link); for parallel runs, one lab each (labs pick free subnets and names).
 * Needs root (ip netns), the built bundles (npm run build) and, for
 * PostgreSQL, the Debian postgresql packages.
 *
 * The seed fixes the plan (which console does what, which fault strikes
 * when and for how long); the exact interleaving with the processes' own
 * timing is not reproducible, so a failure is replayed by its seed and
 * usually, not always, fails the same way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncStatus } from '@shared/api/sync.contract';
import { run } from '../lab/proc';
import { startPostgresCluster, type PostgresCluster } from '../server/postgres-cluster';
import { TestConsole } from '../server/sync-client';
import { ServerNamespace } from './sync-network';
import { ConsoleProcess, NamespacedServer, RpcError, type RequestLine } from './sync-processes';
import { compareReplicas, consoleReplica, serverReplica, type ReplicaComparison } from './sync-replicas';
import { mulberry32, SyncWorkload, syncUntilQuiet, type WorkloadConsole } from './sync-workload';

export type FaultDatabase = 'sqlite' | 'postgres';
export type FaultKind = 'kill-console' | 'kill-server' | 'cut-network' | 'restart-server';
export type FaultPhase = 'push' | 'pull' | 'upload' | 'download';
export const FAULT_KINDS: readonly FaultKind[] = ['kill-console', 'kill-server', 'cut-network', 'restart-server'];

/** What runs share: the namespace the servers run in, a PostgreSQL cluster, a folder for data. */
export interface FaultLab {
  ns: ServerNamespace;
  cluster: PostgresCluster | null;
  root: string;
}

export interface FaultScenarioOptions {
  seed: number;
  database: FaultDatabase;
  lab: FaultLab;
  /** Consoles taking part (2–3); default 2. */
  consoles?: number;
  /** Random work steps; default 8. */
  steps?: number;
  /** Faults struck during the steps; default 3. */
  faults?: number;
  /** Which faults may be chosen; default all. */
  faultKinds?: readonly FaultKind[];
  /** Attachments are 64 KiB up to this; default 1.5 MB (one or two 1 MiB chunks). */
  maxFileBytes?: number;
  /** Progress lines (the plan, each fault); default silent. */
  log?: (line: string) => void;
  /** The run fails (and its processes are killed) after this long; default 75 s. */
  timeLimitMs?: number;
}

export interface StruckFault {
  kind: FaultKind;
  phase: FaultPhase;
  /** The console whose sync was struck (for kill-console: the one killed). */
  console: string;
  /** Whether the request before the phase was seen before the strike (else the console's run ended without one, or 4 s passed). */
  inPhase: boolean;
}

export interface FaultScenarioResult extends ReplicaComparison {
  seed: number;
  database: FaultDatabase;
  faults: StruckFault[];
  /** Writes a console confirmed (these must be everywhere). */
  answeredWrites: number;
  /** Writes cut short by a kill (they may or may not exist; if they do, everywhere). */
  unansweredWrites: number;
  /** Entries the server refused for good (set aside): none are expected here. */
  setAside: number;
  /** Pulled changes a console could not apply (parked) at the end: none are expected. */
  parked: number;
  /** Whole sync rounds (every console once) it took to get quiet after the faults. */
  syncRounds: number;
  durationMs: number;
  /** The run's steps with their times (the last 40). */
  trail: string;
}

/** Creates the namespace (and the PostgreSQL cluster when asked): once per test file or bench run. Needs root. */
export async function setUpFaultLab(options: { postgres?: boolean } = {}): Promise<FaultLab> {
  const root = await mkdtemp(join(tmpdir(), 'walkdown-sync-faults-'));
  const ns = await ServerNamespace.create();
  let cluster: PostgresCluster | null = null;
  try {
    if (options.postgres) cluster = await startPostgresCluster();
  } catch (error) {
    await ns.destroy();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return { ns, cluster, root };
}

export async function tearDownFaultLab(lab: FaultLab): Promise<void> {
  await lab.ns.destroy();
  await lab.cluster?.stop();
  await rm(lab.root, { recursive: true, force: true });
}

/** One seeded run: set-up, work with faults, recovery, comparison. Processes and files are removed afterwards. */
export async function runFaultScenario(options: FaultScenarioOptions): Promise<FaultScenarioResult> {
  const scenario = await FaultScenario.create(options);
  let timer: NodeJS.Timeout | undefined;
  const limitMs = options.timeLimitMs ?? 75_000;
  try {
    // A run that hangs is a finding too; it must not leave processes behind when the caller gives up on it.
    return await Promise.race([
      scenario.run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          void scenario.diagnose().then((state) => reject(new Error(`seed ${options.seed}: no result in ${limitMs} ms; last steps:\n${scenario.trail()}\n${state}`)));
        }, limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await scenario.dispose();
  }
}

// ------------------------------------------------------------------ the run

interface Participant extends WorkloadConsole {
  process: ConsoleProcess;
  deviceId: string;
}

class FaultScenario {
  private readonly random: () => number;
  private readonly participants: Participant[] = [];
  private readonly workload: SyncWorkload;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly faults: StruckFault[] = [];
  private readonly steps: string[] = [];
  private readonly startedAt = performance.now();

  private constructor(
    private readonly options: FaultScenarioOptions,
    private readonly dir: string,
    private readonly server: NamespacedServer,
  ) {
    this.random = mulberry32(options.seed);
    this.workload = new SyncWorkload(this.random, options.seed, {
      maxFileBytes: options.maxFileBytes,
      isConnectionError,
      isRefusal: (error) => error instanceof RpcError,
    });
  }

  static async create(options: FaultScenarioOptions): Promise<FaultScenario> {
    const dir = await mkdtemp(join(options.lab.root, `run-${options.seed}-`));
    let databaseUrl: string | undefined;
    if (options.database === 'postgres') {
      if (!options.lab.cluster) throw new Error('setUpFaultLab({ postgres: true }) for PostgreSQL runs');
      databaseUrl = await options.lab.ns.relayDatabase(await options.lab.cluster.createDatabase());
    }
    // Push transactions held open a little: a kill of the server lands inside one more often.
    const server = new NamespacedServer(options.lab.ns, join(dir, 'server'), databaseUrl, { WALKDOWN_SERVER_TEST_COMMIT_DELAY_MS: '40' });
    return new FaultScenario(options, dir, server);
  }

  async run(): Promise<FaultScenarioResult> {
    const started = performance.now();
    const log = this.options.log ?? (() => undefined);
    await this.setUp();
    const steps = this.options.steps ?? 8;
    const faultCount = this.options.faults ?? 3;
    const faultSteps = new Set<number>();
    while (faultSteps.size < Math.min(faultCount, steps)) faultSteps.add(Math.floor(this.random() * steps));
    log(`seed ${this.options.seed} (${this.options.database}): ${this.participants.length} consoles, ${steps} steps, faults at ${[...faultSteps].sort((a, b) => a - b).join(', ')}`);

    for (let step = 0; step < steps; step += 1) {
      const on = this.pick(this.participants);
      const kind = this.workload.randomKind();
      this.mark(`${kind} on ${on.name}`);
      await this.workload.work(on, kind);
      if (this.random() < 0.5) this.background(this.pick(this.participants).process.call('sync.now'));
      if (faultSteps.has(step)) {
        const fault = await this.strike();
        this.faults.push(fault);
        log(`  ${fault.kind} during ${fault.phase} of ${fault.console}${fault.inPhase ? '' : ' (phase not seen)'}`);
      }
    }
    await this.heal();
    this.mark('settling');
    // A settle that takes long is worth a look even when it ends: what was everyone doing after 10 s?
    const watchdog = setTimeout(() => void this.diagnose().then((state) => this.mark(`settling for 10 s:\n${state}`)), 10_000);
    const syncRounds = await syncUntilQuiet(this.participants, { onStep: (what) => this.mark(what) })
      .catch((error: Error) => {
        throw new Error(`seed ${this.options.seed}: ${error.message}`);
      })
      .finally(() => clearTimeout(watchdog));
    const statuses = await Promise.all(this.participants.map((p) => p.process.call<SyncStatus>('sync.status')));
    for (const participant of this.participants) await participant.process.stop();
    await this.server.stop();

    const comparison = compareReplicas(
      await serverReplica({ dataDir: this.server.dataDir, databaseUrl: this.server.databaseUrl }),
      this.participants.map((p) => consoleReplica(p.name, p.process.dataDir)),
      this.workload.answered,
    );
    return {
      ...comparison,
      seed: this.options.seed,
      database: this.options.database,
      faults: this.faults,
      answeredWrites: [...this.workload.answered.values()].reduce((sum, ids) => sum + ids.size, 0),
      unansweredWrites: this.workload.unanswered,
      setAside: statuses.reduce((sum, status) => sum + status.setAside, 0),
      parked: statuses.reduce((sum, status) => sum + status.waiting, 0),
      syncRounds,
      durationMs: Math.round(performance.now() - started),
      trail: this.trail(),
    };
  }

  async dispose(): Promise<void> {
    // Killed first: calls still waiting on a stuck backend end with it.
    for (const participant of this.participants) await participant.process.kill().catch(() => undefined);
    await this.server.kill().catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.options.lab.ns.restore().catch(() => undefined);
    if (!process.env.WALKDOWN_KEEP_FAULT_DIRS) await rm(this.dir, { recursive: true, force: true });
  }

  // -------------------------------------------------------------- set-up

  private async setUp(): Promise<void> {
    const count = Math.max(2, Math.min(3, this.options.consoles ?? 2));
    const names = ['甲', '乙', '丙'].slice(0, count).map((name) => `主管${name}`);
    // Background sync every 3 s on top of the runs the scenario asks for: more interleavings.
    const processes = names.map((name, index) => new ConsoleProcess(name, join(this.dir, `console-${index}`), { WALKDOWN_SYNC_INTERVAL_MS: '3000' }));
    this.mark('set-up: starting the server and the consoles');
    // The consoles need no server to start: all at once.
    const started = Promise.all(processes.map(async (process) => {
      await process.start();
      await process.call('profile.save', { name: process.name, role: 'supervisor' });
    }));
    // Its failure is reported where it is awaited, below; until then it must not count as unhandled.
    started.catch(() => undefined);
    await this.server.start();
    const admin = new TestConsole(this.server.url);
    const enrolled = await admin.enrol(this.server.enrolmentCode as string);
    if (enrolled.status !== 200) throw new Error(`enrolling the admin: ${JSON.stringify(enrolled.body)}`);
    const codes = await Promise.all(
      names.map(async (name) => {
        const created = await admin.post('/v1/admin/users', { name, role: 'supervisor', scope: { all: true, clientIds: [], siteIds: [] } });
        if (created.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(created.body)}`);
        const issued = await admin.post('/v1/admin/enrolment-codes', { userId: (created.body.user as { id: string }).id });
        if (issued.status !== 200) throw new Error(`issuing a code: ${JSON.stringify(issued.body)}`);
        return issued.body.code as string;
      }),
    );
    await started;
    this.mark('set-up: consoles started');
    await Promise.all(
      processes.map(async (process, index) => {
        const status = await process.call<SyncStatus>('sync.enrol', { serverUrl: this.server.url, code: codes[index], deviceName: process.name });
        this.participants[index] = {
          name: process.name,
          process,
          deviceId: status.deviceId,
          call: (method, input) => process.call(method, input),
          ensureRunning: () => process.start(),
        };
      }),
    );
    this.mark('set-up: consoles enrolled');
    const first = this.participants[0]!;
    await this.workload.setUpReference(first);
    this.mark('set-up: reference data made');
    await first.call('sync.now');
    this.mark('set-up: pushed');
    for (const participant of this.participants.slice(1)) await participant.call('sync.now');
  }

  // -------------------------------------------------------------- faults

  private async strike(): Promise<StruckFault> {
    const kinds = this.options.faultKinds ?? FAULT_KINDS;
    const kind = this.pick(kinds);
    const phases: FaultPhase[] = ['push', 'pull', 'upload', 'download'];
    const phase = this.pick(phases);
    const target = this.pick(this.participants);
    const other = this.pick(this.participants.filter((p) => p !== target));

    const delayMs = Math.floor(this.random() * 30);
    const holdMs = 150 + Math.floor(this.random() * 900);

    // Watching from before the preparation: background sync may already do the phase's work.
    const seen = this.server.waitForRequest((line) => line.deviceId === target.deviceId && matchesPhase(line, phase), 4_000);
    // Give the phase something to do: work to push, changes to pull, a file to upload or to download.
    if (phase === 'push') await this.workload.addWorkLogs(target, 3 + Math.floor(this.random() * 6));
    if (phase === 'upload') await this.workload.attach(target);
    if (phase === 'pull' || phase === 'download') {
      if (phase === 'download') await this.workload.attach(other);
      else await this.workload.addWorkLogs(other, 3 + Math.floor(this.random() * 6));
      await this.settleOne(other);
    }
    this.mark(`${kind} during ${phase} of ${target.name}: prepared`);
    const run = target.process.call('sync.now').then(
      () => false,
      () => false,
    );
    this.background(run);
    // A run with no such request (nothing to push, say) ends first: strike anyway, just not inside the phase.
    const inPhase = await Promise.race([seen, run]);
    this.mark(`${phase} request ${inPhase ? 'seen' : 'not seen'}; striking in ${delayMs} ms`);
    await sleep(delayMs);
    switch (kind) {
      case 'kill-console':
        await target.process.kill();
        await sleep(holdMs / 3);
        await target.process.start();
        break;
      case 'kill-server':
        await this.server.kill();
        await sleep(holdMs / 3);
        await this.server.start();
        break;
      case 'restart-server':
        await this.server.stop();
        await this.server.start();
        break;
      case 'cut-network':
        await this.options.lab.ns.cut();
        await sleep(holdMs);
        await this.options.lab.ns.restore();
        break;
    }
    this.mark(`${kind} done`);
    return { kind, phase, console: target.name, inPhase };
  }

  // -------------------------------------------------------------- recovery

  private async heal(): Promise<void> {
    this.mark('healing');
    await this.options.lab.ns.restore();
    if (!this.server.running) await this.server.start();
    for (const participant of this.participants) if (!participant.process.running) await participant.process.start();
    await Promise.allSettled([...this.inFlight]);
  }

  private async settleOne(on: Participant): Promise<void> {
    try {
      await on.process.call('sync.now');
    } catch (error) {
      if (!isConnectionError(error)) throw error;
    }
  }

  // -------------------------------------------------------------- helpers

  /** What the processes are doing, for a run that hangs: each console's status, open connections, the server's last requests. */
  async diagnose(): Promise<string> {
    const lines: string[] = [];
    for (const participant of this.participants) {
      const status = await Promise.race([participant.call<SyncStatus>('sync.status').catch((error: Error) => error.message), sleep(2_000).then(() => 'no answer')]);
      lines.push(`${participant.name}: ${typeof status === 'string' ? status : JSON.stringify({ state: status.state, pending: status.pending, lastError: status.lastError, waiting: status.waiting })}`);
    }
    const sockets = await run('ss', ['-tnpo', 'dst', this.options.lab.ns.serverAddress]).catch(() => null);
    lines.push(`connections to the server:\n${sockets?.stdout ?? '?'}`);
    lines.push(`server log tail:\n${this.server.logTail().split('\n').slice(-12).join('\n')}`);
    return lines.join('\n');
  }

  /** The last things the run did, with times, for a failure message. */
  trail(): string {
    return this.steps.slice(-40).join('\n');
  }

  private mark(what: string): void {
    this.steps.push(`${String(Math.round(performance.now() - this.startedAt)).padStart(6)} ms  ${what}`);
    if (process.env.WALKDOWN_SYNC_FAULT_TRACE) this.options.log?.(this.steps.at(-1) as string);
  }

  private background(promise: Promise<unknown>): void {
    const settled = promise.catch(() => undefined);
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

}

/**
 * The server logs a request when it is answered, so a strike aims at the
 * request AFTER the one matched here: a push follows the session check, a
 * second pull the first, a file's next chunk (or the next file) the last.
 */
function matchesPhase(line: RequestLine, phase: FaultPhase): boolean {
  switch (phase) {
    case 'push':
      return line.path === '/v1/session';
    case 'pull':
      return line.path === '/v1/pull';
    case 'upload':
      return line.method === 'PUT' && line.path.startsWith('/v1/blobs/');
    case 'download':
      return line.method === 'GET' && line.path.endsWith('/content');
  }
}

/** The backend went away mid-call (killed): fetch fails or the answer breaks off. */
function isConnectionError(error: unknown): boolean {
  if (error instanceof TypeError) return /fetch failed|terminated/i.test(error.message);
  // The answer broke off half-way through its JSON.
  return error instanceof SyntaxError;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
