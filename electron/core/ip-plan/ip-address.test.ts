import { describe, expect, it } from 'vitest';
import { cappedNumber, contains, isUsableHost, overlaps, parseAddress, parseCidr, usableCount, type Address, type Cidr } from './ip-address';

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`not a CIDR: ${text}`);
  return parsed;
};
const address = (text: string): Address => {
  const parsed = parseAddress(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
};

describe('ip-address', () => {
  it('normalises a CIDR to its network address', () => {
    expect(cidr('10.1.20.7/24').text).toBe('10.1.20.0/24');
    expect(cidr('10.1.20.7/32').text).toBe('10.1.20.7/32');
    expect(cidr('192.168.1.130/25').text).toBe('192.168.1.128/25');
    expect(cidr('10.1.2.3/0').text).toBe('0.0.0.0/0');
    expect(cidr('2001:DB8:0:0:1::7/64').text).toBe('2001:db8::/64');
    expect(cidr('2001:db8:abcd:12ff::1/56').text).toBe('2001:db8:abcd:1200::/56');
    expect(cidr('fe80::1/128').text).toBe('fe80::1/128');
    for (const bad of ['10.1.20.0', '10.1.20.0/33', '2001:db8::/129', '10.1/16', '010.1.1.0/24', 'x/24', '10.1.20.0/-1', '10.1.20.0/2a', 'fe80::1%eth0/64']) {
      expect(parseCidr(bad), bad).toBeNull();
    }
  });

  it('reads addresses canonically', () => {
    expect(address('2001:DB8:0:0::1').text).toBe('2001:db8::1');
    expect(address('::ffff:10.0.0.1')).toEqual(address('10.0.0.1'));
    expect(address('10.0.0.1').family).toBe('ipv4');
    for (const bad of ['', '10.0.0', '010.0.0.1', '0x0a.0.0.1', '167772161', '10.0.0.256', 'fe80::1%eth0', 'not-an-ip']) expect(parseAddress(bad), bad).toBeNull();
  });

  it('counts usable hosts, with IPv4 /31 and /32 and IPv6 /127 and /128 as they are', () => {
    expect(usableCount(cidr('10.0.0.0/24'))).toBe(254n);
    expect(usableCount(cidr('10.0.0.0/30'))).toBe(2n);
    expect(usableCount(cidr('10.0.0.0/31'))).toBe(2n);
    expect(usableCount(cidr('10.0.0.1/32'))).toBe(1n);
    expect(usableCount(cidr('0.0.0.0/0'))).toBe(2n ** 32n - 2n);
    expect(usableCount(cidr('2001:db8::/127'))).toBe(2n);
    expect(usableCount(cidr('2001:db8::1/128'))).toBe(1n);
    expect(usableCount(cidr('2001:db8::/120'))).toBe(256n);
    expect(cappedNumber(usableCount(cidr('2001:db8::/76')))).toBe(2 ** 52);
    expect(cappedNumber(usableCount(cidr('2001:db8::/75')))).toBe(Number.MAX_SAFE_INTEGER);
    expect(cappedNumber(usableCount(cidr('2001:db8::/64')))).toBe(Number.MAX_SAFE_INTEGER);
    expect(cappedNumber(usableCount(cidr('::/0')))).toBe(Number.MAX_SAFE_INTEGER);
    expect(cappedNumber(-3n)).toBe(0);
  });

  it('matches addresses to subnets of their own family only', () => {
    expect(contains(cidr('10.1.20.0/24'), address('10.1.20.255'))).toBe(true);
    expect(contains(cidr('10.1.20.0/24'), address('10.1.21.0'))).toBe(false);
    expect(contains(cidr('0.0.0.0/0'), address('203.0.113.9'))).toBe(true);
    expect(contains(cidr('0.0.0.0/0'), address('2001:db8::1'))).toBe(false);
    expect(contains(cidr('::/0'), address('10.0.0.1'))).toBe(false);
    expect(contains(cidr('2001:db8:1::/48'), address('2001:DB8:1:ffff::9'))).toBe(true);
    expect(contains(cidr('2001:db8:1::/48'), address('2001:db8:2::9'))).toBe(false);
  });

  it('knows which addresses may be hosts', () => {
    const net = cidr('10.1.20.0/24');
    expect(isUsableHost(net, address('10.1.20.0'))).toBe(false);
    expect(isUsableHost(net, address('10.1.20.255'))).toBe(false);
    expect(isUsableHost(net, address('10.1.20.1'))).toBe(true);
    expect(isUsableHost(cidr('10.0.0.0/31'), address('10.0.0.0'))).toBe(true);
    expect(isUsableHost(cidr('10.0.0.0/31'), address('10.0.0.1'))).toBe(true);
    expect(isUsableHost(cidr('10.0.0.7/32'), address('10.0.0.7'))).toBe(true);
    expect(isUsableHost(cidr('2001:db8::/64'), address('2001:db8::'))).toBe(true);
    expect(isUsableHost(net, address('10.1.21.1'))).toBe(false);
  });

  it('finds overlapping subnets: nested or equal, never across families', () => {
    expect(overlaps(cidr('10.0.0.0/8'), cidr('10.1.20.0/24'))).toBe(true);
    expect(overlaps(cidr('10.1.20.0/24'), cidr('10.0.0.0/8'))).toBe(true);
    expect(overlaps(cidr('10.1.20.0/24'), cidr('10.1.20.0/24'))).toBe(true);
    expect(overlaps(cidr('10.1.20.0/25'), cidr('10.1.20.128/25'))).toBe(false);
    expect(overlaps(cidr('10.1.20.0/24'), cidr('10.1.21.0/24'))).toBe(false);
    expect(overlaps(cidr('0.0.0.0/0'), cidr('::/0'))).toBe(false);
    expect(overlaps(cidr('2001:db8::/32'), cidr('2001:db8:ffff::/48'))).toBe(true);
    expect(overlaps(cidr('2001:db8::/64'), cidr('2001:db8:0:1::/64'))).toBe(false);
  });
});
