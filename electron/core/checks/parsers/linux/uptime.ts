import { LinuxUptime } from '../parsed-values';
import { UPTIME_METRIC, put, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'linux.uptime', dialect: 'linux', commands: ['uptime'] };
export const schema = LinuxUptime;

// " 10:14:02 up 12 days,  3:04,  2 users,  load average: 0.08, 0.03, 0.01" (procps, busybox: users may be missing)
const LOAD = '(\\d+[.,]\\d+)';
const LINE = new RegExp(`^\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s+up\\s+(.+?),\\s+(?:(\\d+)\\s+users?,\\s+)?load averages?:\\s*${LOAD},?\\s+${LOAD},?\\s+${LOAD}\\s*$`);

/** "12 days,  3:04", "3:04", "5 min", "1 day, 20 min", "2 days" → seconds; null when a part is not understood. */
export function upSeconds(up: string): number | null {
  let total = 0;
  for (const part of up.split(',').map((p) => p.trim())) {
    let m: RegExpExecArray | null;
    if ((m = /^(\d+)\s+days?$/.exec(part))) total += Number(m[1]) * 86_400;
    else if ((m = /^(\d+):(\d{2})$/.exec(part))) total += Number(m[1]) * 3_600 + Number(m[2]) * 60;
    else if ((m = /^(\d+)\s+min(?:utes?)?$/.exec(part))) total += Number(m[1]) * 60;
    else if ((m = /^(\d+)\s+(?:hrs?|hours?)$/.exec(part))) total += Number(m[1]) * 3_600;
    else if ((m = /^(\d+)\s+sec(?:onds?)?$/.exec(part))) total += Number(m[1]);
    else return null;
  }
  return total;
}

const decimal = (s: string) => Number(s.replace(',', '.'));

export function parse(text: string): LinuxUptime {
  const lines = outputLines(text, SPEC).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw notThisCommand(SPEC, 'empty output');
  if (lines.length > 1) throw unexpectedLine(SPEC, lines[1] as string);
  const m = LINE.exec(lines[0] as string);
  if (!m) throw notThisCommand(SPEC, 'not "HH:MM:SS up ..., load average: a, b, c"', lines[0]);
  const seconds = upSeconds(m[2] as string);
  if (seconds === null) throw notThisCommand(SPEC, `cannot read the uptime "${m[2] as string}"`, lines[0]);
  return {
    time: m[1] as string,
    uptimeSeconds: seconds,
    users: m[3] === undefined ? null : Number(m[3]),
    load1: decimal(m[4] as string),
    load5: decimal(m[5] as string),
    load15: decimal(m[6] as string),
  };
}

export const LOAD_METRICS: readonly MetricSpec[] = [
  { name: 'load.1m', kind: 'number', description: 'Load average over one minute.' },
  { name: 'load.5m', kind: 'number', description: 'Load average over five minutes.' },
  { name: 'load.15m', kind: 'number', description: 'Load average over fifteen minutes.' },
];

export const METRICS: readonly MetricSpec[] = [UPTIME_METRIC, ...LOAD_METRICS, { name: 'users.count', kind: 'number', unit: 'count', description: 'Logged-in users, where printed.' }];

export function metrics(parsed: LinuxUptime): Metrics {
  const m: Metrics = { 'uptime.seconds': parsed.uptimeSeconds, 'load.1m': parsed.load1, 'load.5m': parsed.load5, 'load.15m': parsed.load15 };
  put(m, 'users.count', parsed.users);
  return m;
}
