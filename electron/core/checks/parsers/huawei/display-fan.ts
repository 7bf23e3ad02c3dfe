import { FanReport, type Fan } from '../parsed-values';
import { FAN_METRICS, fanMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, percent, readTable, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-fan', dialect: 'vrp', commands: ['display fan'] };
export const schema = FanReport;

/*
 * A table whose columns vary by platform and release: "Slot FanID FanNum
 * Online Register Speed Mode" (older S-series), "Slot FanID Online Status
 * Speed Mode Airflow" (S57/S67 V200R01x, CE). Columns are read by name.
 */
const HEADER = /^\s*Slot\s+Fan\s*ID\b/i;

export function parse(text: string): FanReport {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "Slot FanID ..." table header');
  const { rows } = readTable(lines, headerIndex, SPEC);
  const fans = rows.map((raw): Fan => {
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const presence = row.online ?? row.present ?? '';
    const status = row.status ?? '';
    const register = row.register ?? '';
    const present = !/^(?:absent|no|not present)$/i.test(presence);
    const ok = present && (status === '' || /^normal$/i.test(status)) && (register === '' || /^registered$/i.test(register));
    return { slot: row.slot ?? '', fan: row.fanid ?? '', presence, status, speedPercent: percent(row.speed), ok };
  });
  return { fans };
}

export const METRICS: readonly MetricSpec[] = FAN_METRICS;

export function metrics(parsed: FanReport): Metrics {
  return fanMetrics(parsed.fans);
}
