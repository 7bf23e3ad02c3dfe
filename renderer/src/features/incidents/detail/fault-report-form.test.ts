import { describe, expect, it } from 'vitest';
import { checkFaultReport } from './fault-report-form';

describe('fault report form', () => {
  it('needs fault type, cause and method; losses may be empty', () => {
    expect(checkFaultReport({ faultType: ' ', cause: '', method: '', losses: '' }).problems).toEqual({ faultType: 'required', cause: 'required', method: 'required' });
    expect(checkFaultReport({ faultType: '硬件故障', cause: '电源模块损坏', method: '更换电源', losses: '' }).fields).toEqual({
      faultType: '硬件故障',
      cause: '电源模块损坏',
      method: '更换电源',
      losses: '',
    });
  });

  it('takes the length limits from the shared schema', () => {
    expect(checkFaultReport({ faultType: 'x'.repeat(201), cause: 'c', method: 'm', losses: '' }).problems).toEqual({ faultType: 'tooLong' });
  });
});
