import type { RackElevation } from '@shared/domain/assets';

export type RackOccupant = RackElevation['occupants'][number];

/** One line of the drawing, top to bottom: a device spanning its units, or one free unit. */
export type RackSegment = { kind: 'device'; top: number; occupant: RackOccupant } | { kind: 'free'; u: number };

/**
 * The front of a rack from the top unit down to U1, as rack labels number
 * them (U1 at the bottom). Each device is one segment as tall as its height;
 * every free unit is its own segment so a click can start "add asset here".
 * A device reaching above the rack (which core prevents) is cut at the top.
 */
export function rackSegments(heightU: number, occupants: readonly RackOccupant[]): RackSegment[] {
  const byTop = new Map<number, RackOccupant>();
  const covered = new Set<number>();
  for (const occupant of occupants) {
    const top = Math.min(occupant.uStart + occupant.uHeight - 1, heightU);
    if (top < 1 || covered.has(top)) continue;
    byTop.set(top, occupant);
    for (let u = occupant.uStart; u <= top; u += 1) covered.add(u);
  }
  const segments: RackSegment[] = [];
  for (let u = heightU; u >= 1; ) {
    const occupant = byTop.get(u);
    if (occupant) {
      segments.push({ kind: 'device', top: u, occupant });
      u = Math.max(occupant.uStart, 1) - 1;
    } else if (covered.has(u)) {
      u -= 1;
    } else {
      segments.push({ kind: 'free', u });
      u -= 1;
    }
  }
  return segments;
}

/** The lowest free unit, to prefill "add asset to this rack"; null when the rack is full. */
export function lowestFreeU(heightU: number, occupants: readonly RackOccupant[]): number | null {
  const free = rackSegments(heightU, occupants).filter((segment): segment is { kind: 'free'; u: number } => segment.kind === 'free');
  return free.length === 0 ? null : Math.min(...free.map((segment) => segment.u));
}
