import { describe, expect, it } from 'vitest';
import * as mib2System from './snmp-profiles/mib2-system';
import { toParserVarbind, varbindLines } from './snmp-varbinds';
import type { SnmpVarbind } from './transports';

describe('SNMP varbinds from the transport to the parsers', () => {
  it('adapts every value type to the parser contract', () => {
    const cases: [SnmpVarbind, ReturnType<typeof toParserVarbind>][] = [
      [{ oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: 'core-sw', encoding: 'text', hex: '636f72652d7377' }, { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: 'core-sw' }],
      // A MAC address, and GBK text (decoded later, by displayText, where the object is text).
      [{ oid: '1.3.6.1.2.1.2.2.1.6.1', type: 'OctetString', value: '0016c7026ec0', encoding: 'hex', hex: '0016c7026ec0' }, { oid: '1.3.6.1.2.1.2.2.1.6.1', type: 'OctetString', value: '0x00 16 c7 02 6e c0' }],
      [{ oid: '1.3.6.1.2.1.1.6.0', type: 'OctetString', value: 'bbfab7bf41', encoding: 'hex', hex: 'bbfab7bf41' }, { oid: '1.3.6.1.2.1.1.6.0', type: 'OctetString', value: '0xbb fa b7 bf 41' }],
      [{ oid: '1.3.6.1.2.1.1.2.0', type: 'OID', value: '1.3.6.1.4.1.2011.2.23.1' }, { oid: '1.3.6.1.2.1.1.2.0', type: 'ObjectIdentifier', value: '1.3.6.1.4.1.2011.2.23.1' }],
      [{ oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: '18446744073709551615' }, { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: '18446744073709551615' }],
      [{ oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 123456 }, { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 123456 }],
      [{ oid: '1.3.6.1.2.1.4.20.1.1.10.0.0.1', type: 'IpAddress', value: '10.0.0.1' }, { oid: '1.3.6.1.2.1.4.20.1.1.10.0.0.1', type: 'IpAddress', value: '10.0.0.1' }],
      [{ oid: '1.3.6.1.4.1.9.9.1', type: 'Opaque', value: '9f780441', encoding: 'hex' }, { oid: '1.3.6.1.4.1.9.9.1', type: 'Opaque', value: '0x9f 78 04 41' }],
      [{ oid: '1.3.6.1.4.1.9.9.2', type: 'Boolean', value: true }, { oid: '1.3.6.1.4.1.9.9.2', type: 'Integer', value: 1 }],
      [{ oid: '1.3.6.1.2.1.1.9.0', type: 'NoSuchObject', value: null }, { oid: '1.3.6.1.2.1.1.9.0', type: 'NoSuchObject', value: null }],
    ];
    for (const [input, expected] of cases) expect(toParserVarbind(input)).toEqual(expected);
  });

  it('gives a parser what it can read: the system group of a live answer', () => {
    const answer: SnmpVarbind[] = [
      { oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: 'Huawei S5720', encoding: 'text', hex: Buffer.from('Huawei S5720').toString('hex') },
      { oid: '1.3.6.1.2.1.1.2.0', type: 'OID', value: '1.3.6.1.4.1.2011.2.23.1' },
      { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 360_000 },
      { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: 'core-sw', encoding: 'text', hex: Buffer.from('core-sw').toString('hex') },
    ];
    const parsed = mib2System.parse([answer.map(toParserVarbind)], [0]);
    expect(mib2System.metrics(parsed)).toMatchObject({ 'system.name': 'core-sw', 'system.vendor': expect.stringMatching(/Huawei/i), 'uptime.seconds': 3600 });
  });

  it('prints varbinds as lines for the raw output', () => {
    expect(
      varbindLines([
        { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: 'core-sw', encoding: 'text', hex: '636f72652d7377' },
        { oid: '1.3.6.1.2.1.2.2.1.6.1', type: 'OctetString', value: '0016c7026ec0', encoding: 'hex', hex: '0016c7026ec0' },
        { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 42 },
        { oid: '1.3.6.1.2.1.1.9.0', type: 'NoSuchObject', value: null },
      ]),
    ).toBe('1.3.6.1.2.1.1.5.0 = OctetString: "core-sw"\n1.3.6.1.2.1.2.2.1.6.1 = OctetString: 0x00 16 c7 02 6e c0\n1.3.6.1.2.1.1.3.0 = TimeTicks: 42\n1.3.6.1.2.1.1.9.0 = NoSuchObject');
  });
});
