import * as entitySensor from './entity-sensor';
import * as hostResources from './host-resources';
import type { Metrics } from './metrics';
import * as mib2Interfaces from './mib2-interfaces';
import * as mib2System from './mib2-system';
import type { SnmpProfileParser } from './snmp-parser';
import * as upsMib from './ups-mib';
import type { SnmpVarbind } from './varbind';

export type { SnmpProfileParser } from './snmp-parser';
export type { SnmpMetricSpec, SnmpMetricUnit } from './metrics';
export { SNMP_VALUE_TYPES, isAbsent, octetStringValue, displayText, toHexForm, fromHexForm, type SnmpValueType, type SnmpVarbind } from './varbind';

const ALL = [mib2System.PARSER, mib2Interfaces.PARSER, hostResources.PARSER, upsMib.PARSER, entitySensor.PARSER] as const;

/**
 * SNMP parser id → parser. Ids are stable ('snmp.<mib>'): profiles under
 * resources/profiles/snmp/ and stored check results refer to them. (The
 * cast forgets each parser's value type: callers get `unknown` and go
 * through `schema` or `parseSnmp`.)
 */
export const SNMP_PARSERS: ReadonlyMap<string, SnmpProfileParser> = new Map(ALL.map((p) => [p.id, p as unknown as SnmpProfileParser]));

export function getSnmpParser(id: string): SnmpProfileParser | undefined {
  return SNMP_PARSERS.get(id);
}

/**
 * Parses and measures in one step, checking the parsed value against the
 * parser's schema (a parser bug fails loudly instead of storing a malformed
 * value). The parsed value is plain JSON (no bigint), ready to store.
 */
export function parseSnmp(id: string, samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): { parsed: unknown; metrics: Metrics } {
  const parser = SNMP_PARSERS.get(id);
  if (!parser) throw new Error(`Unknown SNMP parser "${id}"`);
  const parsed = parser.schema.parse(parser.parse(samples, sampleTimesMs));
  return { parsed, metrics: parser.metrics(parsed) };
}
