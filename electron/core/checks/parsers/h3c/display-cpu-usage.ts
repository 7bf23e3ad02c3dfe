import { CpuUsageReport, type CpuUsage } from '../parsed-values';
import { CPU_METRICS, cpuMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-cpu-usage', dialect: 'comware', commands: ['display cpu-usage'] };
export const schema = CpuUsageReport;

/*
 * One block per CPU: "Slot 1 CPU 0 CPU usage:" (Comware 7), "Unit CPU usage:"
 * or "Slot 1 CPU usage:" (Comware 5), then "N% in last 5 seconds / 1 minute /
 * 5 minutes".
 */
const BLOCK = /^\s*(.*?)\s*CPU usage\s*:\s*$/i;
const FIGURE = /^\s*(\d+(?:\.\d+)?)%\s+in last\s+(5 seconds|1 minute|5 minutes)\s*$/i;

export function parse(text: string): CpuUsageReport {
  const lines = outputLines(text, SPEC);
  const cpus: CpuUsage[] = [];
  let current: CpuUsage | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const block = BLOCK.exec(line);
    if (block) {
      current = { scope: block[1] as string, currentPercent: null, oneMinutePercent: null, fiveMinutesPercent: null, maxPercent: null };
      cpus.push(current);
      continue;
    }
    const figure = FIGURE.exec(line);
    if (figure && current) {
      const value = Number(figure[1]);
      const window = (figure[2] as string).toLowerCase();
      if (window === '5 seconds') current.currentPercent = value;
      else if (window === '1 minute') current.oneMinutePercent = value;
      else current.fiveMinutesPercent = value;
      continue;
    }
    if (cpus.length === 0) continue;
    throw unexpectedLine(SPEC, line);
  }
  if (cpus.length === 0 || cpus.every((c) => c.currentPercent === null)) throw notThisCommand(SPEC, 'no "CPU usage:" block with "% in last 5 seconds"');
  return { cpus };
}

export const METRICS: readonly MetricSpec[] = CPU_METRICS;

export function metrics(parsed: CpuUsageReport): Metrics {
  return cpuMetrics(parsed.cpus);
}
