import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { TemplateContent } from '@shared/domain/rounds';
import type { Core, createCore } from '../electron/core/core';

/*
 * A console for the sync bench: a real core (createCore) on a real SQLite
 * file, driven through its API the way either transport drives it, and the
 * records an engineer makes on a round and at the service desk.
 */

export const RESOURCES_DIR = fileURLToPath(new URL('../resources', import.meta.url));

export type Call = <T>(method: string, input?: unknown) => Promise<T>;

export interface BenchConsole {
  core: Core;
  dataDir: string;
  call: Call;
  close(): void;
}

/**
 * core, imported once `__dirname` exists: services.ts derives its default
 * resources folder from it at load, and tsx runs the bench as an ES module.
 */
export async function loadCreateCore(): Promise<typeof createCore> {
  const global = globalThis as { __dirname?: string };
  global.__dirname ??= fileURLToPath(new URL('../electron/core', import.meta.url));
  return (await import('../electron/core/core')).createCore;
}

export async function openConsole(dataDir: string, profile?: { name: string; role: 'engineer' | 'supervisor' | 'admin' }): Promise<BenchConsole> {
  const core = (await loadCreateCore())({ dataDir, transport: 'web', resourcesDir: RESOURCES_DIR });
  await core.ready;
  const call: Call = async <T>(method: string, input: unknown = {}) => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  if (profile) await call('profile.save', profile);
  return { core, dataDir, call, close: () => core.close() };
}

/** A client, a site and a machine room, made on the console. */
export async function createPlace(call: Call, name: string): Promise<{ clientId: string; siteId: string; roomId: string }> {
  const client = await call<{ id: string }>('locations.create', { kind: 'client', name });
  const site = await call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: `${name} 门诊楼` });
  const room = await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' });
  return { clientId: client.id, siteId: site.id, roomId: room.id };
}

export const ROUND_ITEMS = 200;
const sectionKey = (i: number) => `section-${Math.floor(i / 20) + 1}`;
const itemKey = (i: number) => `reading-${i + 1}`;

/** A machine-room round of ROUND_ITEMS temperature readings, in sections of 20. */
export function roundTemplate(): TemplateContent {
  const sections: TemplateContent['sections'] = [];
  for (let i = 0; i < ROUND_ITEMS; i++) {
    if (i % 20 === 0) sections.push({ key: sectionKey(i), title: `机柜列 ${sections.length + 1}`, items: [] });
    sections.at(-1)!.items.push({
      key: itemKey(i),
      label: `机柜 ${i + 1} 进风温度`,
      help: '',
      required: true,
      perAsset: false,
      assetTypes: [],
      spec: { type: 'number', unit: '°C', decimals: 1, thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } },
    });
  }
  return { name: '机房巡检（同步基准）', description: '', language: 'zh-CN', scope: { kind: 'room' }, sections };
}

/**
 * `count` inspection results as the round runner saves them: rounds of
 * ROUND_ITEMS readings, one `rounds.saveEntry` per reading (one write-path
 * transaction each, row + outbox + audit).
 */
export async function recordRoundEntries(call: Call, templateId: string, roomId: string, count: number): Promise<void> {
  let roundId = '';
  for (let i = 0; i < count; i++) {
    const item = i % ROUND_ITEMS;
    if (item === 0) roundId = (await call<{ round: { id: string } }>('rounds.start', { templateId, target: { kind: 'room', roomId } })).round.id;
    await call('rounds.saveEntry', { roundId, sectionKey: sectionKey(item), itemKey: itemKey(item), value: { type: 'number', value: 18 + ((i * 7) % 130) / 10 }, note: '' });
  }
}

/** `count` incidents through `incidents.create`, each at the room; returns their ids. */
export async function recordIncidents(call: Call, roomId: string, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const incident = await call<{ id: string }>('incidents.create', {
      title: `${tag} 核心交换机端口 Gi0/${i % 48} 闪断 #${i + 1}`,
      description: `巡检时发现端口反复 up/down，已记录日志。第 ${i + 1} 条。`,
      category: 'network',
      impact: (['high', 'medium', 'low'] as const)[i % 3],
      urgency: (['medium', 'low', 'high'] as const)[i % 3],
      reporterName: '王护士长',
      locationId: roomId,
    });
    ids.push(incident.id);
  }
  return ids;
}

/**
 * Records fetch time per request path (the push batches' latency as the
 * console sees it) and can hold every request to the sync server except
 * enrolment until `open()`: enrolling starts background sync at once, and the
 * bench wants every console to start at the moment it chooses.
 */
export class FetchMeter {
  readonly samples: { path: string; ms: number; status: number }[] = [];
  private gate: Promise<void> | null = null;
  private release: () => void = () => undefined;
  private readonly original = globalThis.fetch;

  constructor(private readonly serverUrl: () => string | null) {
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const base = this.serverUrl();
      if (!base || !url.startsWith(base)) return this.original(input, init);
      const path = new URL(url).pathname;
      if (this.gate && path !== '/v1/enrol') await this.gate;
      const start = performance.now();
      const response = await this.original(input, init);
      // The body is part of the request's time: read it here and hand a copy on.
      const body = await response.arrayBuffer();
      this.samples.push({ path, ms: performance.now() - start, status: response.status });
      return new Response([101, 204, 205, 304].includes(response.status) ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }) as typeof fetch;
  }

  hold(): void {
    this.gate ??= new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release();
    this.gate = null;
  }

  take(path: string): number[] {
    return this.samples.filter((sample) => sample.path === path).map((sample) => sample.ms);
  }

  reset(): void {
    this.samples.length = 0;
  }

  uninstall(): void {
    globalThis.fetch = this.original;
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
