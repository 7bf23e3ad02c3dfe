import { LinuxLoadavg } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';
import { LOAD_METRICS } from './uptime';

export const SPEC: CommandSpec = { parserId: 'linux.proc-loadavg', dialect: 'linux', commands: ['cat /proc/loadavg'] };
export const schema = LinuxLoadavg;

// "0.08 0.03 0.01 1/234 5678": loads, runnable/total scheduling entities, last PID.
const LINE = /^\s*(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+)\/(\d+)\s+(\d+)\s*$/;

export function parse(text: string): LinuxLoadavg {
  const lines = outputLines(text, SPEC).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw notThisCommand(SPEC, 'empty output');
  if (lines.length > 1) throw unexpectedLine(SPEC, lines[1] as string);
  const m = LINE.exec(lines[0] as string);
  if (!m) throw notThisCommand(SPEC, 'not "a b c runnable/total lastpid"', lines[0]);
  return { load1: Number(m[1]), load5: Number(m[2]), load15: Number(m[3]), runnable: Number(m[4]), threads: Number(m[5]), lastPid: Number(m[6]) };
}

export const METRICS: readonly MetricSpec[] = [
  ...LOAD_METRICS,
  { name: 'processes.runnable', kind: 'number', unit: 'count', description: 'Runnable scheduling entities right now.' },
  { name: 'threads.count', kind: 'number', unit: 'count', description: 'Scheduling entities (processes and threads) that exist.' },
];

export function metrics(parsed: LinuxLoadavg): Metrics {
  return { 'load.1m': parsed.load1, 'load.5m': parsed.load5, 'load.15m': parsed.load15, 'processes.runnable': parsed.runnable, 'threads.count': parsed.threads };
}
