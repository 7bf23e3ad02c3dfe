import { OUTPUT_PARSERS, type MetricSpec } from './parsers';
import { SNMP_PARSERS, type SnmpMetricSpec } from './snmp-profiles';

/** What a ping, TCP or HTTP check measures (SSH and SNMP metrics come from their parsers). */
export const PING_METRICS: readonly MetricSpec[] = [
  { name: 'ping.received', kind: 'number', unit: 'count', description: 'Echo replies received.' },
  { name: 'ping.loss-percent', kind: 'number', unit: '%', description: 'Echo requests without a reply.' },
  { name: 'ping.rtt-min-ms', kind: 'number', unit: 'ms', description: 'Fastest round trip.' },
  { name: 'ping.rtt-avg-ms', kind: 'number', unit: 'ms', description: 'Mean round trip.' },
  { name: 'ping.rtt-max-ms', kind: 'number', unit: 'ms', description: 'Slowest round trip.' },
];

export const TCP_METRICS: readonly MetricSpec[] = [{ name: 'tcp.connect-ms', kind: 'number', unit: 'ms', description: 'Time to open the TCP connection.' }];

export const HTTP_METRICS: readonly MetricSpec[] = [
  { name: 'http.status', kind: 'number', description: 'HTTP status code.' },
  { name: 'http.latency-ms', kind: 'number', unit: 'ms', description: 'Time until the response headers arrived.' },
  { name: 'http.total-ms', kind: 'number', unit: 'ms', description: 'Time until the response (up to the body limit) was read.' },
  { name: 'tls.days-left', kind: 'number', unit: 'd', description: 'Whole days until the server certificate expires (negative: expired).' },
  { name: 'tls.valid-to', kind: 'text', description: 'Expiry of the server certificate (as the certificate states it).' },
  { name: 'tls.authorized', kind: 'text', description: '"yes" when the certificate chain is trusted by this laptop, else the reason.' },
];

/** Every metric spec of every producer: the probes, each SSH output parser, each SNMP profile parser. */
export function allMetricSpecs(): { producer: string; spec: MetricSpec | SnmpMetricSpec }[] {
  return [
    ...PING_METRICS.map((spec) => ({ producer: 'ping', spec })),
    ...TCP_METRICS.map((spec) => ({ producer: 'tcp', spec })),
    ...HTTP_METRICS.map((spec) => ({ producer: 'http', spec })),
    ...[...OUTPUT_PARSERS.values()].flatMap((p) => p.metricSpecs.map((spec) => ({ producer: p.id, spec }))),
    ...[...SNMP_PARSERS.values()].flatMap((p) => p.metricSpecs.map((spec) => ({ producer: p.id, spec }))),
  ];
}

let units: Map<string, string | null> | null = null;

/**
 * The unit of a metric by name. A name means the same thing, in the same
 * unit, whichever parser produced it (cpu.percent is % from SNMP and from
 * SSH alike; metric-catalogue.test.ts holds every parser to that), so one
 * map serves every profile.
 */
export function metricUnit(name: string): string | null {
  if (!units) {
    units = new Map();
    for (const { spec } of allMetricSpecs()) if (!units.has(spec.name)) units.set(spec.name, spec.unit ?? null);
  }
  return units.get(name) ?? null;
}

/** The units a result stores beside its metrics: each metric that has one. */
export function unitsOf(metrics: Readonly<Record<string, unknown>>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of Object.keys(metrics)) {
    const unit = metricUnit(name);
    if (unit !== null) found[name] = unit;
  }
  return found;
}
