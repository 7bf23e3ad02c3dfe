import { TemperatureReport, type TemperatureSensor } from '../parsed-values';
import { TEMPERATURE_METRICS, temperatureMetrics, type MetricSpec, type Metrics } from '../metrics';
import { cells, isNoValue, isRule, num, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-temperature', dialect: 'vrp', commands: ['display temperature all', 'display temperature'] };
export const schema = TemperatureReport;

/*
 * Two layouts:
 *  - NE/CX routers: "SlotIDn :" blocks, each with "PCB I2C Addr Chl Status Minor
 *    Major Fatal Adj_speed(TMin Tmax) Temp" rows.
 *  - S/CE switches and AR routers: one table "Slot Card Sensor Status
 *    Current(C) Lower(C) Lower Resume(C) Upper(C) Upper Resume(C)".
 */
const SLOT_BLOCK = /^\s*(SlotID\d+)\s*:/;
const PCB_HEADER = /^\s*PCB\s+I2C\s+Addr\s+Chl\s+Status\s+Minor\s+Major\s+Fatal/;
const TABLE_HEADER = /^\s*Slot\s+Card\s+Sensor\s+Status\s+Current/;

const value = (cell: string | undefined) => (isNoValue(cell) ? null : num(cell));

export function parse(text: string): TemperatureReport {
  const lines = outputLines(text, SPEC);
  if (lines.some((l) => PCB_HEADER.test(l))) return { sensors: parsePcbBlocks(lines) };
  const tableIndex = lines.findIndex((l) => TABLE_HEADER.test(l));
  if (tableIndex >= 0) return { sensors: parseSensorTable(lines, tableIndex) };
  throw notThisCommand(SPEC, 'no temperature table header');
}

function parsePcbBlocks(lines: readonly string[]): TemperatureSensor[] {
  const sensors: TemperatureSensor[] = [];
  let slot = '';
  let inTable = false;
  for (const line of lines) {
    const block = SLOT_BLOCK.exec(line);
    if (block) {
      slot = block[1] as string;
      inTable = false;
      continue;
    }
    if (PCB_HEADER.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable || line.trim() === '' || isRule(line) || /^\s*TMin\s+Tmax/i.test(line)) continue;
    // PCB I2C Addr Chl Status Minor Major Fatal TMin Tmax Temp
    const row = cells(line);
    if (row.length !== 11 || num(row[10]) === null) throw unexpectedLine(SPEC, line);
    sensors.push({
      slot,
      sensor: row[0] as string,
      status: row[4] as string,
      celsius: value(row[10]),
      warningCelsius: value(row[5]),
      criticalCelsius: value(row[6]),
      shutdownCelsius: value(row[7]),
      lowCelsius: null,
    });
  }
  return sensors;
}

function parseSensorTable(lines: readonly string[], headerIndex: number): TemperatureSensor[] {
  const sensors: TemperatureSensor[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '' || isRule(line) || /^\s*Resume/i.test(line)) continue;
    // Slot Card Sensor Status Current Lower LowerResume Upper UpperResume
    const row = cells(line);
    if (row.length !== 9 || num(row[4]) === null) throw unexpectedLine(SPEC, line);
    sensors.push({
      slot: row[0] as string,
      sensor: isNoValue(row[1]) ? (row[2] as string) : `${row[1] as string}/${row[2] as string}`,
      status: row[3] as string,
      celsius: value(row[4]),
      warningCelsius: value(row[7]),
      criticalCelsius: null,
      shutdownCelsius: null,
      lowCelsius: value(row[5]),
    });
  }
  return sensors;
}

export const METRICS: readonly MetricSpec[] = TEMPERATURE_METRICS;

export function metrics(parsed: TemperatureReport): Metrics {
  return temperatureMetrics(parsed.sensors);
}
