import type { AssetLocation } from '@shared/domain/assets';

/** "华东医院 / 主院区 / 一号机房 / A01": the names that are known, outermost first. */
export function locationPath(location: AssetLocation, options: { withRack?: boolean } = {}): string {
  const parts = [location.clientName, location.siteName, location.roomName, options.withRack === false ? null : location.rackName];
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' / ');
}

/** A rack range as printed on rack labels: "U10" for one unit, "U10–U11" for more. */
export function formatURange(uStart: number, uHeight: number): string {
  return uHeight <= 1 ? `U${uStart}` : `U${uStart}–U${uStart + uHeight - 1}`;
}

/** Whole numbers with the language's grouping ("1,234"), for counts. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Ranges of consecutive free units, bottom up, as [first, last] pairs. */
export function freeRanges(heightU: number, occupied: readonly { uStart: number; uHeight: number }[]): [number, number][] {
  const taken = new Array<boolean>(heightU + 1).fill(false);
  for (const { uStart, uHeight } of occupied) {
    for (let u = uStart; u < uStart + uHeight && u <= heightU; u += 1) if (u >= 1) taken[u] = true;
  }
  const ranges: [number, number][] = [];
  let start: number | null = null;
  for (let u = 1; u <= heightU + 1; u += 1) {
    const free = u <= heightU && !taken[u];
    if (free && start === null) start = u;
    if (!free && start !== null) {
      ranges.push([start, u - 1]);
      start = null;
    }
  }
  return ranges;
}

/** "U1–U9, U12–U42" (the separator is the language's list separator). */
export function formatRanges(ranges: readonly [number, number][], separator: string): string {
  return ranges.map(([first, last]) => formatURange(first, last - first + 1)).join(separator);
}
