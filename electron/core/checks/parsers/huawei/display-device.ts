import { HuaweiDisplayDevice } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { cellsKeepingParens, isRule, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-device', dialect: 'vrp', commands: ['display device'] };
export const schema = HuaweiDisplayDevice;

type Slot = HuaweiDisplayDevice['slots'][number];

/*
 * The header differs by platform: CE "Slot Card Type Online Power Register
 * Alarm Primary", S-series "Slot Sub Type Online Power Register Status Role",
 * NE/CX "Slot # Type Online Register Status Role LsId Primary". Columns are
 * found by name; rows are split on whitespace ("CMU(MPU 9)" kept whole).
 */
const HEADER = /^\s*Slot\b.*\bType\s+Online\b/;
const COLUMN: Record<string, keyof Omit<Slot, 'configuredOnly'>> = {
  Slot: 'slot',
  Card: 'card',
  Sub: 'card',
  Type: 'type',
  Online: 'online',
  Power: 'power',
  Register: 'register',
  Alarm: 'alarm',
  Status: 'alarm',
  Primary: 'primary',
};

export function parse(text: string): HuaweiDisplayDevice {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "Slot ... Type Online" table header');
  const chassis = /^\s*(\S+)'s Device status:/.exec(lines.slice(0, headerIndex).join('\n'))?.[1] ?? '';

  const header = (lines[headerIndex] as string).trim().replace(/^Slot\s+#/, 'Slot').split(/\s+/);
  const hasRole = header.includes('Role');
  const hasPrimary = header.includes('Primary');
  const slots: Slot[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '' || isRule(line)) continue;
    let cellsOfRow = cellsKeepingParens(line);
    const isSub = /^\s/.test(line) && cellsOfRow.length === header.length - 1;
    if (isSub) {
      const parent = slots[slots.length - 1];
      if (!parent) throw unexpectedLine(SPEC, line);
      cellsOfRow = [parent.slot, ...cellsOfRow];
    }
    if (cellsOfRow.length !== header.length) throw unexpectedLine(SPEC, line);
    const slot: Slot = { slot: '', card: '', type: '', configuredOnly: false, online: '', power: '', register: '', alarm: '', primary: '' };
    header.forEach((name, k) => {
      const value = cellsOfRow[k] as string;
      const field = COLUMN[name];
      if (field) slot[field] = value;
      // S-series print Master/Standby under Role and have no Primary column.
      else if (name === 'Role' && hasRole && !hasPrimary) slot.primary = value;
    });
    if (slot.type.startsWith('*')) {
      slot.type = slot.type.slice(1);
      slot.configuredOnly = true;
    }
    slots.push(slot);
  }
  if (slots.length === 0) throw notThisCommand(SPEC, 'the slot table is empty');
  return { chassis, slots };
}

/** A board or part that is there but not registered, not powered or alarming. */
export function slotAbnormal(slot: Slot): boolean {
  if (slot.online !== 'Present') return false;
  if (slot.register !== '' && slot.register !== 'Registered') return true;
  if (slot.power !== '' && !/^(?:On|PowerOn)$/i.test(slot.power)) return true;
  return slot.alarm !== '' && !/^normal$/i.test(slot.alarm);
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'cards.count', kind: 'number', unit: 'count', description: 'Rows listed (boards and their power/fan parts).' },
  { name: 'cards.abnormal-count', kind: 'number', unit: 'count', description: 'Present but not registered, not powered on, or alarming.' },
  { name: 'cards.offline-count', kind: 'number', unit: 'count', description: 'Configured or listed but not present (Offline, Absent, "*" boards).' },
  { name: 'cards.abnormal', kind: 'text', description: 'The abnormal and offline rows, "slot/card type" comma-separated; "" when none.' },
];

export function metrics(parsed: HuaweiDisplayDevice): Metrics {
  const abnormal = parsed.slots.filter(slotAbnormal);
  const offline = parsed.slots.filter((s) => s.online !== 'Present');
  const label = (s: Slot) => `${s.card === '-' ? s.slot : `${s.slot}/${s.card}`} ${s.type}`;
  return {
    'cards.count': parsed.slots.length,
    'cards.abnormal-count': abnormal.length,
    'cards.offline-count': offline.length,
    'cards.abnormal': [...abnormal, ...offline].map(label).join(', '),
  };
}
