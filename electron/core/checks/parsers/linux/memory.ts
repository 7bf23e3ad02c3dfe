import { type MemoryUsageReport } from '../parsed-values';
import { MEMORY_METRICS, memoryMetrics, put, type MetricSpec, type Metrics } from '../metrics';

/*
 * One definition of "used" for both `free -b` and /proc/meminfo: memory that
 * is not available to applications (total - available), the figure that
 * matters on a server whose page cache fills all free memory by design.
 */
export function memoryReport(total: number, free: number, available: number, swapTotal: number | null, swapFree: number | null): MemoryUsageReport {
  const used = Math.max(0, total - available);
  return {
    memories: [
      {
        scope: '',
        totalBytes: total,
        usedBytes: used,
        freeBytes: free,
        availableBytes: available,
        usedPercent: total > 0 ? Math.round((used / total) * 1000) / 10 : null,
      },
    ],
    swapTotalBytes: swapTotal,
    swapUsedBytes: swapTotal === null || swapFree === null ? null : swapTotal - swapFree,
  };
}

export const LINUX_MEMORY_METRICS: readonly MetricSpec[] = [
  ...MEMORY_METRICS,
  { name: 'swap.used-percent', kind: 'number', unit: '%', description: 'Swap in use; absent when there is no swap.' },
  { name: 'swap.used-bytes', kind: 'number', unit: 'bytes', description: 'Swap in use.' },
];

export function linuxMemoryMetrics(parsed: MemoryUsageReport): Metrics {
  const m = memoryMetrics(parsed.memories);
  if (parsed.swapTotalBytes !== null && parsed.swapTotalBytes > 0 && parsed.swapUsedBytes !== null) {
    put(m, 'swap.used-percent', Math.round((parsed.swapUsedBytes / parsed.swapTotalBytes) * 1000) / 10);
  }
  put(m, 'swap.used-bytes', parsed.swapUsedBytes);
  return m;
}
