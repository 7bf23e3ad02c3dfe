import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, ServerStacks } from './stack';

const stacks = new ServerStacks();
beforeAll(() => stacks.setUp());
afterAll(() => stacks.tearDown());

const BATCH = 400;
/** Kill after this share of the time a whole push takes: before, during and after the commit. */
const KILL_AT = [0.2, 0.6, 1.2, 4];

describe.each(DATABASE_KINDS)('a server killed mid-push (%s)', (kind) => {
  it('keeps all of a batch or none of it, and a retry after the restart applies it exactly once', async () => {
    const stack = await stacks.start(kind);
    const { console: li } = await stack.console('李工', 'engineer', { all: true });
    let server = stack.server;
    const pushedIds: string[] = [];
    const batch = (run: number) =>
      Array.from({ length: BATCH }, (_, i) => li.insert('checkResult', { assetId: null, kind: 'ping', status: 'ok', rawOutput: `run ${run} #${i} ${'x'.repeat(500)}`, durationMs: i }));
    const warmUp = batch(-1);
    pushedIds.push(...warmUp.map((entry) => entry.id));
    const started = performance.now();
    expect((await li.push(warmUp)).status).toBe(200);
    const pushMs = performance.now() - started;
    const outcomes = { applied: 0, replayed: 0 };

    for (const [run, share] of KILL_AT.entries()) {
      const entries = batch(run);
      pushedIds.push(...entries.map((entry) => entry.id));
      const inFlight = li.push(entries).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, pushMs * share * (0.8 + Math.random() * 0.4)));
      await server.kill();
      const outcome = await inFlight;

      const [device] = await stack.rows(`SELECT last_seq FROM devices WHERE id = '${li.deviceId}'`);
      const stored = Number((await stack.rows("SELECT count(*) AS n FROM records WHERE entity = 'checkResult'"))[0]?.n);
      // All or nothing: the device's seq and the records moved together.
      expect([entries[0]!.seq - 1, entries.at(-1)!.seq]).toContain(Number(device?.last_seq));
      expect(stored).toBe(Number(device?.last_seq) - (entries[0]!.seq - 1) + (run + 1) * BATCH);

      server = await stacks.launch({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
      li.base = server.url;
      const retry = await li.push(entries);
      expect(retry.status, JSON.stringify(retry.body)).toBe(200);
      expect((retry.body.applied as number) + (retry.body.replayed as number)).toBe(BATCH);
      if (!(outcome instanceof Error) && 'status' in (outcome as object)) expect(retry.body.replayed).toBe(BATCH);
      outcomes[retry.body.replayed === BATCH ? 'replayed' : 'applied'] += 1;
    }
    // The runs did cover both sides of the commit (killed before it, and after it with the answer lost or not).
    expect(outcomes.applied).toBeGreaterThan(0);
    expect(outcomes.replayed).toBeGreaterThan(0);

    const rows = await stack.rows("SELECT id FROM records WHERE entity = 'checkResult'");
    expect(rows.map((row) => row.id).sort()).toEqual([...pushedIds].sort());
    const changes = await stack.rows("SELECT count(*) AS n FROM changes WHERE entity = 'checkResult'");
    expect(Number(changes[0]?.n)).toBe((KILL_AT.length + 1) * BATCH);
    const ledger = await stack.rows(`SELECT count(*) AS n FROM device_mutations WHERE device_id = '${li.deviceId}'`);
    expect(Number(ledger[0]?.n)).toBe((KILL_AT.length + 1) * BATCH);
  }, 120_000);
});
