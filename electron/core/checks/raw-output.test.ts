import { describe, expect, it } from 'vitest';
import { MAX_RAW_OUTPUT_CHARS } from '@shared/domain/checks';
import { capRawOutput } from './raw-output';

describe('capRawOutput', () => {
  it('keeps output up to the limit as it is', () => {
    expect(capRawOutput('display version')).toBe('display version');
    const exact = 'x'.repeat(MAX_RAW_OUTPUT_CHARS);
    expect(capRawOutput(exact)).toBe(exact);
  });

  it('cuts longer output to the limit and says how much was cut', () => {
    const long = 'y'.repeat(MAX_RAW_OUTPUT_CHARS + 5000);
    const kept = capRawOutput(long);
    expect(kept.length).toBeLessThanOrEqual(MAX_RAW_OUTPUT_CHARS);
    const cut = Number(/\[output cut: (\d+) more characters not kept\]$/.exec(kept)?.[1]);
    expect(kept.indexOf('\n[output cut')).toBe(long.length - cut);
  });

  it('never splits a character outside the BMP', () => {
    const kept = capRawOutput('😀'.repeat(40), 50);
    expect(kept.length).toBeLessThanOrEqual(50);
    expect(kept.split('\n')[0]).toMatch(/^(?:😀)+$/u);
  });
});
