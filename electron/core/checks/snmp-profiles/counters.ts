/*
 * The increase of an SNMP counter between two samples.
 *
 * A Counter32/Counter64 only ever increases and wraps to 0 after 2^32 - 1 /
 * 2^64 - 1 (RFC 2578 §7.1.6, §7.1.10), so a smaller second value is either
 * one wrap (the increase is 2^N - old + new) or a discontinuity: the agent
 * restarted, the counters were cleared, the interface was re-created. Only
 * one wrap can be seen: two wraps in one interval look like one, so an
 * interval in which a counter could wrap twice cannot be measured at all.
 *
 * `maxIncrease` is the most the counter can plausibly grow in the interval
 * (line rate × interval for octets). A backward step whose wrap would need
 * more than that is a discontinuity; so is a forward step beyond it (a
 * counter reset and refilled, an agent bug). Without a known maximum, a
 * backward step counts as a wrap only when the increase it implies is under
 * half the counter's range, i.e. the old value was near the top: a Counter64
 * that went backwards was reset, never wrapped (2^63 bytes at 400 Gbit/s
 * take over five years).
 */

export type CounterIncrease =
  | { ok: true; increase: bigint; wrapped: boolean }
  | { ok: false; reason: 'discontinuity' | 'implausible' };

export function counterIncrease(previous: bigint, current: bigint, bits: 32 | 64, maxIncrease?: bigint): CounterIncrease {
  const modulus = 1n << BigInt(bits);
  if (current >= previous) {
    const increase = current - previous;
    if (maxIncrease !== undefined && increase > maxIncrease) return { ok: false, reason: 'implausible' };
    return { ok: true, increase, wrapped: false };
  }
  const increase = modulus - previous + current;
  const limit = maxIncrease ?? modulus / 2n;
  if (increase > limit) return { ok: false, reason: 'discontinuity' };
  return { ok: true, increase, wrapped: true };
}

/**
 * Could a counter of this width go round a whole cycle in the interval at
 * this rate (units per second)? Then any increase seen might be 2^N more,
 * and none can be trusted. A Counter32 of octets on a 10 Gbit/s link wraps
 * every 3.4 s.
 */
export function couldWrapUnseen(bits: 32 | 64, maxBytesPerSecond: number, intervalSeconds: number): boolean {
  return maxBytesPerSecond * intervalSeconds >= 2 ** bits;
}
