import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SlaSummary, SlaTimer } from '@shared/domain/sla';
import { enResources, zhCNResources } from '../../i18n/locales';
import { formatSpan, leadingTimer, liveTimer, remainingText, summaryBadge } from './sla-format';

const MIN = 60_000;
const HOUR = 60 * MIN;

async function translator(language: 'en' | 'zh-CN') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: enResources }, 'zh-CN': { translation: zhCNResources } }, interpolation: { escapeValue: false } });
  return instance.t;
}

function timer(overrides: Partial<SlaTimer>): SlaTimer {
  return { kind: 'resolution', state: 'on-track', targetMs: 4 * HOUR, elapsedMs: HOUR, remainingMs: 3 * HOUR, dueAt: 10 * HOUR, stoppedAt: null, ...overrides };
}

describe('SLA chips text', () => {
  it('says how long is left or overdue in both languages', async () => {
    const en = await translator('en');
    const zh = await translator('zh-CN');
    expect(remainingText('on-track', 2 * HOUR + 15 * MIN, en)).toBe('2 h 15 min left');
    expect(remainingText('breached', -35 * MIN, zh)).toBe('已超时 35 分钟');
    expect(remainingText('breached', -35 * MIN, en)).toBe('35 min overdue');
    expect(remainingText('paused', 90 * MIN, zh)).toBe('已暂停，剩余 1 小时 30 分钟');
    expect(remainingText('missed', -20 * MIN, en)).toBe('missed by 20 min');
    expect(remainingText('met', 5 * MIN, zh)).toBe('达标');
    expect(formatSpan(3 * 24 * HOUR + 4 * HOUR + 59 * MIN, en)).toBe('3 d 4 h');
    expect(formatSpan(2 * HOUR, zh)).toBe('2 小时');
    // Rounded up: half a minute left is "1 min", not "0 min".
    expect(formatSpan(30_000, en)).toBe('1 min');
  });
});

describe('a timer between fetches', () => {
  const fetchedAt = 1 * HOUR;

  it('counts down with the wall clock when the deadline is that far away (24x7, or due within working hours)', () => {
    const running = timer({ remainingMs: 3 * HOUR, dueAt: fetchedAt + 3 * HOUR });
    expect(liveTimer(running, fetchedAt, fetchedAt + 45 * MIN)).toEqual({ remainingMs: 2 * HOUR + 15 * MIN, state: 'on-track' });
    expect(liveTimer(running, fetchedAt, fetchedAt + 3 * HOUR + 35 * MIN)).toEqual({ remainingMs: -35 * MIN, state: 'breached' });
  });

  it('does not count nights and weekends down on a business calendar', () => {
    // 30 counted minutes left on Friday 18:00, due Monday 09:30.
    const weekend = timer({ remainingMs: 30 * MIN, dueAt: fetchedAt + 63.5 * HOUR });
    expect(liveTimer(weekend, fetchedAt, fetchedAt + 24 * HOUR)).toEqual({ remainingMs: 30 * MIN, state: 'on-track' });
    expect(liveTimer(weekend, fetchedAt, fetchedAt + 63 * HOUR).remainingMs).toBe(30 * MIN);
    expect(liveTimer(weekend, fetchedAt, fetchedAt + 63.25 * HOUR).remainingMs).toBe(15 * MIN);
  });

  it('leaves paused and stopped timers as fetched, and lets an overdue one grow', () => {
    expect(liveTimer(timer({ state: 'paused', dueAt: null }), fetchedAt, fetchedAt + 5 * HOUR)).toEqual({ remainingMs: 3 * HOUR, state: 'paused' });
    expect(liveTimer(timer({ state: 'met', stoppedAt: 0 }), fetchedAt, fetchedAt + 5 * HOUR)).toEqual({ remainingMs: 3 * HOUR, state: 'met' });
    expect(liveTimer(timer({ state: 'breached', remainingMs: -10 * MIN, dueAt: fetchedAt - 10 * MIN }), fetchedAt, fetchedAt + 5 * MIN)).toEqual({
      remainingMs: -15 * MIN,
      state: 'breached',
    });
  });

  it('speaks for the running timer due first, else the worst one', () => {
    const response = timer({ kind: 'response', state: 'met', stoppedAt: 0, dueAt: 2 * HOUR });
    const resolution = timer({ kind: 'resolution', dueAt: 9 * HOUR });
    const workaround = timer({ kind: 'workaround', dueAt: 5 * HOUR });
    const summary: SlaSummary = { policyId: null, timers: [response, resolution, workaround], worst: 'on-track', nextDueAt: 5 * HOUR };
    expect(leadingTimer(summary)?.kind).toBe('workaround');
    const done: SlaSummary = { policyId: null, timers: [response, timer({ state: 'missed', stoppedAt: 1 })], worst: 'missed', nextDueAt: null };
    expect(leadingTimer(done)?.state).toBe('missed');
    expect(leadingTimer({ policyId: null, timers: [], worst: 'met', nextDueAt: null })).toBeNull();
  });
});

describe('the summary badge', () => {
  const now = 100 * HOUR;
  const running = timer({ kind: 'resolution', remainingMs: 2 * HOUR + 15 * MIN, dueAt: now + 2 * HOUR + 15 * MIN });
  const breached = timer({ kind: 'response', state: 'breached', remainingMs: -35 * MIN, dueAt: now - 35 * MIN });

  it('says the time on the timer due first, naming the worst state only when that timer is not it', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(summaryBadge({ policyId: null, timers: [running, breached], worst: 'breached', nextDueAt: breached.dueAt }, now, now, zh)?.label).toBe('已超时 35 分钟');
    const missed = timer({ kind: 'response', state: 'missed', stoppedAt: 0, remainingMs: -5 * MIN });
    expect(summaryBadge({ policyId: null, timers: [missed, running], worst: 'missed', nextDueAt: running.dueAt }, now, now, en)?.label).toBe('Missed · 2 h 15 min left');
    expect(summaryBadge({ policyId: null, timers: [running], worst: 'on-track', nextDueAt: running.dueAt }, now, now, en)?.label).toBe('2 h 15 min left');
    expect(summaryBadge({ policyId: null, timers: [], worst: 'met', nextDueAt: null }, now, now, en)).toBeNull();
  });

  it('turns breached when a timer runs out after the fetch', async () => {
    const en = await translator('en');
    const badge = summaryBadge({ policyId: null, timers: [running], worst: 'on-track', nextDueAt: running.dueAt }, now, now + 3 * HOUR, en);
    expect(badge).toMatchObject({ worst: 'breached', label: '45 min overdue' });
  });
});
