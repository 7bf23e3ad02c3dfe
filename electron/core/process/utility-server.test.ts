import { describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/errors';
import type { Core } from '../core';
import type { CoreInitOptions } from './protocol';
import { serveCore, type ParentPortLike } from './utility-server';

class FakePort implements ParentPortLike {
  readonly sent: unknown[] = [];
  private listener: ((messageEvent: { data: unknown }) => void) | null = null;
  failNextPost = false;

  on(_event: 'message', listener: (messageEvent: { data: unknown }) => void): void {
    this.listener = listener;
  }

  postMessage(message: unknown): void {
    if (this.failNextPost) {
      this.failNextPost = false;
      throw new Error('could not be cloned');
    }
    this.sent.push(message);
  }

  deliver(data: unknown): void {
    this.listener?.({ data });
  }
}

function fakeCore(call: Core['call'] = async (method) => ({ ok: true, value: method })) {
  let emit: ((name: string, payload: unknown) => void) | null = null;
  const core = {
    call: vi.fn(call),
    onEvent: (listener: (name: string, payload: unknown) => void) => {
      emit = listener;
      return () => undefined;
    },
    describe: () => [],
    close: vi.fn(),
    ready: Promise.resolve(),
  } as unknown as Core;
  return { core, emit: (name: string, payload: unknown) => emit?.(name, payload) };
}

const options: CoreInitOptions = { dataDir: '/tmp/walkdown-test', transport: 'ipc', language: 'en' };

function setup(createCore: (options: CoreInitOptions) => Core) {
  const port = new FakePort();
  const exit = vi.fn();
  const log = vi.fn();
  serveCore({ port, createCore, exit, log });
  return { port, exit, log };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serveCore', () => {
  it('starts core from the init message and answers calls by id', async () => {
    const { core } = fakeCore();
    const createCore = vi.fn(() => core);
    const { port } = setup(createCore);
    port.deliver({ init: options });
    port.deliver({ id: 7, method: 'system.info', input: {} });
    await flush();
    expect(createCore).toHaveBeenCalledWith(options);
    expect(port.sent).toEqual([{ id: 7, result: { ok: true, value: 'system.info' } }]);
  });

  it('forwards core events', () => {
    const { core, emit } = fakeCore();
    const { port } = setup(() => core);
    port.deliver({ init: options });
    emit('records.changed', { entities: ['locations'] });
    expect(port.sent).toEqual([{ event: 'records.changed', payload: { entities: ['locations'] } }]);
  });

  it('answers malformed messages with an error instead of crashing', async () => {
    const { core } = fakeCore();
    const { port } = setup(() => core);
    port.deliver({ init: options });
    for (const data of [null, 42, 'x', [], { id: 'a' }, { id: 3 }, { id: 4, method: 12 }]) port.deliver(data);
    await flush();
    const codes = port.sent.map((m) => (m as { id: unknown; result: Result<unknown> }).result);
    expect(codes.every((r) => !r.ok)).toBe(true);
    expect(port.sent.map((m) => (m as { id: unknown }).id)).toEqual([null, null, null, null, null, 3, 4]);
  });

  it('answers calls with the startup error when core cannot be built', async () => {
    const { port, log } = setup(() => {
      throw new Error('registry incomplete');
    });
    port.deliver({ init: options });
    port.deliver({ id: 1, method: 'system.info', input: {} });
    await flush();
    expect(port.sent).toEqual([{ id: 1, result: { ok: false, error: { code: 'internal.error', message: 'registry incomplete', retryable: false } } }]);
    expect(log).toHaveBeenCalled();
  });

  it('refuses invalid init options', async () => {
    const createCore = vi.fn();
    const { port } = setup(createCore);
    port.deliver({ init: { dataDir: 5, transport: 'ipc' } });
    port.deliver({ id: 1, method: 'system.info', input: {} });
    await flush();
    expect(createCore).not.toHaveBeenCalled();
    expect((port.sent[0] as { result: Result<unknown> }).result.ok).toBe(false);
  });

  it('answers a call that arrives before init', async () => {
    const { port } = setup(() => fakeCore().core);
    port.deliver({ id: 2, method: 'system.info', input: {} });
    await flush();
    expect(port.sent).toEqual([{ id: 2, result: { ok: false, error: expect.objectContaining({ code: 'api.transport-failed' }) } }]);
  });

  it('turns a rejected call into an error result', async () => {
    const { core } = fakeCore(async () => {
      throw new Error('boom');
    });
    const { port } = setup(() => core);
    port.deliver({ init: options });
    port.deliver({ id: 9, method: 'system.info', input: {} });
    await flush();
    expect(port.sent).toEqual([{ id: 9, result: { ok: false, error: { code: 'internal.error', message: 'boom', retryable: false } } }]);
  });

  it('replaces a result that cannot be cloned with an error', async () => {
    const { core } = fakeCore();
    const { port } = setup(() => core);
    port.deliver({ init: options });
    port.failNextPost = true;
    port.deliver({ id: 5, method: 'system.info', input: {} });
    await flush();
    expect(port.sent).toEqual([{ id: 5, result: { ok: false, error: expect.objectContaining({ code: 'internal.error' }) } }]);
  });

  it('closes core and exits on shutdown', () => {
    const { core } = fakeCore();
    const { port, exit } = setup(() => core);
    port.deliver({ init: options });
    port.deliver({ shutdown: true });
    expect(core.close).toHaveBeenCalled();
    expect(exit).toHaveBeenCalledWith(0);
  });
});
