import { MemoryUsageReport } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';
import { LINUX_MEMORY_METRICS, linuxMemoryMetrics, memoryReport } from './memory';

export const SPEC: CommandSpec = { parserId: 'linux.proc-meminfo', dialect: 'linux', commands: ['cat /proc/meminfo'] };
export const schema = MemoryUsageReport;

// "MemTotal:        8008932 kB"; a few counters (HugePages_Total) have no unit.
const LINE = /^([\w()]+):\s+(\d+)(?:\s+kB)?\s*$/;

export function parse(text: string): MemoryUsageReport {
  const lines = outputLines(text, SPEC);
  const kb: Record<string, number> = {};
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = LINE.exec(line.trim());
    if (!m) throw unexpectedLine(SPEC, line);
    kb[m[1] as string] = Number(m[2]);
  }
  if (kb.MemTotal === undefined || kb.MemFree === undefined) throw notThisCommand(SPEC, 'no MemTotal / MemFree');
  // MemAvailable exists since Linux 3.14; before, estimate it the way free(1) did.
  const availableKb = kb.MemAvailable ?? kb.MemFree + (kb.Buffers ?? 0) + (kb.Cached ?? 0) + (kb.SReclaimable ?? 0);
  const bytes = (k: number | undefined) => (k === undefined ? null : k * 1024);
  return memoryReport(kb.MemTotal * 1024, kb.MemFree * 1024, availableKb * 1024, bytes(kb.SwapTotal), bytes(kb.SwapFree));
}

export const METRICS: readonly MetricSpec[] = LINUX_MEMORY_METRICS;

export function metrics(parsed: MemoryUsageReport): Metrics {
  return linuxMemoryMetrics(parsed);
}
