import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreHost, type CoreChild } from './core-host';

class FakeChild extends EventEmitter implements CoreChild {
  readonly received: unknown[] = [];
  killed = false;

  postMessage(message: unknown): void {
    this.received.push(message);
  }

  kill(): boolean {
    this.killed = true;
    return true;
  }

  reply(id: number | null, value: unknown): void {
    this.emit('message', { id, result: { ok: true, value } });
  }

  crash(code = 1): void {
    this.emit('exit', code);
  }
}

function setup(overrides: { maxRestarts?: number; now?: () => number } = {}) {
  const children: FakeChild[] = [];
  const onEvent = vi.fn();
  const onGiveUp = vi.fn();
  const host = new CoreHost({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    init: { dataDir: '/data', transport: 'ipc', osLocale: 'zh-CN' },
    onEvent,
    onGiveUp,
    log: () => undefined,
    ...overrides,
  });
  host.start();
  return { host, children, onEvent, onGiveUp, current: () => children[children.length - 1]! };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CoreHost', () => {
  it('sends init first, then relays calls and matches replies by id', async () => {
    const { host, current } = setup();
    const first = host.call('system.info', {});
    const second = host.call('audit.list', { limit: 5 });
    expect(current().received).toEqual([
      { init: { dataDir: '/data', transport: 'ipc', osLocale: 'zh-CN' } },
      { id: 1, method: 'system.info', input: {} },
      { id: 2, method: 'audit.list', input: { limit: 5 } },
    ]);
    current().reply(2, 'two');
    current().reply(1, 'one');
    await expect(first).resolves.toEqual({ ok: true, value: 'one' });
    await expect(second).resolves.toEqual({ ok: true, value: 'two' });
  });

  it('passes events on and ignores malformed messages', () => {
    const { current, onEvent } = setup();
    current().emit('message', { event: 'records.changed', payload: { entities: ['locations'] } });
    current().emit('message', { nonsense: true });
    current().emit('message', { id: 99, result: { ok: true, value: 1 } });
    expect(onEvent).toHaveBeenCalledExactlyOnceWith('records.changed', { entities: ['locations'] });
  });

  it('fails calls in flight when core crashes, then restarts it', async () => {
    const { host, children, current } = setup();
    const call = host.call('system.info', {});
    current().crash(9);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'api.transport-failed', retryable: false } });
    expect(children).toHaveLength(2);
    expect(current().received[0]).toEqual({ init: expect.objectContaining({ dataDir: '/data' }) });
    const next = host.call('system.info', {});
    current().reply(2, 'again');
    await expect(next).resolves.toEqual({ ok: true, value: 'again' });
  });

  it('ignores replies from a process it has replaced', async () => {
    const { host, children, current } = setup();
    current().crash();
    const call = host.call('system.info', {});
    children[0]!.reply(1, 'stale');
    current().reply(1, 'fresh');
    await expect(call).resolves.toEqual({ ok: true, value: 'fresh' });
  });

  it('gives up after too many crashes in the window, but not after crashes spread out', async () => {
    let now = 0;
    const spread = setup({ maxRestarts: 2, now: () => now });
    for (let i = 0; i < 5; i += 1) {
      now += 61_000;
      spread.current().crash();
    }
    expect(spread.onGiveUp).not.toHaveBeenCalled();

    const quick = setup({ maxRestarts: 2, now: () => now });
    quick.current().crash();
    quick.current().crash();
    expect(quick.onGiveUp).not.toHaveBeenCalled();
    quick.current().crash(3);
    expect(quick.onGiveUp).toHaveBeenCalledExactlyOnceWith(3);
    expect(quick.children).toHaveLength(3);
    await expect(quick.host.call('system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'api.transport-failed' } });
  });

  it('asks core to shut down on stop and does not restart it', async () => {
    const { host, children, current, onGiveUp } = setup();
    const call = host.call('system.info', {});
    const stopped = host.stop();
    await expect(call).resolves.toMatchObject({ ok: false });
    expect(current().received.at(-1)).toEqual({ shutdown: true });
    current().crash(0);
    await stopped;
    expect(children).toHaveLength(1);
    expect(onGiveUp).not.toHaveBeenCalled();
    await expect(host.call('system.info', {})).resolves.toMatchObject({ ok: false });
  });

  it('kills core when it does not exit within the grace period', async () => {
    vi.useFakeTimers();
    const { host, current } = setup();
    const stopped = host.stop();
    await vi.advanceTimersByTimeAsync(3_000);
    await stopped;
    expect(current().killed).toBe(true);
  });

  it('gives up at once when the process cannot be forked', () => {
    const onGiveUp = vi.fn();
    const host = new CoreHost({
      fork: () => {
        throw new Error('ENOENT');
      },
      init: { dataDir: '/data', transport: 'ipc' },
      onEvent: () => undefined,
      onGiveUp,
      log: () => undefined,
    });
    host.start();
    expect(onGiveUp).toHaveBeenCalledOnce();
  });
});
