import { z } from 'zod';
import { put, type Metrics, type SnmpMetricSpec } from './metrics';
import { compareIndex, notImplemented, numberOf, oidOf, requireSamples, round, Sample, secondsOfTicks, textOf } from './read';
import type { SnmpProfileParser } from './snmp-parser';
import type { SnmpVarbind } from './varbind';

/*
 * HOST-RESOURCES-MIB (RFC 2790), 1.3.6.1.2.1.25: CPU, memory and disks of a
 * server (Net-SNMP on Linux, the Windows SNMP service, most NAS and
 * appliances).
 *
 * CPU: hrProcessorLoad is each processor's average load over the last
 * minute. cpu.percent is the mean over processors (what "the server's CPU"
 * means), cpu.busiest-percent the busiest one. Net-SNMP only answers it a
 * minute after it started; until then CPU is absent.
 *
 * Memory: hrStorageRam's "used" on Linux (Net-SNMP) counts the page cache
 * and buffers, which a healthy server fills on purpose, so it reads 95%
 * on an idle machine. Net-SNMP also publishes its own rows for them, and we
 * use the same definition as the SSH parsers (linux.free / linux.proc-meminfo:
 * used = total − available):
 *   1. a row "Available memory" (Net-SNMP ≥ 5.8; its Size is MemAvailable): used = RAM size − available;
 *   2. else rows "Memory buffers" and "Cached memory" (older Net-SNMP): used = RAM used − buffers − cached;
 *   3. else (Windows, appliances): the RAM row's used, which already excludes the cache there.
 *
 * Disks: hrStorageFixedDisk rows with a size. Network disks (an NFS server's
 * problem), removable media and CDs (always 100% full) are left out, and so
 * are /snap/… mounts: snap packages are read-only squashfs images that are
 * always full by construction.
 *
 * Sizes are hrStorageSize × hrStorageAllocationUnits bytes. Both are
 * Integer32: an old agent whose count overflowed reports a negative number,
 * which is treated as unknown.
 */

export const ID = 'snmp.host-resources';

export const OID = {
  hrSystemUptime: '1.3.6.1.2.1.25.1.1.0',
  hrSystemNumUsers: '1.3.6.1.2.1.25.1.5.0',
  hrSystemProcesses: '1.3.6.1.2.1.25.1.6.0',
  hrMemorySize: '1.3.6.1.2.1.25.2.2.0',
} as const;
const HR_STORAGE_ENTRY = '1.3.6.1.2.1.25.2.3.1';
const HR_STORAGE = { type: 2, descr: 3, allocationUnits: 4, size: 5, used: 6 } as const;
const HR_PROCESSOR_LOAD = '1.3.6.1.2.1.25.3.3.1.2';
const HR_PROCESSOR_ENTRY = '1.3.6.1.2.1.25.3.3.1';

/** hrStorageTypes (1.3.6.1.2.1.25.2.1.N). */
const STORAGE_TYPES: Readonly<Record<string, StorageKind>> = {
  '1.3.6.1.2.1.25.2.1.1': 'other',
  '1.3.6.1.2.1.25.2.1.2': 'ram',
  '1.3.6.1.2.1.25.2.1.3': 'virtual-memory',
  '1.3.6.1.2.1.25.2.1.4': 'fixed-disk',
  '1.3.6.1.2.1.25.2.1.5': 'removable-disk',
  '1.3.6.1.2.1.25.2.1.6': 'floppy-disk',
  '1.3.6.1.2.1.25.2.1.7': 'compact-disc',
  '1.3.6.1.2.1.25.2.1.8': 'ram-disk',
  '1.3.6.1.2.1.25.2.1.9': 'flash-memory',
  '1.3.6.1.2.1.25.2.1.10': 'network-disk',
};
const STORAGE_KINDS = ['other', 'ram', 'virtual-memory', 'fixed-disk', 'removable-disk', 'floppy-disk', 'compact-disc', 'ram-disk', 'flash-memory', 'network-disk', 'unknown'] as const;
type StorageKind = (typeof STORAGE_KINDS)[number];

const bytes = z.number().nonnegative().nullable();
const percent = z.number().min(0).max(100).nullable();

export const HrStorage = z.object({
  hrStorageIndex: z.number().int(),
  kind: z.enum(STORAGE_KINDS),
  /** hrStorageDescr as the agent gives it ("/", "Physical memory", "C:\ Label:  Serial Number 1848504c"). */
  description: z.string(),
  /** The description without Windows' " Label: … Serial Number …" tail ("C:\"). */
  name: z.string(),
  allocationUnitBytes: z.number().int().nullable(),
  sizeBytes: bytes,
  usedBytes: bytes,
  usedPercent: percent,
});
export type HrStorage = z.infer<typeof HrStorage>;

export const HostResources = z.object({
  /** hrSystemUptime: the host's uptime (the agent's is sysUpTime). */
  uptimeSeconds: z.number().int().nonnegative().nullable(),
  users: z.number().int().nonnegative().nullable(),
  processes: z.number().int().nonnegative().nullable(),
  /** hrMemorySize (KiB) in bytes. */
  memorySizeBytes: bytes,
  processors: z.array(z.object({ hrDeviceIndex: z.number().int(), loadPercent: z.number().min(0).max(100) })),
  storage: z.array(HrStorage),
  cpu: z.object({ averagePercent: z.number(), busiestPercent: z.number(), count: z.number().int() }).nullable(),
  memory: z
    .object({
      totalBytes: z.number().nonnegative(),
      usedBytes: z.number().nonnegative(),
      usedPercent: z.number().min(0).max(100),
      /** Which rule gave "used" (see the module comment). */
      method: z.enum(['available', 'minus-buffers-cache', 'ram-used']),
    })
    .nullable(),
  /** Net-SNMP's "Swap space"; null when there is none. */
  swap: z.object({ totalBytes: z.number().nonnegative(), usedBytes: z.number().nonnegative(), usedPercent: z.number().min(0).max(100) }).nullable(),
  /** The fixed disks counted by disk.* (indexes into `storage`, by hrStorageIndex). */
  diskIndexes: z.array(z.number().int()),
});
export type HostResources = z.infer<typeof HostResources>;
export const schema = HostResources;

function storageRow(index: string, row: Map<number, SnmpVarbind>): HrStorage {
  const typeOid = oidOf(row.get(HR_STORAGE.type));
  const description = textOf(row.get(HR_STORAGE.descr)) ?? '';
  const units = numberOf(row.get(HR_STORAGE.allocationUnits));
  const size = numberOf(row.get(HR_STORAGE.size));
  const used = numberOf(row.get(HR_STORAGE.used));
  const valid = (n: number | null): n is number => n !== null && n >= 0;
  const sizeBytes = valid(units) && valid(size) ? units * size : null;
  const usedBytes = valid(units) && valid(used) ? units * used : null;
  return {
    hrStorageIndex: Number(index),
    kind: typeOid === null ? 'unknown' : (STORAGE_TYPES[typeOid] ?? 'unknown'),
    description,
    name: description.replace(/\s+Label:.*$/s, ''),
    allocationUnitBytes: units,
    sizeBytes,
    usedBytes,
    usedPercent: sizeBytes !== null && usedBytes !== null && sizeBytes > 0 ? round(Math.min(100, (usedBytes / sizeBytes) * 100)) : null,
  };
}

function percentOf(used: number, total: number): number {
  return round(Math.min(100, Math.max(0, (used / total) * 100)));
}

function memoryOf(storage: readonly HrStorage[]): HostResources['memory'] {
  const ram = storage.find((s) => s.kind === 'ram' && s.sizeBytes !== null && s.sizeBytes > 0);
  if (!ram || ram.sizeBytes === null) return null;
  const total = ram.sizeBytes;
  const named = (name: string) => storage.find((s) => s.kind === 'other' && s.description.toLowerCase() === name);
  const available = named('available memory');
  if (available && available.sizeBytes !== null) {
    const used = Math.max(0, total - available.sizeBytes);
    return { totalBytes: total, usedBytes: used, usedPercent: percentOf(used, total), method: 'available' };
  }
  if (ram.usedBytes === null) return null;
  const buffers = named('memory buffers');
  const cached = named('cached memory');
  if (buffers && buffers.usedBytes !== null && cached && cached.usedBytes !== null) {
    const used = Math.max(0, ram.usedBytes - buffers.usedBytes - cached.usedBytes);
    return { totalBytes: total, usedBytes: used, usedPercent: percentOf(used, total), method: 'minus-buffers-cache' };
  }
  return { totalBytes: total, usedBytes: ram.usedBytes, usedPercent: percentOf(ram.usedBytes, total), method: 'ram-used' };
}

function isCountedDisk(s: HrStorage): boolean {
  return s.kind === 'fixed-disk' && s.sizeBytes !== null && s.sizeBytes > 0 && s.usedPercent !== null && !s.name.startsWith('/snap/');
}

export function parse(samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): HostResources {
  requireSamples(ID, samples, sampleTimesMs);
  const sample = new Sample(samples[samples.length - 1] ?? []);
  if (!sample.has('1.3.6.1.2.1.25')) throw notImplemented(ID, 'HOST-RESOURCES-MIB');

  const processors: HostResources['processors'] = [];
  for (const [index, row] of [...sample.table(HR_PROCESSOR_ENTRY)].sort(([a], [b]) => compareIndex(a, b))) {
    const load = numberOf(row.get(2));
    if (load !== null && load >= 0 && load <= 100) processors.push({ hrDeviceIndex: Number(index), loadPercent: load });
  }
  const storage = [...sample.table(HR_STORAGE_ENTRY)].sort(([a], [b]) => compareIndex(a, b)).map(([index, row]) => storageRow(index, row));
  const swapRow = storage.find((s) => s.kind === 'virtual-memory' && s.description.toLowerCase() === 'swap space');
  const memorySize = numberOf(sample.get(OID.hrMemorySize));
  const nonNegativeInt = (n: number | null) => (n !== null && n >= 0 ? Math.floor(n) : null);

  return {
    uptimeSeconds: secondsOfTicks(sample.get(OID.hrSystemUptime)),
    users: nonNegativeInt(numberOf(sample.get(OID.hrSystemNumUsers))),
    processes: nonNegativeInt(numberOf(sample.get(OID.hrSystemProcesses))),
    memorySizeBytes: memorySize !== null && memorySize >= 0 ? memorySize * 1024 : null,
    processors,
    storage,
    cpu:
      processors.length === 0
        ? null
        : {
            averagePercent: round(processors.reduce((s, p) => s + p.loadPercent, 0) / processors.length),
            busiestPercent: Math.max(...processors.map((p) => p.loadPercent)),
            count: processors.length,
          },
    memory: memoryOf(storage),
    swap:
      swapRow && swapRow.sizeBytes !== null && swapRow.sizeBytes > 0 && swapRow.usedBytes !== null
        ? { totalBytes: swapRow.sizeBytes, usedBytes: swapRow.usedBytes, usedPercent: percentOf(swapRow.usedBytes, swapRow.sizeBytes) }
        : null,
    diskIndexes: storage.filter(isCountedDisk).map((s) => s.hrStorageIndex),
  };
}

export const METRICS: readonly SnmpMetricSpec[] = [
  { name: 'cpu.percent', kind: 'number', unit: '%', description: 'CPU load over the last minute, mean over all processors (hrProcessorLoad).' },
  { name: 'cpu.busiest-percent', kind: 'number', unit: '%', description: 'The busiest processor.' },
  { name: 'cpu.count', kind: 'number', unit: 'count', description: 'Processors (cores or threads) with a load.' },
  { name: 'memory.used-percent', kind: 'number', unit: '%', description: 'Memory in use, page cache and buffers not counted (total − available on Linux).' },
  { name: 'memory.total-bytes', kind: 'number', unit: 'bytes', description: 'Physical memory.' },
  { name: 'memory.used-bytes', kind: 'number', unit: 'bytes', description: 'Memory in use (as memory.used-percent).' },
  { name: 'swap.used-percent', kind: 'number', unit: '%', description: 'Swap in use; absent when there is no swap.' },
  { name: 'disk.max-used-percent', kind: 'number', unit: '%', description: 'Fullest fixed disk (used / size).' },
  { name: 'disk.max-used-mount', kind: 'text', description: 'Its mount point, or its drive on Windows.' },
  { name: 'disk.count', kind: 'number', unit: 'count', description: 'Fixed disks counted (network disks, removable media and /snap images left out).' },
  { name: 'uptime.seconds', kind: 'number', unit: 's', description: 'Time since the host booted (hrSystemUptime; wraps after 497 days).' },
  { name: 'processes.count', kind: 'number', unit: 'count', description: 'Processes running (hrSystemProcesses).' },
  { name: 'users.count', kind: 'number', unit: 'count', description: 'Users logged in (hrSystemNumUsers).' },
];

export function metrics(parsed: HostResources): Metrics {
  const m: Metrics = {};
  put(m, 'cpu.percent', parsed.cpu?.averagePercent);
  put(m, 'cpu.busiest-percent', parsed.cpu?.busiestPercent);
  put(m, 'cpu.count', parsed.cpu?.count);
  put(m, 'memory.used-percent', parsed.memory?.usedPercent);
  put(m, 'memory.total-bytes', parsed.memory?.totalBytes);
  put(m, 'memory.used-bytes', parsed.memory?.usedBytes);
  put(m, 'swap.used-percent', parsed.swap?.usedPercent);
  const disks = parsed.storage.filter((s) => parsed.diskIndexes.includes(s.hrStorageIndex));
  const fullest = [...disks].sort((a, b) => (b.usedPercent ?? -1) - (a.usedPercent ?? -1))[0];
  put(m, 'disk.max-used-percent', fullest?.usedPercent);
  put(m, 'disk.max-used-mount', fullest?.name);
  // No storage rows at all (a restricted view): the count is unknown, not 0.
  if (parsed.storage.length > 0) put(m, 'disk.count', disks.length);
  put(m, 'uptime.seconds', parsed.uptimeSeconds);
  put(m, 'processes.count', parsed.processes);
  put(m, 'users.count', parsed.users);
  return m;
}

export const PARSER: SnmpProfileParser<HostResources> = {
  id: ID,
  oids: {
    get: Object.values(OID),
    walk: [...Object.values(HR_STORAGE).map((c) => `${HR_STORAGE_ENTRY}.${c}`), HR_PROCESSOR_LOAD],
  },
  schema,
  parse,
  metrics,
  metricSpecs: METRICS,
};
