import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '@shared/api';
import { AppError } from '@shared/errors';
import { Registry } from './registry';

const contract = {
  'demo.echo': method({ summary: 'Echo', input: z.object({ text: z.string().min(1), times: z.number().int().default(1) }), output: z.object({ text: z.string() }) }),
  'demo.broken': method({ summary: 'Returns the wrong shape', input: z.object({}), output: z.object({ count: z.number() }) }),
  'demo.fails': method({ summary: 'Throws', input: z.object({}), output: z.object({}) }),
};

function registry() {
  return new Registry(contract).register(contract, {
    'demo.echo': ({ text, times }) => ({ text: text.repeat(times) }),
    'demo.broken': () => ({ count: 'many' }) as unknown as { count: number },
    'demo.fails': () => {
      throw new AppError('locations.duplicate-name', 'A client named X exists', { details: { field: 'name' } });
    },
  });
}

describe('Registry', () => {
  it('validates input, applies defaults and returns the value', async () => {
    await expect(registry().call('demo.echo', { text: 'ab', times: 2 })).resolves.toEqual({ ok: true, value: { text: 'abab' } });
    await expect(registry().call('demo.echo', { text: 'ab' })).resolves.toEqual({ ok: true, value: { text: 'ab' } });
  });

  it('refuses wrong input types with api.invalid-input and the path of each issue', async () => {
    const result = await registry().call('demo.echo', { text: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('api.invalid-input');
    expect(result.error.details).toEqual({ issues: [expect.objectContaining({ path: 'text' })] });
  });

  it('answers an unknown method with api.unknown-method', async () => {
    const result = await registry().call('demo.nope', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'api.unknown-method' } });
    // Not fooled by names on Object.prototype.
    expect(await registry().call('toString', {})).toMatchObject({ ok: false, error: { code: 'api.unknown-method' } });
  });

  it('reports output that breaks the contract as api.invalid-output', async () => {
    expect(await registry().call('demo.broken', {})).toMatchObject({ ok: false, error: { code: 'api.invalid-output' } });
  });

  it('turns thrown AppErrors into error data with their stable code and details', async () => {
    expect(await registry().call('demo.fails', {})).toEqual({
      ok: false,
      error: { code: 'locations.duplicate-name', message: 'A client named X exists', details: { field: 'name' }, retryable: false },
    });
  });

  it('turns unexpected exceptions into internal.error', async () => {
    const r = new Registry(contract).register(
      { 'demo.fails': contract['demo.fails'] },
      {
        'demo.fails': () => {
          throw new TypeError('boom');
        },
      },
    );
    expect(await r.call('demo.fails', {})).toMatchObject({ ok: false, error: { code: 'internal.error', message: 'boom' } });
  });

  it('refuses a duplicate registration and an undeclared method', () => {
    const r = registry();
    expect(() => r.register({ 'demo.echo': contract['demo.echo'] }, { 'demo.echo': () => ({ text: '' }) })).toThrow(/twice/);
    const stray = { 'demo.stray': method({ summary: '', input: z.object({}), output: z.object({}) }) };
    expect(() => new Registry(contract).register(stray, { 'demo.stray': () => ({}) })).toThrow(/not declared/);
  });

  it('insists on a handler for every declared method', () => {
    const partial = new Registry(contract).register({ 'demo.echo': contract['demo.echo'] }, { 'demo.echo': ({ text }) => ({ text }) });
    expect(() => partial.assertComplete()).toThrow(/demo.broken, demo.fails/);
    expect(() => registry().assertComplete()).not.toThrow();
  });

  it('describes every method as JSON Schema', () => {
    const described = registry().describe();
    expect(described.map((d) => d.name)).toEqual(Object.keys(contract));
    expect(described[0]).toMatchObject({
      summary: 'Echo',
      input: { type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'] },
      output: { type: 'object', properties: { text: { type: 'string' } } },
    });
  });
});
