import type { Algorithms, CipherAlgorithm, KexAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2';
import { CheckError } from './check-error';

/*
 * Modern algorithms by default (ssh2's defaults, which match OpenSSH's); old
 * ones only for a device that needs them, named in its check settings
 * (`legacyAlgorithms`). Like OpenSSH since 8.8, the SHA-1 `ssh-rsa` host key
 * signature is off unless asked for (rsa-sha2-256/512 keep RSA host keys
 * working).
 */

const LEGACY_KEX: readonly KexAlgorithm[] = ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'];
const LEGACY_HOST_KEY: readonly ServerHostKeyAlgorithm[] = ['ssh-rsa', 'ssh-dss'];
const LEGACY_CIPHER: readonly CipherAlgorithm[] = [
  'aes128-cbc',
  'aes192-cbc',
  'aes256-cbc',
  '3des-cbc',
  'blowfish-cbc',
  'cast128-cbc',
  'arcfour256',
  'arcfour128',
  'arcfour',
  'aes128-gcm',
  'aes256-gcm',
];
const LEGACY_MAC: readonly MacAlgorithm[] = ['hmac-md5', 'hmac-sha1-96', 'hmac-md5-96', 'hmac-ripemd160', 'hmac-sha2-256-96', 'hmac-sha2-512-96'];

/** Every name `legacyAlgorithms` accepts. */
export const LEGACY_ALGORITHMS: readonly string[] = [...LEGACY_KEX, ...LEGACY_HOST_KEY, ...LEGACY_CIPHER, ...LEGACY_MAC];

function pick<T extends string>(names: readonly string[], known: readonly T[]): T[] {
  return known.filter((name) => names.includes(name));
}

/** ssh2's `algorithms` for a device: defaults, minus ssh-rsa, plus exactly the legacy names given. Unknown names throw check.protocol-error. */
export function algorithmsFor(legacy: readonly string[] = []): Algorithms {
  const names = legacy.map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !LEGACY_ALGORITHMS.includes(name));
  if (unknown.length > 0) {
    throw new CheckError('check.protocol-error', `Unknown SSH algorithm(s): ${unknown.join(', ')}`, { details: { unknown, known: LEGACY_ALGORITHMS } });
  }
  const algorithms: Algorithms = {};
  const kex = pick(names, LEGACY_KEX);
  if (kex.length > 0) algorithms.kex = { append: kex } as Algorithms['kex'];
  const hostKeys = pick(names, LEGACY_HOST_KEY);
  // ssh2 offers ssh-rsa by default; a device gets it only when its settings say so.
  algorithms.serverHostKey = (hostKeys.includes('ssh-rsa') ? { append: hostKeys } : { remove: 'ssh-rsa', append: hostKeys }) as Algorithms['serverHostKey'];
  const ciphers = pick(names, LEGACY_CIPHER);
  if (ciphers.length > 0) algorithms.cipher = { append: ciphers } as Algorithms['cipher'];
  const macs = pick(names, LEGACY_MAC);
  if (macs.length > 0) algorithms.hmac = { append: macs } as Algorithms['hmac'];
  return algorithms;
}
