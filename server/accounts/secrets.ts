import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 symbols, 80 bits: with expiry and rate limiting, not guessable. */
export function newEnrolmentCode(): string {
  const symbols = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((start) => symbols.slice(start, start + 4).join('')).join('-');
}

/** 256 random bits; the prefix makes a leaked token easy to recognise in a scanner. */
export function newDeviceToken(): string {
  return `wdt_${randomBytes(32).toString('base64url')}`;
}

/**
 * Tokens and codes are stored only as their SHA-256: they are random and long,
 * so a plain hash is enough (no password hashing needed) and lookups stay one
 * indexed equality.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
