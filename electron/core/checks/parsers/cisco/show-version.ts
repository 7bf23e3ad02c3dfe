import { CiscoShowVersion } from '../parsed-values';
import { UPTIME_METRIC, put, type MetricSpec, type Metrics } from '../metrics';
import { durationSeconds, notThisCommand, outputLines, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'cisco.show-version', dialect: 'ios', commands: ['show version'] };
export const schema = CiscoShowVersion;

// "Cisco IOS Software [Fuji], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 16.9.3, RELEASE SOFTWARE (fc2)"
// "IOS (tm) C2950 Software (C2950-I6Q4L2-M), Version 12.1(22)EA14, RELEASE SOFTWARE (fc1)"
const SOFTWARE = /^(?:Cisco IOS Software|IOS \(tm\))\b.*?\(([^()]+)\),\s*Version\s+([^\s,]+)/;
const RELEASE = /RELEASE SOFTWARE\s*\((\w+)\)/;
const UPTIME = /^(\S+)\s+uptime is\s+(.+?)\s*$/;
// "cisco WS-C4948E (MPC8548) processor ...", "Cisco IOSv (revision 1.0) with ...", "Cisco IOSv () processor ..."
const PROCESSOR = /^cisco\s+(\S+)\s+(?:\([^)]*\)\s+)*(?:processor|with)\b/i;

export function parse(text: string): CiscoShowVersion {
  const lines = outputLines(text, SPEC);
  const result: CiscoShowVersion = {
    version: '',
    softwareImage: '',
    release: '',
    hostname: '',
    uptime: '',
    uptimeSeconds: null,
    reloadReason: '',
    restarted: '',
    runningImage: '',
    hardware: [],
    serials: [],
    macAddresses: [],
    configRegister: '',
  };
  let processorModel = '';
  let boardId = '';
  let returnedBy = '';
  let lastReloadReason = '';
  const models: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if (result.version === '' && (m = SOFTWARE.exec(line))) {
      result.softwareImage = m[1] as string;
      result.version = m[2] as string;
      result.release = RELEASE.exec(line)?.[1] ?? '';
    } else if (result.uptime === '' && (m = UPTIME.exec(line))) {
      result.hostname = m[1] as string;
      result.uptime = m[2] as string;
    } else if ((m = /^Last reload reason:\s*(.+)$/i.exec(line))) {
      lastReloadReason ||= m[1] as string;
    } else if ((m = /^System returned to ROM by\s+(.+?)(?:\s+at\s+\d.*)?$/.exec(line))) {
      returnedBy ||= m[1] as string;
    } else if ((m = /^System restarted at\s+(.+)$/.exec(line))) {
      result.restarted ||= m[1] as string;
    } else if ((m = /^System image file is "(?:[\w-]+:)?(.*)"/.exec(line))) {
      result.runningImage ||= m[1] as string;
    } else if (processorModel === '' && (m = PROCESSOR.exec(line))) {
      processorModel = m[1] as string;
    } else if ((m = /^Processor board ID\s+([^\s,]+)/.exec(line))) {
      boardId ||= m[1] as string;
    } else if ((m = /^Model Number\s*:\s*(\S+)/.exec(line))) {
      models.push(m[1] as string);
    } else if ((m = /^System Serial Number\s*:\s*(\S+)/.exec(line))) {
      result.serials.push(m[1] as string);
    } else if ((m = /^Base Ethernet MAC Address\s*:\s*(\S+)/.exec(line))) {
      result.macAddresses.push(m[1] as string);
    } else if ((m = /^Configuration register is\s+(\S+)/.exec(line))) {
      result.configRegister ||= m[1] as string;
    }
  }
  if (result.version === '') throw notThisCommand(SPEC, 'no "Cisco IOS Software ..., Version" line');
  if (result.uptime === '') throw notThisCommand(SPEC, 'no "<hostname> uptime is" line');
  result.uptimeSeconds = durationSeconds(result.uptime);
  result.reloadReason = lastReloadReason || returnedBy;
  // Stacks list every member's model and serial; a single box only has the processor line and board ID.
  result.hardware = models.length > 0 ? models : processorModel === '' ? [] : [processorModel];
  if (result.serials.length === 0 && boardId !== '') result.serials = [boardId];
  return result;
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'software.version', kind: 'text', description: 'IOS version, e.g. "15.2(7)E4".' },
  { name: 'software.image', kind: 'text', description: 'Feature set, e.g. "C2960X-UNIVERSALK9-M".' },
  { name: 'device.model', kind: 'text', description: 'Model of the (first) switch.' },
  { name: 'device.serial', kind: 'text', description: 'Serial of the (first) switch.' },
  { name: 'device.hostname', kind: 'text', description: 'Hostname.' },
  { name: 'device.reload-reason', kind: 'text', description: 'Why it last reloaded.' },
  { name: 'device.config-register', kind: 'text', description: 'Configuration register ("0x2102"), absent when not printed.' },
  { name: 'stack.member-count', kind: 'number', unit: 'count', description: 'Models listed: stack members, 1 for a single box.' },
  UPTIME_METRIC,
];

export function metrics(parsed: CiscoShowVersion): Metrics {
  const m: Metrics = {
    'software.version': parsed.version,
    'software.image': parsed.softwareImage,
    'device.hostname': parsed.hostname,
    'device.reload-reason': parsed.reloadReason,
    'stack.member-count': parsed.hardware.length,
  };
  put(m, 'device.model', parsed.hardware[0]);
  put(m, 'device.serial', parsed.serials[0]);
  if (parsed.configRegister !== '') m['device.config-register'] = parsed.configRegister;
  put(m, 'uptime.seconds', parsed.uptimeSeconds);
  return m;
}
