import { MemoryUsageReport, type MemoryUsage } from '../parsed-values';
import { MEMORY_METRICS, memoryMetrics, type MetricSpec, type Metrics } from '../metrics';
import { cells, num, notThisCommand, outputLines, percent, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-memory', dialect: 'comware', commands: ['display memory'] };
export const schema = MemoryUsageReport;

/*
 * Comware 7: "Memory statistics are measured in KB:", then per "Slot N:" a
 * free(1)-like table (Total Used Free Shared Buffers Cached FreeRatio) with a
 * "-/+ Buffers/Cache:" line; used % is 100 - FreeRatio, available is the free
 * column of the Buffers/Cache line.
 * Comware 5: "System Total Memory(bytes): N", "Total Used Memory(bytes): N",
 * "Used Rate: N%" (per "Unit N" on stacks).
 */
const SCOPE = /^\s*((?:Chassis\s+\d+\s+)?(?:Slot|Unit)\s+\d+(?:\s+CPU\s+\d+)?)\s*:?\s*$/i;
const UNIT = /measured in (KB|MB|bytes)/i;
const CW5_TOTAL = /^\s*System Total Memory\s*\(bytes\)\s*:\s*(\d+)/i;
const CW5_USED = /^\s*Total Used Memory\s*\(bytes\)\s*:\s*(\d+)/i;
const CW5_RATE = /^\s*Used Rate\s*:\s*(\d+(?:\.\d+)?)%/i;

const round1 = (x: number) => Math.round(x * 10) / 10;

export function parse(text: string): MemoryUsageReport {
  const lines = outputLines(text, SPEC);
  const memories: MemoryUsage[] = [];
  let scope = '';
  let multiplier = 1024;
  let current: MemoryUsage | null = null;
  // The Mem: table is read only under Comware 7's "Memory statistics are measured in KB:" line.
  let sawComware7Header = false;
  const open = () => {
    if (!current || current.scope !== scope) {
      current = { scope, totalBytes: null, usedBytes: null, freeBytes: null, availableBytes: null, usedPercent: null };
      memories.push(current);
    }
    return current;
  };
  for (const line of lines) {
    const unit = UNIT.exec(line);
    if (unit) {
      sawComware7Header = true;
      multiplier = { KB: 1024, MB: 1024 ** 2, BYTES: 1 }[(unit[1] as string).toUpperCase()] ?? 1024;
    }
    const s = SCOPE.exec(line);
    if (s) {
      scope = (s[1] as string).replace(/\s+/g, ' ');
      continue;
    }
    if (/^\s*Mem:/.test(line) && sawComware7Header) {
      const row = cells(line).slice(1);
      const [total, used, free] = row.map(num);
      if (total === null || total === undefined || used === null || used === undefined) continue;
      const m = open();
      m.totalBytes = total * multiplier;
      m.usedBytes = used * multiplier;
      m.freeBytes = free === null || free === undefined ? null : free * multiplier;
      const freeRatio = percent(row[row.length - 1]);
      m.usedPercent = freeRatio !== null ? round1(100 - freeRatio) : total > 0 ? round1((used / total) * 100) : null;
      continue;
    }
    const bufferCache = /^\s*-\/\+\s*Buffers\/Cache:\s*(\d+)\s+(\d+)/i.exec(line);
    const last = memories[memories.length - 1];
    if (bufferCache && last) {
      last.availableBytes = Number(bufferCache[2]) * multiplier;
      continue;
    }
    const total = CW5_TOTAL.exec(line);
    if (total) open().totalBytes = Number(total[1]);
    const used = CW5_USED.exec(line);
    if (used) open().usedBytes = Number(used[1]);
    const rate = CW5_RATE.exec(line);
    if (rate) open().usedPercent = Number(rate[1]);
  }
  for (const m of memories) {
    if (m.freeBytes === null && m.totalBytes !== null && m.usedBytes !== null) m.freeBytes = m.totalBytes - m.usedBytes;
  }
  if (memories.length === 0 || memories.every((m) => m.usedPercent === null)) throw notThisCommand(SPEC, 'no "Mem:" table or "Used Rate" line');
  return { memories, swapTotalBytes: null, swapUsedBytes: null };
}

export const METRICS: readonly MetricSpec[] = MEMORY_METRICS;

export function metrics(parsed: MemoryUsageReport): Metrics {
  return memoryMetrics(parsed.memories);
}
