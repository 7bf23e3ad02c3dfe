import { describe, expect, it } from 'vitest';
import { formatHlc } from '../hlc';
import { SYNC_LIMITS } from './limits';
import { EnrolRequest, PullRequest, PushRequest } from './messages';

const device = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const hlc = formatHlc({ wallMs: 1_760_000_000_000, counter: 0, node: device });
const entry = { seq: 1, entity: 'incident', id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60', op: 'insert', fields: { title: '核心交换机宕机', assetIds: ['a'] }, hlc };

describe('sync message schemas', () => {
  it('accepts an outbox batch as the console writes it', () => {
    expect(PushRequest.parse({ deviceId: device, entries: [entry] }).entries[0]?.fields.title).toBe('核心交换机宕机');
  });

  it.each([
    ['an unknown entity', { ...entry, entity: 'users' }],
    ['an unknown op', { ...entry, op: 'upsert' }],
    ['a text seq', { ...entry, seq: '1' }],
    ['seq zero', { ...entry, seq: 0 }],
    ['a stamp that is not an HLC', { ...entry, hlc: '2025-01-01T00:00:00Z' }],
    ['fields that are not an object', { ...entry, fields: ['title'] }],
    ['a field name with SQL in it', { ...entry, fields: { 'title; DROP TABLE records': 'x' } }],
    ['an unknown key', { ...entry, extra: true }],
    ['an id with a slash', { ...entry, id: '../etc/passwd' }],
  ])('refuses an entry with %s', (_why, bad) => {
    expect(PushRequest.safeParse({ deviceId: device, entries: [bad] }).success).toBe(false);
  });

  it('bounds a batch by count', () => {
    const entries = Array.from({ length: SYNC_LIMITS.pushMaxEntries + 1 }, (_, i) => ({ ...entry, seq: i + 1 }));
    expect(PushRequest.safeParse({ deviceId: device, entries }).success).toBe(false);
    expect(PushRequest.safeParse({ deviceId: device, entries: [] }).success).toBe(false);
  });

  it('normalises an enrolment code typed in lower case and defaults nextSeq', () => {
    expect(EnrolRequest.parse({ code: ' abcd-efgh-jkmn-pqrs ', deviceId: device, deviceName: 'ThinkPad' })).toEqual({
      code: 'ABCD-EFGH-JKMN-PQRS',
      deviceId: device,
      deviceName: 'ThinkPad',
      nextSeq: 1,
    });
  });

  it('caps the pull limit and defaults it', () => {
    expect(PullRequest.parse({ cursor: 0, clock: hlc }).limit).toBe(SYNC_LIMITS.pullDefaultLimit);
    expect(PullRequest.safeParse({ cursor: 0, clock: hlc, limit: SYNC_LIMITS.pullMaxLimit + 1 }).success).toBe(false);
    expect(PullRequest.safeParse({ cursor: -1, clock: hlc }).success).toBe(false);
  });
});
