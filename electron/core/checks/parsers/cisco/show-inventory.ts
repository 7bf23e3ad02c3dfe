import { CiscoShowInventory } from '../parsed-values';
import { put, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'cisco.show-inventory', dialect: 'ios', commands: ['show inventory'] };
export const schema = CiscoShowInventory;

type Item = CiscoShowInventory['items'][number];

const NAME = /^NAME:\s*"(.*?)",\s*DESCR:\s*"(.*)"\s*$/;
const PID = /^PID:\s*(.*?)\s*,\s*VID:\s*(.*?)\s*,\s*SN:\s*(.*?)\s*$/;

export function parse(text: string): CiscoShowInventory {
  const lines = outputLines(text, SPEC);
  const items: Item[] = [];
  let pending: Item | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const name = NAME.exec(line);
    if (name) {
      pending = { name: name[1] as string, description: name[2] as string, pid: '', vid: '', serial: '' };
      items.push(pending);
      continue;
    }
    const pid = PID.exec(line);
    if (pid && pending) {
      pending.pid = pid[1] as string;
      pending.vid = pid[2] as string;
      pending.serial = pid[3] as string;
      pending = null;
      continue;
    }
    throw unexpectedLine(SPEC, line);
  }
  if (items.length === 0) throw notThisCommand(SPEC, 'no NAME:/DESCR: line');
  return { items };
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'inventory.count', kind: 'number', unit: 'count', description: 'Items listed (chassis, modules, supplies, optics).' },
  { name: 'device.model', kind: 'text', description: 'PID of the first item (the chassis or first stack member).' },
  { name: 'device.serial', kind: 'text', description: 'Serial of the first item.' },
];

export function metrics(parsed: CiscoShowInventory): Metrics {
  const m: Metrics = { 'inventory.count': parsed.items.length };
  const first = parsed.items[0];
  if (first && first.pid !== '') put(m, 'device.model', first.pid);
  if (first && first.serial !== '') put(m, 'device.serial', first.serial);
  return m;
}
