import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDED_MAPPINGS } from '../recorded-output.mapping';
import { DEVICE_OUTPUT, HAND_WRITTEN, rawFiles } from './fixtures';

/** Hand-written sample folders (under hand-written/) by parser id. */
const HAND_WRITTEN_FOLDERS: Record<string, string> = {
  'huawei.display-cpu-usage': 'huawei_vrp/display_cpu_usage',
  'huawei.display-memory-usage': 'huawei_vrp/display_memory_usage',
  'huawei.display-temperature': 'huawei_vrp/display_temperature',
  'huawei.display-fan': 'huawei_vrp/display_fan',
  'huawei.display-power': 'huawei_vrp/display_power',
  'huawei.display-alarm-active': 'huawei_vrp/display_alarm_active',
  'h3c.display-version': 'hp_comware/display_version',
  'h3c.display-cpu-usage': 'hp_comware/display_cpu_usage',
  'h3c.display-memory': 'hp_comware/display_memory',
  'h3c.display-fan': 'hp_comware/display_fan',
  'h3c.display-power': 'hp_comware/display_power',
  'h3c.display-environment': 'hp_comware/display_environment',
  'linux.uptime': 'linux/uptime',
  'linux.proc-loadavg': 'linux/proc_loadavg',
  'linux.df': 'linux/df',
  'linux.free': 'linux/free',
  'linux.proc-meminfo': 'linux/proc_meminfo',
  'linux.systemctl-failed': 'linux/systemctl_failed',
};

/** Every sample file (absolute path) of every parser: the recorded ones and the hand-written ones. */
export function samplesByParser(): Map<string, string[]> {
  const samples = new Map<string, string[]>();
  for (const m of RECORDED_MAPPINGS) samples.set(m.parserId, rawFiles(m.folder).map((f) => join(DEVICE_OUTPUT, m.folder, f)));
  for (const [id, folder] of Object.entries(HAND_WRITTEN_FOLDERS)) {
    const files = readdirSync(join(HAND_WRITTEN, folder))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(HAND_WRITTEN, folder, f));
    samples.set(id, [...(samples.get(id) ?? []), ...files]);
  }
  return samples;
}

export function handWritten(...parts: string[]): string {
  return join(HAND_WRITTEN, ...parts);
}
