import { describe, expect, it } from 'vitest';
import { ParseError } from '../parsers/parse-error';
import { answer, readSnmprec, withChanges } from './testing/snmprec';
import * as ups from './ups-mib';
import type { SnmpVarbind } from './varbind';

const T0 = 1_700_000_000_000;
const run = (recording: readonly SnmpVarbind[]) => ups.parse([answer(recording, ups.PARSER.oids)], [T0]);

describe('snmp.ups-mib', () => {
  it('a single-phase UPS on mains (hand-written)', () => {
    const parsed = run(readSnmprec('hand-written', 'ups-single-phase-on-mains.snmprec'));
    expect(parsed).toEqual({
      manufacturer: 'ACME Power', // NUL padding dropped
      model: 'OL3000RT',
      upsSoftwareVersion: 'V1.02',
      agentSoftwareVersion: 'NMC V2.1.0',
      name: '机房A-UPS1', // GBK
      battery: { status: 'normal', secondsOnBattery: 0, minutesRemaining: 47, chargePercent: 100, voltage: 81.6, current: 0, temperatureCelsius: 27 },
      input: { lineBads: 3, lines: [{ line: 1, frequencyHz: 50, voltage: 226, current: 6.2, truePowerWatts: 1310 }] },
      output: { source: 'normal', frequencyHz: 50, lines: [{ line: 1, voltage: 220, current: 5.8, powerWatts: 1240, loadPercent: 46 }] },
      alarms: { present: 0, active: [] },
    });
    expect(ups.metrics(parsed)).toEqual({
      'battery.status': 'normal',
      'battery.runtime-minutes': 47,
      'battery.charge-percent': 100,
      'battery.voltage': 81.6,
      'battery.temperature': 27,
      'battery.seconds-on-battery': 0,
      'output.source': 'normal',
      'output.load-percent': 46,
      'output.voltage': 220,
      'input.voltage': 226,
      'input.voltage-max': 226,
      'input.frequency': 50,
      'input.line-bads': 3,
      'alarms.count': 0,
      'alarms.active': '',
    });
  });

  it('a three-phase UPS on battery with alarms (hand-written)', () => {
    const parsed = run(readSnmprec('hand-written', 'ups-three-phase-on-battery.snmprec'));
    expect(parsed.battery).toEqual({ status: 'low', secondsOnBattery: 312, minutesRemaining: 4, chargePercent: 38, voltage: 403.2, current: 28.6, temperatureCelsius: null });
    expect(parsed.output.lines.map((l) => l.loadPercent)).toEqual([61, 72, 58]);
    expect(parsed.alarms.active).toEqual([
      { id: 1, alarm: 'on-battery', sinceSeconds: 987_342 },
      { id: 2, alarm: 'input-bad', sinceSeconds: 987_342 },
      { id: 3, alarm: 'low-battery', sinceSeconds: 987_601 },
      { id: 4, alarm: '1.3.6.1.4.1.32473.1.7', sinceSeconds: 987_343 },
    ]);
    const m = ups.metrics(parsed);
    expect(m).toEqual({
      'battery.status': 'low',
      'battery.runtime-minutes': 4,
      'battery.charge-percent': 38,
      'battery.voltage': 403.2,
      'battery.seconds-on-battery': 312,
      'output.source': 'battery',
      'output.load-percent': 72,
      'output.voltage': 219,
      'input.voltage': 0, // mains gone: a reading of 0 V, not a missing value
      'input.voltage-max': 0,
      'input.frequency': 0,
      'input.line-bads': 7,
      'alarms.count': 4,
      'alarms.active': 'on-battery, input-bad, low-battery, 1.3.6.1.4.1.32473.1.7',
    });
    // No battery temperature object: absent.
    expect(m).not.toHaveProperty('battery.temperature');
  });

  it('values outside the ranges RFC 1628 declares are unknown, and missing objects absent', () => {
    const recording = withChanges(readSnmprec('hand-written', 'ups-single-phase-on-mains.snmprec'), {
      '1.3.6.1.2.1.33.1.2.4.0': 255, // "unknown" on some cards
      '1.3.6.1.2.1.33.1.2.3.0': -1,
      '1.3.6.1.2.1.33.1.2.1.0': 9, // not a upsBatteryStatus
      '1.3.6.1.2.1.33.1.6.1.0': undefined,
      '1.3.6.1.2.1.33.1.4.4.1.5.1': undefined,
    });
    const parsed = run(recording);
    expect(parsed.battery).toMatchObject({ status: null, chargePercent: null, minutesRemaining: null });
    const m = ups.metrics(parsed);
    for (const name of ['battery.status', 'battery.charge-percent', 'battery.runtime-minutes', 'alarms.count', 'alarms.active', 'output.load-percent']) {
      expect(m, name).not.toHaveProperty(name);
    }
    expect(m['output.source']).toBe('normal');
  });

  it('every output source and battery status by name', () => {
    const base = readSnmprec('hand-written', 'ups-single-phase-on-mains.snmprec');
    const sources = [1, 2, 3, 4, 5, 6, 7].map((v) => run(withChanges(base, { '1.3.6.1.2.1.33.1.4.1.0': v })).output.source);
    expect(sources).toEqual(['other', 'none', 'normal', 'bypass', 'battery', 'booster', 'reducer']);
    const statuses = [1, 2, 3, 4].map((v) => run(withChanges(base, { '1.3.6.1.2.1.33.1.2.1.0': v })).battery.status);
    expect(statuses).toEqual(['unknown', 'normal', 'low', 'depleted']);
  });

  it('refuses an agent without UPS-MIB', () => {
    expect(() => run(readSnmprec('snmpsim', 'linux-full-walk.snmprec'))).toThrow(ParseError);
  });
});
