import { describe, expect, it } from 'vitest';
import { toLocalDateTimeInput } from '../incident-format';
import { transitionInput, type TransitionValues } from './transition-input';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();
const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00';
const values = (change: Partial<TransitionValues> = {}): TransitionValues => ({ pendingReason: 'vendor', cause: '', method: '', workaround: '', note: '', at: '', ...change });

describe('transition dialog input', () => {
  it('needs cause and method to resolve, checked with the shared schema', () => {
    const missing = transitionInput(ID, { to: 'resolved', asks: 'resolution' }, values({ cause: '  ' }), NOW);
    expect(missing.input).toBeNull();
    expect(missing.problems).toEqual({ cause: 'required', method: 'required' });
    const ok = transitionInput(ID, { to: 'resolved', asks: 'resolution' }, values({ cause: '电源模块故障', method: '更换电源模块' }), NOW);
    expect(ok.input).toEqual({ id: ID, to: 'resolved', note: '', resolution: { cause: '电源模块故障', method: '更换电源模块', workaround: '' } });
  });

  it('sends the pending reason only when setting pending', () => {
    expect(transitionInput(ID, { to: 'pending', asks: 'pending-reason' }, values({ note: ' RMA 12345 ' }), NOW).input).toEqual({ id: ID, to: 'pending', note: 'RMA 12345', pendingReason: 'vendor' });
    expect(transitionInput(ID, { to: 'in-progress', asks: 'note' }, values(), NOW).input).toEqual({ id: ID, to: 'in-progress', note: '' });
  });

  it('carries a time recorded afterwards, never one in the future', () => {
    const earlier = NOW - 2 * 3_600_000;
    expect(transitionInput(ID, { to: 'in-progress', asks: 'note' }, values({ at: toLocalDateTimeInput(earlier) }), NOW).input).toMatchObject({ at: earlier });
    expect(transitionInput(ID, { to: 'in-progress', asks: 'note' }, values({ at: toLocalDateTimeInput(NOW + 3_600_000) }), NOW).problems).toEqual({ at: 'future' });
  });
});
