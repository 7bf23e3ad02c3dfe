import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CheckResultSummary, CheckRun, RunnableCheckKind } from '@shared/domain/checks';
import type { CheckTuning } from '../electron/core/checks/jobs/job-context';
import { SNMP_PARSERS, isAbsent, type SnmpProfileParser, type SnmpVarbind } from '../electron/core/checks/snmp-profiles';
import type { Core, createCore } from '../electron/core/core';

/*
 * The checks service as a person drives it, for the checks bench: core
 * (createCore, the API both transports call) over a real SQLite store in a
 * scratch data dir, assets in rooms with credentials from the vault, and a
 * sweep = `checks.run` of a room, timed until the run's last progress event
 * (every result stored through the write path by then), then checked through
 * `checks.runs` / `checks.results`.
 *
 * Two bench-only profiles sit beside the shipped ones (a scratch copy of
 * resources/profiles):
 * - snmp/bench-ten-oids: one step whose parser GETs exactly the baseline's 10
 *   OIDs. Shipped SNMP profiles ask what their MIB needs (mib2-system: 7
 *   scalars), so a parser with the baseline's OIDs is registered for the
 *   bench. Everything else is the product's path: plan, queue, the run's
 *   session pool, parse, one stored result per device.
 * - ssh/bench-uptime: the shipped linux profile's `uptime` step alone (exec,
 *   env LC_ALL=C, parser linux.uptime), so both sides run one command per host.
 */

export const BENCH_OIDS = [
  '1.3.6.1.2.1.1.1.0', // sysDescr
  '1.3.6.1.2.1.1.2.0', // sysObjectID
  '1.3.6.1.2.1.1.3.0', // sysUpTime
  '1.3.6.1.2.1.1.4.0', // sysContact
  '1.3.6.1.2.1.1.5.0', // sysName
  '1.3.6.1.2.1.1.6.0', // sysLocation
  '1.3.6.1.2.1.1.7.0', // sysServices
  '1.3.6.1.2.1.2.2.1.2.1', // ifDescr.1
  '1.3.6.1.2.1.2.2.1.8.1', // ifOperStatus.1
  '1.3.6.1.2.1.2.2.1.10.1', // ifInOctets.1
] as const;

const BENCH_SNMP_PARSER_ID = 'bench.ten-oids';
export const BENCH_SNMP_PROFILE = 'bench-ten-oids';
export const BENCH_SSH_PROFILE = 'bench-uptime';

const TenOids = z.object({ values: z.record(z.string(), z.union([z.string(), z.number()])) });
type TenOids = z.infer<typeof TenOids>;

const tenOidsParser: SnmpProfileParser<TenOids> = {
  id: BENCH_SNMP_PARSER_ID,
  oids: { get: BENCH_OIDS },
  schema: TenOids,
  parse(samples: readonly (readonly SnmpVarbind[])[]): TenOids {
    const values: Record<string, string | number> = {};
    for (const vb of samples.at(-1) ?? []) if (!isAbsent(vb)) values[vb.oid] = typeof vb.value === 'bigint' ? Number(vb.value) : (vb.value as string | number);
    return { values };
  },
  metrics: (parsed) => ({ 'bench.values': Object.keys(parsed.values).length, 'system.name': String(parsed.values['1.3.6.1.2.1.1.5.0'] ?? '') }),
  metricSpecs: [
    { name: 'bench.values', kind: 'number', unit: 'count', description: 'OIDs answered.' },
    { name: 'system.name', kind: 'text', description: 'sysName.' },
  ],
};

/** The registry is read-only to the product; the bench adds its one parser before core loads the profiles. */
function registerBenchParser(): void {
  const registry = SNMP_PARSERS as Map<string, SnmpProfileParser>;
  if (!registry.has(BENCH_SNMP_PARSER_ID)) registry.set(BENCH_SNMP_PARSER_ID, tenOidsParser as unknown as SnmpProfileParser);
}

const REPO_RESOURCES = fileURLToPath(new URL('../resources', import.meta.url));

/**
 * core, imported once `__dirname` exists: services.ts derives its default
 * resources dir from it (the CommonJS bundles and vitest have it, tsx's ESM
 * does not). The bench passes its own resourcesDir, so any existing path does.
 */
async function loadCreateCore(): Promise<typeof createCore> {
  const global = globalThis as { __dirname?: string };
  global.__dirname ??= fileURLToPath(new URL('../electron/core', import.meta.url));
  return (await import('../electron/core/core')).createCore;
}

/** resources/ as the product ships it (linked), with profiles copied and the bench's two added. */
function benchResources(dir: string): string {
  const resources = join(dir, 'resources');
  mkdirSync(resources);
  for (const entry of readdirSync(REPO_RESOURCES)) {
    if (entry !== 'profiles') symlinkSync(join(REPO_RESOURCES, entry), join(resources, entry));
  }
  cpSync(join(REPO_RESOURCES, 'profiles'), join(resources, 'profiles'), { recursive: true });
  const both = (text: string) => ({ 'zh-CN': text, en: text });
  writeFileSync(
    join(resources, 'profiles', 'snmp', `${BENCH_SNMP_PROFILE}.json`),
    JSON.stringify({ id: BENCH_SNMP_PROFILE, kind: 'snmp', name: both('Bench: 10 OIDs'), steps: [{ id: 'ten-oids', label: both('10 OIDs'), parser: BENCH_SNMP_PARSER_ID }] }),
  );
  writeFileSync(
    join(resources, 'profiles', 'ssh', `${BENCH_SSH_PROFILE}.json`),
    JSON.stringify({
      id: BENCH_SSH_PROFILE,
      kind: 'ssh',
      name: both('Bench: uptime'),
      dialect: 'linux',
      mode: 'exec',
      env: { LC_ALL: 'C' },
      steps: [{ id: 'uptime', label: both('uptime'), command: 'uptime', parser: 'linux.uptime' }],
    }),
  );
  return resources;
}

export interface BenchRoom {
  id: string;
  name: string;
  assetIds: string[];
}

export interface SweepOutcome {
  ms: number;
  runId: string;
  run: CheckRun;
  results: CheckResultSummary[];
}

export interface ServiceBenchOptions {
  tuning: Partial<CheckTuning>;
}

/** One core over a scratch store, and what the bench needs to drive it. */
export class ServiceBench {
  readonly core: Core;
  private readonly dir: string;
  private readonly finished = new Map<string, () => void>();
  private readonly doneRuns = new Set<string>();
  private siteId = '';
  private credentialIds: Record<'snmp' | 'ssh', string> = { snmp: '', ssh: '' };

  private constructor(options: ServiceBenchOptions, createCore: Awaited<ReturnType<typeof loadCreateCore>>) {
    registerBenchParser();
    this.dir = mkdtempSync(join(tmpdir(), 'walkdown-bench-core-'));
    this.core = createCore({ dataDir: join(this.dir, 'data'), transport: 'web', resourcesDir: benchResources(this.dir), checkTuning: options.tuning });
    // A run's last progress event comes after its last result is stored and the run is marked done.
    this.core.onEvent((name, payload) => {
      if (name !== 'task.progress') return;
      const { taskId, done, total } = payload as { taskId: string; done: number; total: number };
      if (done < total) return;
      this.doneRuns.add(taskId);
      this.finished.get(taskId)?.();
    });
  }

  static async start(options: ServiceBenchOptions, credentials: { community: string; username: string; privateKey: string }): Promise<ServiceBench> {
    const bench = new ServiceBench(options, await loadCreateCore());
    await bench.core.ready;
    await bench.call('profile.save', { name: 'bench', role: 'engineer' });
    const client = await bench.call<{ id: string }>('locations.create', { kind: 'client', name: 'Walkdown bench' });
    bench.siteId = (await bench.call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: 'lab' })).id;
    bench.credentialIds.snmp = (
      await bench.call<{ id: string }>('credentials.create', { name: 'lab snmp', spec: { kind: 'snmp-community', settings: { version: 'v2c' }, secret: { community: credentials.community } } })
    ).id;
    bench.credentialIds.ssh = (
      await bench.call<{ id: string }>('credentials.create', {
        name: 'lab ssh key',
        spec: { kind: 'ssh-key', settings: { username: credentials.username }, secret: { privateKey: credentials.privateKey } },
      })
    ).id;
    return bench;
  }

  async call<T>(method: string, input: unknown): Promise<T> {
    const result = await this.core.call(method, input);
    if (!result.ok) throw new Error(`bench checks: ${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  /**
   * A room of servers at `addresses`, checked with `snmp` (the bench SNMP
   * profile and the community) and/or `ssh` (the bench SSH profile and the
   * key), or neither (ping only).
   */
  async room(name: string, addresses: readonly string[], checks: { snmp?: boolean; ssh?: boolean }): Promise<BenchRoom> {
    const roomId = (await this.call<{ id: string }>('locations.create', { kind: 'room', siteId: this.siteId, name })).id;
    const room: BenchRoom = { id: roomId, name, assetIds: [] };
    await this.addAssets(room, addresses, checks);
    return room;
  }

  /** More servers in a room (see `room`). */
  async addAssets(room: BenchRoom, addresses: readonly string[], checks: { snmp?: boolean; ssh?: boolean }): Promise<void> {
    const assetIds: string[] = [];
    for (const address of addresses) {
      const name = `${room.name} ${String(room.assetIds.length + assetIds.length + 1).padStart(3, '0')}`;
      const { id } = await this.call<{ id: string }>('assets.create', { type: 'server', name, vendor: 'Dell', roomId: room.id, managementIps: [address] });
      await this.call('checks.settings.update', { assetId: id, fields: { sshProfile: checks.ssh ? BENCH_SSH_PROFILE : '', snmpProfiles: checks.snmp ? [BENCH_SNMP_PROFILE] : [] } });
      assetIds.push(id);
    }
    for (const kind of ['snmp', 'ssh'] as const) {
      if (checks[kind]) await this.call('credentials.assign', { id: this.credentialIds[kind], assetIds, attach: true });
    }
    room.assetIds.push(...assetIds);
  }

  /** `checks.run` of a room, timed until its last progress event; then the run and its results as the API gives them. */
  async sweep(room: BenchRoom, kinds: RunnableCheckKind[]): Promise<SweepOutcome> {
    const start = performance.now();
    const { runId, total } = await this.call<{ runId: string; total: number }>('checks.run', { scope: { location: { kind: 'room', id: room.id } }, kinds });
    if (total === 0) throw new Error(`bench checks: a sweep of ${room.name} planned nothing`);
    await new Promise<void>((resolve, reject) => {
      if (this.doneRuns.has(runId)) {
        resolve();
        return;
      }
      const timer = setTimeout(() => reject(new Error(`bench checks: the sweep of ${room.name} did not finish in 120 s`)), 120_000);
      this.finished.set(runId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const ms = performance.now() - start;
    this.finished.delete(runId);
    this.doneRuns.delete(runId);
    const run = (await this.call<CheckRun[]>('checks.runs', { limit: 200 })).find((r) => r.id === runId);
    if (!run || run.status !== 'done' || run.done !== run.total) throw new Error(`bench checks: the sweep of ${room.name} ended ${JSON.stringify(run)}`);
    const results = await this.call<CheckResultSummary[]>('checks.results', { runId, limit: 1000 });
    return { ms, runId, run, results };
  }

  close(): void {
    this.core.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
