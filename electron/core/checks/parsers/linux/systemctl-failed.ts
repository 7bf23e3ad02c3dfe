import { LinuxSystemctlFailed } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = {
  parserId: 'linux.systemctl-failed',
  dialect: 'linux',
  allowEmpty: true,
  commands: ['systemctl --failed --no-legend --plain', 'systemctl --failed --plain --no-legend', 'systemctl list-units --failed --no-legend --plain', 'systemctl --failed'],
};
export const schema = LinuxSystemctlFailed;

type Unit = LinuxSystemctlFailed['units'][number];

/*
 * "UNIT LOAD ACTIVE SUB DESCRIPTION" rows; with --no-legend no header or
 * footer, with --plain no "●" bullet (both tolerated). No output at all is
 * the normal, healthy answer: no failed unit.
 */
const UNIT_TYPES = 'service|socket|mount|automount|swap|timer|target|path|device|scope|slice';
const ROW = new RegExp(`^(?:[●*×x]\\s+)?(\\S+\\.(?:${UNIT_TYPES}))\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*?))?\\s*$`);
const LEGEND = /^(?:UNIT\s+LOAD\s+ACTIVE\s+SUB\s+DESCRIPTION|LOAD\s+=|ACTIVE\s+=|SUB\s+=|\d+ loaded units? listed|To show all installed unit files)/;

export function parse(text: string): LinuxSystemctlFailed {
  const lines = outputLines(text, SPEC);
  const units: Unit[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || LEGEND.test(t) || /^Pass --all to see/.test(t)) continue;
    const m = ROW.exec(t);
    if (!m) throw unexpectedLine(SPEC, line);
    units.push({ unit: m[1] as string, load: m[2] as string, active: m[3] as string, sub: m[4] as string, description: m[5] ?? '' });
  }
  return { units };
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'systemd.failed-count', kind: 'number', unit: 'count', description: 'Units in the failed state.' },
  { name: 'systemd.failed-units', kind: 'text', description: 'Their names, comma-separated; "" when none.' },
];

export function metrics(parsed: LinuxSystemctlFailed): Metrics {
  return { 'systemd.failed-count': parsed.units.length, 'systemd.failed-units': parsed.units.map((u) => u.unit).join(', ') };
}
