import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES, type Priority, type SlaEvent, type SlaPolicyFields, type SlaSummary, type SlaTimer, type SlaTimerKind } from '../domain/sla';
import { DEFAULT_SLA_POLICY_FIELDS } from './default-policy';
import { computeSla, worstState } from './sla-clock';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
const shanghai = (local: string) => at(`${local}+08:00`);

function policy(overrides: Partial<SlaPolicyFields> = {}): SlaPolicyFields & { id?: string } {
  return { ...structuredClone(DEFAULT_SLA_POLICY_FIELDS), ...overrides };
}

/** A 24x7 policy whose targets are easy to read: P1 1 h / 4 h … P4 4 h / 16 h. */
function roundTheClock(overrides: Partial<SlaPolicyFields> = {}): SlaPolicyFields {
  return policy({
    calendar: { kind: '24x7' },
    targets: {
      P1: { responseMinutes: 60, resolutionMinutes: 4 * 60, allDay: true },
      P2: { responseMinutes: 120, resolutionMinutes: 8 * 60, allDay: true },
      P3: { responseMinutes: 180, resolutionMinutes: 12 * 60, allDay: true },
      P4: { responseMinutes: 240, resolutionMinutes: 16 * 60, allDay: true },
    },
    ...overrides,
  });
}

const opened = (when: number, priority: Priority = 'P3', systemDown = false): SlaEvent => ({ type: 'opened', at: when, priority, systemDown });
const status = (when: number, value: string): SlaEvent => ({ type: 'status', at: when, status: value });

function timer(summary: SlaSummary, kind: SlaTimerKind): SlaTimer {
  const found = summary.timers.find((t) => t.kind === kind);
  if (!found) throw new Error(`no ${kind} timer in ${JSON.stringify(summary.timers.map((t) => t.kind))}`);
  return found;
}

describe('computeSla: response and resolution', () => {
  it('counts business hours for P2 on the default policy: opened Friday 17:30, due Monday', () => {
    const start = shanghai('2026-11-27T17:30:00');
    const summary = computeSla(policy(), [opened(start, 'P2')], shanghai('2026-11-27T17:45:00'));
    expect(iso(timer(summary, 'response').dueAt)).toBe(iso(shanghai('2026-11-30T09:30:00')));
    expect(iso(timer(summary, 'resolution').dueAt)).toBe(iso(shanghai('2026-11-30T16:30:00')));
    expect(timer(summary, 'response')).toMatchObject({ state: 'on-track', elapsedMs: 15 * MIN, remainingMs: 45 * MIN, targetMs: HOUR, stoppedAt: null });
    // Over the weekend nothing is counted.
    const sunday = computeSla(policy(), [opened(start, 'P2')], shanghai('2026-11-29T20:00:00'));
    expect(timer(sunday, 'response')).toMatchObject({ elapsedMs: 30 * MIN, state: 'on-track' });
    expect(sunday.nextDueAt).toBe(shanghai('2026-11-30T09:30:00'));
  });

  it('counts P1 around the clock on the default policy', () => {
    const start = shanghai('2026-11-27T23:00:00');
    const summary = computeSla(policy(), [opened(start, 'P1')], start);
    expect(iso(timer(summary, 'response').dueAt)).toBe(iso(shanghai('2026-11-27T23:30:00')));
    expect(iso(timer(summary, 'resolution').dueAt)).toBe(iso(shanghai('2026-11-28T03:00:00')));
  });

  it('stops the response timer at the first sign of work, met or missed', () => {
    const start = at('2026-11-27T01:00:00Z');
    const events = [opened(start, 'P1'), status(start + 40 * MIN, 'acknowledged'), status(start + 2 * HOUR, 'in-progress')];
    const met = computeSla(roundTheClock(), events, start + 3 * HOUR);
    expect(timer(met, 'response')).toMatchObject({ state: 'met', elapsedMs: 40 * MIN, stoppedAt: start + 40 * MIN, dueAt: start + HOUR });
    const late = computeSla(roundTheClock(), [opened(start, 'P1'), status(start + 70 * MIN, 'pending')], start + 3 * HOUR);
    expect(timer(late, 'response')).toMatchObject({ state: 'missed', elapsedMs: 70 * MIN, remainingMs: -10 * MIN, dueAt: start + HOUR });
  });

  it('goes at risk at the policy share of the target and breached past it', () => {
    const start = at('2026-11-27T01:00:00Z');
    const p3 = [opened(start, 'P3')];
    // P3 response 3 h, at risk from 75 % = 2 h 15 min.
    expect(timer(computeSla(roundTheClock(), p3, start + 134 * MIN), 'response').state).toBe('on-track');
    expect(timer(computeSla(roundTheClock(), p3, start + 135 * MIN), 'response').state).toBe('at-risk');
    expect(timer(computeSla(roundTheClock(), p3, start + 180 * MIN), 'response').state).toBe('at-risk');
    const breached = computeSla(roundTheClock(), p3, start + 215 * MIN);
    expect(timer(breached, 'response')).toMatchObject({ state: 'breached', remainingMs: -35 * MIN, dueAt: start + 3 * HOUR });
    expect(breached.worst).toBe('breached');
    expect(timer(computeSla(roundTheClock({ atRiskPercent: 50 }), p3, start + 90 * MIN), 'response').state).toBe('at-risk');
  });

  it('pauses resolution while pending and moves the deadline by the time waited', () => {
    const start = at('2026-11-27T01:00:00Z');
    const events = [opened(start, 'P2'), status(start + HOUR, 'in-progress'), status(start + 2 * HOUR, 'pending')];
    const waiting = computeSla(roundTheClock(), events, start + 5 * HOUR);
    expect(timer(waiting, 'resolution')).toMatchObject({ state: 'paused', elapsedMs: 2 * HOUR, dueAt: null, stoppedAt: null });
    expect(waiting.worst).toBe('paused');
    expect(waiting.nextDueAt).toBeNull();
    const resumed = computeSla(roundTheClock(), [...events, status(start + 5 * HOUR, 'in-progress')], start + 6 * HOUR);
    expect(timer(resumed, 'resolution')).toMatchObject({ state: 'on-track', elapsedMs: 3 * HOUR, dueAt: start + 11 * HOUR });
    const noPause = computeSla(roundTheClock({ pauseWhilePending: false }), events, start + 5 * HOUR);
    expect(timer(noPause, 'resolution')).toMatchObject({ state: 'on-track', elapsedMs: 5 * HOUR, dueAt: start + 8 * HOUR });
    expect(timer(computeSla(roundTheClock({ pauseWhilePending: false }), events, start + 6 * HOUR), 'resolution').state).toBe('at-risk');
  });

  it('keeps a breach visible while paused', () => {
    const start = at('2026-11-27T01:00:00Z');
    const events = [opened(start, 'P1'), status(start + 30 * MIN, 'in-progress'), status(start + 5 * HOUR, 'pending')];
    expect(timer(computeSla(roundTheClock(), events, start + 6 * HOUR), 'resolution')).toMatchObject({ state: 'breached', elapsedMs: 5 * HOUR, dueAt: null });
  });

  it('stops resolution when resolved and runs on from there when reopened', () => {
    const start = at('2026-11-27T01:00:00Z');
    const resolvedEvents = [opened(start, 'P2'), status(start + HOUR, 'in-progress'), status(start + 3 * HOUR, 'resolved'), status(start + 4 * HOUR, 'closed')];
    const resolved = computeSla(roundTheClock(), resolvedEvents, start + 20 * HOUR);
    expect(timer(resolved, 'resolution')).toMatchObject({ state: 'met', elapsedMs: 3 * HOUR, stoppedAt: start + 3 * HOUR });
    expect(resolved.worst).toBe('met');
    expect(resolved.nextDueAt).toBeNull();
    const reopened = computeSla(roundTheClock(), [...resolvedEvents, status(start + 10 * HOUR, 'in-progress')], start + 12 * HOUR);
    expect(timer(reopened, 'resolution')).toMatchObject({ state: 'on-track', elapsedMs: 5 * HOUR, stoppedAt: null, dueAt: start + 15 * HOUR });
    expect(timer(reopened, 'response').state).toBe('met');
  });

  it('measures time so far against the new target after a priority change, counting around the clock from then on if the new target is all-day', () => {
    // Default policy: P3 is 4 h / 24 h business; P1 is 30 min / 4 h around the clock.
    const start = shanghai('2026-11-27T17:00:00');
    const events: SlaEvent[] = [opened(start, 'P3'), status(start + 10 * MIN, 'acknowledged'), { type: 'priority', at: shanghai('2026-11-27T20:00:00'), priority: 'P1' }];
    const summary = computeSla(policy(), events, shanghai('2026-11-27T21:00:00'));
    // One business hour (17–18) before the change, then 20:00–21:00 around the clock.
    expect(timer(summary, 'resolution')).toMatchObject({ targetMs: 4 * HOUR, elapsedMs: 2 * HOUR, state: 'on-track' });
    expect(iso(timer(summary, 'resolution').dueAt)).toBe(iso(shanghai('2026-11-27T23:00:00')));
    // Response stopped under P3 and keeps the P3 target.
    expect(timer(summary, 'response')).toMatchObject({ state: 'met', targetMs: 4 * HOUR, elapsedMs: 10 * MIN });
  });

  it('is breached at once when the new tighter target is already used up, due at the change', () => {
    const start = at('2026-11-27T01:00:00Z');
    const change = start + 6 * HOUR;
    const events: SlaEvent[] = [opened(start, 'P4'), status(start + HOUR, 'in-progress'), { type: 'priority', at: change, priority: 'P1' }];
    const summary = computeSla(roundTheClock(), events, change + MIN);
    expect(timer(summary, 'resolution')).toMatchObject({ state: 'breached', targetMs: 4 * HOUR, dueAt: start + 4 * HOUR });
  });

  it('sorts events itself and ignores facts before the incident was opened', () => {
    const start = at('2026-11-27T01:00:00Z');
    const shuffled = [status(start + 3 * HOUR, 'resolved'), status(start + HOUR, 'in-progress'), opened(start, 'P2')];
    const summary = computeSla(roundTheClock(), shuffled, start + 5 * HOUR);
    expect(timer(summary, 'resolution')).toMatchObject({ state: 'met', elapsedMs: 3 * HOUR });
    expect(timer(summary, 'response')).toMatchObject({ state: 'met', elapsedMs: HOUR });
    expect(computeSla(roundTheClock(), [status(start, 'resolved')], start)).toEqual({ policyId: null, timers: [], worst: 'met', nextDueAt: null });
  });

  it('evaluates no earlier than the last recorded fact (a laptop clock a little ahead)', () => {
    const start = at('2026-11-27T01:00:00Z');
    const summary = computeSla(roundTheClock(), [opened(start, 'P2'), status(start + 2 * HOUR, 'acknowledged')], start + HOUR);
    expect(timer(summary, 'response')).toMatchObject({ state: 'met', elapsedMs: 2 * HOUR, stoppedAt: start + 2 * HOUR });
  });

  it('reports the policy it used', () => {
    const start = at('2026-11-27T01:00:00Z');
    const id = '0193e2a0-0000-7000-8000-000000000042';
    expect(computeSla({ ...roundTheClock(), id }, [opened(start)], start).policyId).toBe(id);
  });
});

describe('computeSla: system down (系统瘫痪) at P1', () => {
  // P1 resolution 24 h so that the plans' 12 h fix rule is the tighter one.
  const loose = roundTheClock({
    targets: { ...roundTheClock().targets, P1: { responseMinutes: 30, resolutionMinutes: 24 * 60, allDay: true } },
  });
  const nine = shanghai('2026-11-27T09:00:00');

  it('opened 09:00 and not fixed by 21:00: resolution breached, workaround due 01:00 next day', () => {
    const events = [opened(nine, 'P1', true), status(nine + 10 * MIN, 'in-progress')];
    const summary = computeSla(loose, events, shanghai('2026-11-27T21:05:00'));
    expect(timer(summary, 'resolution')).toMatchObject({ state: 'breached', targetMs: 12 * HOUR, dueAt: shanghai('2026-11-27T21:00:00') });
    expect(iso(timer(summary, 'workaround').dueAt)).toBe(iso(shanghai('2026-11-28T01:00:00')));
    expect(timer(summary, 'workaround')).toMatchObject({ state: 'at-risk', targetMs: 16 * HOUR });
    expect(summary.timers.map((t) => t.kind)).toEqual(['response', 'resolution', 'workaround']);
    expect(summary.worst).toBe('breached');
    expect(summary.nextDueAt).toBe(shanghai('2026-11-27T21:00:00'));
  });

  it('a workaround given in time meets its timer; after 16 h it is missed', () => {
    const base = [opened(nine, 'P1', true), status(nine + 10 * MIN, 'in-progress')];
    const inTime = computeSla(loose, [...base, { type: 'workaround', at: shanghai('2026-11-27T23:30:00') }], shanghai('2026-11-28T08:00:00'));
    expect(timer(inTime, 'workaround')).toMatchObject({ state: 'met', stoppedAt: shanghai('2026-11-27T23:30:00'), elapsedMs: 14.5 * HOUR });
    const late = computeSla(loose, [...base, { type: 'workaround', at: shanghai('2026-11-28T02:00:00') }], shanghai('2026-11-28T08:00:00'));
    expect(timer(late, 'workaround').state).toBe('missed');
  });

  it('resolved at T: fault report due T + 24 h, met when written at T + 23 h, missed at T + 25 h', () => {
    const fixed = shanghai('2026-11-27T18:00:00');
    const base = [opened(nine, 'P1', true), status(nine + 10 * MIN, 'in-progress'), status(fixed, 'resolved')];
    const waiting = computeSla(loose, base, fixed + 2 * HOUR);
    expect(timer(waiting, 'fault-report')).toMatchObject({ state: 'on-track', dueAt: fixed + 24 * HOUR, elapsedMs: 2 * HOUR, stoppedAt: null });
    expect(timer(waiting, 'resolution').state).toBe('met');
    // Fixed before 16 h: no workaround owed.
    expect(timer(waiting, 'workaround')).toMatchObject({ state: 'met', stoppedAt: fixed });
    expect(waiting.nextDueAt).toBe(fixed + 24 * HOUR);
    const reported = computeSla(loose, [...base, { type: 'fault-report', at: fixed + 23 * HOUR }], fixed + 30 * HOUR);
    expect(timer(reported, 'fault-report')).toMatchObject({ state: 'met', stoppedAt: fixed + 23 * HOUR });
    const lateReport = computeSla(loose, [...base, { type: 'fault-report', at: fixed + 25 * HOUR }], fixed + 30 * HOUR);
    expect(timer(lateReport, 'fault-report').state).toBe('missed');
    expect(lateReport.worst).toBe('missed');
  });

  it("keeps the policy's own target when it is tighter than 12 h, counted around the clock", () => {
    // Default policy: P1 4 h.
    const summary = computeSla(policy(), [opened(nine, 'P1', true)], nine);
    expect(timer(summary, 'resolution')).toMatchObject({ targetMs: 4 * HOUR, dueAt: nine + 4 * HOUR });
  });

  it('applies once the incident is flagged system down or raised to P1, and not for P2', () => {
    const flagged = computeSla(loose, [opened(nine, 'P1'), { type: 'system-down', at: nine + HOUR, systemDown: true }], nine + 2 * HOUR);
    expect(timer(flagged, 'workaround')).toMatchObject({ dueAt: nine + 16 * HOUR, elapsedMs: 2 * HOUR });
    expect(timer(flagged, 'resolution').targetMs).toBe(12 * HOUR);
    const raised = computeSla(loose, [opened(nine, 'P2', true), { type: 'priority', at: nine + HOUR, priority: 'P1' }], nine + 2 * HOUR);
    expect(timer(raised, 'workaround').dueAt).toBe(nine + 16 * HOUR);
    const p2 = computeSla(loose, [opened(nine, 'P2', true)], nine + 2 * HOUR);
    expect(p2.timers.map((t) => t.kind)).toEqual(['response', 'resolution']);
  });

  it('asks for a new fault report after a fix that did not hold', () => {
    const first = shanghai('2026-11-27T12:00:00');
    const second = shanghai('2026-11-28T12:00:00');
    const events = [
      opened(nine, 'P1', true),
      status(first, 'resolved'),
      { type: 'fault-report', at: first + HOUR } as SlaEvent,
      status(first + 2 * HOUR, 'in-progress'),
      status(second, 'resolved'),
    ];
    const reopenedNow = computeSla(loose, events.slice(0, 4), first + 3 * HOUR);
    expect(reopenedNow.timers.map((t) => t.kind)).not.toContain('fault-report');
    const summary = computeSla(loose, events, second + HOUR);
    expect(timer(summary, 'fault-report')).toMatchObject({ state: 'on-track', dueAt: second + 24 * HOUR });
  });
});

describe('worstState', () => {
  const t = (state: SlaTimer['state']): SlaTimer => ({ kind: 'response', state, targetMs: 1, elapsedMs: 0, remainingMs: 1, dueAt: null, stoppedAt: null });
  it('orders breached > at-risk > missed > paused > on-track > met', () => {
    expect(worstState([t('met'), t('on-track'), t('paused')])).toBe('paused');
    expect(worstState([t('missed'), t('at-risk')])).toBe('at-risk');
    expect(worstState([t('missed'), t('paused')])).toBe('missed');
    expect(worstState([t('at-risk'), t('breached'), t('met')])).toBe('breached');
    expect(worstState([t('met'), t('on-track')])).toBe('on-track');
    expect(worstState([])).toBe('met');
  });
});

// ---- Properties ------------------------------------------------------------

const START = at('2026-01-05T00:00:00Z');
const STATUSES = ['acknowledged', 'in-progress', 'pending', 'resolved', 'closed', 'in-progress', 'pending'] as const;

/** Policies whose priorities get strictly tighter from P4 to P1 and are all-day from some priority upwards. */
const orderedPolicy = fc
  .record({
    calendar: fc.constantFrom<SlaPolicyFields['calendar']>(
      { kind: '24x7' },
      DEFAULT_SLA_POLICY_FIELDS.calendar,
      { kind: 'business', timeZone: 'Europe/Berlin', weekdays: [1, 2, 3, 4, 5, 6], start: '08:00', end: '20:00', holidays: ['2026-03-30'], extraWorkdays: [] },
    ),
    response: fc.uniqueArray(fc.integer({ min: 5, max: 48 * 60 }), { minLength: 4, maxLength: 4 }),
    resolution: fc.uniqueArray(fc.integer({ min: 30, max: 14 * 24 * 60 }), { minLength: 4, maxLength: 4 }),
    allDayUpTo: fc.integer({ min: -1, max: 3 }),
    pauseWhilePending: fc.boolean(),
    atRiskPercent: fc.integer({ min: 1, max: 99 }),
  })
  .map(({ calendar, response, resolution, allDayUpTo, pauseWhilePending, atRiskPercent }) => {
    const r = [...response].sort((a, b) => a - b);
    const f = [...resolution].sort((a, b) => a - b);
    const target = (i: number) => ({ responseMinutes: r[i] ?? 60, resolutionMinutes: f[i] ?? 600, allDay: i <= allDayUpTo });
    return policy({ calendar, targets: { P1: target(0), P2: target(1), P3: target(2), P4: target(3) }, pauseWhilePending, atRiskPercent });
  });

const history = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 * HOUR }), fc.constantFrom(...STATUSES)), { maxLength: 8 }).map((steps) => {
  let when = START;
  return steps.map(([gap, value]) => status((when += gap), value));
});

const prio = fc.constantFrom(...PRIORITIES);
const PROPS = { numRuns: 120 };

describe('computeSla: properties', () => {
  it('pausing while pending never increases the counted time of any timer', () => {
    fc.assert(
      fc.property(orderedPolicy, prio, history, fc.integer({ min: 0, max: 400 * HOUR }), (p, priority, steps, later) => {
        const events = [opened(START, priority), ...steps];
        const now = START + later;
        const paused = computeSla({ ...p, pauseWhilePending: true }, events, now);
        const running = computeSla({ ...p, pauseWhilePending: false }, events, now);
        for (const kind of ['response', 'resolution'] as const) {
          expect(timer(paused, kind).elapsedMs).toBeLessThanOrEqual(timer(running, kind).elapsedMs);
        }
      }),
      PROPS,
    );
  });

  it('a change to a tighter priority never moves a deadline later', () => {
    fc.assert(
      fc.property(orderedPolicy, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 * HOUR }), (p, from, delta, changeAfter) => {
        const before = PRIORITIES[from] as Priority;
        const after = PRIORITIES[Math.max(0, from - 1 - delta)] as Priority;
        const change = START + changeAfter;
        const unchanged = computeSla(p, [opened(START, before)], change);
        const changed = computeSla(p, [opened(START, before), { type: 'priority', at: change, priority: after }], change);
        for (const kind of ['response', 'resolution'] as const) {
          expect(timer(changed, kind).dueAt).not.toBeNull();
          expect(timer(changed, kind).dueAt as number).toBeLessThanOrEqual(timer(unchanged, kind).dueAt as number);
          expect(timer(changed, kind).elapsedMs).toBe(timer(unchanged, kind).elapsedMs);
        }
      }),
      PROPS,
    );
  });

  it('counted time only grows with now, stopped timers stay put, remaining is target minus elapsed', () => {
    fc.assert(
      fc.property(orderedPolicy, prio, history, fc.integer({ min: 0, max: 300 * HOUR }), fc.integer({ min: 0, max: 100 * HOUR }), (p, priority, steps, a, more) => {
        const events = [opened(START, priority, priority === 'P1'), ...steps];
        const first = computeSla(p, events, START + a);
        const second = computeSla(p, events, START + a + more);
        first.timers.forEach((t, i) => {
          const u = second.timers[i] as SlaTimer;
          expect(u.kind).toBe(t.kind);
          expect(u.elapsedMs).toBeGreaterThanOrEqual(t.elapsedMs);
          expect(t.remainingMs).toBe(t.targetMs - t.elapsedMs);
          if (t.stoppedAt !== null) expect(u).toEqual(t);
        });
      }),
      PROPS,
    );
  });

  it('a running timer evaluated at its due time has nothing left, and is breached only after', () => {
    fc.assert(
      fc.property(orderedPolicy, prio, fc.integer({ min: 0, max: 48 * HOUR }), (p, priority, openedAfter) => {
        const start = START + openedAfter;
        const summary = computeSla(p, [opened(start, priority)], start);
        for (const t of summary.timers) {
          const due = t.dueAt as number;
          const atDue = timer(computeSla(p, [opened(start, priority)], due), t.kind);
          expect(atDue.remainingMs).toBe(0);
          expect(atDue.state).toBe('at-risk');
          expect(timer(computeSla(p, [opened(start, priority)], due - 1), t.kind).remainingMs).toBeGreaterThan(0);
        }
        expect(summary.nextDueAt).toBe(Math.min(...summary.timers.map((t) => t.dueAt as number)));
      }),
      PROPS,
    );
  });
});
