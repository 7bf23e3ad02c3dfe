import { describe, expect, it } from 'vitest';
import * as sensors from './entity-sensor';
import { answer, readSnmprec } from './testing/snmprec';
import type { SnmpVarbind } from './varbind';

const T0 = 1_700_000_000_000;
const run = (recording: readonly SnmpVarbind[]) => sensors.parse([answer(recording, sensors.PARSER.oids)], [T0]);
const int = (oid: string, value: number): SnmpVarbind => ({ oid, type: 'Integer', value });
const str = (oid: string, value: string): SnmpVarbind => ({ oid, type: 'OctetString', value });

describe('snmp.entity-sensor', () => {
  const parsed = run(readSnmprec('hand-written', 'entity-sensor-switch.snmprec'));
  const sensor = (index: number) => parsed.sensors.find((s) => s.entPhysicalIndex === index);

  it('joins entPhySensorTable with entPhysicalName and scales the values', () => {
    expect(parsed.sensors).toHaveLength(10);
    expect(sensor(100)).toEqual({
      entPhysicalIndex: 100,
      name: 'TempSensor1',
      description: 'Inlet temperature sensor',
      type: 'celsius',
      unit: '°C',
      scaleExponent: 0,
      precision: 1,
      rawValue: 287,
      value: 28.7,
      status: 'ok',
      source: 'entity-sensor-mib',
    });
    expect(sensor(101)?.value).toBe(54);
    expect(sensor(102)?.value).toBe(68.1);
    // Precision 3: 35125 → 35.125 °C; the empty entPhysicalName falls back to entPhysicalDescr.
    expect(sensor(400)).toMatchObject({ value: 35.125, name: 'Ethernet49 transceiver temperature sensor' });
    // milli (scale 8): 12530 mA → 12.53 A.
    expect(sensor(301)).toMatchObject({ type: 'amperes', unit: 'A', scaleExponent: -3, value: 12.53 });
    expect(sensor(200)).toMatchObject({ type: 'rpm', value: 8910 });
  });

  it('has no reading unless the status is ok', () => {
    expect(sensor(103)).toMatchObject({ status: 'nonoperational', rawValue: 0, value: null });
    expect(sensor(302)).toMatchObject({ status: 'unavailable', value: null });
  });

  it('gives the metrics', () => {
    expect(sensors.metrics(parsed)).toEqual({
      'temperature.max': 68.1,
      'temperature.hottest': 'TempSensor3',
      'temperature.sensor-count': 4,
      'sensor.count': 10,
      'sensor.failed-count': 1,
      'sensor.unavailable-count': 1,
      'sensor.failed': 'TempSensor4',
      'fan.min-rpm': 8790,
    });
  });

  it('reads CISCO-ENTITY-SENSOR-MIB where the standard table is missing', () => {
    const cisco = '1.3.6.1.4.1.9.9.91.1.1.1.1';
    const entity = '1.3.6.1.2.1.47.1.1.1.1';
    const parsedCisco = sensors.parse(
      [
        [
          str(`${entity}.7.1006`, 'Te1/1/1 Module Temperature Sensor'),
          str(`${entity}.7.1007`, 'Te1/1/1 Transmit Power Sensor'),
          str(`${entity}.7.2001`, 'Switch 1 - Inlet Temp Sensor'),
          int(`${cisco}.1.1006`, 8),
          int(`${cisco}.1.1007`, 14),
          int(`${cisco}.1.2001`, 8),
          int(`${cisco}.2.1006`, 9),
          int(`${cisco}.2.1007`, 9),
          int(`${cisco}.2.2001`, 9),
          int(`${cisco}.3.1006`, 1),
          int(`${cisco}.3.1007`, 1),
          int(`${cisco}.3.2001`, 0),
          int(`${cisco}.4.1006`, 312),
          int(`${cisco}.4.1007`, -23),
          int(`${cisco}.4.2001`, 27),
          int(`${cisco}.5.1006`, 1),
          int(`${cisco}.5.1007`, 1),
          int(`${cisco}.5.2001`, 1),
        ],
      ],
      [T0],
    );
    expect(parsedCisco.sensors.map((s) => [s.name, s.type, s.value, s.unit, s.source])).toEqual([
      ['Te1/1/1 Module Temperature Sensor', 'celsius', 31.2, '°C', 'cisco-entity-sensor-mib'],
      ['Te1/1/1 Transmit Power Sensor', 'dBm', -2.3, 'dBm', 'cisco-entity-sensor-mib'],
      ['Switch 1 - Inlet Temp Sensor', 'celsius', 27, '°C', 'cisco-entity-sensor-mib'],
    ]);
    expect(sensors.metrics(parsedCisco)['temperature.max']).toBe(31.2);
  });

  it('scales by name (exa 10^18 is numbered before peta 10^15) and ignores negative precision', () => {
    const entry = '1.3.6.1.2.1.99.1.1.1';
    const row = (index: number, type: number, scale: number, precision: number, value: number): SnmpVarbind[] => [
      int(`${entry}.1.${index}`, type),
      int(`${entry}.2.${index}`, scale),
      int(`${entry}.3.${index}`, precision),
      int(`${entry}.4.${index}`, value),
      int(`${entry}.5.${index}`, 1),
    ];
    const p = sensors.parse([[...row(1, 6, 10, 0, 3), ...row(2, 6, 14, 0, 1), ...row(3, 6, 15, 0, 1), ...row(4, 4, 9, -2, 1200), ...row(5, 4, 8, 2, 123_456)]], [T0]);
    expect(p.sensors.map((s) => s.value)).toEqual([3000, 1e18, 1e15, 1200, 1.23456]);
  });

  it('an agent without sensors (the Catalyst 3750 recording): none, counts 0, no temperature', () => {
    const none = run(readSnmprec('snmpsim', 'cisco-catalyst-3750.snmprec'));
    expect(none.sensors).toEqual([]);
    expect(sensors.metrics(none)).toEqual({ 'temperature.sensor-count': 0, 'sensor.count': 0, 'sensor.failed-count': 0, 'sensor.unavailable-count': 0, 'sensor.failed': '' });
  });
});
