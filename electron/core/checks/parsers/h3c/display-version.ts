import { H3cDisplayVersion } from '../parsed-values';
import { UPTIME_METRIC, put, type MetricSpec, type Metrics } from '../metrics';
import { durationSeconds, notThisCommand, outputLines, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-version', dialect: 'comware', commands: ['display version'] };
export const schema = H3cDisplayVersion;

// "H3C Comware Software, Version 7.1.070, Release 6616" / "Comware Software, Version 5.20.99, Release 2221P22"
const SOFTWARE = /Comware Software,\s*Version\s+([^,\s]+),\s*Release\s+(\S+)/i;
// "H3C S6850-56HF uptime is ...", "HPE 5130 24G 4SFP+ EI Switch JG932A uptime is ..."; slot blocks print "Uptime is" with no model.
const DEVICE_UPTIME = /^(?:(?:New H3C|H3C|HPE|HP|UNIS)\s+)?(.+?)\s+uptime is\s+(.+?)\s*$/;

export function parse(text: string): H3cDisplayVersion {
  const lines = outputLines(text, SPEC);
  const result: H3cDisplayVersion = { comwareVersion: '', release: '', model: '', uptime: '', uptimeSeconds: null, lastRebootReason: '', bootImage: '', systemImage: '' };
  for (const line of lines) {
    const software = SOFTWARE.exec(line);
    if (software && result.comwareVersion === '') {
      result.comwareVersion = software[1] as string;
      result.release = software[2] as string;
      continue;
    }
    const device = /^\S/.test(line) ? DEVICE_UPTIME.exec(line) : null;
    if (device && result.uptime === '' && result.comwareVersion !== '') {
      result.model = device[1] as string;
      result.uptime = device[2] as string;
      continue;
    }
    const field = /^(Last reboot reason|Boot image|System image)\s*:\s*(.+?)\s*$/i.exec(line);
    if (field) {
      const key = (field[1] as string).toLowerCase();
      if (key === 'last reboot reason' && result.lastRebootReason === '') result.lastRebootReason = field[2] as string;
      if (key === 'boot image' && result.bootImage === '') result.bootImage = field[2] as string;
      if (key === 'system image' && result.systemImage === '') result.systemImage = field[2] as string;
    }
  }
  if (result.comwareVersion === '') throw notThisCommand(SPEC, 'no "Comware Software, Version" line');
  if (result.uptime === '') throw notThisCommand(SPEC, 'no "<model> uptime is" line');
  result.uptimeSeconds = durationSeconds(result.uptime);
  return result;
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'software.version', kind: 'text', description: 'Comware version and release, e.g. "7.1.070 Release 6616".' },
  { name: 'software.release', kind: 'text', description: 'Release alone, e.g. "6616" or "2221P22".' },
  { name: 'device.model', kind: 'text', description: 'Device model.' },
  { name: 'device.last-reboot-reason', kind: 'text', description: 'Last reboot reason, "" when not printed.' },
  UPTIME_METRIC,
];

export function metrics(parsed: H3cDisplayVersion): Metrics {
  const m: Metrics = {
    'software.version': `${parsed.comwareVersion} Release ${parsed.release}`,
    'software.release': parsed.release,
    'device.model': parsed.model,
    'device.last-reboot-reason': parsed.lastRebootReason,
  };
  put(m, 'uptime.seconds', parsed.uptimeSeconds);
  return m;
}
