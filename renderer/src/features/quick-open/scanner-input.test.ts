import { describe, expect, it } from 'vitest';
import { isEditable, looksLikeAssetId, ScannerBurst } from './scanner-input';

function feed(burst: ScannerBurst, keys: string[], start: number, gap: number): (string | null)[] {
  return keys.map((key, index) => burst.key(key, start + index * gap));
}

describe('scanner bursts', () => {
  it('recognises a code typed at scanner speed and ended with Enter', () => {
    const burst = new ScannerBurst();
    const results = feed(burst, [...'ZC-2024-0001', 'Enter'], 1000, 8);
    expect(results.at(-1)).toBe('ZC-2024-0001');
    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
  });

  it('ignores a person typing and pressing Enter', () => {
    const burst = new ScannerBurst();
    expect(feed(burst, [...'hello', 'Enter'], 0, 150).at(-1)).toBeNull();
  });

  it('ignores a short burst and starts over after a pause', () => {
    const burst = new ScannerBurst();
    expect(feed(burst, ['a', 'b', 'Enter'], 0, 5).at(-1)).toBeNull();
    feed(burst, [...'slow'], 100, 200);
    expect(feed(burst, [...'FAST1', 'Enter'], 5000, 5).at(-1)).toBe('FAST1');
  });

  it('keeps scanned capitals (Shift between keys)', () => {
    const burst = new ScannerBurst();
    expect(feed(burst, ['Shift', 'A', 'Shift', 'B', '1', '2', 'Enter'], 0, 4).at(-1)).toBe('AB12');
  });
});

describe('helpers', () => {
  it('tells text fields from other targets', () => {
    expect(isEditable({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isEditable(null)).toBe(false);
  });

  it('recognises an asset id from a label without a tag', () => {
    expect(looksLikeAssetId('01a21eef-c90a-713c-8e59-5cdff40e2c7b')).toBe(true);
    expect(looksLikeAssetId('ZC-001')).toBe(false);
  });
});
