import { z } from 'zod';
import { put, type Metrics, type SnmpMetricSpec } from './metrics';
import { notImplemented, numberOf, oidOf, requireSamples, Sample, secondsOfTicks, textOf } from './read';
import type { SnmpProfileParser } from './snmp-parser';
import type { SnmpVarbind } from './varbind';

/*
 * SNMPv2-MIB system group (RFC 3418), 1.3.6.1.2.1.1: who the device says it
 * is and how long its agent has been up. Plus snmpEngineTime (SNMP-FRAMEWORK-
 * MIB, RFC 3411): sysUpTime is a TimeTicks and wraps to 0 after 2^32
 * hundredths of a second (497.1 days), which a switch nobody rebooted reaches;
 * snmpEngineTime counts seconds since the engine's last boot and does not.
 */

export const ID = 'snmp.mib2-system';

export const OID = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
  snmpEngineTime: '1.3.6.1.6.3.10.2.1.3.0',
} as const;

/** sysUpTime cannot count past this many seconds (2^32 ticks). */
const SYS_UPTIME_WRAP_SECONDS = 2 ** 32 / 100;

/**
 * Vendors by the enterprise number in sysObjectID (1.3.6.1.4.1.<n>…), from
 * IANA's Private Enterprise Numbers. Only vendors a Chinese or international
 * site commonly has; others give null (the number is still in `enterprise`).
 */
const ENTERPRISES: Readonly<Record<number, string>> = {
  9: 'Cisco',
  11: 'HP',
  311: 'Microsoft',
  318: 'APC',
  476: 'Vertiv (Liebert)',
  534: 'Eaton (Powerware)',
  674: 'Dell',
  2011: 'Huawei',
  2636: 'Juniper',
  3902: 'ZTE',
  4881: 'Ruijie',
  6876: 'VMware',
  8072: 'Net-SNMP',
  12356: 'Fortinet',
  19046: 'Lenovo',
  25506: 'H3C',
};

export const Mib2System = z.object({
  /** sysDescr, CR LF made LF, trimmed. */
  description: z.string().nullable(),
  /** sysObjectID, numeric. */
  objectId: z.string().nullable(),
  /** The enterprise number in sysObjectID, when it is under 1.3.6.1.4.1. */
  enterprise: z.number().int().nonnegative().nullable(),
  /** The vendor that enterprise number belongs to, for the well-known ones. */
  vendor: z.string().nullable(),
  /** sysUpTime in whole seconds (agent uptime; wraps after 497 days). */
  sysUpTimeSeconds: z.number().int().nonnegative().nullable(),
  /** snmpEngineTime, seconds since the SNMP engine last booted. */
  engineTimeSeconds: z.number().int().nonnegative().nullable(),
  /** The uptime to believe: sysUpTime, or snmpEngineTime when sysUpTime must have wrapped. */
  uptimeSeconds: z.number().int().nonnegative().nullable(),
  contact: z.string().nullable(),
  name: z.string().nullable(),
  location: z.string().nullable(),
});
export type Mib2System = z.infer<typeof Mib2System>;
export const schema = Mib2System;

export function parse(samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): Mib2System {
  requireSamples(ID, samples, sampleTimesMs);
  const sample = new Sample(samples[samples.length - 1] ?? []);
  const objectId = oidOf(sample.get(OID.sysObjectID));
  const enterpriseMatch = objectId === null ? null : /^1\.3\.6\.1\.4\.1\.(\d+)(?:\.|$)/.exec(objectId);
  const enterprise = enterpriseMatch ? Number(enterpriseMatch[1]) : null;
  const sysUpTimeSeconds = secondsOfTicks(sample.get(OID.sysUpTime));
  const engineTime = numberOf(sample.get(OID.snmpEngineTime));
  const engineTimeSeconds = engineTime !== null && engineTime >= 0 ? Math.floor(engineTime) : null;
  const parsed: Mib2System = {
    description: textOf(sample.get(OID.sysDescr)),
    objectId,
    enterprise,
    vendor: enterprise === null ? null : (ENTERPRISES[enterprise] ?? null),
    sysUpTimeSeconds,
    engineTimeSeconds,
    uptimeSeconds: engineTimeSeconds !== null && engineTimeSeconds >= SYS_UPTIME_WRAP_SECONDS ? engineTimeSeconds : sysUpTimeSeconds,
    contact: textOf(sample.get(OID.sysContact)),
    name: textOf(sample.get(OID.sysName)),
    location: textOf(sample.get(OID.sysLocation)),
  };
  if (parsed.description === null && objectId === null && sysUpTimeSeconds === null && parsed.name === null && parsed.contact === null && parsed.location === null) {
    throw notImplemented(ID, 'system group (sysDescr, sysObjectID, sysUpTime, sysName)');
  }
  return parsed;
}

export const METRICS: readonly SnmpMetricSpec[] = [
  { name: 'uptime.seconds', kind: 'number', unit: 's', description: 'Time since the SNMP agent (re)started: sysUpTime, or snmpEngineTime past the 497 days sysUpTime can count.' },
  { name: 'system.name', kind: 'text', description: 'sysName.' },
  { name: 'system.description', kind: 'text', description: 'sysDescr (model and software version, as the vendor writes it).' },
  { name: 'system.object-id', kind: 'text', description: 'sysObjectID: the vendor and model, as an OID.' },
  { name: 'system.vendor', kind: 'text', description: 'Vendor of the sysObjectID enterprise number, for the well-known ones.' },
  { name: 'system.contact', kind: 'text', description: 'sysContact ("" when not configured).' },
  { name: 'system.location', kind: 'text', description: 'sysLocation ("" when not configured).' },
];

export function metrics(parsed: Mib2System): Metrics {
  const m: Metrics = {};
  put(m, 'uptime.seconds', parsed.uptimeSeconds);
  put(m, 'system.name', parsed.name);
  put(m, 'system.description', parsed.description);
  put(m, 'system.object-id', parsed.objectId);
  put(m, 'system.vendor', parsed.vendor);
  put(m, 'system.contact', parsed.contact);
  put(m, 'system.location', parsed.location);
  return m;
}

export const PARSER: SnmpProfileParser<Mib2System> = {
  id: ID,
  oids: { get: Object.values(OID) },
  schema,
  parse,
  metrics,
  metricSpecs: METRICS,
};
