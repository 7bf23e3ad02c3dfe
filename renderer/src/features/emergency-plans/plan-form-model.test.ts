import { describe, expect, it } from 'vitest';
import { PlanFields, type EmergencyPlan } from '@shared/domain/emergency-plans';
import {
  emptyCall,
  emptyContact,
  emptyPlanValues,
  moveItem,
  newContactKey,
  planProblems,
  splitPhones,
  toPlanInput,
  valuesFromPlan,
  type PlanFormValues,
} from './plan-form-model';
import { loadTicks, saveTicks, tickKey } from './step-ticks';

const CLIENT = '01890a5d-ac96-774b-bcce-b302099a8057';

function validValues(): PlanFormValues {
  const values = emptyPlanValues({ clientId: CLIENT, language: 'zh-CN' });
  values.title = '机房空调故障';
  values.steps[0]!.title = '确认告警';
  const contact = { ...emptyContact([]), name: '王工', phones: '0571-8888 1234\n 13900001111 ;; 119 ' };
  values.contacts = [contact];
  values.callList = [{ ...emptyCall(contact.key), afterMinutes: '5' }];
  return values;
}

describe('plan form model', () => {
  it('turns typed text into what core accepts', () => {
    const values = validValues();
    values.steps[0]!.expectedMinutes = ' 15 ';
    expect(planProblems(values)).toEqual({});
    const parsed = PlanFields.parse(toPlanInput(values));
    expect(parsed.contacts[0]).toMatchObject({ key: 'c1', phones: ['0571-8888 1234', '13900001111', '119'], escalationLevel: 1 });
    expect(parsed.steps[0]).toMatchObject({ title: '确认告警', expectedMinutes: 15 });
    expect(parsed.callList).toEqual([{ contactKey: 'c1', afterMinutes: 5, note: '' }]);
    expect(parsed.reviewedAt).toBeNull();
  });

  it('names each problem by field, as a translation key', () => {
    const values = validValues();
    values.title = ' ';
    values.clientId = null;
    values.steps[0]!.expectedMinutes = '1.5';
    values.contacts[0]!.phones = '';
    values.contacts.push({ ...emptyContact(['c1']), name: 'B', phones: '分机', escalationLevel: '12' });
    values.callList = [emptyCall('c2'), { ...emptyCall('gone'), afterMinutes: '-1' }];
    values.callList[0]!.afterMinutes = '30';
    values.reviewedAt = '2026-13-40';
    expect(planProblems(values)).toEqual({
      title: { key: 'required' },
      clientId: { key: 'clientRequired' },
      reviewedAt: { key: 'date' },
      'steps.0.expectedMinutes': { key: 'wholeNumber' },
      'contacts.0.phones': { key: 'phonesRequired' },
      'contacts.1.phones': { key: 'phoneDigits' },
      'contacts.1.escalationLevel': { key: 'numberTooBig', values: { max: 9 } },
      'callList.1.afterMinutes': { key: 'numberTooSmall', values: { min: 0 } },
    });
    values.steps = [];
    expect(planProblems(values)['steps']).toEqual({ key: 'stepsRequired' });
  });

  it('reports call list rules once the fields themselves are right', () => {
    const values = validValues();
    values.callList = [{ ...emptyCall('c1'), afterMinutes: '30' }, { ...emptyCall('nobody'), afterMinutes: '10' }];
    expect(planProblems(values)).toEqual({
      'callList.1.contactKey': { key: 'unknownContact' },
      'callList.1.afterMinutes': { key: 'callOrder' },
    });
  });

  it('round-trips a saved plan', () => {
    const plan: EmergencyPlan = {
      ...PlanFields.parse(toPlanInput(validValues())),
      id: '01890a5d-ac96-774b-bcce-b302099a8058',
      clientName: '市人民医院',
      siteName: null,
      templateId: null,
      createdAt: 1,
      updatedAt: 2,
    };
    expect(PlanFields.parse(toPlanInput(valuesFromPlan(plan)))).toEqual(PlanFields.parse(toPlanInput(validValues())));
  });

  it('splits phones, makes unique contact keys and moves rows within the list', () => {
    expect(splitPhones('110\n\n 120；119; ')).toEqual(['110', '120', '119']);
    expect(newContactKey([])).toBe('c1');
    expect(newContactKey(['c1', 'c3'])).toBe('c2');
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('step ticks', () => {
  function memoryStorage() {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
    };
  }

  it('keeps ticks per plan in session storage and forgets a step that changed', () => {
    const storage = memoryStorage();
    const steps = [{ title: '断网' }, { title: '保护备份' }];
    saveTicks(storage, 'plan-1', new Set([tickKey(0, steps[0]!), tickKey(1, steps[1]!)]));
    expect(loadTicks(storage, 'plan-1')).toEqual(new Set(['0:断网', '1:保护备份']));
    expect(loadTicks(storage, 'plan-2')).toEqual(new Set());
    // Moved or renamed steps have other keys: they come back unticked.
    expect(loadTicks(storage, 'plan-1').has(tickKey(0, steps[1]!))).toBe(false);
    saveTicks(storage, 'plan-1', new Set());
    expect(storage.data.size).toBe(0);
    storage.setItem('walkdown.plans.ticks.plan-3', '{not json');
    expect(loadTicks(storage, 'plan-3')).toEqual(new Set());
    expect(loadTicks(null, 'plan-1')).toEqual(new Set());
  });
});
