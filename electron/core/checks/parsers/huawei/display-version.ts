import { HuaweiDisplayVersion } from '../parsed-values';
import { UPTIME_METRIC, put, type MetricSpec, type Metrics } from '../metrics';
import { durationSeconds, notThisCommand, outputLines, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-version', dialect: 'vrp', commands: ['display version'] };
export const schema = HuaweiDisplayVersion;

const SOFTWARE = /VRP \(R\) software,\s*Version\s+(\S+)\s+\((.+)\)\s*$/;
// "HUAWEI NE40E-X2-M8A uptime is ...", "Huawei AR6280 Router uptime is ...", "Quidway S7706 Terabit Routing Switch uptime is ..."
const DEVICE_UPTIME = /^(?:(?:HUAWEI|Huawei|Quidway)\s+)?(.+?)\s+uptime is\s+(.+?)\s*$/;
const PATCH = /^Patch (?:Package )?Version\s*:\s*(\S+)/i;

export function parse(text: string): HuaweiDisplayVersion {
  const lines = outputLines(text, SPEC);
  let vrpVersion: string | null = null;
  let productVersion = '';
  let model = '';
  let uptime = '';
  let patchVersion = '';
  for (const line of lines) {
    const software = SOFTWARE.exec(line);
    if (software && vrpVersion === null) {
      vrpVersion = software[1] as string;
      productVersion = (software[2] as string).trim();
      continue;
    }
    // The device line is the first unindented "uptime is" line; boards follow with their own.
    if (vrpVersion !== null && uptime === '' && !/^\s/.test(line) && !/^(?:MPU|LPU|SRU|IPU|NPU|CXP|SFU|BKP|Slot)\b/i.test(line)) {
      const device = DEVICE_UPTIME.exec(line);
      if (device) {
        model = (device[1] as string).replace(/\s+Router$/, '');
        uptime = device[2] as string;
        continue;
      }
    }
    const patch = PATCH.exec(line.trim());
    if (patch && patchVersion === '') patchVersion = patch[1] as string;
  }
  if (vrpVersion === null) throw notThisCommand(SPEC, 'no "VRP (R) software, Version" line');
  if (uptime === '') throw notThisCommand(SPEC, 'no "<model> uptime is" line');
  return { vrpVersion, productVersion, model, uptime, uptimeSeconds: durationSeconds(uptime), patchVersion };
}

export const METRICS: readonly MetricSpec[] = [
  { name: 'software.version', kind: 'text', description: 'Product version, e.g. "S7700 V200R010C00SPC600".' },
  { name: 'software.vrp-version', kind: 'text', description: 'VRP platform version, e.g. "5.170".' },
  { name: 'software.patch', kind: 'text', description: 'Installed patch, "" when none.' },
  { name: 'device.model', kind: 'text', description: 'Device model.' },
  UPTIME_METRIC,
];

export function metrics(parsed: HuaweiDisplayVersion): Metrics {
  const m: Metrics = {
    'software.version': parsed.productVersion,
    'software.vrp-version': parsed.vrpVersion,
    'software.patch': parsed.patchVersion,
    'device.model': parsed.model,
  };
  put(m, 'uptime.seconds', parsed.uptimeSeconds);
  return m;
}
