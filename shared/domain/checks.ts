import { z } from 'zod';
import { EpochMs, Id } from './ids';

/**
 * Device checks (设备检测): measurements made from the engineer's laptop. Every
 * result is kept as evidence — raw output, parsed values and flat metrics — so
 * a checklist item or an incident can point at it.
 */
export const CHECK_KINDS = ['ping', 'tcp', 'http', 'snmp', 'ssh', 'captured'] as const;
export const CheckKind = z.enum(CHECK_KINDS);
export type CheckKind = z.infer<typeof CheckKind>;

/** Kinds a run can be asked for (captured output is pasted, not run). */
export const RUNNABLE_CHECK_KINDS = ['ping', 'tcp', 'http', 'snmp', 'ssh'] as const;
export const RunnableCheckKind = z.enum(RUNNABLE_CHECK_KINDS);
export type RunnableCheckKind = z.infer<typeof RunnableCheckKind>;

/**
 * ok: it ran and the device is healthy; warning/failed: it ran and the device
 * reports trouble (a fan down, a disk nearly full); error: it could not run
 * (timeout, refused, auth); cancelled: a person stopped it.
 */
export const CheckStatus = z.enum(['ok', 'warning', 'failed', 'error', 'cancelled']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const MetricValue = z.union([z.number(), z.string()]);
export const Metrics = z.record(z.string(), MetricValue);

/**
 * The unit codes a metric can carry (docs/parsers.md lists every metric with
 * its unit). Symbols, not words: the UI spells them in its language.
 * `count` is a plain number of things; `d` whole days.
 */
export const METRIC_UNIT_CODES = ['%', '°C', 's', 'ms', 'min', 'd', 'bytes', 'W', 'V', 'A', 'Hz', 'rpm', 'count'] as const;
export type MetricUnitCode = (typeof METRIC_UNIT_CODES)[number];
/**
 * Metric name → unit code, for the metrics of a result that have one (text
 * and unitless numbers such as a load average or an HTTP status have none).
 * Any string is accepted when reading: a result synced from a newer build may
 * use a unit this one does not know, and shows it as it is.
 */
export const MetricUnits = z.record(z.string(), z.string().max(20));

/** Largest raw output kept per result; longer output is cut and marked. */
export const MAX_RAW_OUTPUT_CHARS = 1_000_000;

export const CheckResult = z.object({
  id: Id,
  runId: Id.nullable(),
  assetId: Id.nullable(),
  /** Address (and port) the check talked to, or 'captured'. */
  target: z.string(),
  kind: CheckKind,
  /** Profile (e.g. huawei-vrp, mib2-system) and the step within it (a command, an OID group). */
  profileId: z.string(),
  step: z.string(),
  /** How it was done, e.g. fping or system-ping for ping, exec or shell for SSH. */
  method: z.string().nullable(),
  rawOutput: z.string(),
  parsed: z.unknown(),
  metrics: Metrics,
  /** The unit of each metric that has one, stored with the result (results older than schema 12 got theirs in migration 0012). */
  units: MetricUnits,
  status: CheckStatus,
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  startedAt: EpochMs,
  finishedAt: EpochMs,
});
export type CheckResult = z.infer<typeof CheckResult>;

/** A result without its raw output and parsed tree, for lists. */
export const CheckResultSummary = CheckResult.omit({ rawOutput: true, parsed: true });
export type CheckResultSummary = z.infer<typeof CheckResultSummary>;

export const CheckScope = z.union([
  z.object({ assetIds: z.array(Id).min(1).max(10_000) }),
  z.object({ location: z.object({ kind: z.enum(['client', 'site', 'room', 'rack']), id: Id }) }),
]);
export type CheckScope = z.infer<typeof CheckScope>;

export const CheckRun = z.object({
  id: Id,
  label: z.string(),
  kinds: z.array(RunnableCheckKind),
  status: z.enum(['running', 'done', 'cancelled']),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  startedAt: EpochMs,
  finishedAt: EpochMs.nullable(),
});
export type CheckRun = z.infer<typeof CheckRun>;

/** How one asset is checked; unset fields fall back to defaults from its type and vendor. */
export const CheckSettingsFields = z.object({
  /** The address to check; the first management IP when null. */
  address: z.string().trim().max(255).nullable(),
  sshProfile: z.string().max(60).nullable(),
  snmpProfiles: z.array(z.string().max(60)).max(20),
  tcpPorts: z.array(z.number().int().min(1).max(65535)).max(50),
  httpUrls: z.array(z.url({ protocol: /^https?$/ })).max(20),
  /** Old SSH algorithms this device needs, e.g. diffie-hellman-group14-sha1. Enabled for this device only. */
  legacyAlgorithms: z.array(z.string().max(60)).max(20),
});
export type CheckSettingsFields = z.infer<typeof CheckSettingsFields>;

export const CheckSettings = CheckSettingsFields.extend({
  assetId: Id,
  /** True where a value is the default derived from type and vendor rather than set by a person. */
  defaults: z.object({ address: z.boolean(), sshProfile: z.boolean(), snmpProfiles: z.boolean() }),
});
export type CheckSettings = z.infer<typeof CheckSettings>;

/** Text in both UI languages, as profiles ship it. */
export const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() });

export const CheckProfileInfo = z.object({
  id: z.string(),
  kind: z.enum(['snmp', 'ssh']),
  name: LocalizedText,
  steps: z.array(z.object({ id: z.string(), label: LocalizedText })),
});
export type CheckProfileInfo = z.infer<typeof CheckProfileInfo>;

export const LatestMetric = z.object({
  name: z.string(),
  value: MetricValue,
  unit: z.string().nullable(),
  at: EpochMs,
  resultId: Id,
  profileId: z.string(),
});

export const SshHostKey = z.object({
  address: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  fingerprint: z.string(),
  pinnedAt: EpochMs,
  pinnedBy: z.string(),
  /** A different key the device offered since: connections are blocked until a person accepts it. */
  pendingFingerprint: z.string().nullable(),
  pendingKeyType: z.string().nullable(),
  pendingSince: EpochMs.nullable(),
});
export type SshHostKey = z.infer<typeof SshHostKey>;

export const ConfigBackupSummary = z.object({
  id: Id,
  assetId: Id,
  fetchedAt: EpochMs,
  command: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  /** Differs from the backup before it. */
  changed: z.boolean(),
});
export type ConfigBackupSummary = z.infer<typeof ConfigBackupSummary>;
