import { PowerReport, type PowerSupply } from '../parsed-values';
import { PSU_METRICS, psuMetrics, type MetricSpec, type Metrics } from '../metrics';
import { cells, isNoValue, isRule, num, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-power', dialect: 'comware', commands: ['display power'] };
export const schema = PowerReport;

/*
 * Comware 7: per " Slot N:" a table "PowerID State Mode Current(A) Voltage(V)
 * Power(W) [FanDirection]". Comware 5: " Power 1 State: Normal" lines (or a
 * " Power 1" block with " State : Normal" and " Type : AC"), under " Unit N".
 * Normal is healthy; Absent is an empty bay; Fault / Abnormal / NotSupply is
 * a failed supply.
 */
const SCOPE = /^\s*((?:Chassis\s+\d+\s+)?(?:Slot|Unit)\s+\d+)\s*:?\s*$/i;
const HEADER = /^\s*Power\s*ID\s+State\b/i;
const ONE_LINE = /^\s*Power\s+(\d+)\s+State\s*:\s*(.+?)\s*$/i;
const BLOCK = /^\s*Power\s+(\d+)\s*:?\s*$/i;
const KEY_VALUE = /^\s*(State|Type|Mode)\s*:\s*(.+?)\s*$/i;

function supply(slot: string, psu: string, status: string, mode: string, watts: number | null): PowerSupply {
  const present = !/^absent$/i.test(status);
  return { slot, psu, model: '', serial: '', presence: present ? 'Present' : 'Absent', status, mode, watts, present, ok: present && /^normal$/i.test(status) };
}

export function parse(text: string): PowerReport {
  const lines = outputLines(text, SPEC);
  const supplies: PowerSupply[] = [];
  let slot = '';
  let header: string[] | null = null;
  let current: PowerSupply | null = null;
  for (const line of lines) {
    if (line.trim() === '' || isRule(line)) continue;
    const scope = SCOPE.exec(line);
    if (scope) {
      slot = (scope[1] as string).replace(/\s+/g, ' ');
      header = null;
      continue;
    }
    if (HEADER.test(line)) {
      header = cells(line).map((c) => c.toLowerCase());
      continue;
    }
    if (header) {
      const row = cells(line);
      if (row.length !== header.length) throw unexpectedLine(SPEC, line);
      const cell = (name: string) => row[(header as string[]).indexOf(name)];
      const mode = cell('mode');
      const watts = cell('power(w)');
      supplies.push(supply(slot, row[0] as string, cell('state') ?? '', isNoValue(mode) ? '' : (mode as string), isNoValue(watts) ? null : num(watts)));
      continue;
    }
    const oneLine = ONE_LINE.exec(line);
    if (oneLine) {
      supplies.push(supply(slot, oneLine[1] as string, oneLine[2] as string, '', null));
      current = null;
      continue;
    }
    const block = BLOCK.exec(line);
    if (block) {
      current = supply(slot, block[1] as string, '', '', null);
      supplies.push(current);
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    if (kv && current) {
      const key = (kv[1] as string).toLowerCase();
      const value = kv[2] as string;
      Object.assign(current, key === 'state' ? supply(current.slot, current.psu, value, current.mode, current.watts) : { mode: value });
      continue;
    }
    throw unexpectedLine(SPEC, line);
  }
  if (supplies.length === 0) throw notThisCommand(SPEC, 'no power supply listed');
  return { supplies };
}

export const METRICS: readonly MetricSpec[] = PSU_METRICS;

export function metrics(parsed: PowerReport): Metrics {
  return psuMetrics(parsed.supplies);
}
