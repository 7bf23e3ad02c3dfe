import { CpuUsageReport } from '../parsed-values';
import { CPU_METRICS, cpuMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-cpu-usage', dialect: 'vrp', commands: ['display cpu-usage'] };
export const schema = CpuUsageReport;

/*
 * S/CE/AR: "CPU Usage : 9% Max: 82%" and "CPU utilization for five seconds:
 * 9%: one minute: 9%: five minutes: 9%". NE/CX (VRP8): "System CPU Using
 * Percentage : 10%", the same five-second line with commas, "Max CPU Using
 * Percentage : 42% at ...". The per-task table that follows is not read.
 */
const FIVE = /CPU utilization for five seconds:\s*(\d+(?:\.\d+)?)%\s*[:,]\s*one minute:\s*(\d+(?:\.\d+)?)%\s*[:,]\s*five minutes:\s*(\d+(?:\.\d+)?)%/i;
const CURRENT = /^\s*(?:CPU Usage|System CPU Using Percentage)\s*:\s*(\d+(?:\.\d+)?)%(?:\s+Max\s*:\s*(\d+(?:\.\d+)?)%)?/i;
const MAX = /^\s*Max CPU Using Percentage\s*:\s*(\d+(?:\.\d+)?)%/i;

export function parse(text: string): CpuUsageReport {
  const lines = outputLines(text, SPEC);
  let current: number | null = null;
  let max: number | null = null;
  let five: RegExpExecArray | null = null;
  for (const line of lines) {
    five ??= FIVE.exec(line);
    const c = CURRENT.exec(line);
    if (c && current === null) {
      current = Number(c[1]);
      if (c[2] !== undefined) max = Number(c[2]);
    }
    const m = MAX.exec(line);
    if (m && max === null) max = Number(m[1]);
  }
  if (!five && current === null) throw notThisCommand(SPEC, 'no "CPU Usage" or "CPU utilization for five seconds" line');
  return {
    cpus: [
      {
        scope: '',
        currentPercent: five ? Number(five[1]) : current,
        oneMinutePercent: five ? Number(five[2]) : null,
        fiveMinutesPercent: five ? Number(five[3]) : null,
        maxPercent: max,
      },
    ],
  };
}

export const METRICS: readonly MetricSpec[] = CPU_METRICS;

export function metrics(parsed: CpuUsageReport): Metrics {
  return cpuMetrics(parsed.cpus);
}
