import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, ServerStacks } from './stack';
import type { TestConsole } from './sync-client';

const stacks = new ServerStacks();
beforeAll(() => stacks.setUp());
afterAll(() => stacks.tearDown());

const PUSHERS = 4;
const BATCHES = 20;
const PER_BATCH = 4;
/** Held open inside each push transaction after its changes are written: commits overlap pulls for sure. */
const COMMIT_DELAY = { WALKDOWN_SERVER_TEST_COMMIT_DELAY_MS: '15' };

describe.each(DATABASE_KINDS)('concurrent pushes and pulls (%s)', (kind) => {
  it(
    kind === 'postgres'
      ? 'two server instances on one database: consoles push through both while two pullers pull through both, and they miss nothing'
      : 'consoles push at once while two pullers pull, and they miss nothing',
    async () => {
      const stack = await stacks.start(kind, { env: COMMIT_DELAY });
      const urls = [stack.url];
      if (kind === 'postgres') urls.push((await stacks.launch({ databaseUrl: stack.server.databaseUrl, env: COMMIT_DELAY })).url);

      const pushers: TestConsole[] = [];
      for (let i = 0; i < PUSHERS; i += 1) {
        const { console: device } = await stack.console(`工程师${i}`, 'engineer', { all: true });
        device.base = urls[i % urls.length] as string;
        pushers.push(device);
      }
      // Two pullers, each keeping up with the head of the log (a big page), so they pull inside the commit windows.
      const pullers: TestConsole[] = [];
      for (let i = 0; i < 2; i += 1) pullers.push((await stack.console(`主管${i}`, 'supervisor', { all: true })).console);

      const pushed = new Set<string>();
      let pushing = true;
      const pushAll = Promise.all(
        pushers.map(async (device, d) => {
          for (let b = 0; b < BATCHES; b += 1) {
            const entries = Array.from({ length: PER_BATCH }, (_, e) => device.insert('knowledgeArticle', { title: `设备${d} 批次${b} 第${e}条`, body: '…' }));
            const reply = await device.push(entries);
            if (reply.status !== 200) throw new Error(`push failed: ${JSON.stringify(reply.body)}`);
            for (const entry of entries) pushed.add(entry.id);
          }
        }),
      ).finally(() => (pushing = false));

      let pulls = 0;
      await Promise.all(
        pullers.map(async (puller, p) => {
          while (pushing) {
            puller.base = urls[(pulls + p) % urls.length] as string;
            const reply = await puller.pullOnce(1000);
            if (reply.status !== 200) throw new Error(`pull failed: ${JSON.stringify(reply.body)}`);
            pulls += 1;
          }
        }),
      );
      await pushAll;
      const all = (await stack.rows('SELECT server_seq FROM changes ORDER BY server_seq')).map((row) => Number(row.server_seq));
      expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      for (const puller of pullers) await checkComplete(puller, all, pushed);
      expect(pushed.size).toBe(PUSHERS * BATCHES * PER_BATCH);
      expect(pulls).toBeGreaterThan(20);
    },
    120_000,
  );
});

async function checkComplete(puller: TestConsole, all: number[], pushed: Set<string>) {
  await puller.pullAll();
  const seqs = puller.received.map((change) => change.serverSeq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  // Each puller's own enrolment (a user change) is not its own push, so it receives everything.
  expect(seqs).toEqual(all);
  const received = new Set(puller.received.filter((change) => change.entity === 'knowledgeArticle').map((change) => change.id));
  expect([...pushed].filter((id) => !received.has(id))).toEqual([]);
}
