import { describe, expect, it } from 'vitest';
import type { ImportProblem } from '@shared/domain/asset-import';
import { checkMapping, choiceOf, CUSTOM_CHOICE, normalizeMapping, sampleLines, sampleValues } from './import-mapping';

const problem = (row: number, column: number, code: string, message = ''): ImportProblem => ({ row, column, header: null, field: null, code, message });

describe('checkMapping', () => {
  it('needs name and type', () => {
    expect(checkMapping(['name', 'vendor', null])).toMatchObject({ missing: ['type'], ok: false });
    expect(checkMapping(['type', 'name'])).toMatchObject({ missing: [], ok: true });
  });

  it('allows a field once, except addresses from several columns', () => {
    const check = checkMapping(['name', 'type', 'vendor', 'vendor', 'managementIps', 'managementIps']);
    expect([...check.repeated]).toEqual([[3, 'vendor']]);
    expect(check.ok).toBe(false);
  });

  it('refuses a custom field without a name and custom fields named twice', () => {
    expect([...checkMapping(['name', 'type', 'custom: ']).badCustom]).toEqual([2]);
    expect([...checkMapping(['name', 'type', 'custom:机位', 'custom: 机位 ']).repeated]).toEqual([[3, 'custom:机位']]);
  });

  it('sends trimmed custom names', () => {
    expect(normalizeMapping(['name', 'custom: 用途 ', null])).toEqual(['name', 'custom:用途', null]);
    expect(choiceOf('custom:用途')).toBe(CUSTOM_CHOICE);
    expect(choiceOf(null)).toBe('');
  });
});

describe('sampleValues', () => {
  it('takes distinct non-empty values', () => {
    expect(sampleValues([['a'], [''], ['a'], ['b'], ['c'], ['d']], 0)).toEqual(['a', 'b', 'c']);
  });
});

describe('sampleLines', () => {
  const sample = [
    ['服务器-1', 'server', '10.0.0.1'],
    ['服务器-2', '', '10.0.0.2'],
    ['服务器-3', 'server', '10.0.0.999'],
  ];

  it('assumes the header on line 1 when nothing says otherwise', () => {
    expect(sampleLines(sample, [])).toEqual([2, 3, 4]);
    expect(sampleLines(sample, [problem(3, 2, 'import.cell-required'), problem(4, 3, 'import.cell-invalid', 'Not an IPv4 or IPv6 address: 10.0.0.999')])).toEqual([2, 3, 4]);
  });

  it('follows the problems when a title row pushes the table down', () => {
    expect(sampleLines(sample, [problem(4, 2, 'import.cell-required'), problem(5, 3, 'import.cell-invalid', 'Not an IPv4 or IPv6 address: 10.0.0.999')])).toEqual([3, 4, 5]);
  });
});
