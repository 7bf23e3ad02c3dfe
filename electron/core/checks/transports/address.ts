import { isIP } from 'node:net';
import { CheckError } from './check-error';

/** RFC 1123 host name: labels of letters, digits and inner hyphens, at most 253 characters. */
const HOSTNAME = /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
/** Digits and dots only: meant as an IPv4 address, so it must be a valid one (256.1.1.1 is not a host name to look up). */
const DOTTED_NUMBERS = /^[\d.]+$/;

/**
 * Returns the address if it is an IPv4/IPv6 address or a host name, else
 * throws check.no-address. Every transport calls this before the address goes
 * anywhere near a socket or a command line: nothing that starts with '-' (an
 * option to fping or ping) or holds spaces, quotes or shell characters passes.
 */
export function checkAddress(address: string): string {
  const text = typeof address === 'string' ? address.trim() : '';
  const family = isIP(text);
  if (family === 6) {
    // A zone index (fe80::1%eth0) is an interface name: keep it to plain characters.
    const zone = text.split('%')[1];
    if (zone === undefined || /^[\w.-]+$/.test(zone)) return text;
  } else if (family === 4) {
    return text;
  } else if (!DOTTED_NUMBERS.test(text) && HOSTNAME.test(text)) {
    return text;
  }
  throw new CheckError('check.no-address', `Not an IP address or host name: ${JSON.stringify(String(address).slice(0, 100))}`, {
    details: { address: String(address).slice(0, 255) },
  });
}

export function checkPort(port: number, address: string): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CheckError('check.no-address', `Not a TCP/UDP port: ${String(port)}`, { details: { address, port } });
  }
  return port;
}
