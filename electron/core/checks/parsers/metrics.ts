import type { MetricUnitCode } from '@shared/domain/checks';
import type { CpuUsage, Fan, MemoryUsage, PowerSupply, TemperatureSensor } from './parsed-values';

/**
 * What a checklist item binds to: flat, named values. Numbers are numbers,
 * text is text; a metric the output could not provide is absent (never 0 or
 * '' standing in for "unknown").
 */
export type MetricValue = number | string;
export type Metrics = Record<string, MetricValue>;

/**
 * Units a metric can carry (stored with each result: CheckResult.units).
 * Beyond what SSH output prints: a UPS's volts, amps, hertz and minutes, a
 * fan's rpm (SNMP), milliseconds for the latency of ping, TCP and HTTP
 * checks, days for a certificate's time left.
 */
export type MetricUnit = MetricUnitCode;

export interface MetricSpec {
  name: string;
  kind: 'number' | 'text';
  unit?: MetricUnit;
  description: string;
}

export function put(metrics: Metrics, name: string, value: MetricValue | null | undefined): void {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
  metrics[name] = value;
}

function max(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.max(...present);
}
function min(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.min(...present);
}

// ------------------------------------------------------------ temperature

const NORMAL_TEMPERATURE_STATES = /^(?:normal|ok|green|)$/i;

/** A sensor is alarming when the device says so or its reading reached the warning threshold. */
export function temperatureAlarming(sensor: TemperatureSensor): boolean {
  if (!NORMAL_TEMPERATURE_STATES.test(sensor.status)) return true;
  return sensor.celsius !== null && sensor.warningCelsius !== null && sensor.celsius >= sensor.warningCelsius;
}

export const TEMPERATURE_METRICS: readonly MetricSpec[] = [
  { name: 'temperature.max', kind: 'number', unit: '°C', description: 'Hottest sensor reading.' },
  { name: 'temperature.sensor-count', kind: 'number', unit: 'count', description: 'Sensors with a reading.' },
  { name: 'temperature.alarm-count', kind: 'number', unit: 'count', description: 'Sensors whose state is not normal, or whose reading reached the warning threshold.' },
  { name: 'temperature.min-margin', kind: 'number', unit: '°C', description: 'Smallest distance from a reading to its warning threshold (negative when over).' },
];

export function temperatureMetrics(sensors: readonly TemperatureSensor[]): Metrics {
  const metrics: Metrics = {};
  put(metrics, 'temperature.max', max(sensors.map((s) => s.celsius)));
  put(metrics, 'temperature.sensor-count', sensors.filter((s) => s.celsius !== null).length);
  put(metrics, 'temperature.alarm-count', sensors.filter(temperatureAlarming).length);
  put(metrics, 'temperature.min-margin', min(sensors.map((s) => (s.celsius !== null && s.warningCelsius !== null ? s.warningCelsius - s.celsius : null))));
  return metrics;
}

// ------------------------------------------------------------ fans, power

export const FAN_METRICS: readonly MetricSpec[] = [
  { name: 'fan.count', kind: 'number', unit: 'count', description: 'Fans listed (present or not).' },
  { name: 'fan.failed-count', kind: 'number', unit: 'count', description: 'Fans absent or not in a normal state.' },
  { name: 'fan.failed', kind: 'text', description: 'The failed fans, "slot/fan" comma-separated; "" when none.' },
  { name: 'fan.min-speed-percent', kind: 'number', unit: '%', description: 'Slowest fan speed, where speeds are printed.' },
];

export function fanMetrics(fans: readonly Fan[]): Metrics {
  const metrics: Metrics = {};
  const failed = fans.filter((f) => !f.ok);
  put(metrics, 'fan.count', fans.length);
  put(metrics, 'fan.failed-count', failed.length);
  put(metrics, 'fan.failed', failed.map((f) => (f.slot === '' ? f.fan : `${f.slot}/${f.fan}`)).join(', '));
  put(metrics, 'fan.min-speed-percent', min(fans.map((f) => f.speedPercent)));
  return metrics;
}

export const PSU_METRICS: readonly MetricSpec[] = [
  { name: 'psu.count', kind: 'number', unit: 'count', description: 'Power supplies present.' },
  { name: 'psu.failed-count', kind: 'number', unit: 'count', description: 'Present power supplies that do not deliver power (no input, fault, not supply).' },
  { name: 'psu.absent-count', kind: 'number', unit: 'count', description: 'Power supply bays that are empty.' },
  { name: 'psu.failed', kind: 'text', description: 'The failed supplies, comma-separated; "" when none.' },
];

export function psuMetrics(supplies: readonly PowerSupply[]): Metrics {
  const metrics: Metrics = {};
  const failed = supplies.filter((s) => s.present && !s.ok);
  put(metrics, 'psu.count', supplies.filter((s) => s.present).length);
  put(metrics, 'psu.failed-count', failed.length);
  put(metrics, 'psu.absent-count', supplies.filter((s) => !s.present).length);
  put(metrics, 'psu.failed', failed.map((s) => (s.slot === '' ? s.psu : `${s.slot}/${s.psu}`)).join(', '));
  return metrics;
}

// ------------------------------------------------------------ cpu, memory

export const CPU_METRICS: readonly MetricSpec[] = [
  { name: 'cpu.percent', kind: 'number', unit: '%', description: 'Current (five-second) CPU utilisation; the busiest CPU when several are listed.' },
  { name: 'cpu.percent-1m', kind: 'number', unit: '%', description: 'One-minute average (busiest CPU).' },
  { name: 'cpu.percent-5m', kind: 'number', unit: '%', description: 'Five-minute average (busiest CPU).' },
  { name: 'cpu.max-percent', kind: 'number', unit: '%', description: 'Peak since the statistics started, where printed.' },
];

export function cpuMetrics(cpus: readonly CpuUsage[]): Metrics {
  const metrics: Metrics = {};
  put(metrics, 'cpu.percent', max(cpus.map((c) => c.currentPercent)));
  put(metrics, 'cpu.percent-1m', max(cpus.map((c) => c.oneMinutePercent)));
  put(metrics, 'cpu.percent-5m', max(cpus.map((c) => c.fiveMinutesPercent)));
  put(metrics, 'cpu.max-percent', max(cpus.map((c) => c.maxPercent)));
  return metrics;
}

export const MEMORY_METRICS: readonly MetricSpec[] = [
  { name: 'memory.used-percent', kind: 'number', unit: '%', description: 'Memory in use; the fullest board when several are listed.' },
  { name: 'memory.total-bytes', kind: 'number', unit: 'bytes', description: 'Total memory of that board.' },
  { name: 'memory.used-bytes', kind: 'number', unit: 'bytes', description: 'Memory in use on that board.' },
  { name: 'memory.available-bytes', kind: 'number', unit: 'bytes', description: 'Memory still available on that board, where printed.' },
];

export function memoryMetrics(memories: readonly MemoryUsage[]): Metrics {
  const metrics: Metrics = {};
  const fullest = [...memories].sort((a, b) => (b.usedPercent ?? -1) - (a.usedPercent ?? -1))[0];
  if (!fullest) return metrics;
  put(metrics, 'memory.used-percent', fullest.usedPercent);
  put(metrics, 'memory.total-bytes', fullest.totalBytes);
  put(metrics, 'memory.used-bytes', fullest.usedBytes);
  put(metrics, 'memory.available-bytes', fullest.availableBytes);
  return metrics;
}

// ------------------------------------------------------------ interfaces

export const INTERFACE_METRICS: readonly MetricSpec[] = [
  { name: 'interfaces.count', kind: 'number', unit: 'count', description: 'Interfaces listed.' },
  { name: 'interfaces.up-count', kind: 'number', unit: 'count', description: 'Interfaces physically up.' },
  { name: 'interfaces.down-count', kind: 'number', unit: 'count', description: 'Interfaces enabled but not up.' },
  { name: 'interfaces.admin-down-count', kind: 'number', unit: 'count', description: 'Interfaces shut down by configuration.' },
];

export function interfaceMetrics(interfaces: ReadonlyArray<{ up: boolean; adminDown: boolean }>): Metrics {
  return {
    'interfaces.count': interfaces.length,
    'interfaces.up-count': interfaces.filter((i) => i.up).length,
    'interfaces.down-count': interfaces.filter((i) => !i.up && !i.adminDown).length,
    'interfaces.admin-down-count': interfaces.filter((i) => i.adminDown).length,
  };
}

export const UPTIME_METRIC: MetricSpec = { name: 'uptime.seconds', kind: 'number', unit: 's', description: 'Time since the last boot.' };
