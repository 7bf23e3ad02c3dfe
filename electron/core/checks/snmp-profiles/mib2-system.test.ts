import { describe, expect, it } from 'vitest';
import { ParseError } from '../parsers/parse-error';
import * as system from './mib2-system';
import { answer, readSnmprec, withChanges } from './testing/snmprec';
import type { SnmpVarbind } from './varbind';

const T0 = 1_700_000_000_000;
const run = (recording: readonly SnmpVarbind[]) => system.parse([answer(recording, system.PARSER.oids)], [T0]);

describe('snmp.mib2-system', () => {
  it('reads the Catalyst 3750 recording as recorded', () => {
    const parsed = run(readSnmprec('snmpsim', 'cisco-catalyst-3750.snmprec'));
    expect(parsed).toEqual({
      // sysDescr is hex in the recording (it has CR LF line ends): decoded, lines joined with LF.
      description:
        'Cisco IOS Software, C3750 Software (C3750-IPSERVICESK9-M), Version 12.2(55)SE10, RELEASE SOFTWARE (fc2)\nTechnical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2015 by Cisco Systems, Inc.\nCompiled Wed 11-Feb-15 11:40 by prod_rel_team',
      objectId: '1.3.6.1.4.1.9.1.516',
      enterprise: 9,
      vendor: 'Cisco',
      sysUpTimeSeconds: 6972022, // 697202257 ticks
      engineTimeSeconds: 6971948,
      uptimeSeconds: 6972022,
      contact: '', // configured empty: '' and not absent
      name: 'Profiler3750',
      location: 'Bangalore',
    });
    expect(system.metrics(parsed)).toEqual({
      'uptime.seconds': 6972022,
      'system.name': 'Profiler3750',
      'system.description': parsed.description,
      'system.object-id': '1.3.6.1.4.1.9.1.516',
      'system.vendor': 'Cisco',
      'system.contact': '',
      'system.location': 'Bangalore',
    });
  });

  it('reads the Linux (Net-SNMP) and Windows recordings', () => {
    expect(run(readSnmprec('snmpsim', 'linux-full-walk.snmprec'))).toMatchObject({
      description: 'Linux cray 2.6.21.5-smp #2 SMP Tue Jun 19 14:58:11 CDT 2007 i686',
      vendor: 'Net-SNMP',
      sysUpTimeSeconds: 2334251,
      name: 'tt',
      location: 'KK12 (edit /etc/snmp/snmpd.conf)',
    });
    // Windows' agent has no snmpEngineTime: absent, not 0.
    expect(run(readSnmprec('snmpsim', 'winxp-full-walk.snmprec'))).toMatchObject({
      objectId: '1.3.6.1.4.1.311.1.1.3.1.1',
      vendor: 'Microsoft',
      engineTimeSeconds: null,
      uptimeSeconds: 827,
      name: 'CRAY',
    });
  });

  it('decodes a GBK sysLocation', () => {
    expect(run(readSnmprec('hand-written', 'ups-single-phase-on-mains.snmprec')).location).toBe('一号机房 A排');
  });

  it('gives absent fields for objects the agent does not have', () => {
    const parsed = system.parse(
      [
        [
          { oid: system.OID.sysDescr, type: 'NoSuchObject', value: null },
          { oid: system.OID.sysObjectID, type: 'ObjectIdentifier', value: '1.3.6.1.4.1.99999.1' },
          { oid: system.OID.sysUpTime, type: 'TimeTicks', value: 12_345 },
          { oid: system.OID.sysContact, type: 'NoSuchInstance', value: null },
          { oid: system.OID.sysName, type: 'OctetString', value: 'edge-01' },
          { oid: system.OID.sysLocation, type: 'Null', value: null },
          { oid: system.OID.snmpEngineTime, type: 'NoSuchObject', value: null },
        ],
      ],
      [T0],
    );
    expect(parsed).toEqual({
      description: null,
      objectId: '1.3.6.1.4.1.99999.1',
      enterprise: 99999,
      vendor: null,
      sysUpTimeSeconds: 123,
      engineTimeSeconds: null,
      uptimeSeconds: 123,
      contact: null,
      name: 'edge-01',
      location: null,
    });
    expect(system.metrics(parsed)).toEqual({ 'uptime.seconds': 123, 'system.name': 'edge-01', 'system.object-id': '1.3.6.1.4.1.99999.1' });
  });

  it('believes snmpEngineTime once sysUpTime must have wrapped (497 days)', () => {
    const recording = readSnmprec('snmpsim', 'cisco-catalyst-3750.snmprec');
    // 600 days up: sysUpTime went round once and now shows 600 d − 497.1 d.
    const engineTime = 600 * 86_400;
    const ticks = engineTime * 100 - 2 ** 32;
    const parsed = run(withChanges(recording, { [system.OID.sysUpTime]: ticks, [system.OID.snmpEngineTime]: engineTime }));
    expect(parsed.sysUpTimeSeconds).toBe(Math.floor(ticks / 100));
    expect(parsed.uptimeSeconds).toBe(engineTime);
  });

  it('refuses an agent that answers none of the system group', () => {
    const empty = system.PARSER.oids.get?.map((oid): SnmpVarbind => ({ oid, type: 'NoSuchObject', value: null })) ?? [];
    expect(() => system.parse([empty], [T0])).toThrow(ParseError);
    expect(() => system.parse([], [])).toThrow(/no sample/);
  });
});
