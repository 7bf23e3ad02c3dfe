import type { MetricSpec } from '../parsers/metrics';

export { put, type Metrics, type MetricValue } from '../parsers/metrics';

/**
 * A metric an SNMP profile can produce. The same shape as the SSH parsers'
 * MetricSpec, with the units SNMP devices report that SSH output does not
 * (a UPS's volts, amps, hertz and minutes, a fan's rpm). When MetricSpec's unit list grows
 * to include these, this becomes MetricSpec.
 */
export type SnmpMetricUnit = NonNullable<MetricSpec['unit']> | 'V' | 'A' | 'Hz' | 'min' | 'rpm';

export interface SnmpMetricSpec extends Omit<MetricSpec, 'unit'> {
  unit?: SnmpMetricUnit;
}
