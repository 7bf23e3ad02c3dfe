import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SNMP_TAG, normaliseOid, octetsAsText, toVarbind } from './snmp-values';

const oid = '1.3.6.1.2.1.1.1.0';

describe('toVarbind', () => {
  it('OctetString: printable UTF-8 as text, anything else as hex; hex always', () => {
    expect(toVarbind({ oid, type: 4, value: Buffer.from('lab-h1') })).toEqual({ oid, type: 'OctetString', value: 'lab-h1', encoding: 'text', hex: '6c61622d6831' });
    expect(toVarbind({ oid, type: 4, value: Buffer.from('机房 A-3 机柜', 'utf8') })).toMatchObject({ value: '机房 A-3 机柜', encoding: 'text' });
    expect(toVarbind({ oid, type: 4, value: Buffer.from('0016c7026ec0', 'hex') })).toMatchObject({ value: '0016c7026ec0', encoding: 'hex' });
    // GBK-encoded Chinese is not UTF-8: hex, to be decoded by whoever knows the device's encoding.
    const gbk = iconv.encode('机房', 'gbk');
    expect(toVarbind({ oid, type: 4, value: gbk })).toMatchObject({ encoding: 'hex', hex: gbk.toString('hex') });
    expect(toVarbind({ oid, type: 4, value: Buffer.from('padded\0\0') })).toMatchObject({ value: 'padded', encoding: 'text', hex: '7061646465640000' });
    expect(toVarbind({ oid, type: 4, value: Buffer.alloc(0) })).toMatchObject({ value: '', encoding: 'text', hex: '' });
  });

  it('Counter64 as a decimal string, exact beyond 2^53', () => {
    expect(toVarbind({ oid, type: 70, value: Buffer.from('00ffffffffffffffff', 'hex') })).toEqual({ oid, type: 'Counter64', value: '18446744073709551615' });
    expect(toVarbind({ oid, type: 70, value: Buffer.from('20000000000001', 'hex') })).toMatchObject({ value: '9007199254740993' });
    expect(toVarbind({ oid, type: 70, value: Buffer.alloc(0) })).toMatchObject({ value: '0' });
  });

  it('numbers, OIDs, addresses, exceptions', () => {
    expect(toVarbind({ oid, type: 2, value: -5 })).toEqual({ oid, type: 'Integer', value: -5 });
    expect(toVarbind({ oid, type: 65, value: 4294967295 })).toEqual({ oid, type: 'Counter32', value: 4294967295 });
    expect(toVarbind({ oid, type: 66, value: 1000000000 })).toMatchObject({ type: 'Gauge32' });
    expect(toVarbind({ oid, type: 67, value: 123456 })).toEqual({ oid, type: 'TimeTicks', value: 123456 });
    expect(toVarbind({ oid, type: 6, value: '1.3.6.1.4.1.9.1.516' })).toEqual({ oid, type: 'OID', value: '1.3.6.1.4.1.9.1.516' });
    expect(toVarbind({ oid, type: 64, value: '10.0.0.1' })).toEqual({ oid, type: 'IpAddress', value: '10.0.0.1' });
    expect(toVarbind({ oid, type: 68, value: Buffer.from([0x9f, 0x78, 0x04]) })).toEqual({ oid, type: 'Opaque', value: '9f7804', encoding: 'hex' });
    for (const [tag, type] of [
      [128, 'NoSuchObject'],
      [129, 'NoSuchInstance'],
      [130, 'EndOfMibView'],
      [5, 'Null'],
    ] as const) {
      expect(toVarbind({ oid, type: tag, value: null })).toEqual({ oid, type, value: null });
    }
  });

  it('SNMP_TAG maps names back to BER tags', () => {
    expect(SNMP_TAG.Counter64).toBe(70);
    expect(SNMP_TAG.OctetString).toBe(4);
    expect(SNMP_TAG.NoSuchInstance).toBe(129);
  });
});

describe('octetsAsText / normaliseOid', () => {
  it('control characters make it binary; tabs and line ends do not', () => {
    expect(octetsAsText(Buffer.from('a\tb\r\nc'))).toBe('a\tb\r\nc');
    expect(octetsAsText(Buffer.from([0x41, 0x01, 0x42]))).toBeNull();
  });

  it('numeric OIDs only, a leading dot allowed', () => {
    expect(normaliseOid('.1.3.6.1.2.1.1.5.0')).toBe('1.3.6.1.2.1.1.5.0');
    expect(normaliseOid('1.3.6.1.2.1.1.5.0')).toBe('1.3.6.1.2.1.1.5.0');
    expect(normaliseOid(' 1.3.6.1 ')).toBe('1.3.6.1');
    for (const bad of ['sysName.0', '1.3.6.01', '1', '3.6.1', '1.3..6', '1.3.6.1;x']) expect(normaliseOid(bad), bad).toBeNull();
  });
});
