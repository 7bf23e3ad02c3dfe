import { z } from 'zod';
import { put, type Metrics, type SnmpMetricSpec } from './metrics';
import { compareIndex, counterOf, enumOf, notImplemented, numberOf, oidOf, requireSamples, round, Sample, textOf } from './read';
import type { SnmpProfileParser } from './snmp-parser';
import type { SnmpVarbind } from './varbind';

/*
 * UPS-MIB (RFC 1628), 1.3.6.1.2.1.33: the standard MIB that nearly every
 * UPS network card answers besides its vendor MIB (APC, Eaton, Huawei,
 * Vertiv, Santak, Kstar...). Units are the RFC's: battery voltage and
 * current in 0.1 V / 0.1 A, frequencies in 0.1 Hz, line currents in
 * 0.1 A, line voltages in V, power in W, temperatures in °C. Values come
 * out in V, A, Hz, W.
 *
 * Ranges the RFC declares (charge 0..100 %, load 0..200 %, minutes ≥ 0)
 * are enforced: a card that answers -1 or 255 for "unknown" gives an absent
 * value, not a reading.
 */

export const ID = 'snmp.ups-mib';

const UPS = '1.3.6.1.2.1.33.1';
export const OID = {
  upsIdentManufacturer: `${UPS}.1.1.0`,
  upsIdentModel: `${UPS}.1.2.0`,
  upsIdentUPSSoftwareVersion: `${UPS}.1.3.0`,
  upsIdentAgentSoftwareVersion: `${UPS}.1.4.0`,
  upsIdentName: `${UPS}.1.5.0`,
  upsBatteryStatus: `${UPS}.2.1.0`,
  upsSecondsOnBattery: `${UPS}.2.2.0`,
  upsEstimatedMinutesRemaining: `${UPS}.2.3.0`,
  upsEstimatedChargeRemaining: `${UPS}.2.4.0`,
  upsBatteryVoltage: `${UPS}.2.5.0`,
  upsBatteryCurrent: `${UPS}.2.6.0`,
  upsBatteryTemperature: `${UPS}.2.7.0`,
  upsInputLineBads: `${UPS}.3.1.0`,
  upsOutputSource: `${UPS}.4.1.0`,
  upsOutputFrequency: `${UPS}.4.2.0`,
  upsAlarmsPresent: `${UPS}.6.1.0`,
} as const;
const INPUT_ENTRY = `${UPS}.3.3.1`;
const INPUT = { frequency: 2, voltage: 3, current: 4, truePower: 5 } as const;
const OUTPUT_ENTRY = `${UPS}.4.4.1`;
const OUTPUT = { voltage: 2, current: 3, power: 4, percentLoad: 5 } as const;
const ALARM_ENTRY = `${UPS}.6.2.1`;
const ALARM = { descr: 2, time: 3 } as const;
const WELL_KNOWN_ALARMS = `${UPS}.6.3`;

const BATTERY_STATUS = { 1: 'unknown', 2: 'normal', 3: 'low', 4: 'depleted' } as const;
const OUTPUT_SOURCE = { 1: 'other', 2: 'none', 3: 'normal', 4: 'bypass', 5: 'battery', 6: 'booster', 7: 'reducer' } as const;

/** upsWellKnownAlarms (RFC 1628 §upsAlarm): the alarm an upsAlarmDescr OID names. */
const ALARM_NAMES: Readonly<Record<number, string>> = {
  1: 'battery-bad',
  2: 'on-battery',
  3: 'low-battery',
  4: 'depleted-battery',
  5: 'temperature-bad',
  6: 'input-bad',
  7: 'output-bad',
  8: 'output-overload',
  9: 'on-bypass',
  10: 'bypass-bad',
  11: 'output-off-as-requested',
  12: 'ups-off-as-requested',
  13: 'charger-failed',
  14: 'ups-output-off',
  15: 'ups-system-off',
  16: 'fan-failure',
  17: 'fuse-failure',
  18: 'general-fault',
  19: 'diagnostic-test-failed',
  20: 'communications-lost',
  21: 'awaiting-power',
  22: 'shutdown-pending',
  23: 'shutdown-imminent',
  24: 'test-in-progress',
};

const num = z.number().nullable();

export const UpsMib = z.object({
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  upsSoftwareVersion: z.string().nullable(),
  agentSoftwareVersion: z.string().nullable(),
  name: z.string().nullable(),
  battery: z.object({
    status: z.enum(['unknown', 'normal', 'low', 'depleted']).nullable(),
    /** 0 when on mains. */
    secondsOnBattery: num,
    minutesRemaining: num,
    chargePercent: num,
    voltage: num,
    current: num,
    temperatureCelsius: num,
  }),
  input: z.object({
    /** Times the input went out of tolerance since the agent started. */
    lineBads: num,
    lines: z.array(z.object({ line: z.number().int(), frequencyHz: num, voltage: num, current: num, truePowerWatts: num })),
  }),
  output: z.object({
    source: z.enum(['other', 'none', 'normal', 'bypass', 'battery', 'booster', 'reducer']).nullable(),
    frequencyHz: num,
    lines: z.array(z.object({ line: z.number().int(), voltage: num, current: num, powerWatts: num, loadPercent: num })),
  }),
  alarms: z.object({
    /** upsAlarmsPresent. */
    present: num,
    active: z.array(
      z.object({
        id: z.number().int(),
        /** The well-known alarm ("on-battery", "output-overload"...), or the vendor's OID. */
        alarm: z.string(),
        /** sysUpTime (s) when it was raised. */
        sinceSeconds: num,
      }),
    ),
  }),
});
export type UpsMib = z.infer<typeof UpsMib>;
export const schema = UpsMib;

function scaled(varbind: SnmpVarbind | undefined, factor: number, digits: number, min?: number, max?: number): number | null {
  const n = numberOf(varbind);
  if (n === null || (min !== undefined && n < min) || (max !== undefined && n > max)) return null;
  return round(n * factor, digits);
}

function table(sample: Sample, entry: string): Array<[number, Map<number, SnmpVarbind>]> {
  return [...sample.table(entry)].sort(([a], [b]) => compareIndex(a, b)).map(([index, row]) => [Number(index), row]);
}

export function parse(samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): UpsMib {
  requireSamples(ID, samples, sampleTimesMs);
  const s = new Sample(samples[samples.length - 1] ?? []);
  if (!s.has(UPS)) throw notImplemented(ID, 'UPS-MIB');
  const lineBads = counterOf(s.get(OID.upsInputLineBads));
  return {
    manufacturer: textOf(s.get(OID.upsIdentManufacturer)),
    model: textOf(s.get(OID.upsIdentModel)),
    upsSoftwareVersion: textOf(s.get(OID.upsIdentUPSSoftwareVersion)),
    agentSoftwareVersion: textOf(s.get(OID.upsIdentAgentSoftwareVersion)),
    name: textOf(s.get(OID.upsIdentName)),
    battery: {
      status: enumOf(s.get(OID.upsBatteryStatus), BATTERY_STATUS),
      secondsOnBattery: scaled(s.get(OID.upsSecondsOnBattery), 1, 0, 0),
      minutesRemaining: scaled(s.get(OID.upsEstimatedMinutesRemaining), 1, 0, 0),
      chargePercent: scaled(s.get(OID.upsEstimatedChargeRemaining), 1, 0, 0, 100),
      voltage: scaled(s.get(OID.upsBatteryVoltage), 0.1, 1, 0),
      current: scaled(s.get(OID.upsBatteryCurrent), 0.1, 1),
      temperatureCelsius: scaled(s.get(OID.upsBatteryTemperature), 1, 0),
    },
    input: {
      lineBads: lineBads === null ? null : Number(lineBads.value),
      lines: table(s, INPUT_ENTRY).map(([line, row]) => ({
        line,
        frequencyHz: scaled(row.get(INPUT.frequency), 0.1, 1, 0),
        voltage: scaled(row.get(INPUT.voltage), 1, 0, 0),
        current: scaled(row.get(INPUT.current), 0.1, 1, 0),
        truePowerWatts: scaled(row.get(INPUT.truePower), 1, 0, 0),
      })),
    },
    output: {
      source: enumOf(s.get(OID.upsOutputSource), OUTPUT_SOURCE),
      frequencyHz: scaled(s.get(OID.upsOutputFrequency), 0.1, 1, 0),
      lines: table(s, OUTPUT_ENTRY).map(([line, row]) => ({
        line,
        voltage: scaled(row.get(OUTPUT.voltage), 1, 0, 0),
        current: scaled(row.get(OUTPUT.current), 0.1, 1, 0),
        powerWatts: scaled(row.get(OUTPUT.power), 1, 0, 0),
        loadPercent: scaled(row.get(OUTPUT.percentLoad), 1, 0, 0, 200),
      })),
    },
    alarms: {
      present: scaled(s.get(OID.upsAlarmsPresent), 1, 0, 0),
      active: table(s, ALARM_ENTRY).map(([id, row]) => {
        const descr = oidOf(row.get(ALARM.descr));
        const wellKnown = descr?.startsWith(`${WELL_KNOWN_ALARMS}.`) ? ALARM_NAMES[Number(descr.slice(WELL_KNOWN_ALARMS.length + 1))] : undefined;
        const ticks = numberOf(row.get(ALARM.time));
        return { id, alarm: wellKnown ?? descr ?? 'unknown', sinceSeconds: ticks === null || ticks < 0 ? null : Math.floor(ticks / 100) };
      }),
    },
  };
}

export const METRICS: readonly SnmpMetricSpec[] = [
  { name: 'battery.status', kind: 'text', description: 'normal, low, depleted or unknown (upsBatteryStatus).' },
  { name: 'battery.runtime-minutes', kind: 'number', unit: 'min', description: 'Estimated minutes on battery at the present load.' },
  { name: 'battery.charge-percent', kind: 'number', unit: '%', description: 'Estimated battery charge.' },
  { name: 'battery.voltage', kind: 'number', unit: 'V', description: 'Battery voltage (DC).' },
  { name: 'battery.temperature', kind: 'number', unit: '°C', description: 'Battery temperature.' },
  { name: 'battery.seconds-on-battery', kind: 'number', unit: 's', description: 'Time on battery; 0 on mains.' },
  { name: 'output.source', kind: 'text', description: 'What feeds the output: normal, battery, bypass, booster, reducer, none or other.' },
  { name: 'output.load-percent', kind: 'number', unit: '%', description: 'Load of the most loaded output line, % of rated capacity.' },
  { name: 'output.voltage', kind: 'number', unit: 'V', description: 'Lowest output line voltage.' },
  { name: 'input.voltage', kind: 'number', unit: 'V', description: 'Lowest input line voltage (a failing phase shows here).' },
  { name: 'input.voltage-max', kind: 'number', unit: 'V', description: 'Highest input line voltage.' },
  { name: 'input.frequency', kind: 'number', unit: 'Hz', description: 'Input frequency (first line with a reading).' },
  { name: 'input.line-bads', kind: 'number', unit: 'count', description: 'Times the input went out of tolerance since the UPS card started.' },
  { name: 'alarms.count', kind: 'number', unit: 'count', description: 'Active alarms (upsAlarmsPresent).' },
  { name: 'alarms.active', kind: 'text', description: 'The active alarms, comma-separated ("on-battery, low-battery"); "" when none.' },
];

function extreme(values: Array<number | null>, pick: (...n: number[]) => number): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : pick(...known);
}

export function metrics(parsed: UpsMib): Metrics {
  const m: Metrics = {};
  put(m, 'battery.status', parsed.battery.status);
  put(m, 'battery.runtime-minutes', parsed.battery.minutesRemaining);
  put(m, 'battery.charge-percent', parsed.battery.chargePercent);
  put(m, 'battery.voltage', parsed.battery.voltage);
  put(m, 'battery.temperature', parsed.battery.temperatureCelsius);
  put(m, 'battery.seconds-on-battery', parsed.battery.secondsOnBattery);
  put(m, 'output.source', parsed.output.source);
  put(m, 'output.load-percent', extreme(parsed.output.lines.map((l) => l.loadPercent), Math.max));
  put(m, 'output.voltage', extreme(parsed.output.lines.map((l) => l.voltage), Math.min));
  put(m, 'input.voltage', extreme(parsed.input.lines.map((l) => l.voltage), Math.min));
  put(m, 'input.voltage-max', extreme(parsed.input.lines.map((l) => l.voltage), Math.max));
  put(m, 'input.frequency', parsed.input.lines.find((l) => l.frequencyHz !== null)?.frequencyHz);
  put(m, 'input.line-bads', parsed.input.lineBads);
  // upsAlarmsPresent is the count; a card without it but with table rows is counted by its rows.
  const alarmCount = parsed.alarms.present ?? (parsed.alarms.active.length > 0 ? parsed.alarms.active.length : null);
  put(m, 'alarms.count', alarmCount);
  if (alarmCount !== null) put(m, 'alarms.active', parsed.alarms.active.map((a) => a.alarm).join(', '));
  return m;
}

export const PARSER: SnmpProfileParser<UpsMib> = {
  id: ID,
  oids: {
    // Each group is small; walking them gets the scalars and the tables in a few requests.
    walk: [`${UPS}.1`, `${UPS}.2`, `${UPS}.3`, `${UPS}.4`, `${UPS}.6`],
  },
  schema,
  parse,
  metrics,
  metricSpecs: METRICS,
};
