import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { SyncStatus } from '@shared/api/sync.contract';
import { DATABASE_FILE } from '../electron/core/store/local-store';
import { FetchMeter, openConsole, recordIncidents, type BenchConsole } from './sync-console';

/*
 * One child process of the fan-out part (sync-fanout.ts): a few consoles, each
 * a real core on its own SQLite file, enrolled as its own engineer. The parent
 * drives it over IPC: set up, record a wave of work while sync is held, then
 * "go" — every console of every child calls sync.now at the same moment.
 */

export type ToChild =
  | { type: 'setup'; serverUrl: string; roomId: string; consoles: { dataDir: string; code: string; name: string }[] }
  | { type: 'record'; wave: number; incidents: number }
  | { type: 'go' }
  | { type: 'close' };

export type FromChild =
  | { type: 'ready' }
  | { type: 'recorded'; keys: string[]; pending: number }
  | { type: 'synced'; pushMs: number[]; consoleMs: number[]; failedRequests: { path: string; status: number }[]; errors: string[] }
  | { type: 'failed'; error: string };

let serverUrl: string | null = null;
let roomId = '';
const consoles: { console: BenchConsole; name: string }[] = [];
const meter = new FetchMeter(() => serverUrl);

const send = (message: FromChild) => process.send?.(message);

process.on('message', (message: ToChild) => {
  handle(message).catch((error: unknown) => send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
process.on('disconnect', () => close());

async function handle(message: ToChild): Promise<void> {
  switch (message.type) {
    case 'setup': {
      serverUrl = message.serverUrl;
      roomId = message.roomId;
      for (const { dataDir, code, name } of message.consoles) {
        const console = await openConsole(dataDir, { name, role: 'engineer' });
        await console.call('sync.enrol', { serverUrl, code, deviceName: `${name}的笔记本` });
        // The first run brings the reference data (the client, site and room the incidents are recorded at).
        const status = await console.call<SyncStatus>('sync.now');
        if (status.lastError) throw new Error(`${name}: the first sync failed: ${status.lastError.code} ${status.lastError.message}`);
        consoles.push({ console, name });
      }
      send({ type: 'ready' });
      return;
    }
    case 'record': {
      // Held from here: the writes poke background sync, which must wait for "go" like everything else.
      meter.hold();
      const keys: string[] = [];
      let pending = 0;
      for (const { console, name } of consoles) {
        await recordIncidents(console.call, roomId, message.incidents, `${name} 第${message.wave + 1}轮`);
        const db = new Database(join(console.dataDir, DATABASE_FILE), { readonly: true });
        try {
          for (const row of db.prepare('SELECT DISTINCT entity, entity_id FROM outbox').all() as { entity: string; entity_id: string }[]) keys.push(`${row.entity}/${row.entity_id}`);
          pending += (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
        } finally {
          db.close();
        }
      }
      send({ type: 'recorded', keys, pending });
      return;
    }
    case 'go': {
      meter.reset();
      meter.open();
      const errors: string[] = [];
      const consoleMs = await Promise.all(
        consoles.map(async ({ console, name }) => {
          const started = performance.now();
          let status = await console.call<SyncStatus>('sync.now');
          for (let tries = 0; status.pending > 0 && tries < 5; tries++) status = await console.call<SyncStatus>('sync.now');
          if (status.pending > 0 || status.lastError || status.setAside > 0) {
            errors.push(`${name}: pending ${status.pending}, set aside ${status.setAside}, last error ${status.lastError?.code ?? 'none'} ${status.lastError?.message ?? ''}`);
          }
          return performance.now() - started;
        }),
      );
      const failedRequests = meter.samples.filter((sample) => sample.status >= 400).map(({ path, status }) => ({ path, status }));
      send({ type: 'synced', pushMs: meter.take('/v1/push'), consoleMs, failedRequests, errors });
      return;
    }
    case 'close':
      close();
      return;
  }
}

function close(): void {
  for (const { console } of consoles.splice(0)) console.close();
  if (process.connected) process.disconnect();
}
