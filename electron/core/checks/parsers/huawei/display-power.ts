import { PowerReport, type PowerSupply } from '../parsed-values';
import { PSU_METRICS, psuMetrics, type MetricSpec, type Metrics } from '../metrics';
import { isNoValue, notThisCommand, num, outputLines, readTable, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-power', dialect: 'vrp', commands: ['display power'] };
export const schema = PowerReport;

/*
 * "Slot PowerID Online Mode State Power(W)" (S/CE; some releases add
 * Current(A) Voltage(V)), older S-series "Slot PowerNo Present Mode State
 * Current(A) Voltage(V) RealPwr(W)". Columns are read by name.
 * State: Supply (delivering), NotSupply (failed or no input), Sleep (parked
 * by power saving: healthy).
 */
const HEADER = /^\s*Slot\s+Power\s*(?:ID|No|Num)\b/i;

export function parse(text: string): PowerReport {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "Slot PowerID ..." table header');
  const { rows } = readTable(lines, headerIndex, SPEC);
  const supplies = rows.map((raw): PowerSupply => {
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const presence = row.online ?? row.present ?? '';
    const present = !/^(?:absent|no|not present)$/i.test(presence);
    const status = row.state ?? row.status ?? '';
    const watts = row['power(w)'] ?? row['realpwr(w)'] ?? row['actualpower(w)'];
    return {
      slot: row.slot ?? '',
      psu: row.powerid ?? row.powerno ?? row.powernum ?? '',
      model: '',
      serial: '',
      presence,
      status,
      mode: isNoValue(row.mode) ? '' : (row.mode as string),
      watts: isNoValue(watts) ? null : num(watts),
      present,
      ok: present && /^(?:supply|normal|sleep)$/i.test(status),
    };
  });
  return { supplies };
}

export const METRICS: readonly MetricSpec[] = PSU_METRICS;

export function metrics(parsed: PowerReport): Metrics {
  return psuMetrics(parsed.supplies);
}
