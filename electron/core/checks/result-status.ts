import type { CheckStatus } from '@shared/domain/checks';
import type { Metrics, MetricValue } from './parsers';

/**
 * Whether what a check measured is healthy: every rule in one place, as data,
 * so the UI, the docs and a reviewer read the same thing. A result that ran
 * is 'failed' when a failed-rule matches, else 'warning' when a warning-rule
 * matches, else 'ok'. A result that could not run is 'error' (or 'cancelled');
 * rules do not apply to it.
 *
 * 'failed' is for "the service is down or something is broken now";
 * 'warning' for "look at it on this visit". The thresholds are the usual
 * inspection ones (90 % full, 30 days of certificate left); checklist items
 * bring their own thresholds where a site differs.
 */
export interface StatusRule {
  metric: string;
  status: 'warning' | 'failed';
  /** Why, in English, for the docs and tests. */
  reason: string;
  when(value: MetricValue): boolean;
}

const above = (limit: number) => (value: MetricValue) => typeof value === 'number' && value > limit;
const atLeast = (limit: number) => (value: MetricValue) => typeof value === 'number' && value >= limit;
const below = (limit: number) => (value: MetricValue) => typeof value === 'number' && value < limit;
const oneOf = (...texts: string[]) => (value: MetricValue) => typeof value === 'string' && texts.includes(value);

export const STATUS_RULES: readonly StatusRule[] = [
  // failed: down, expired, broken now
  { metric: 'ping.received', status: 'failed', reason: 'no reply to any ping', when: (v) => v === 0 },
  { metric: 'http.status', status: 'failed', reason: 'the web server answers with a 5xx error', when: atLeast(500) },
  { metric: 'tls.days-left', status: 'failed', reason: 'the TLS certificate has expired', when: below(0) },
  { metric: 'alarms.critical-count', status: 'failed', reason: 'critical alarms are active', when: above(0) },
  { metric: 'battery.status', status: 'failed', reason: 'the UPS battery is low or depleted', when: oneOf('low', 'depleted') },
  { metric: 'output.source', status: 'failed', reason: 'the UPS output is off', when: oneOf('none') },
  // warning: degraded, look at it on this visit
  { metric: 'ping.loss-percent', status: 'warning', reason: 'some pings were lost', when: above(0) },
  { metric: 'http.status', status: 'warning', reason: 'the web server answers with a 4xx error', when: (v) => typeof v === 'number' && v >= 400 && v < 500 },
  { metric: 'tls.days-left', status: 'warning', reason: 'the TLS certificate expires within 30 days', when: (v) => typeof v === 'number' && v >= 0 && v < 30 },
  { metric: 'psu.failed-count', status: 'warning', reason: 'a power supply is present but not supplying', when: above(0) },
  { metric: 'fan.failed-count', status: 'warning', reason: 'a fan is absent or abnormal', when: above(0) },
  { metric: 'temperature.alarm-count', status: 'warning', reason: 'a temperature sensor alarms or reached its warning threshold', when: above(0) },
  { metric: 'temperature.not-ok-count', status: 'warning', reason: 'a temperature sensor is not in a normal state', when: above(0) },
  { metric: 'sensor.failed-count', status: 'warning', reason: 'a sensor is nonoperational', when: above(0) },
  { metric: 'interfaces.down-count', status: 'warning', reason: 'an interface is enabled (admin up) but down', when: above(0) },
  { metric: 'interfaces.err-disabled-count', status: 'warning', reason: 'an interface is err-disabled', when: above(0) },
  { metric: 'cards.abnormal-count', status: 'warning', reason: 'a board is abnormal', when: above(0) },
  { metric: 'systemd.failed-count', status: 'warning', reason: 'a systemd unit has failed', when: above(0) },
  { metric: 'alarms.major-count', status: 'warning', reason: 'major alarms are active', when: above(0) },
  { metric: 'alarms.active-count', status: 'warning', reason: 'alarms are active', when: above(0) },
  { metric: 'alarms.count', status: 'warning', reason: 'UPS alarms are active', when: above(0) },
  { metric: 'output.source', status: 'warning', reason: 'the UPS runs on battery or bypass', when: oneOf('battery', 'bypass') },
  { metric: 'disk.max-used-percent', status: 'warning', reason: 'a disk is 90 % full or more', when: atLeast(90) },
  { metric: 'memory.used-percent', status: 'warning', reason: 'memory is 90 % used or more', when: atLeast(90) },
  { metric: 'cpu.percent', status: 'warning', reason: 'CPU is 90 % busy or more', when: atLeast(90) },
];

/** The rules that match these metrics, failed ones first. */
export function matchingRules(metrics: Metrics): StatusRule[] {
  const matched = STATUS_RULES.filter((rule) => {
    const value = metrics[rule.metric];
    return value !== undefined && rule.when(value);
  });
  return [...matched.filter((r) => r.status === 'failed'), ...matched.filter((r) => r.status === 'warning')];
}

/**
 * The status of one result. `errorCode` without `measured` means the check
 * could not run (error, or cancelled for check.cancelled); `measured` marks
 * a result that ran and carries an error code anyway (a ping nobody
 * answered: check.unreachable, judged by its metrics like any other).
 */
export function resultStatus(input: { metrics: Metrics; errorCode: string | null; measured?: boolean }): CheckStatus {
  if (input.errorCode !== null && !input.measured) return input.errorCode === 'check.cancelled' ? 'cancelled' : 'error';
  const rules = matchingRules(input.metrics);
  return rules[0]?.status ?? 'ok';
}
