/**
 * One spelling per address, so that 2001:DB8:0::1 and 2001:db8::1 are found,
 * compared and flagged as the same address. WHATWG URL parsing canonicalises
 * IPv6 (RFC 5952) and IPv4 without a dependency.
 */
export function canonicalIp(ip: string): string {
  const trimmed = ip.trim();
  const host = trimmed.includes(':') ? `[${trimmed}]` : trimmed;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  } catch {
    return trimmed.toLowerCase();
  }
}
