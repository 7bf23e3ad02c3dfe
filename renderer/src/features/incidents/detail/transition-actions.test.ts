import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, INCIDENT_TRANSITIONS } from '@shared/domain/incidents';
import { transitionOptions } from './transition-actions';

describe('status buttons', () => {
  it.each(INCIDENT_STATUSES)('offers from %s exactly the moves the domain allows', (status) => {
    expect(transitionOptions(status).map((option) => option.to)).toEqual([...INCIDENT_TRANSITIONS[status]]);
  });

  it('names the move back to in progress by where it starts', () => {
    const action = (from: (typeof INCIDENT_STATUSES)[number]) => transitionOptions(from).find((option) => option.to === 'in-progress')?.action;
    expect(action('new')).toBe('start');
    expect(action('acknowledged')).toBe('start');
    expect(action('pending')).toBe('resume');
    expect(action('resolved')).toBe('reopen');
    expect(action('closed')).toBe('reopen');
  });

  it('asks for a reason before pending, a resolution before resolving and a note before reopening', () => {
    const fromNew = transitionOptions('new');
    expect(fromNew.find((option) => option.to === 'pending')?.asks).toBe('pending-reason');
    expect(fromNew.find((option) => option.to === 'resolved')?.asks).toBe('resolution');
    expect(fromNew.find((option) => option.to === 'acknowledged')?.asks).toBeNull();
    expect(transitionOptions('closed')[0]?.asks).toBe('note');
  });

  it('marks one usual next step, and none on a closed incident except reopening', () => {
    expect(transitionOptions('new').filter((option) => option.primary).map((option) => option.action)).toEqual(['acknowledge']);
    expect(transitionOptions('in-progress').filter((option) => option.primary).map((option) => option.action)).toEqual(['resolve']);
    expect(transitionOptions('resolved').filter((option) => option.primary).map((option) => option.action)).toEqual(['close']);
    expect(transitionOptions('closed').filter((option) => option.primary)).toEqual([]);
  });
});
