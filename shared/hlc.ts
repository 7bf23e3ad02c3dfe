/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows the wall
 * clock but never goes backwards on one device and always moves past any stamp
 * received from elsewhere. Sync uses it to order concurrent edits of one field
 * (last writer wins) without trusting laptop clocks to agree.
 */
export interface Hlc {
  /** Wall-clock part, UTC epoch ms. */
  wallMs: number;
  /** Orders events within the same millisecond. */
  counter: number;
  /** Device id: breaks ties so that every replica picks the same winner. */
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;

/** The stamp for a local event. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  const lastWall = last?.wallMs ?? 0;
  if (nowMs > lastWall) return { wallMs: nowMs, counter: 0, node };
  return bump({ wallMs: lastWall, counter: (last?.counter ?? 0) + 1, node });
}

/** The stamp after receiving `remote`: later than both the local clock and the remote stamp. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const lastWall = last?.wallMs ?? 0;
  const wallMs = Math.max(lastWall, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === lastWall && wallMs === remote.wallMs) counter = Math.max(last?.counter ?? 0, remote.counter) + 1;
  else if (wallMs === lastWall) counter = (last?.counter ?? 0) + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  return bump({ wallMs, counter, node });
}

function bump(hlc: Hlc): Hlc {
  // A counter overflow within one millisecond means 2 billion events: move the wall part on instead.
  if (hlc.counter > MAX_COUNTER) return { wallMs: hlc.wallMs + 1, counter: 0, node: hlc.node };
  return hlc;
}

/** Fixed-width text that sorts like the clock: compare stamps with plain string comparison in SQL too. */
export function formatHlc(hlc: Hlc): string {
  return `${hlc.wallMs.toString().padStart(WALL_DIGITS, '0')}-${hlc.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${hlc.node}`;
}

export function parseHlc(text: string): Hlc {
  const match = /^(\d{15})-([0-9a-z]{6})-(.+)$/.exec(text);
  if (!match) throw new Error(`Not a hybrid logical clock stamp: ${text}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2] as string, 36), node: match[3] as string };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wallMs - b.wallMs || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}
