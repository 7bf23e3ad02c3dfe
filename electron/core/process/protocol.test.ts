import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../core';
import { isCoreInitOptions, isVaultKey, type CoreInitOptions } from './protocol';
import { serveCore, type ParentPortLike } from './utility-server';

const base: CoreInitOptions = { dataDir: '/tmp/walkdown-test', transport: 'ipc' };

describe('vault key in the init options', () => {
  it('accepts the base64 of exactly 32 bytes, or no key at all', () => {
    for (let i = 0; i < 50; i++) expect(isVaultKey(randomBytes(32).toString('base64'))).toBe(true);
    expect(isCoreInitOptions(base)).toBe(true);
    expect(isCoreInitOptions({ ...base, vaultKey: randomBytes(32).toString('base64') })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const vaultKey of [
      '',
      42,
      null,
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('base64url'),
      randomBytes(32).toString('hex'),
      // 43 digits whose last one carries bits beyond the 32nd byte.
      `${'A'.repeat(42)}B=`,
    ]) {
      expect(isCoreInitOptions({ ...base, vaultKey })).toBe(false);
    }
  });

  it('reaches createCore unchanged through the utility server', () => {
    const listeners: ((event: { data: unknown }) => void)[] = [];
    const port: ParentPortLike = { on: (_event, listener) => listeners.push(listener), postMessage: () => undefined };
    const createCore = vi.fn(() => ({ onEvent: () => () => undefined }) as unknown as Core);
    serveCore({ port, createCore, exit: vi.fn(), log: vi.fn() });
    const init = { ...base, vaultKey: randomBytes(32).toString('base64') };
    for (const listener of listeners) listener({ data: { init } });
    expect(createCore).toHaveBeenCalledWith(init);
  });
});
