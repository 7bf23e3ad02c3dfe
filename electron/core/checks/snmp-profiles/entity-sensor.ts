import { z } from 'zod';
import { put, type Metrics, type SnmpMetricSpec } from './metrics';
import { compareIndex, enumOf, numberOf, requireSamples, round, Sample, textOf } from './read';
import type { SnmpProfileParser } from './snmp-parser';
import type { SnmpVarbind } from './varbind';

/*
 * ENTITY-SENSOR-MIB (RFC 3433) entPhySensorTable, 1.3.6.1.2.1.99.1.1,
 * indexed by entPhysicalIndex and named through ENTITY-MIB (RFC 6933)
 * entPhysicalName / entPhysicalDescr.
 *
 * A reading is entPhySensorValue × 10^scale, with `precision` decimal places
 * when precision is 1..9 (−8..−1 only says how many digits are accurate; the
 * value is not shifted). The RFC defines the value only while the sensor's
 * status is ok(1): with unavailable(2) or nonoperational(3) there is no reading.
 *
 * Cisco IOS does not implement entPhySensorTable but its own
 * CISCO-ENTITY-SENSOR-MIB entSensorValueTable (1.3.6.1.4.1.9.9.91.1.1.1),
 * the same columns with the same numbering and enumerations (Cisco wrote
 * both). It is read too; a sensor in both tables is taken from the standard one.
 *
 * An agent with no sensors in either table is a valid answer (many switches
 * have none here, and a walk cannot tell "none" from "not implemented"):
 * the result has no sensors, the counts are 0 and temperature.max is absent.
 */

export const ID = 'snmp.entity-sensor';

const ENT_PHY_SENSOR_ENTRY = '1.3.6.1.2.1.99.1.1.1';
const CISCO_SENSOR_ENTRY = '1.3.6.1.4.1.9.9.91.1.1.1.1';
const SENSOR = { type: 1, scale: 2, precision: 3, value: 4, status: 5 } as const;
const ENT_PHYSICAL_ENTRY = '1.3.6.1.2.1.47.1.1.1.1';
const ENT_PHYSICAL = { descr: 2, name: 7 } as const;

/** EntitySensorDataType by its number (position + 1); specialEnum(13) and dBm(14) are CISCO-ENTITY-SENSOR-MIB's only. */
const SENSOR_TYPE_NAMES = ['other', 'unknown', 'voltsAC', 'voltsDC', 'amperes', 'watts', 'hertz', 'celsius', 'percentRH', 'rpm', 'cmm', 'truthvalue', 'specialEnum', 'dBm'] as const;
type SensorType = (typeof SENSOR_TYPE_NAMES)[number];
const SENSOR_TYPES: Readonly<Record<number, SensorType>> = Object.fromEntries(SENSOR_TYPE_NAMES.map((name, i) => [i + 1, name]));

const UNITS: Readonly<Record<SensorType, string>> = {
  other: '',
  unknown: '',
  voltsAC: 'V',
  voltsDC: 'V',
  amperes: 'A',
  watts: 'W',
  hertz: 'Hz',
  celsius: '°C',
  percentRH: '%RH',
  rpm: 'rpm',
  cmm: 'm³/min',
  truthvalue: '',
  specialEnum: '',
  dBm: 'dBm',
};

/** EntitySensorDataScale → power of ten. (RFC 3433 numbers exa(14) before peta(15); the powers are by name.) */
const SCALE_EXPONENT: Readonly<Record<number, number>> = {
  1: -24,
  2: -21,
  3: -18,
  4: -15,
  5: -12,
  6: -9,
  7: -6,
  8: -3,
  9: 0,
  10: 3,
  11: 6,
  12: 9,
  13: 12,
  14: 18,
  15: 15,
  16: 21,
  17: 24,
};

const SENSOR_STATUS = { 1: 'ok', 2: 'unavailable', 3: 'nonoperational' } as const;

export const EntitySensor = z.object({
  entPhysicalIndex: z.number().int(),
  /** entPhysicalName, else entPhysicalDescr, else "entity N". */
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(SENSOR_TYPE_NAMES).nullable(),
  unit: z.string(),
  /** Power of ten the raw value is in (from entPhySensorScale). */
  scaleExponent: z.number().int().nullable(),
  precision: z.number().int().nullable(),
  rawValue: z.number().nullable(),
  /** The reading in `unit`; null unless status is ok. */
  value: z.number().nullable(),
  status: z.enum(['ok', 'unavailable', 'nonoperational']).nullable(),
  source: z.enum(['entity-sensor-mib', 'cisco-entity-sensor-mib']),
});
export type EntitySensor = z.infer<typeof EntitySensor>;

export const EntitySensors = z.object({ sensors: z.array(EntitySensor) });
export type EntitySensors = z.infer<typeof EntitySensors>;
export const schema = EntitySensors;

function sensorOf(index: string, row: Map<number, SnmpVarbind>, names: Map<number, SnmpVarbind> | undefined, source: EntitySensor['source']): EntitySensor {
  const type = enumOf(row.get(SENSOR.type), SENSOR_TYPES);
  const scaleCode = numberOf(row.get(SENSOR.scale));
  const scaleExponent = scaleCode === null ? null : (SCALE_EXPONENT[scaleCode] ?? null);
  const precision = numberOf(row.get(SENSOR.precision));
  const rawValue = numberOf(row.get(SENSOR.value));
  const status = enumOf(row.get(SENSOR.status), SENSOR_STATUS);
  let value: number | null = null;
  if (status === 'ok' && rawValue !== null) {
    const decimals = precision !== null && precision > 0 ? precision : 0;
    // Units (scale 9) is by far the most common: keep those exact.
    const exponent = (scaleExponent ?? 0) - decimals;
    value = exponent === 0 ? rawValue : Number((rawValue * 10 ** exponent).toPrecision(12));
    if (exponent < 0) value = round(value, Math.min(12, -exponent));
  }
  const description = textOf(names?.get(ENT_PHYSICAL.descr));
  const name = textOf(names?.get(ENT_PHYSICAL.name));
  return {
    entPhysicalIndex: Number(index),
    name: name || description || `entity ${index}`,
    description,
    type,
    unit: type === null ? '' : UNITS[type],
    scaleExponent,
    precision,
    rawValue,
    value,
    status,
    source,
  };
}

export function parse(samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): EntitySensors {
  requireSamples(ID, samples, sampleTimesMs);
  const s = new Sample(samples[samples.length - 1] ?? []);
  const names = s.table(ENT_PHYSICAL_ENTRY);
  const standard = s.table(ENT_PHY_SENSOR_ENTRY);
  const cisco = s.table(CISCO_SENSOR_ENTRY);
  const sensors: EntitySensor[] = [];
  for (const index of [...new Set([...standard.keys(), ...cisco.keys()])].sort(compareIndex)) {
    if (!/^\d+$/.test(index)) continue;
    const row = standard.get(index);
    sensors.push(row ? sensorOf(index, row, names.get(index), 'entity-sensor-mib') : sensorOf(index, cisco.get(index) as Map<number, SnmpVarbind>, names.get(index), 'cisco-entity-sensor-mib'));
  }
  return { sensors };
}

export const METRICS: readonly SnmpMetricSpec[] = [
  { name: 'temperature.max', kind: 'number', unit: '°C', description: 'Hottest temperature sensor reading.' },
  { name: 'temperature.hottest', kind: 'text', description: 'That sensor (entPhysicalName).' },
  { name: 'temperature.sensor-count', kind: 'number', unit: 'count', description: 'Temperature sensors with a reading (status ok).' },
  { name: 'sensor.count', kind: 'number', unit: 'count', description: 'Sensors of every kind the agent lists.' },
  { name: 'sensor.failed-count', kind: 'number', unit: 'count', description: 'Sensors whose status is nonoperational (the sensor is broken).' },
  { name: 'sensor.unavailable-count', kind: 'number', unit: 'count', description: 'Sensors the agent cannot read right now (often an empty slot or an absent transceiver).' },
  { name: 'sensor.failed', kind: 'text', description: 'The nonoperational sensors, comma-separated; "" when none.' },
  { name: 'fan.min-rpm', kind: 'number', unit: 'rpm', description: 'Slowest fan (rpm sensors with a reading).' },
];

export function metrics(parsed: EntitySensors): Metrics {
  const m: Metrics = {};
  const temperatures = parsed.sensors.filter((s) => s.type === 'celsius' && s.value !== null);
  const hottest = [...temperatures].sort((a, b) => (b.value as number) - (a.value as number))[0];
  put(m, 'temperature.max', hottest?.value);
  put(m, 'temperature.hottest', hottest?.name);
  put(m, 'temperature.sensor-count', temperatures.length);
  put(m, 'sensor.count', parsed.sensors.length);
  const failed = parsed.sensors.filter((s) => s.status === 'nonoperational');
  put(m, 'sensor.failed-count', failed.length);
  put(m, 'sensor.unavailable-count', parsed.sensors.filter((s) => s.status === 'unavailable').length);
  put(m, 'sensor.failed', failed.map((s) => s.name).join(', '));
  const fans = parsed.sensors.filter((s) => s.type === 'rpm' && s.value !== null).map((s) => s.value as number);
  if (fans.length > 0) put(m, 'fan.min-rpm', Math.min(...fans));
  return m;
}

export const PARSER: SnmpProfileParser<EntitySensors> = {
  id: ID,
  oids: {
    walk: [
      ...Object.values(SENSOR).map((c) => `${ENT_PHY_SENSOR_ENTRY}.${c}`),
      ...Object.values(SENSOR).map((c) => `${CISCO_SENSOR_ENTRY}.${c}`),
      ...Object.values(ENT_PHYSICAL).map((c) => `${ENT_PHYSICAL_ENTRY}.${c}`),
    ],
  },
  schema,
  parse,
  metrics,
  metricSpecs: METRICS,
};
