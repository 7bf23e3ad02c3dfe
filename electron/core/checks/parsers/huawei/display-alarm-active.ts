import { HuaweiDisplayAlarmActive } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { isRule, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-alarm-active', dialect: 'vrp', commands: ['display alarm active'] };
export const schema = HuaweiDisplayAlarmActive;

type Alarm = HuaweiDisplayAlarmActive['alarms'][number];

/*
 * Three layouts in the field:
 *  - CE and S-series V200R01x: a legend ("A/B/C/D/E/F/G/H/I/J", "A=Sequence,
 *    ...") then one "seq/RootKind/time/clear-time/ID/Name/Level/State/description"
 *    record per alarm, the description often continued on indented lines.
 *  - Older S-series: "Index Level Date Time Info" table.
 *  - NE/CX (VRP8): "Sequence AlarmId Severity Date Time Description" table.
 * No active alarm: the legend or header with no records, or a "no alarm" line.
 */
const SEVERITY = '(Critical|Major|Minor|Warning|Indeterminate)';
const SLASH_RECORD = new RegExp(
  `^\\s*(\\d+)/(?:Independent|RootCause|nonRootCause)/(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\S*)/[^/]*/(0x[0-9A-Fa-f]+)/([^/]+)/${SEVERITY}/\\w+/\\s*(.*)$`,
  'i',
);
const LEGEND = /^\s*(?:A\/B\/C\/D|[A-J]=)/;
const INDEX_HEADER = /^\s*Index\s+Level\s+Date\s+Time\s+Info/i;
const INDEX_ROW = new RegExp(`^\\s*(\\d+)\\s+${SEVERITY}\\s+(\\d{4}-\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}:\\d{2}\\S*)\\s+(.*)$`, 'i');
const SEQUENCE_HEADER = /^\s*Sequence\s+AlarmId\s+Severity\s+Date\s+Time\s+Description/i;
const SEQUENCE_ROW = new RegExp(`^\\s*(\\d+)\\s+(0x[0-9A-Fa-f]+)\\s+${SEVERITY}\\s+(\\d{4}-\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}:\\d{2}\\S*)\\s+(.*)$`, 'i');
const NO_ALARM = /^\s*(?:Info:\s*)?(?:There is no|No)\s+(?:active\s+)?alarms?\b/i;

export function parse(text: string): HuaweiDisplayAlarmActive {
  const lines = outputLines(text, SPEC);
  const alarms: Alarm[] = [];
  let layout: 'slash' | 'index' | 'sequence' | null = null;
  let last: Alarm | null = null;
  let sawNoAlarm = false;
  for (const line of lines) {
    if (line.trim() === '' || isRule(line)) continue;
    if (NO_ALARM.test(line)) {
      sawNoAlarm = true;
      continue;
    }
    if (LEGEND.test(line)) {
      layout = 'slash';
      continue;
    }
    if (INDEX_HEADER.test(line)) {
      layout = 'index';
      continue;
    }
    if (SEQUENCE_HEADER.test(line)) {
      layout = 'sequence';
      continue;
    }
    const slash = SLASH_RECORD.exec(line);
    if (slash) {
      last = { id: slash[1] as string, raisedAt: slash[2] as string, name: (slash[4] as string).trim(), severity: slash[5] as string, description: (slash[6] as string).trim() };
      alarms.push(last);
      continue;
    }
    const index = layout === 'index' ? INDEX_ROW.exec(line) : null;
    if (index) {
      last = { id: index[1] as string, severity: index[2] as string, raisedAt: (index[3] as string).replace(/\s+/, ' '), name: '', description: (index[4] as string).trim() };
      alarms.push(last);
      continue;
    }
    const sequence = layout === 'sequence' ? SEQUENCE_ROW.exec(line) : null;
    if (sequence) {
      last = { id: sequence[1] as string, name: sequence[2] as string, severity: sequence[3] as string, raisedAt: (sequence[4] as string).replace(/\s+/, ' '), description: (sequence[5] as string).trim() };
      alarms.push(last);
      continue;
    }
    // A description continued on the next (indented) line.
    if (last && /^\s/.test(line)) {
      last.description = `${last.description} ${line.trim()}`.trim();
      continue;
    }
    if (layout === null && !sawNoAlarm) continue;
    throw unexpectedLine(SPEC, line);
  }
  if (layout === null && !sawNoAlarm) throw notThisCommand(SPEC, 'no alarm legend, alarm table header or "no alarm" line');
  return { alarms };
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'alarms.active-count', kind: 'number', unit: 'count', description: 'Active alarms.' },
  { name: 'alarms.critical-count', kind: 'number', unit: 'count', description: 'Active alarms of severity Critical.' },
  { name: 'alarms.major-count', kind: 'number', unit: 'count', description: 'Active alarms of severity Major.' },
  { name: 'alarms.summary', kind: 'text', description: 'Up to five alarms as "Severity name/description", "; "-separated; "" when none.' },
];

export function metrics(parsed: HuaweiDisplayAlarmActive): Metrics {
  const bySeverity = (s: string) => parsed.alarms.filter((a) => a.severity.toLowerCase() === s).length;
  return {
    'alarms.active-count': parsed.alarms.length,
    'alarms.critical-count': bySeverity('critical'),
    'alarms.major-count': bySeverity('major'),
    'alarms.summary': parsed.alarms
      .slice(0, 5)
      .map((a) => `${a.severity} ${a.name !== '' && !a.name.startsWith('0x') ? a.name : a.description.slice(0, 80)}`)
      .join('; '),
  };
}
