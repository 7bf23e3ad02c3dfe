import { CiscoShowEnvironmentTemperature, type TemperatureSensor } from '../parsed-values';
import { TEMPERATURE_METRICS, temperatureMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'cisco.show-environment-temperature', dialect: 'ios', commands: ['show environment temperature'] };
export const schema = CiscoShowEnvironmentTemperature;

type Switch = CiscoShowEnvironmentTemperature['switches'][number];

/*
 * Catalyst 2960/3650/3850/9200/9300 layout: per switch "Switch 1: SYSTEM
 * TEMPERATURE is OK" (no "Switch N:" on a standalone box), then per sensor
 * "<Inlet|Hotspot|System> Temperature Value: 29 Degree Celsius",
 * "Temperature State: GREEN", "Yellow Threshold : 46 Degree Celsius",
 * "Red Threshold    : 56 Degree Celsius".
 */
const SYSTEM = /^(?:Switch\s+(\d+)\s*:\s*)?SYSTEM TEMPERATURE is\s+(.+?)\s*$/i;
const VALUE = /^(?:(.*?)\s+)?Temperature Value\s*:\s*(-?\d+(?:\.\d+)?)\s*Degree Celsius\s*$/i;
const STATE = /^(?:.*?\s+)?Temperature State\s*:\s*(\S+)\s*$/i;
const THRESHOLD = /^(Yellow|Red)\s+Threshold\s*:\s*(-?\d+(?:\.\d+)?)\s*Degree Celsius\s*$/i;

export function parse(text: string): CiscoShowEnvironmentTemperature {
  const lines = outputLines(text, SPEC);
  const switches: Switch[] = [];
  let current: Switch | null = null;
  let sensor: TemperatureSensor | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    let m: RegExpExecArray | null;
    if ((m = SYSTEM.exec(line))) {
      current = { switch: m[1] ?? '', systemStatus: m[2] as string, sensors: [] };
      switches.push(current);
      sensor = null;
    } else if ((m = VALUE.exec(line)) && current) {
      sensor = { slot: current.switch, sensor: m[1] ?? '', status: '', celsius: Number(m[2]), warningCelsius: null, criticalCelsius: null, shutdownCelsius: null, lowCelsius: null };
      current.sensors.push(sensor);
    } else if ((m = STATE.exec(line)) && sensor) {
      sensor.status = m[1] as string;
    } else if ((m = THRESHOLD.exec(line)) && sensor) {
      if ((m[1] as string).toLowerCase() === 'yellow') sensor.warningCelsius = Number(m[2]);
      else sensor.criticalCelsius = Number(m[2]);
    } else {
      throw unexpectedLine(SPEC, line);
    }
  }
  if (switches.length === 0) throw notThisCommand(SPEC, 'no "SYSTEM TEMPERATURE is" line');
  return { switches };
}

export const METRICS: readonly MetricSpec[] = [
  ...TEMPERATURE_METRICS,
  { name: 'temperature.not-ok-count', kind: 'number', unit: 'count', description: 'Switches whose SYSTEM TEMPERATURE is not OK.' },
];

export function metrics(parsed: CiscoShowEnvironmentTemperature): Metrics {
  return {
    ...temperatureMetrics(parsed.switches.flatMap((s) => s.sensors)),
    'temperature.not-ok-count': parsed.switches.filter((s) => !/^ok$/i.test(s.systemStatus)).length,
  };
}
