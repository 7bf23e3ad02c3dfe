/**
 * Crash safety of a round: the real web backend (`node out/web/cli.cjs`,
 * built by `npm run build`) as a child process, entries saved over HTTP one
 * after the other as the round runner saves them, the process killed with
 * SIGKILL while saves are still going on, then started again on the same
 * data directory: every entry whose save was answered is there, with its
 * value and outcome, and the round goes on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '@shared/api/rounds.contract';
import type { RoundEntry, TemplateContent } from '@shared/domain/rounds';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO, 'out', 'web', 'cli.cjs');
const READY_LINE = /^Walkdown web: (http:\/\/\S+)$/m;
const ITEMS = 120;

interface Backend {
  child: ChildProcess;
  origin: string;
  token: string;
  exited: Promise<void>;
}

/** Starts the web backend on a free port over the data directory; resolves once it prints its URL. */
async function startBackend(dataDir: string): Promise<Backend> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend not ready in 20 s\n${stdout}\n${stderr}`)), 20_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY_LINE.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`backend exited (${code ?? signal}) before it was ready\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  return { child, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', exited };
}

async function rpc<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${backend.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

function template(): TemplateContent {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    key: `reading-${i + 1}`,
    label: `机柜 ${i + 1} 进风温度`,
    help: '',
    required: true,
    perAsset: false,
    assetTypes: [],
    spec: { type: 'number' as const, unit: '°C', decimals: 1, thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } },
  }));
  return { name: '机柜进风温度巡检', description: '', language: 'zh-CN', scope: { kind: 'room' }, sections: [{ key: 'racks', title: '机柜', items }] };
}

const reading = (i: number) => 16 + ((i * 7) % 17) + 0.5;

describe('a round survives the backend being killed mid-round', () => {
  const backends: Backend[] = [];
  let dataDir = '';

  afterAll(async () => {
    for (const backend of backends) {
      if (backend.child.exitCode === null && backend.child.signalCode === null) backend.child.kill('SIGKILL');
      await backend.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every entry whose save was answered, and resumes', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'walkdown-rounds-crash-'));
    const first = await startBackend(dataDir);
    backends.push(first);
    await rpc(first, 'profile.save', { name: '张工', role: 'engineer' });
    const client = await rpc<{ id: string }>(first, 'locations.create', { kind: 'client', name: '市人民医院' });
    const site = await rpc<{ id: string }>(first, 'locations.create', { kind: 'site', clientId: client.id, name: '门诊楼' });
    const room = await rpc<{ id: string }>(first, 'locations.create', { kind: 'room', siteId: site.id, name: '3F 核心机房' });
    const { id: templateId } = await rpc<{ id: string }>(first, 'templates.save', { content: template() });
    const { round } = await rpc<RoundDetail>(first, 'rounds.start', { templateId, target: { kind: 'room', roomId: room.id } });

    // Save entries one after the other; after 40 answered, kill the process while the next saves are on the wire.
    const answered = new Map<string, RoundEntry>();
    let sent = 0;
    const writer = (async () => {
      for (let i = 0; i < ITEMS; i++) {
        sent = i + 1;
        try {
          const entry = await rpc<RoundEntry>(first, 'rounds.saveEntry', { roundId: round.id, sectionKey: 'racks', itemKey: `reading-${i + 1}`, value: { type: 'number', value: reading(i) } });
          answered.set(entry.itemKey, entry);
        } catch {
          return; // The process is gone: this save was never answered.
        }
        if (answered.size === 40) setTimeout(() => first.child.kill('SIGKILL'), 3);
      }
    })();
    await writer;
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(answered.size).toBeGreaterThanOrEqual(40);
    expect(answered.size).toBeLessThan(ITEMS);

    const second = await startBackend(dataDir);
    backends.push(second);
    const after = await rpc<RoundDetail>(second, 'rounds.get', { id: round.id });
    expect(after.round.status).toBe('in-progress');
    const stored = new Map(after.entries.map((e) => [e.itemKey, e]));
    for (const [itemKey, entry] of answered) expect(stored.get(itemKey), itemKey).toEqual(entry);
    // A save sent but not answered may or may not have committed; nothing beyond it exists.
    expect(after.entries.length).toBeGreaterThanOrEqual(answered.size);
    expect(after.entries.length).toBeLessThanOrEqual(sent);

    // Resume: the rest of the round.
    for (let i = 0; i < ITEMS; i++) {
      if (stored.has(`reading-${i + 1}`)) continue;
      await rpc(second, 'rounds.saveEntry', { roundId: round.id, sectionKey: 'racks', itemKey: `reading-${i + 1}`, value: { type: 'number', value: 22 } });
    }
    const done = await rpc<RoundDetail>(second, 'rounds.get', { id: round.id });
    expect(done.round.counts).toMatchObject({ total: ITEMS, done: ITEMS });
    second.child.kill('SIGTERM');
    await second.exited;
  }, 90_000);
});
