import { describe, expect, it } from 'vitest';
import { fetchExport } from './export-download';

describe('fetchExport', () => {
  it('joins the slices core hands out into one Blob', async () => {
    const file = Buffer.from('\uFEFF编号,标题\r\nINC-1,网络丢包\r\n', 'utf8');
    const offsets: number[] = [];
    const blob = await fetchExport(async (offset) => {
      offsets.push(offset);
      const slice = file.subarray(offset, offset + 7);
      return { offset, size: file.length, contentBase64: slice.toString('base64'), eof: offset + slice.length >= file.length };
    }, 'text/csv');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(file);
    expect(blob.type).toBe('text/csv');
    expect(offsets).toEqual(Array.from({ length: Math.ceil(file.length / 7) }, (_, i) => i * 7));
  });
});
