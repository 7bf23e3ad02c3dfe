import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, EMPTY_FILTER, filterForView, filterIsActive, toApiFilter, viewOf } from './incident-list-filter';

describe('incident list filter', () => {
  it('sends what the toolbar holds in the contract’s shape, the asset only when chosen', () => {
    expect(toApiFilter({ ...EMPTY_FILTER, search: '  交换机 ', priorities: ['P1'], openOnly: true })).toEqual({
      search: '交换机',
      statuses: [],
      priorities: ['P1'],
      categories: [],
      slaStates: [],
      openOnly: true,
    });
    expect(toApiFilter({ ...EMPTY_FILTER, asset: { id: 'a1', name: 'SW-01' } })).toMatchObject({ assetId: 'a1' });
  });

  it('shows the breach tab exactly when the SLA filter is breached and missed', () => {
    expect(viewOf(DEFAULT_FILTER)).toBe('all');
    expect(viewOf({ ...EMPTY_FILTER, slaStates: ['missed', 'breached'] })).toBe('breaches');
    expect(viewOf({ ...EMPTY_FILTER, slaStates: ['breached'] })).toBe('all');
    expect(viewOf({ ...EMPTY_FILTER, slaStates: ['breached', 'missed', 'at-risk'] })).toBe('all');
  });

  it('includes closed incidents in the breach list and drops the SLA filter when leaving it', () => {
    const breaches = filterForView({ ...DEFAULT_FILTER, priorities: ['P2'] }, 'breaches');
    expect(breaches).toMatchObject({ slaStates: ['breached', 'missed'], openOnly: false, priorities: ['P2'] });
    expect(filterForView(breaches, 'all').slaStates).toEqual([]);
  });

  it('does not count "open only" as a filter to clear, but counts everything else', () => {
    expect(filterIsActive(DEFAULT_FILTER)).toBe(false);
    expect(filterIsActive({ ...DEFAULT_FILTER, search: ' ' })).toBe(false);
    expect(filterIsActive({ ...DEFAULT_FILTER, categories: ['network'] })).toBe(true);
    expect(filterIsActive({ ...DEFAULT_FILTER, asset: { id: 'a', name: 'A' } })).toBe(true);
  });
});
