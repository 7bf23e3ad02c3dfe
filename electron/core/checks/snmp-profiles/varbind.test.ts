import { describe, expect, it } from 'vitest';
import { counterIncrease, couldWrapUnseen } from './counters';
import { displayText, fromHexForm, octetStringValue, toHexForm } from './varbind';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

describe('OCTET STRING values', () => {
  it('keeps printable UTF-8 as text, multi-line included', () => {
    expect(octetStringValue(bytes('50726f66696c657233373530'))).toBe('Profiler3750');
    expect(octetStringValue(new TextEncoder().encode('机房 A\r\nrack 3'))).toBe('机房 A\r\nrack 3');
    expect(octetStringValue(new Uint8Array())).toBe('');
  });

  it('drops NUL padding, and gives binary as hex', () => {
    expect(octetStringValue(bytes('41434d4520506f77657200000000'))).toBe('ACME Power');
    expect(octetStringValue(bytes('0016c7026ec0'))).toBe('0x00 16 c7 02 6e c0');
    expect(octetStringValue(bytes('00000000'))).toBe('0x00 00 00 00');
    // GBK is not UTF-8: hex until a DisplayString reader decodes it.
    expect(octetStringValue(bytes('bbfab7bf41'))).toBe('0xbb fa b7 bf 41');
  });

  it('round-trips the hex form', () => {
    expect(toHexForm(bytes('0016c7026ec0'))).toBe('0x00 16 c7 02 6e c0');
    expect(fromHexForm('0x00 16 C7 02 6e c0')).toEqual(bytes('0016c7026ec0'));
    expect(fromHexForm('0x0016c7')).toBeNull();
    expect(fromHexForm('rack 0x12')).toBeNull();
  });

  it('reads DisplayStrings: GBK from Chinese consoles, CR LF, padding', () => {
    expect(displayText('0xbb fa b7 bf 41')).toBe('机房A');
    expect(displayText('0xd2 bb ba c5 bb fa b7 bf 20 41 c5 c5')).toBe('一号机房 A排');
    expect(displayText('Cisco IOS Software\r\nTechnical Support\r\n')).toBe('Cisco IOS Software\nTechnical Support');
    expect(displayText('  rack 3  ')).toBe('rack 3');
    // Not text in any encoding: stays as it came.
    expect(displayText('0x00 16 c7 02 6e c0')).toBe('0x00 16 c7 02 6e c0');
  });
});

describe('counter increases', () => {
  const TOP32 = 2n ** 32n;
  const TOP64 = 2n ** 64n;

  it('takes forward steps as they are', () => {
    expect(counterIncrease(100n, 250n, 32)).toEqual({ ok: true, increase: 150n, wrapped: false });
    expect(counterIncrease(5n, 5n, 64)).toEqual({ ok: true, increase: 0n, wrapped: false });
  });

  it('sees one wrap of a Counter32 and of a Counter64', () => {
    expect(counterIncrease(TOP32 - 10n, 5n, 32)).toEqual({ ok: true, increase: 15n, wrapped: true });
    expect(counterIncrease(TOP64 - 1000n, 24n, 64)).toEqual({ ok: true, increase: 1024n, wrapped: true });
    // With a line-rate limit: the wrap fits under it.
    expect(counterIncrease(4_178_805_181n, 33_837_885n, 32, 200_000_000n)).toEqual({ ok: true, increase: 150_000_000n, wrapped: true });
  });

  it('calls a backward step that no single wrap explains a discontinuity', () => {
    // A Counter64 that went back was reset: wrapping would need more than 2^63.
    expect(counterIncrease(21_183_138_878n, 1000n, 64)).toEqual({ ok: false, reason: 'discontinuity' });
    // A Counter32 low in its range that went back: reset, not wrap.
    expect(counterIncrease(151_083_822n, 1000n, 32)).toEqual({ ok: false, reason: 'discontinuity' });
    // Near the top, but the wrap would exceed the line rate.
    expect(counterIncrease(TOP32 - 10n, 4_000_000_000n, 32, 200_000_000n)).toEqual({ ok: false, reason: 'discontinuity' });
  });

  it('refuses forward steps beyond the line rate', () => {
    expect(counterIncrease(0n, 10n ** 12n, 64, 200_000_000n)).toEqual({ ok: false, reason: 'implausible' });
  });

  it('knows when a Counter32 can go round unseen', () => {
    // 10 Gbit/s = 1.25e9 bytes/s: 2^32 bytes in 3.4 s.
    expect(couldWrapUnseen(32, 1.25e9, 15)).toBe(true);
    expect(couldWrapUnseen(32, 1.25e9, 3)).toBe(false);
    expect(couldWrapUnseen(32, 12.5e6, 15)).toBe(false);
    expect(couldWrapUnseen(64, 50e9, 3600)).toBe(false);
  });
});
