import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Statement } from 'better-sqlite3';
import type { TemplateContent } from '@shared/domain/rounds';
import type { Core, createCore } from '../electron/core/core';
import { openDatabase } from '../electron/core/store/database';
import { newId } from '../electron/core/store/ids';
import { DATABASE_FILE } from '../electron/core/store/local-store';
import { median, report, round } from './report';

const ITEMS = Number(process.env.WALKDOWN_BENCH_ROUND_ITEMS ?? 200);
const ROUNDS = Number(process.env.WALKDOWN_BENCH_ROUNDS ?? 3);
const RESOURCES_DIR = fileURLToPath(new URL('../resources', import.meta.url));

/**
 * `rounds`: a round of ITEMS items (numeric readings, in sections of 20),
 * each entry saved the way the round runner saves it: `rounds.saveEntry`
 * through core.call (input and output validated by the contract, the
 * service judging the reading against the template version, one write-path
 * transaction per entry: row + outbox + audit, synchronous=FULL). Baseline:
 * a prepared better-sqlite3 INSERT of a similar row (round_entries, same
 * columns and JSON value) on its own, on the same database file, through a
 * second connection opened with the store's pragmas. Per-entry latency; each
 * round alternates which side goes first; the median of the rounds' p95s is
 * reported.
 */
export async function roundsBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-bench-rounds-'));
  const core = (await loadCreateCore())({ dataDir, transport: 'web', resourcesDir: RESOURCES_DIR });
  try {
    await core.ready;
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await core.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    await call('profile.save', { name: 'bench', role: 'engineer' });
    const client = await call<{ id: string }>('locations.create', { kind: 'client', name: '市人民医院' });
    const site = await call<{ id: string }>('locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    const room = await call<{ id: string }>('locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' });
    const template = await call<{ id: string }>('templates.save', { content: benchTemplate(ITEMS) });
    const raw = openDatabase(join(dataDir, DATABASE_FILE));
    const insert = raw.prepare<unknown[]>(
      `INSERT INTO round_entries (id, round_id, section_key, item_key, asset_id, item_label, value, outcome, filled, note, entered_by, entered_at, incident_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?, 'ok', 1, '', 'bench', ?, NULL, ?, ?)`,
    );

    // Warm-up: one round of each side (statement caches, the template version cache, the JIT).
    await serviceSide(core, call, template.id, room.id);
    rawSide(insert, await newRound(call, template.id, room.id));

    const serviceP95: number[] = [];
    const rawP95: number[] = [];
    const serviceP50: number[] = [];
    const rawP50: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const sides = [
        async () => {
          const ms = await serviceSide(core, call, template.id, room.id);
          serviceP95.push(percentile(ms, 95));
          serviceP50.push(percentile(ms, 50));
        },
        async () => {
          const ms = rawSide(insert, await newRound(call, template.id, room.id));
          rawP95.push(percentile(ms, 95));
          rawP50.push(percentile(ms, 50));
        },
      ];
      if (r % 2 === 1) sides.reverse();
      for (const side of sides) await side();
      process.stderr.write(`rounds bench: round ${r + 1}/${ROUNDS}: service p95 ${round(serviceP95.at(-1)!, 2)} ms, raw p95 ${round(rawP95.at(-1)!, 2)} ms\n`);
    }
    raw.close();
    const value = median(serviceP95);
    const baseline = median(rawP95);
    report({
      bench: 'rounds',
      metric: 'save-entry-p95-ms',
      value: round(value, 3),
      unit: 'ms',
      baseline: round(baseline, 3),
      ratio: round(value / baseline),
      target: 3.0,
      path: 'core.call rounds.saveEntry',
      items: ITEMS,
      rounds: ROUNDS,
      p50: round(median(serviceP50), 3),
      baselineP50: round(median(rawP50), 3),
    });
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * core, imported once `__dirname` exists: services.ts derives its default
 * resources folder from it at load, and tsx runs the bench as an ES module.
 */
async function loadCreateCore(): Promise<typeof createCore> {
  const global = globalThis as { __dirname?: string };
  global.__dirname ??= fileURLToPath(new URL('../electron/core', import.meta.url));
  return (await import('../electron/core/core')).createCore;
}

async function newRound(call: <T>(method: string, input: unknown) => Promise<T>, templateId: string, roomId: string): Promise<string> {
  const detail = await call<{ round: { id: string } }>('rounds.start', { templateId, target: { kind: 'room', roomId } });
  return detail.round.id;
}

/** Every item of a new round saved through the API, one call after the other; each call's latency. */
async function serviceSide(core: Core, call: <T>(method: string, input: unknown) => Promise<T>, templateId: string, roomId: string): Promise<number[]> {
  const roundId = await newRound(call, templateId, roomId);
  const latencies: number[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const input = { roundId, sectionKey: sectionKey(i), itemKey: itemKey(i), value: { type: 'number', value: 18 + (i % 12) }, note: '' };
    const start = performance.now();
    const result = await core.call('rounds.saveEntry', input);
    latencies.push(performance.now() - start);
    if (!result.ok) throw new Error(`rounds.saveEntry: ${result.error.code} ${result.error.message}`);
  }
  return latencies;
}

function rawSide(insert: Statement<unknown[]>, roundId: string): number[] {
  const latencies: number[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const value = JSON.stringify({ type: 'number', value: 18 + (i % 12) });
    const start = performance.now();
    const now = Date.now();
    insert.run(newId(), roundId, sectionKey(i), itemKey(i), `Reading ${i + 1}`, value, now, now, now);
    latencies.push(performance.now() - start);
  }
  return latencies;
}

const sectionKey = (i: number) => `section-${Math.floor(i / 20) + 1}`;
const itemKey = (i: number) => `reading-${i + 1}`;

function benchTemplate(items: number): TemplateContent {
  const sections: TemplateContent['sections'] = [];
  for (let i = 0; i < items; i++) {
    if (i % 20 === 0) sections.push({ key: sectionKey(i), title: `Section ${sections.length + 1}`, items: [] });
    sections.at(-1)!.items.push({
      key: itemKey(i),
      label: `Reading ${i + 1}`,
      help: '',
      required: true,
      perAsset: false,
      assetTypes: [],
      spec: { type: 'number', unit: '°C', decimals: 1, thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } },
    });
  }
  return { name: `Bench round of ${items} items`, description: '', language: 'en', scope: { kind: 'room' }, sections };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
