import { describe, expect, it } from 'vitest';
import { checkAddress, checkPort } from './address';
import { algorithmsFor, LEGACY_ALGORITHMS } from './ssh-algorithms';
import { CheckError } from './check-error';

describe('checkAddress', () => {
  it.each(['10.77.0.11', '::1', 'fe80::1%eth0', '2001:db8::5', 'core-sw01', 'ups-3f.example.cn', 'localhost', 'UPS01.'])('accepts %s', (address) => {
    expect(checkAddress(` ${address} `)).toBe(address);
  });

  it.each(['-f', '--help', '-c1000', '10.0.0.1 -c 1000', '256.1.1.1', '1.2.3', 'a;b', 'a b', '$(reboot)', '`id`', 'fe80::1%eth0;x', '', '-', 'a'.repeat(254), 'bad_underscore'])(
    'refuses %j with check.no-address',
    (address) => {
      expect(() => checkAddress(address)).toThrow(CheckError);
      try {
        checkAddress(address);
      } catch (error) {
        expect((error as CheckError).code).toBe('check.no-address');
      }
    },
  );

  it('ports 1..65535 only', () => {
    expect(checkPort(22, 'x')).toBe(22);
    for (const port of [0, 65536, 1.5, Number.NaN]) expect(() => checkPort(port, 'x')).toThrow(CheckError);
  });
});

describe('algorithmsFor (SSH legacy algorithms)', () => {
  it('modern defaults without SHA-1 ssh-rsa signatures unless asked for', () => {
    expect(algorithmsFor([])).toEqual({ serverHostKey: { remove: 'ssh-rsa', append: [] } });
  });

  it('adds exactly the names given, each to its list', () => {
    expect(algorithmsFor(['diffie-hellman-group14-sha1', 'ssh-rsa', 'aes128-cbc', 'hmac-md5'])).toEqual({
      kex: { append: ['diffie-hellman-group14-sha1'] },
      serverHostKey: { append: ['ssh-rsa'] },
      cipher: { append: ['aes128-cbc'] },
      hmac: { append: ['hmac-md5'] },
    });
  });

  it('refuses names it does not know', () => {
    expect(() => algorithmsFor(['none'])).toThrow(CheckError);
    expect(LEGACY_ALGORITHMS).toContain('diffie-hellman-group1-sha1');
  });
});
