import type { z } from 'zod';
import type { Metrics, SnmpMetricSpec } from './metrics';
import type { SnmpVarbind } from './varbind';

/**
 * One SNMP profile parser as the check runner sees it. The runner fetches
 * `oids` (see varbind.ts for what a sample holds) once, or `samples.count`
 * times `samples.intervalMs` apart for rates, and calls `parse` with every
 * sample and the laptop's clock (epoch ms) when each was taken. `parse` is
 * pure and throws a ParseError (check.parse-failed, reason 'empty') when the
 * agent does not implement the MIB at all; a partial answer gives a partial
 * value, with null for what is missing. `metrics` flattens the value into
 * the names a checklist item binds to; `metricSpecs` lists every name it
 * can produce.
 */
export interface SnmpProfileParser<T = unknown> {
  /** 'snmp.<mib>': stable, profiles under resources/ and stored results refer to it. */
  id: string;
  /** Numeric OIDs, no leading dot. `get`: scalars (…0 instances); `walk`: subtrees, usually table columns. */
  oids: { get?: readonly string[]; walk?: readonly string[] };
  /** Only for rates: take two samples this far apart. Absent: one sample. */
  samples?: { count: 2; intervalMs: number };
  schema: z.ZodType<T>;
  parse(samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): T;
  metrics(parsed: T): Metrics;
  metricSpecs: readonly SnmpMetricSpec[];
}
