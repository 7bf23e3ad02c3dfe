import ipaddr from 'ipaddr.js';

/**
 * Address arithmetic for the IP plan. ipaddr.js parses; the maths is done on
 * bigints so IPv4 and IPv6 share one code path and a /0 of either family is
 * exact.
 */

export type IpFamily = 'ipv4' | 'ipv6';

export interface Address {
  family: IpFamily;
  value: bigint;
  /** Canonical text: dotted quad, or RFC 5952 (lower case, longest zero run compressed). */
  text: string;
}

export interface Cidr {
  family: IpFamily;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
  /** Canonical text of the network, e.g. 10.1.20.0/24 for 10.1.20.7/24. */
  text: string;
}

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses an address to its canonical form, or null. IPv4 must be a plain dotted
 * quad (ipaddr.js would also take 0x0a.1 or 167772160, which nobody means in a
 * register); an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address
 * it maps, so the two spellings are one address for duplicates and subnets.
 */
export function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) {
    parsed = ipaddr.IPv4.parse(trimmed);
  } else if (ipaddr.IPv6.isValid(trimmed) && !trimmed.includes('%')) {
    const v6 = ipaddr.IPv6.parse(trimmed);
    parsed = v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  } else {
    return null;
  }
  return { family: parsed.kind(), value: toBigInt(parsed.toByteArray()), text: parsed.toString() };
}

/** Parses a CIDR and clears the host bits: 10.1.20.7/24 → 10.1.20.0/24. Null when it is not one. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return null;
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  // The network part is not IPv4-mapped-folded: a v6 subnet stays a v6 subnet.
  const networkText = text.slice(0, slash).trim();
  let family: IpFamily;
  let bytes: number[];
  if (ipaddr.IPv4.isValidFourPartDecimal(networkText)) {
    family = 'ipv4';
    bytes = ipaddr.IPv4.parse(networkText).toByteArray();
  } else if (ipaddr.IPv6.isValid(networkText) && !networkText.includes('%')) {
    family = 'ipv6';
    bytes = ipaddr.IPv6.parse(networkText).toByteArray();
  } else {
    return null;
  }
  const bits = BITS[family];
  if (prefix > bits) return null;
  const network = toBigInt(bytes) & maskOf(bits, prefix);
  return { family, network, prefix, text: `${fromBigInt(network, family).toString()}/${prefix}` };
}

export function contains(cidr: Cidr, address: Address): boolean {
  if (cidr.family !== address.family) return false;
  return (address.value & maskOf(BITS[cidr.family], cidr.prefix)) === cidr.network;
}

/** CIDR blocks are either nested or disjoint, so two overlap exactly when one holds the other's network address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = maskOf(BITS[a.family], prefix);
  return (a.network & mask) === (b.network & mask);
}

/**
 * Usable host addresses as a bigint. IPv4 loses its network and broadcast
 * addresses except on a /31 (point-to-point, RFC 3021) or a /32; IPv6 has no
 * broadcast, and a /127 (RFC 6164) or /128 is counted as it is.
 */
export function usableCount(cidr: Cidr): bigint {
  const hostBits = BITS[cidr.family] - cidr.prefix;
  const total = 1n << BigInt(hostBits);
  if (cidr.family === 'ipv4' && hostBits >= 2) return total - 2n;
  return total;
}

/** Whether an address of the subnet may be given to a host (not the IPv4 network or broadcast address of a /30 or larger). */
export function isUsableHost(cidr: Cidr, address: Address): boolean {
  if (!contains(cidr, address)) return false;
  const hostBits = BITS[cidr.family] - cidr.prefix;
  if (cidr.family !== 'ipv4' || hostBits < 2) return true;
  const broadcast = cidr.network | ((1n << BigInt(hostBits)) - 1n);
  return address.value !== cidr.network && address.value !== broadcast;
}

/** A count for JSON: exact up to Number.MAX_SAFE_INTEGER, capped above (an IPv6 /64 has 2^64 addresses). */
export function cappedNumber(value: bigint): number {
  if (value <= 0n) return 0;
  return Number(value > MAX_SAFE ? MAX_SAFE : value);
}

/** Sorts IPv4 before IPv6, then numerically. */
export function compareAddresses(a: Address, b: Address): number {
  if (a.family !== b.family) return a.family === 'ipv4' ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family === 'ipv4' ? -1 : 1;
  if (a.network !== b.network) return a.network < b.network ? -1 : 1;
  return a.prefix - b.prefix;
}

function maskOf(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function toBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function fromBigInt(value: bigint, family: IpFamily): ipaddr.IPv4 | ipaddr.IPv6 {
  const length = BITS[family] / 8;
  const bytes: number[] = new Array<number>(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes);
}
