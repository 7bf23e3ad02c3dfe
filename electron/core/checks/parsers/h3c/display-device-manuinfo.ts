import { H3cDisplayDeviceManuinfo } from '../parsed-values';
import { put, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-device-manuinfo', dialect: 'comware', commands: ['display device manuinfo'] };
export const schema = H3cDisplayDeviceManuinfo;

type Entry = H3cDisplayDeviceManuinfo['entries'][number];
type TextField = Exclude<keyof Entry, 'unavailable'>;

/*
 * Blocks of "KEY : value" lines, each under a heading ("Slot 1:", " Slot 1 CPU 0:",
 * "Fan 2", "Power 1:", "Subslot 3:", "Chassis self"; "slot 0" on old releases),
 * inside " Chassis N" groups on IRF chassis. A box without slots prints one
 * block with no heading. VENDOR_NAME is the last line of a block: a field
 * after it opens a new block (a second, heading-less block). A part that
 * cannot report says so in a sentence; it is kept, marked unavailable.
 */
const CHASSIS_GROUP = /^\s*Chassis\s+(\d+)\s*:?\s*$/;
const HEADING = /^\s*(Chassis|[Ss]lot|Subslot|Fan|Power)\s+(\d+|self)(?:\s+CPU\s+(\d+))?\s*:?\s*$/;
const FIELD = /^\s*([A-Z][A-Za-z_ ]*?)\s*:\s*(.*?)\s*$/;
const UNAVAILABLE = /not supported|does not support|Failed to display|Only new chassis support/i;

const FIELD_OF: Record<string, TextField> = {
  DEVICE_NAME: 'deviceName',
  DEVICE_SERIAL_NUMBER: 'serialNumber',
  'MANU SERIAL NUMBER': 'serialNumber',
  MAC_ADDRESS: 'macAddress',
  MANUFACTURING_DATE: 'manufacturingDate',
  VENDOR_NAME: 'vendor',
  'PRODUCT ID': 'productId',
};

function entry(chassis: string, slotType: string, slotId: string, cpu: string): Entry {
  return { chassis, slotType, slotId, cpu, deviceName: '', serialNumber: '', macAddress: '', manufacturingDate: '', vendor: '', productId: '', unavailable: false };
}

export function parse(text: string): H3cDisplayDeviceManuinfo {
  const lines = outputLines(text, SPEC);
  const entries: Entry[] = [];
  let chassis = '';
  let current: Entry | null = null;
  let closed = true;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const group = CHASSIS_GROUP.exec(line);
    if (group) {
      chassis = group[1] as string;
      current = null;
      closed = true;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      current = entry(chassis, heading[1] as string, heading[2] as string, heading[3] ?? '');
      entries.push(current);
      closed = false;
      continue;
    }
    if (UNAVAILABLE.test(line)) {
      if (!current) throw unexpectedLine(SPEC, line);
      current.unavailable = true;
      closed = true;
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) throw unexpectedLine(SPEC, line);
    const key = (field[1] as string).toUpperCase();
    const value = field[2] as string;
    const target = FIELD_OF[key];
    if (target === undefined) continue; // DEVICE_ID and other keys we do not keep
    if (target === 'productId') {
      if (current) current.productId = value;
      continue;
    }
    if (!current || closed) {
      current = entry(chassis, '', '', '');
      entries.push(current);
      closed = false;
    }
    current[target] = value;
    if (target === 'vendor') closed = true;
  }
  if (entries.length === 0) throw notThisCommand(SPEC, 'no manufacture information block');
  return { entries };
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'inventory.count', kind: 'number', unit: 'count', description: 'Parts listed.' },
  { name: 'inventory.unavailable-count', kind: 'number', unit: 'count', description: 'Parts that could not report their manufacture information.' },
  { name: 'device.serial', kind: 'text', description: 'Serial of the chassis, else of the first slot (the box itself on fixed switches).' },
  { name: 'device.model', kind: 'text', description: 'DEVICE_NAME of that same part.' },
];

export function metrics(parsed: H3cDisplayDeviceManuinfo): Metrics {
  const m: Metrics = {
    'inventory.count': parsed.entries.length,
    'inventory.unavailable-count': parsed.entries.filter((e) => e.unavailable).length,
  };
  const withSerial = parsed.entries.filter((e) => e.serialNumber !== '' && e.serialNumber !== 'NONE');
  const main = withSerial.find((e) => e.slotType === 'Chassis') ?? withSerial.find((e) => /^(?:slot|)$/i.test(e.slotType));
  put(m, 'device.serial', main?.serialNumber);
  put(m, 'device.model', main?.deviceName);
  return m;
}
