import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './download-file';
import { importFileProblem } from './read-file';

describe('base64 in slices', () => {
  it.each([0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 200_001])('round-trips %i bytes like Buffer does', (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(encoded)]).toEqual([...bytes]);
  });

  it('decodes a UTF-8 BOM and Chinese text', () => {
    const text = '\uFEFF设备名称,类型\n核心交换机,switch\n';
    const bytes = base64ToBytes(Buffer.from(text, 'utf8').toString('base64'));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
  });
});

describe('importFileProblem', () => {
  it('refuses a file over the limit before reading it', () => {
    expect(importFileProblem({ name: 'big.csv', size: 65 * 1024 * 1024 })).toEqual({ key: 'tooLarge', sizeMb: '65', maxMb: '64' });
  });

  it('refuses empty files and other types', () => {
    expect(importFileProblem({ name: 'a.csv', size: 0 })).toEqual({ key: 'emptyFile' });
    expect(importFileProblem({ name: 'a.pdf', size: 10 })).toEqual({ key: 'wrongType' });
  });

  it('accepts CSV and XLSX in any case', () => {
    expect(importFileProblem({ name: '资产.CSV', size: 10 })).toBeNull();
    expect(importFileProblem({ name: 'assets.xlsx', size: 10 })).toBeNull();
  });
});
