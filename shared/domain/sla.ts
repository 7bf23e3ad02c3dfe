import { z } from 'zod';
import { EpochMs, Id } from './ids';

/**
 * Service levels (服务级别). Policies are per client contract; the clock runs on
 * the times recorded on the laptop, so work done offline counts when it
 * happened (DOMAIN.md, "Service levels").
 */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** 影响度 and 紧急度: the two answers the priority is derived from. */
export const LEVELS = ['high', 'medium', 'low'] as const;
export const Impact = z.enum(LEVELS);
export type Impact = z.infer<typeof Impact>;
export const Urgency = z.enum(LEVELS);
export type Urgency = z.infer<typeof Urgency>;

/**
 * The ITIL impact × urgency matrix: high/high is P1, low/low is P4, and one step
 * down on either axis costs one priority.
 */
export function priorityFrom(impact: Impact, urgency: Urgency): Priority {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const sum = rank[impact] + rank[urgency];
  return PRIORITIES[Math.min(3, sum)] ?? 'P4';
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:mm');
/** An end of working hours may be midnight at the end of the day. */
const EndClockTime = z.union([ClockTime, z.literal('24:00')]);

/**
 * When the clock runs. `24x7` always; `business` on the given weekdays between
 * start and end in the contract's time zone, except holidays, plus the make-up
 * working days (调休) that fall on a weekend.
 */
export const BusinessCalendar = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('24x7') }),
  z.object({
    kind: z.literal('business'),
    /** IANA zone, e.g. Asia/Shanghai. */
    timeZone: z.string().min(1),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: ClockTime,
    /** After start; 24:00 for "until midnight". */
    end: EndClockTime,
    holidays: z.array(IsoDate).max(1000).default([]),
    /** Weekend days worked in exchange for a holiday (调休上班). */
    extraWorkdays: z.array(IsoDate).max(1000).default([]),
  }),
]);
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

export const SlaTarget = z.object({
  /** Minutes of calendar time until the incident must be acknowledged. */
  responseMinutes: z.number().int().positive().max(525_600),
  /** Minutes of calendar time until it must be resolved. */
  resolutionMinutes: z.number().int().positive().max(525_600),
  /** Count this priority around the clock whatever the calendar (P1 usually is). */
  allDay: z.boolean(),
});
export type SlaTarget = z.infer<typeof SlaTarget>;

/** The plans' rules for "system down" (系统瘫痪), in wall-clock hours. */
export const SystemDownRules = z.object({
  fixHours: z.number().positive().max(720),
  workaroundHours: z.number().positive().max(720),
  faultReportHours: z.number().positive().max(720),
});
export type SystemDownRules = z.infer<typeof SystemDownRules>;

export const SYSTEM_DOWN_DEFAULTS: SystemDownRules = { fixHours: 12, workaroundHours: 16, faultReportHours: 24 };

export const SlaPolicyFields = z.object({
  name: z.string().trim().min(1).max(100),
  /** The client whose contract this is; null for the default policy used when a client has none. */
  clientId: Id.nullable(),
  calendar: BusinessCalendar,
  targets: z.object({ P1: SlaTarget, P2: SlaTarget, P3: SlaTarget, P4: SlaTarget }),
  /** Stop the clocks while an incident is pending (waiting for the client, a vendor or parts). */
  pauseWhilePending: z.boolean(),
  /** A running timer is "at risk" once this share of its target is used. */
  atRiskPercent: z.number().int().min(1).max(99),
  systemDown: SystemDownRules,
});
export type SlaPolicyFields = z.infer<typeof SlaPolicyFields>;

export const SlaPolicy = SlaPolicyFields.extend({ id: Id, createdAt: EpochMs, updatedAt: EpochMs });
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/**
 * What the SLA engine reads from an incident's history, in time order. The
 * engine is pure (shared/sla): the same facts give the same timers on the
 * laptop, on the server and in the report.
 */
export const SlaEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opened'), at: EpochMs, priority: Priority, systemDown: z.boolean() }),
  z.object({ type: z.literal('priority'), at: EpochMs, priority: Priority }),
  z.object({ type: z.literal('system-down'), at: EpochMs, systemDown: z.boolean() }),
  /** Status as in incidents: acknowledged stops the response clock, resolved the resolution clock, pending pauses. */
  z.object({ type: z.literal('status'), at: EpochMs, status: z.string() }),
  z.object({ type: z.literal('workaround'), at: EpochMs }),
  z.object({ type: z.literal('fault-report'), at: EpochMs }),
]);
export type SlaEvent = z.infer<typeof SlaEvent>;

export const SLA_TIMER_KINDS = ['response', 'resolution', 'workaround', 'fault-report'] as const;
export const SlaTimerKind = z.enum(SLA_TIMER_KINDS);
export type SlaTimerKind = z.infer<typeof SlaTimerKind>;

/**
 * Running: on-track, at-risk, paused, breached. Stopped: met (in time) or
 * missed (late).
 */
export const SLA_STATES = ['on-track', 'at-risk', 'paused', 'breached', 'met', 'missed'] as const;
export const SlaState = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof SlaState>;

export const SlaTimer = z.object({
  kind: SlaTimerKind,
  state: SlaState,
  /** Target length in milliseconds of counted time. */
  targetMs: z.number().int().nonnegative(),
  /** Counted time used so far (or until it stopped). */
  elapsedMs: z.number().int().nonnegative(),
  /** targetMs − elapsedMs; negative once breached. */
  remainingMs: z.number().int(),
  /** When it falls due if nothing pauses it; null while paused. */
  dueAt: EpochMs.nullable(),
  /** When it stopped (acknowledged, resolved, workaround given, report written). */
  stoppedAt: EpochMs.nullable(),
});
export type SlaTimer = z.infer<typeof SlaTimer>;

export const SlaSummary = z.object({
  policyId: Id.nullable(),
  timers: z.array(SlaTimer),
  /** The most urgent state among the timers, for lists and badges. */
  worst: SlaState,
  /** Earliest dueAt among running timers, for sorting by urgency. */
  nextDueAt: EpochMs.nullable(),
});
export type SlaSummary = z.infer<typeof SlaSummary>;
