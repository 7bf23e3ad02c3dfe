import { MemoryUsageReport } from '../parsed-values';
import { type MetricSpec, type Metrics } from '../metrics';
import { cells, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';
import { LINUX_MEMORY_METRICS, linuxMemoryMetrics, memoryReport } from './memory';

export const SPEC: CommandSpec = { parserId: 'linux.free', dialect: 'linux', commands: ['free -b', 'free -bw', 'free -b -w', 'free --bytes'] };
export const schema = MemoryUsageReport;

/*
 * procps-ng >= 3.3.10 and busybox: "total used free shared buff/cache
 * available" (-w splits buff/cache into "buffers cache"). Older procps:
 * "total used free shared buffers cached" and a "-/+ buffers/cache:" line,
 * no "available": then available = free + buffers + cached. Values are read
 * as bytes: run it with -b (without it they are KiB and indistinguishable).
 */
const HEADER = /^\s*total\s+used\s+free\s+shared\s+/i;

export function parse(text: string): MemoryUsageReport {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "total used free shared ..." header');
  const header = cells(lines[headerIndex] as string).map((c) => c.toLowerCase());
  let mem: Record<string, number> | null = null;
  let swap: Record<string, number> | null = null;
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '' || /^\s*-\/\+\s*buffers\/cache:/i.test(line) || /^\s*Total:/i.test(line)) continue;
    const [label, ...values] = cells(line);
    const numbers = values.map(Number);
    if (numbers.some((n) => !Number.isFinite(n))) throw unexpectedLine(SPEC, line);
    const row = Object.fromEntries(header.slice(0, numbers.length).map((name, k) => [name, numbers[k] as number]));
    if (/^Mem:$/i.test(label ?? '') && numbers.length === header.length) mem = row;
    else if (/^Swap:$/i.test(label ?? '')) swap = row;
    else throw unexpectedLine(SPEC, line);
  }
  if (!mem || mem.total === undefined || mem.free === undefined) throw notThisCommand(SPEC, 'no "Mem:" line');
  const cache = (mem['buff/cache'] ?? 0) + (mem.buffers ?? 0) + (mem.cache ?? 0) + (mem.cached ?? 0);
  const available = mem.available ?? mem.free + cache;
  return memoryReport(mem.total, mem.free, available, swap?.total ?? null, swap?.free ?? null);
}

export const METRICS: readonly MetricSpec[] = LINUX_MEMORY_METRICS;

export function metrics(parsed: MemoryUsageReport): Metrics {
  return linuxMemoryMetrics(parsed);
}
