import { TemperatureReport, type TemperatureSensor } from '../parsed-values';
import { TEMPERATURE_METRICS, temperatureMetrics, type MetricSpec, type Metrics } from '../metrics';
import { cells, isNoValue, isRule, num, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-environment', dialect: 'comware', commands: ['display environment'] };
export const schema = TemperatureReport;

/*
 * Comware 7: "Slot Sensor Temperature Lower Warning Alarm Shutdown" (a CPU
 * column after Slot on some boxes, "Chassis" before it on IRF chassis);
 * sensor names have a space ("hotspot 1", "inflow 1"). Comware 5: "SlotNo
 * Temperature Lower limit Upper limit". Thresholds "NA" / "-" when not set.
 */
const CW7_HEADER = /^\s*(?:Chassis\s+)?Slot\s+(?:CPU\s+)?Sensor\s+Temperature\s+Lower(?:Limit)?\s+Warning(?:Limit)?\s+Alarm(?:Limit)?\s+Shutdown(?:Limit)?\s*$/i;
const CW5_HEADER = /^\s*(?:SlotNo|Slot|Unit)\s+Temperature\s+Lower\s*limit\s+Upper\s*limit\s*$/i;
const value = (cell: string | undefined) => (isNoValue(cell) ? null : num(cell));
const numberOrNone = (cell: string | undefined) => isNoValue(cell) || num(cell) !== null;

export function parse(text: string): TemperatureReport {
  const lines = outputLines(text, SPEC);
  const sensors: TemperatureSensor[] = [];
  let layout: { kind: 'cw7'; chassis: boolean; cpu: boolean } | { kind: 'cw5' } | null = null;
  for (const line of lines) {
    if (CW7_HEADER.test(line)) {
      const head = cells(line).map((c) => c.toLowerCase());
      layout = { kind: 'cw7', chassis: head[0] === 'chassis', cpu: head.includes('cpu') };
      continue;
    }
    if (CW5_HEADER.test(line)) {
      layout = { kind: 'cw5' };
      continue;
    }
    if (line.trim() === '' || isRule(line) || layout === null) continue;
    const row = cells(line);
    if (layout.kind === 'cw5') {
      if (row.length !== 4 || num(row[1]) === null || !row.slice(2).every(numberOrNone)) throw unexpectedLine(SPEC, line);
      sensors.push({ slot: row[0] as string, sensor: '', status: '', celsius: value(row[1]), warningCelsius: value(row[3]), criticalCelsius: null, shutdownCelsius: null, lowCelsius: value(row[2]) });
      continue;
    }
    const lead = (layout.chassis ? 1 : 0) + 1 + (layout.cpu ? 1 : 0);
    const figures = row.slice(-5);
    if (row.length < lead + 1 + 5 || num(figures[0]) === null || !figures.slice(1).every(numberOrNone)) throw unexpectedLine(SPEC, line);
    const slotCell = layout.chassis ? `${row[0] as string}/${row[1] as string}` : (row[0] as string);
    const slot = layout.cpu ? `${slotCell} CPU ${row[lead - 1] as string}` : slotCell;
    const sensorName = row.slice(lead, -5).join(' ');
    sensors.push({
      slot,
      sensor: sensorName,
      status: '',
      celsius: value(figures[0]),
      lowCelsius: value(figures[1]),
      warningCelsius: value(figures[2]),
      criticalCelsius: value(figures[3]),
      shutdownCelsius: value(figures[4]),
    });
  }
  if (layout === null) throw notThisCommand(SPEC, 'no temperature table header');
  return { sensors };
}

export const METRICS: readonly MetricSpec[] = TEMPERATURE_METRICS;

export function metrics(parsed: TemperatureReport): Metrics {
  return temperatureMetrics(parsed.sensors);
}
