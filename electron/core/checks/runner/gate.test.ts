import { describe, expect, it } from 'vitest';
import { Gate } from './gate';

const NEVER = new AbortController().signal;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Gate', () => {
  it('lets `limit` in at once and the rest in their order as places free up', async () => {
    const gate = new Gate(2);
    const order: string[] = [];
    const leave = { a: await gate.enter(NEVER), b: await gate.enter(NEVER) };
    const c = gate.enter(NEVER).then((l) => (order.push('c'), l));
    const d = gate.enter(NEVER).then((l) => (order.push('d'), l));
    await tick();
    expect(order).toEqual([]);
    expect(gate.holders).toBe(2);
    leave.a();
    leave.a(); // leaving twice frees one place, not two
    await tick();
    expect(order).toEqual(['c']);
    leave.b();
    await tick();
    expect(order).toEqual(['c', 'd']);
    (await c)();
    (await d)();
    expect(gate.holders).toBe(0);
  });

  it('a waiter whose signal aborts leaves the line with its reason and takes no place', async () => {
    const gate = new Gate(1);
    const leave = await gate.enter(NEVER);
    const controller = new AbortController();
    const waiting = gate.enter(controller.signal);
    const after = gate.enter(NEVER);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    leave();
    (await after)();
    expect(gate.holders).toBe(0);
    await expect(gate.enter(controller.signal)).rejects.toThrow('cancelled');
    expect(() => new Gate(0)).toThrow();
  });
});
