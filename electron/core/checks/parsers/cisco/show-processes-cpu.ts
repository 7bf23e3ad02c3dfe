import { CiscoShowProcessesCpu } from '../parsed-values';
import { CPU_METRICS, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'cisco.show-processes-cpu', dialect: 'ios', commands: ['show processes cpu', 'show processes cpu sorted'] };
export const schema = CiscoShowProcessesCpu;

type Process = CiscoShowProcessesCpu['processes'][number];

const SUMMARY = /CPU utilization for five seconds:\s*(\d+)%\/(\d+)%;\s*one minute:\s*(\d+)%;\s*five minutes:\s*(\d+)%/i;
const HEADER = /^\s*PID\s+Runtime\(ms\)\s+Invoked\s+uSecs\s+5Sec\s+1Min\s+5Min\s+TTY\s+Process\s*$/i;
const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+(?:\.\d+)?)%\s+(\d+(?:\.\d+)?)%\s+(\d+(?:\.\d+)?)%\s+(\d+)\s*(.*?)\s*$/;

export function parse(text: string): CiscoShowProcessesCpu {
  const lines = outputLines(text, SPEC);
  const summaryIndex = lines.findIndex((l) => SUMMARY.test(l));
  if (summaryIndex < 0) throw notThisCommand(SPEC, 'no "CPU utilization for five seconds: N%/N%" line');
  const s = SUMMARY.exec(lines[summaryIndex] as string) as RegExpExecArray;
  const processes: Process[] = [];
  let inTable = false;
  for (const line of lines.slice(summaryIndex + 1)) {
    if (HEADER.test(line)) {
      inTable = true;
      continue;
    }
    // Multi-core IOS-XE boxes add "Core 0: CPU utilization ..." lines before the table.
    if (!inTable || line.trim() === '' || /^\s*Core \d+:/i.test(line)) continue;
    const m = ROW.exec(line);
    if (!m) throw unexpectedLine(SPEC, line);
    processes.push({
      pid: Number(m[1]),
      runtimeMs: Number(m[2]),
      invoked: Number(m[3]),
      usecs: Number(m[4]),
      fiveSecondsPercent: Number(m[5]),
      oneMinutePercent: Number(m[6]),
      fiveMinutesPercent: Number(m[7]),
      tty: Number(m[8]),
      name: m[9] as string,
    });
  }
  return {
    fiveSecondsPercent: Number(s[1]),
    interruptPercent: Number(s[2]),
    oneMinutePercent: Number(s[3]),
    fiveMinutesPercent: Number(s[4]),
    processes,
  };
}

export const METRICS: readonly MetricSpec[] = [
  ...CPU_METRICS.filter((m) => m.name !== 'cpu.max-percent'),
  { name: 'cpu.interrupt-percent', kind: 'number', unit: '%', description: 'Share of the five-second figure spent at interrupt level (traffic punted to the CPU).' },
  { name: 'cpu.top-process', kind: 'text', description: 'Process with the highest five-minute average, "" when the table is empty.' },
  { name: 'cpu.top-process-percent', kind: 'number', unit: '%', description: 'Its five-minute average.' },
];

export function metrics(parsed: CiscoShowProcessesCpu): Metrics {
  const top = [...parsed.processes].sort((a, b) => b.fiveMinutesPercent - a.fiveMinutesPercent)[0];
  const m: Metrics = {
    'cpu.percent': parsed.fiveSecondsPercent,
    'cpu.percent-1m': parsed.oneMinutePercent,
    'cpu.percent-5m': parsed.fiveMinutesPercent,
    'cpu.interrupt-percent': parsed.interruptPercent,
    'cpu.top-process': top?.name ?? '',
  };
  if (top) m['cpu.top-process-percent'] = top.fiveMinutesPercent;
  return m;
}
