/**
 * Two laptops fill the same round slot while offline (the round was started
 * on one and synced to the other): after sync they hold one entry for the
 * slot, the same value everywhere, and the losing value is a conflict a
 * person can see. Before entry ids followed from the slot, each console kept
 * its own row, parked the other's behind the slot's unique index forever and
 * the replicas never converged. Real cores on SQLite files, the real server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/api/sync.contract';
import { createCore, type Core } from '../../electron/core/core';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../server/server-process';
import { TestConsole } from '../server/sync-client';
import { compareReplicas, consoleReplica, serverReplica } from '../support/sync-replicas';
import { mulberry32, SyncWorkload } from '../support/sync-workload';

interface Laptop {
  name: string;
  dataDir: string;
  core: Core;
  call<T>(method: string, input?: unknown): Promise<T>;
}

describe('two laptops fill one round slot offline', () => {
  let server: ServerProcess;
  const laptops: Laptop[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    const admin = new TestConsole(server.url);
    await admin.enrol(server.enrolmentCode as string);
    for (const name of ['张工', '李工']) {
      const created = await admin.post('/v1/admin/users', { name, role: 'supervisor', scope: { all: true, clientIds: [], siteIds: [] } });
      const issued = await admin.post('/v1/admin/enrolment-codes', { userId: (created.body.user as { id: string }).id });
      const dataDir = mkdtempSync(join(tmpdir(), 'walkdown-round-slot-'));
      const core = createCore({ dataDir, transport: 'web', resourcesDir: join(REPO_ROOT, 'resources') });
      await core.ready;
      const call = async <T,>(method: string, input: unknown = {}): Promise<T> => {
        const result = await core.call(method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
        return result.value as T;
      };
      await call('profile.save', { name, role: 'supervisor' });
      await call('sync.enrol', { serverUrl: server.url, code: issued.body.code });
      laptops.push({ name, dataDir, core, call });
    }
  }, 60_000);

  afterAll(async () => {
    for (const laptop of laptops) {
      laptop.core.close();
      rmSync(laptop.dataDir, { recursive: true, force: true });
    }
    await server?.dispose();
  });

  it('ends with one entry for the slot, the same everywhere, and the other value kept as a conflict', async () => {
    const [a, b] = laptops as [Laptop, Laptop];
    const syncBoth = async (times: number) => {
      for (let i = 0; i < times; i += 1) for (const laptop of laptops) await laptop.call('sync.now');
    };
    const workload = new SyncWorkload(mulberry32(1), 1);
    await workload.setUpReference(a);
    await syncBoth(1);
    const { round } = await a.call<{ round: { id: string } }>('rounds.start', { templateId: workload.templateId, target: { kind: 'room', roomId: workload.roomId } });
    await syncBoth(1);

    const slot = { roundId: round.id, sectionKey: 'racks', itemKey: 'reading-1' };
    const first = await a.call<{ id: string }>('rounds.saveEntry', { ...slot, value: { type: 'number', value: 20 } });
    const second = await b.call<{ id: string }>('rounds.saveEntry', { ...slot, value: { type: 'number', value: 25 } });
    expect(second.id).toBe(first.id);
    await syncBoth(3);

    for (const laptop of laptops) expect(await laptop.call<SyncStatus>('sync.status')).toMatchObject({ pending: 0, waiting: 0 });
    const comparison = compareReplicas(await serverReplica({ dataDir: server.dataDir }), laptops.map((laptop) => consoleReplica(laptop.name, laptop.dataDir)));
    expect(comparison.problems, JSON.stringify(comparison.problems)).toEqual([]);
    expect({ lost: comparison.lost, duplicated: comparison.duplicated, mismatched: comparison.mismatched }).toEqual({ lost: 0, duplicated: 0, mismatched: 0 });

    const values = await Promise.all(laptops.map(async (laptop) => (await laptop.call<{ entries: { id: string; value: { value: number } }[] }>('rounds.get', { id: round.id })).entries));
    for (const entries of values) expect(entries.map((entry) => [entry.id, entry.value.value])).toEqual([[first.id, 25]]);
    for (const laptop of laptops) expect((await laptop.call<unknown[]>('sync.conflicts', {})).length).toBeGreaterThan(0);
  }, 120_000);
});
