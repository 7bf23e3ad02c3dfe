import { z } from 'zod';
import { EpochMs, Id } from './ids';
import { IncidentCategory } from './incidents';
import { Priority, SlaTimerKind } from './sla';
import { isKnownTimeZone } from '../time/zoned-time';

/**
 * What a supervisor looks at: one client (or all in scope), optionally one site
 * or room and one engineer, over a half-open period [from, to). The dashboard,
 * the consolidated views and the periodic service report all take this, so a
 * figure on the dashboard and the same figure in the report cannot disagree.
 */
export const StatisticsScope = z
  .object({
    /** A client, site or room id from the location tree; null = everything in the user's scope. */
    locationId: Id.nullable().default(null),
    /** An engineer's name as recorded on rounds and incidents (createdBy / assignee); null = everyone. */
    engineer: z.string().trim().max(100).nullable().default(null),
    from: EpochMs,
    to: EpochMs,
    /** Months and days are cut in this zone (the contract's); IANA name. */
    timeZone: z.string().min(1).max(64).refine(isKnownTimeZone, { message: 'Not a known IANA time zone' }).default('Asia/Shanghai'),
  })
  .refine((s) => s.from < s.to, { message: 'The period must end after it starts', path: ['to'] });
export type StatisticsScope = z.infer<typeof StatisticsScope>;
export type StatisticsScopeInput = z.input<typeof StatisticsScope>;

const Count = z.number().int().nonnegative();
/** A share in [0, 1]; null when there was nothing to measure (never a made-up 100 %). */
const Ratio = z.number().min(0).max(1).nullable();

export const RoundFigures = z.object({
  /** Rounds the schedules asked for in the period (each period of each schedule once). */
  scheduled: Count,
  /** Signed rounds started in the period. */
  done: Count,
  /** Scheduled periods that ended without a signed round. */
  overdue: Count,
  inProgress: Count,
  /** Entries that came out warning or failed. */
  anomalies: Count,
});
export type RoundFigures = z.infer<typeof RoundFigures>;

export const MonthCount = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count: Count });
export type MonthCount = z.infer<typeof MonthCount>;

export const IncidentFigures = z.object({
  /** Incidents reported in the period (reportedAt in [from, to)). */
  total: Count,
  byCategory: z.record(IncidentCategory, Count),
  byPriority: z.record(Priority, Count),
  /** Every month of the period, zero months included, in the scope's time zone. */
  byMonth: z.array(MonthCount),
  /** Of those reported in the period: still open at `to`, resolved or closed by `to`. */
  open: Count,
  resolved: Count,
  systemDown: Count,
  /** Mean reported → acknowledged and reported → resolved, wall-clock ms; null with nothing to average. */
  meanTimeToRespondMs: z.number().nonnegative().nullable(),
  meanTimeToResolveMs: z.number().nonnegative().nullable(),
});
export type IncidentFigures = z.infer<typeof IncidentFigures>;

export const SlaBreach = z.object({
  incidentId: Id,
  number: z.string(),
  title: z.string(),
  priority: Priority,
  timer: SlaTimerKind,
  /** When the target passed. */
  dueAt: EpochMs,
});
export type SlaBreach = z.infer<typeof SlaBreach>;

export const SlaFigures = z.object({
  /** Timers that ended (met or missed) or are breached, for incidents reported in the period. */
  measured: Count,
  met: Count,
  breached: Count,
  /** met / measured. */
  compliance: Ratio,
  breaches: z.array(SlaBreach),
});
export type SlaFigures = z.infer<typeof SlaFigures>;

export const AssetAvailability = z.object({
  assetId: Id,
  name: z.string(),
  /** Reachability checks (ping/TCP/SNMP/SSH) of this asset in the period. */
  checks: Count,
  ok: Count,
  availability: Ratio,
});
export type AssetAvailability = z.infer<typeof AssetAvailability>;

export const AssetFaults = z.object({ assetId: Id, name: z.string(), incidents: Count });
export type AssetFaults = z.infer<typeof AssetFaults>;

export const WarrantyEnding = z.object({ assetId: Id, name: z.string(), warrantyEnd: z.string() });
export type WarrantyEnding = z.infer<typeof WarrantyEnding>;

/** Every figure of one scope and period, computed from the local database. */
export const ServiceStatistics = z.object({
  scope: StatisticsScope,
  computedAt: EpochMs,
  /** Active assets in the scope's locations. */
  devicesCovered: Count,
  rounds: RoundFigures,
  incidents: IncidentFigures,
  sla: SlaFigures,
  /** Consultations (咨询) answered and defect problems opened in the period. */
  consultations: Count,
  problems: Count,
  /** Changes created in the period and those of them carried out. */
  changes: Count,
  changesImplemented: Count,
  availability: z.array(AssetAvailability),
  topFaultyAssets: z.array(AssetFaults),
  warrantyEndingSoon: z.array(WarrantyEnding),
});
export type ServiceStatistics = z.infer<typeof ServiceStatistics>;
