/** Address counts: exact up to ten million; an IPv6 /64 shows as "1.8E19" rather than twenty digits. */
export function formatCount(value: number, language: string): string {
  if (!Number.isFinite(value)) return '∞';
  if (Math.abs(value) < 10_000_000) return new Intl.NumberFormat(language).format(value);
  return new Intl.NumberFormat(language, { notation: 'scientific', maximumFractionDigits: 1 }).format(value);
}

/** The share of a subnet in use: everything not free (assets and the gateway). */
export function usageOf(subnet: { size: number; free: number }): number {
  if (!(subnet.size > 0)) return 0;
  return Math.max(0, Math.min(1, (subnet.size - subnet.free) / subnet.size));
}

/** A share as a percentage; a few addresses in a large subnet read "<1%", never "0%". */
export function formatShare(share: number, language: string): string {
  const format = (value: number) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  if (share > 0 && share < 0.01) return `<${format(0.01)}`;
  return format(share);
}

/** Bits of the host part of an IPv6 CIDR (128 − prefix); null for IPv4, whose counts are always exact. */
export function hostBits(cidr: string): number | null {
  const match = /\/(\d{1,3})$/.exec(cidr.trim());
  if (!match || !cidr.includes(':')) return null;
  const prefix = Number(match[1]);
  return prefix <= 128 ? 128 - prefix : null;
}

/**
 * Core caps counts at what a JavaScript number holds exactly; past about ten
 * million an exact figure says nothing anyway, so a large IPv6 subnet shows
 * as a power of two (2⁶⁴), which is how network engineers size it.
 */
export function isPowerDisplay(value: number, power: number | null): power is number {
  return power !== null && power >= 24 && value >= 2 ** 23;
}
