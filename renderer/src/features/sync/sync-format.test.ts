import { describe, expect, it } from 'vitest';
import { driftMinutes, formatConflictValue, isInsecureAddress, normaliseEnrolmentCode } from './sync-format';

describe('sync formatting', () => {
  it('shows conflict values as text', () => {
    expect(formatConflictValue('核心交换机')).toBe('核心交换机');
    expect(formatConflictValue(null)).toBeNull();
    expect(formatConflictValue('')).toBeNull();
    expect(formatConflictValue(3)).toBe('3');
    expect(formatConflictValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatConflictValue({ kind: 'room' })).toBe('{"kind":"room"}');
  });

  it('warns about plain http to another machine only', () => {
    expect(isInsecureAddress('http://192.168.1.20:8787')).toBe(true);
    expect(isInsecureAddress('http://127.0.0.1:8787')).toBe(false);
    expect(isInsecureAddress('http://localhost:8787')).toBe(false);
    expect(isInsecureAddress('https://sync.example.com')).toBe(false);
    expect(isInsecureAddress(null)).toBe(false);
  });

  it('reads enrolment codes typed loosely', () => {
    expect(normaliseEnrolmentCode('abcd efgh jkmn pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normaliseEnrolmentCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normaliseEnrolmentCode('ABCD-EFGH')).toBeNull();
    expect(normaliseEnrolmentCode('ABCD-EFGH-JKMN-PQR!')).toBeNull();
  });

  it('rounds drift up to whole minutes', () => {
    expect(driftMinutes({ clockDriftMs: -301_000 })).toBe(6);
    expect(driftMinutes({ clockDriftMs: null })).toBe(0);
  });
});
