import { describe, expect, it } from 'vitest';
import type { Change } from '@shared/domain/changes';
import { changeValues, createInput, emptyChangeValues, transitionInput, updateInput } from './change-form-model';

const NOW = Date.UTC(2026, 10, 27, 9, 0);
const ID = '01900000-0000-7000-8000-000000000002';

describe('change forms', () => {
  it('saves a draft with only a title and a requester, and refuses a window that ends before it starts', () => {
    expect(createInput(emptyChangeValues('')).problems).toEqual({ title: { key: 'required' }, requester: { key: 'required' } });
    const values = { ...emptyChangeValues('张工'), title: '升级' };
    expect(createInput(values).input).toMatchObject({ title: '升级', requester: '张工', riskLevel: null, windowStart: null, windowEnd: null });
    expect(createInput({ ...values, windowStart: '2026-12-01T22:00', windowEnd: '2026-12-01T21:00' }).problems).toEqual({ windowEnd: { key: 'windowOrder' } });
    expect(createInput({ ...values, windowStart: 'tonight' }).problems).toEqual({ windowStart: { key: 'dateTime' } });
    expect(createInput({ ...values, windowStart: '2026-12-01T22:00', windowEnd: '2026-12-02T01:00' }).input).toMatchObject({
      windowStart: new Date(2026, 11, 1, 22).getTime(),
      windowEnd: new Date(2026, 11, 2, 1).getTime(),
    });
  });

  it('sends only what changed on edit', () => {
    const created = createInput({ ...emptyChangeValues('张工'), title: '升级', plan: '步骤', riskLevel: 'high' }).input;
    const change = { ...created, id: ID, status: 'draft' } as unknown as Change;
    const values = changeValues(change, []);
    expect(updateInput(change, values).input).toEqual({ id: ID, patch: {} });
    expect(updateInput(change, { ...values, riskLevel: 'low', plan: '步骤 ' }).input).toEqual({ id: ID, patch: { riskLevel: 'low' } });
  });

  it('asks for a result to close the work and a reason to reject', () => {
    const blank = { comment: '', result: '', at: '' };
    expect(transitionInput(ID, 'completed', blank, NOW).problems).toEqual({ result: { key: 'required' } });
    expect(transitionInput(ID, 'rejected', blank, NOW).problems).toEqual({ comment: { key: 'required' } });
    expect(transitionInput(ID, 'approved', { ...blank, comment: '同意', at: '2026-11-26T07:00' }, NOW).input).toEqual({
      id: ID,
      to: 'approved',
      comment: '同意',
      result: '',
      at: new Date(2026, 10, 26, 7).getTime(),
    });
    expect(transitionInput(ID, 'approved', { ...blank, at: '2027-01-01T00:00' }, NOW).problems).toEqual({ at: { key: 'future' } });
    expect(transitionInput(ID, 'submitted', { ...blank, comment: '不发送' }, NOW).input).toEqual({ id: ID, to: 'submitted', comment: '', result: '' });
  });
});
