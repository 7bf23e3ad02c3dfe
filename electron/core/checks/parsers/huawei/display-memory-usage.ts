import { MemoryUsageReport } from '../parsed-values';
import { MEMORY_METRICS, memoryMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-memory-usage', dialect: 'vrp', commands: ['display memory-usage'] };
export const schema = MemoryUsageReport;

const UNIT: Record<string, number> = { bytes: 1, byte: 1, kbytes: 1024, kb: 1024, k: 1024, mbytes: 1024 ** 2, mb: 1024 ** 2, m: 1024 ** 2 };
const AMOUNT = '(\\d+)\\s*(bytes?|Kbytes|KB|K|Mbytes|MB|M)';
const TOTAL = new RegExp(`^\\s*System Total Memory Is\\s*:\\s*${AMOUNT}`, 'i');
const USED = new RegExp(`^\\s*Total Memory Used Is\\s*:\\s*${AMOUNT}`, 'i');
const PERCENT = /^\s*Memory Using Percentage Is\s*:\s*(\d+(?:\.\d+)?)%/i;

function bytes(match: RegExpExecArray | null): number | null {
  if (!match) return null;
  return Number(match[1]) * (UNIT[(match[2] as string).toLowerCase()] ?? 1);
}

export function parse(text: string): MemoryUsageReport {
  const lines = outputLines(text, SPEC);
  let total: number | null = null;
  let used: number | null = null;
  let usedPercent: number | null = null;
  for (const line of lines) {
    total ??= bytes(TOTAL.exec(line));
    used ??= bytes(USED.exec(line));
    const p = PERCENT.exec(line);
    if (p && usedPercent === null) usedPercent = Number(p[1]);
  }
  if (total === null || usedPercent === null) throw notThisCommand(SPEC, 'no "System Total Memory Is" / "Memory Using Percentage Is" lines');
  const free = used === null ? null : total - used;
  return {
    memories: [{ scope: '', totalBytes: total, usedBytes: used, freeBytes: free, availableBytes: free, usedPercent }],
    swapTotalBytes: null,
    swapUsedBytes: null,
  };
}

export const METRICS: readonly MetricSpec[] = MEMORY_METRICS;

export function metrics(parsed: MemoryUsageReport): Metrics {
  return memoryMetrics(parsed.memories);
}
