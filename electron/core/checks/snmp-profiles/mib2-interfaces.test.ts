import { describe, expect, it } from 'vitest';
import { ParseError } from '../parsers/parse-error';
import * as ifaces from './mib2-interfaces';
import { answer, readSnmprec, withChanges } from './testing/snmprec';
import type { SnmpVarbind } from './varbind';

/*
 * The Catalyst 3750 recording is sample 1; sample 2 is the same agent 15 s
 * later with synthetic counter increments. Every value not changed below is
 * the recorded one.
 */
const RECORDING = readSnmprec('snmpsim', 'cisco-catalyst-3750.snmprec');
const T0 = 1_700_000_000_000;
const T1 = T0 + 15_000;
const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';
const RECORDED_UPTIME = 697_202_257;
const oid = {
  ifInOctets: (i: number) => `1.3.6.1.2.1.2.2.1.10.${i}`,
  ifInDiscards: (i: number) => `1.3.6.1.2.1.2.2.1.13.${i}`,
  ifInErrors: (i: number) => `1.3.6.1.2.1.2.2.1.14.${i}`,
  ifOutOctets: (i: number) => `1.3.6.1.2.1.2.2.1.16.${i}`,
  ifHCInOctets: (i: number) => `1.3.6.1.2.1.31.1.1.1.6.${i}`,
  ifHCOutOctets: (i: number) => `1.3.6.1.2.1.31.1.1.1.10.${i}`,
  ifAlias: (i: number) => `1.3.6.1.2.1.31.1.1.1.18.${i}`,
  ifCounterDiscontinuityTime: (i: number) => `1.3.6.1.2.1.31.1.1.1.19.${i}`,
};
const recorded = (o: string) => RECORDING.find((v) => v.oid === o)?.value;

/** Sample 1 of `base`, and sample 2 with `changes` and sysUpTime 15 s on. */
function twoSamples(base: readonly SnmpVarbind[], changes: Record<string, SnmpVarbind['value'] | undefined>) {
  const later = withChanges(base, { [SYS_UP_TIME]: RECORDED_UPTIME + 1500, ...changes });
  return ifaces.parse([answer(base, ifaces.PARSER.oids), answer(later, ifaces.PARSER.oids)], [T0, T1]);
}
const byName = (parsed: ifaces.Mib2Interfaces, name: string) => {
  const found = parsed.interfaces.find((i) => i.name === name);
  if (!found) throw new Error(`no interface ${name}`);
  return found;
};

describe('snmp.mib2-interfaces on the Catalyst 3750 recording', () => {
  // Fa3/0/3 (ifIndex 11003, 100 Mbit/s, HC counters): 50 Mbit/s in, 10 Mbit/s out, 5 input errors.
  // Fa3/0/7 (11007): read with 32-bit counters only (its HC columns removed in both samples);
  //   ifOutOctets 4,178,805,181 wraps past 2^32 with 150,000,000 bytes = 80 Mbit/s.
  // Vlan60: 5 input discards.
  const withoutHc7 = withChanges(RECORDING, { [oid.ifHCInOctets(11007)]: undefined, [oid.ifHCOutOctets(11007)]: undefined });
  const parsed = twoSamples(withoutHc7, {
    [oid.ifHCInOctets(11003)]: 21_183_138_878n + 93_750_000n,
    [oid.ifHCOutOctets(11003)]: 23_506_791_758n + 18_750_000n,
    [oid.ifInErrors(11003)]: 2 + 5,
    [oid.ifOutOctets(11007)]: 4_178_805_181 + 150_000_000 - 2 ** 32,
    [oid.ifInDiscards(60)]: 168_915 + 5,
  });

  it('lists every ifTable row with the recorded status, names and speed', () => {
    expect(parsed.intervalSeconds).toBe(15);
    expect(parsed.agentRestarted).toBe(false);
    expect(parsed.interfaces).toHaveLength(59);
    expect(parsed.interfaces.map((i) => i.ifIndex).slice(0, 7)).toEqual([1, 60, 70, 5185, 5186, 5187, 11001]);
    expect(byName(parsed, 'Fa3/0/43')).toMatchObject({
      ifIndex: 11043,
      description: 'FastEthernet3/0/43',
      alias: 'connected to ruckus wlc', // recorded with a trailing space
      type: 6,
      adminStatus: 'up',
      operStatus: 'up',
      speedBitsPerSecond: 100_000_000,
      counterBits: 64,
      inOctets: 151_083_822,
      outOctets: 1_929_565_406,
      inErrors: 0,
      outDiscards: 0,
    });
    expect(byName(parsed, 'Vl1')).toMatchObject({ description: 'Vlan1', alias: '', type: 53, speedBitsPerSecond: 1e9 });
    // ifSpeed at its ceiling: ifHighSpeed (10000 Mbit/s) gives the speed.
    expect(byName(parsed, 'Nu0')).toMatchObject({ speedBitsPerSecond: 10e9, counterBits: 32 });
    expect(byName(parsed, 'Fa3/0/46')).toMatchObject({ adminStatus: 'down', operStatus: 'down' });
  });

  it('measures utilisation, errors and discards over the interval', () => {
    expect(byName(parsed, 'Fa3/0/3')).toMatchObject({
      counterBits: 64,
      inBitsPerSecond: 50_000_000,
      outBitsPerSecond: 10_000_000,
      inUtilPercent: 50,
      outUtilPercent: 10,
      utilUnknownReason: null,
      interval: { inErrors: 5, outErrors: 0, inDiscards: 0, outDiscards: 0 },
    });
    expect(byName(parsed, 'Fa3/0/7')).toMatchObject({ counterBits: 32, inUtilPercent: 0, outUtilPercent: 80, outBitsPerSecond: 80_000_000, utilUnknownReason: null });
    expect(byName(parsed, 'Vl60').interval.inDiscards).toBe(5);
    // Unchanged counters: 0 %, a measurement.
    expect(byName(parsed, 'Fa3/0/43')).toMatchObject({ inUtilPercent: 0, outUtilPercent: 0 });
  });

  it('says why utilisation is unknown where it is', () => {
    // 32-bit counters at 10 Gbit/s go round in 3.4 s.
    expect(byName(parsed, 'Nu0')).toMatchObject({ utilUnknownReason: 'wraps-within-interval', inUtilPercent: null });
    // StackPort3: counters but speed 0; StackSub-St3-1: no counters at all.
    expect(byName(parsed, 'StackPort3')).toMatchObject({ utilUnknownReason: 'no-speed', inUtilPercent: null, interval: { inErrors: 0 } });
    expect(byName(parsed, 'StackSub-St3-1')).toMatchObject({ utilUnknownReason: 'no-counters', counterBits: null, inOctets: null });
  });

  it('gives the metrics', () => {
    expect(ifaces.metrics(parsed)).toEqual({
      'interfaces.count': 59,
      'interfaces.up-count': 9,
      'interfaces.down-count': 46,
      'interfaces.admin-down-count': 4,
      'interfaces.error-count': 5,
      'interfaces.discard-count': 5,
      'interfaces.max-util-percent': 80,
      'interfaces.max-util-interface': 'Fa3/0/7',
    });
  });
});

describe('snmp.mib2-interfaces: when rates cannot be known', () => {
  const hc11003 = recorded(oid.ifHCInOctets(11003)) as bigint;

  it('one sample: status and counters, no rates', () => {
    const parsed = ifaces.parse([answer(RECORDING, ifaces.PARSER.oids)], [T0]);
    expect(parsed.intervalSeconds).toBeNull();
    expect(byName(parsed, 'Fa3/0/3')).toMatchObject({ operStatus: 'up', inOctets: Number(hc11003), inUtilPercent: null, utilUnknownReason: 'single-sample', interval: { inErrors: null } });
    const m = ifaces.metrics(parsed);
    expect(m['interfaces.up-count']).toBe(9);
    expect(m).not.toHaveProperty('interfaces.error-count');
    expect(m).not.toHaveProperty('interfaces.max-util-percent');
  });

  it('agent restart (sysUpTime went down): every rate unknown, never negative', () => {
    const parsed = twoSamples(RECORDING, { [SYS_UP_TIME]: 4200, [oid.ifHCInOctets(11003)]: 1000n, [oid.ifInErrors(11003)]: 0 });
    expect(parsed.agentRestarted).toBe(true);
    expect(parsed.interfaces.every((i) => i.utilUnknownReason === 'agent-restart' && i.inUtilPercent === null && i.interval.inErrors === null)).toBe(true);
    const m = ifaces.metrics(parsed);
    expect(m['interfaces.count']).toBe(59);
    expect(m).not.toHaveProperty('interfaces.error-count');
    expect(m).not.toHaveProperty('interfaces.max-util-percent');
  });

  it('a counter that went back (cleared) on one interface: that one unknown, the rest measured', () => {
    const parsed = twoSamples(RECORDING, { [oid.ifHCInOctets(11003)]: 1000n, [oid.ifHCOutOctets(11043)]: 1_929_565_406n + 1_875_000n });
    expect(byName(parsed, 'Fa3/0/3')).toMatchObject({ inUtilPercent: null, outUtilPercent: 0, utilUnknownReason: 'discontinuity' });
    expect(byName(parsed, 'Fa3/0/43')).toMatchObject({ outUtilPercent: 1, utilUnknownReason: null });
    expect(ifaces.metrics(parsed)['interfaces.max-util-percent']).toBe(1);
  });

  it('a 32-bit counter back by more than one wrap explains (at line rate): discontinuity', () => {
    const only32 = withChanges(RECORDING, { [oid.ifHCInOctets(11043)]: undefined, [oid.ifHCOutOctets(11043)]: undefined });
    const parsed = twoSamples(only32, { [oid.ifInOctets(11043)]: 1000 });
    expect(byName(parsed, 'Fa3/0/43')).toMatchObject({ counterBits: 32, inUtilPercent: null, utilUnknownReason: 'discontinuity' });
  });

  it('more than the line rate allows: implausible', () => {
    const parsed = twoSamples(RECORDING, { [oid.ifHCInOctets(11003)]: hc11003 + 10n ** 12n });
    expect(byName(parsed, 'Fa3/0/3')).toMatchObject({ inUtilPercent: null, utilUnknownReason: 'implausible' });
  });

  it('a 64-bit counter that really wrapped is measured', () => {
    const top = 2n ** 64n - 1_000_000n;
    const base = withChanges(RECORDING, { [oid.ifHCInOctets(11003)]: top });
    const parsed = twoSamples(base, { [oid.ifHCInOctets(11003)]: 18_750_000n - 1_000_000n });
    expect(byName(parsed, 'Fa3/0/3')).toMatchObject({ inUtilPercent: 10, utilUnknownReason: null });
  });

  it('ifCounterDiscontinuityTime moved: that interface unknown, errors too', () => {
    const parsed = twoSamples(RECORDING, { [oid.ifCounterDiscontinuityTime(11003)]: RECORDED_UPTIME + 900, [oid.ifInErrors(11003)]: 0 });
    expect(byName(parsed, 'Fa3/0/3')).toMatchObject({ utilUnknownReason: 'discontinuity', interval: { inErrors: null } });
  });

  it('sample times that do not go forward', () => {
    const parsed = ifaces.parse([answer(RECORDING, ifaces.PARSER.oids), answer(RECORDING, ifaces.PARSER.oids)], [T0, T0]);
    expect(parsed.interfaces[0]?.utilUnknownReason).toBe('bad-interval');
  });

  it('without sysUpTime a restart cannot be seen, and the counters decide alone', () => {
    const noUptime = withChanges(RECORDING, { [SYS_UP_TIME]: undefined });
    const later = withChanges(noUptime, { [oid.ifHCInOctets(11003)]: hc11003 + 1_875_000n });
    const parsed = ifaces.parse([answer(noUptime, ifaces.PARSER.oids), answer(later, ifaces.PARSER.oids)], [T0, T1]);
    expect(parsed.agentRestarted).toBeNull();
    expect(byName(parsed, 'Fa3/0/3').inUtilPercent).toBe(1);
  });
});

describe('snmp.mib2-interfaces: missing objects', () => {
  it('a column the agent lacks is absent (null), not 0 or ""', () => {
    const noAlias = RECORDING.filter((v) => !v.oid.startsWith('1.3.6.1.2.1.31.1.1.1.18.'));
    const sample = answer(noAlias, ifaces.PARSER.oids).map((v) => (v.oid === SYS_UP_TIME ? { oid: v.oid, type: 'NoSuchObject' as const, value: null } : v));
    const parsed = ifaces.parse([sample], [T0]);
    expect(byName(parsed, 'Fa3/0/43').alias).toBeNull();
  });

  it('only ifTable (no ifXTable): names from ifDescr, 32-bit counters', () => {
    const noX = RECORDING.filter((v) => !v.oid.startsWith('1.3.6.1.2.1.31.'));
    const later = withChanges(noX, { [SYS_UP_TIME]: RECORDED_UPTIME + 1500, [oid.ifInOctets(11003)]: (recorded(oid.ifInOctets(11003)) as number) + 1_875_000 });
    const parsed = ifaces.parse([answer(noX, ifaces.PARSER.oids), answer(later, ifaces.PARSER.oids)], [T0, T1]);
    expect(byName(parsed, 'FastEthernet3/0/3')).toMatchObject({ alias: null, counterBits: 32, inUtilPercent: 1 });
    // Null0's ifSpeed is at the ceiling and there is no ifHighSpeed: no speed.
    expect(byName(parsed, 'Null0')).toMatchObject({ speedBitsPerSecond: null, utilUnknownReason: 'no-speed' });
  });

  it('refuses an agent without ifTable', () => {
    expect(() => ifaces.parse([[{ oid: SYS_UP_TIME, type: 'TimeTicks', value: 1 }]], [T0])).toThrow(ParseError);
  });
});
