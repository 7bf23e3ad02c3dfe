/** One benchmark figure, compared with a baseline measured in the same run (these machines are noisy). */
export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** The ratio the issue asks for, when there is one. */
  target?: number;
  [extra: string]: unknown;
}

export function report(result: BenchResult): BenchResult {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
