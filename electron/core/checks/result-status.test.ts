import { describe, expect, it } from 'vitest';
import { matchingRules, resultStatus, STATUS_RULES } from './result-status';

describe('result status', () => {
  it('is ok when nothing matches, warning or failed by the rules, failed winning', () => {
    expect(resultStatus({ metrics: { 'cpu.percent': 12, 'psu.failed-count': 0, 'fan.failed-count': 0 }, errorCode: null })).toBe('ok');
    expect(resultStatus({ metrics: { 'psu.failed-count': 1 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'fan.failed-count': 2 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'temperature.alarm-count': 1 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'interfaces.down-count': 3, 'interfaces.admin-down-count': 10 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'interfaces.down-count': 0, 'interfaces.admin-down-count': 10 }, errorCode: null })).toBe('ok');
    expect(resultStatus({ metrics: { 'disk.max-used-percent': 90 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'disk.max-used-percent': 89.9 }, errorCode: null })).toBe('ok');
    expect(resultStatus({ metrics: { 'alarms.critical-count': 1, 'fan.failed-count': 1 }, errorCode: null })).toBe('failed');
    expect(resultStatus({ metrics: { 'battery.status': 'low' }, errorCode: null })).toBe('failed');
    expect(resultStatus({ metrics: { 'output.source': 'battery' }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'http.status': 503 }, errorCode: null })).toBe('failed');
    expect(resultStatus({ metrics: { 'http.status': 401 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'http.status': 302, 'tls.days-left': 12 }, errorCode: null })).toBe('warning');
    expect(resultStatus({ metrics: { 'tls.days-left': -1 }, errorCode: null })).toBe('failed');
  });

  it('is error (or cancelled) when the check could not run, whatever the metrics', () => {
    expect(resultStatus({ metrics: {}, errorCode: 'check.timeout' })).toBe('error');
    expect(resultStatus({ metrics: { 'cpu.percent': 99 }, errorCode: 'check.parse-failed' })).toBe('error');
    expect(resultStatus({ metrics: {}, errorCode: 'check.cancelled' })).toBe('cancelled');
  });

  it('judges a measured result by its metrics even with an error code: a ping nobody answered failed', () => {
    expect(resultStatus({ metrics: { 'ping.received': 0, 'ping.loss-percent': 100 }, errorCode: 'check.unreachable', measured: true })).toBe('failed');
    expect(resultStatus({ metrics: { 'ping.received': 2, 'ping.loss-percent': 33.3 }, errorCode: null })).toBe('warning');
  });

  it('names why, failed rules first, and ignores text where a number is meant', () => {
    expect(matchingRules({ 'fan.failed-count': 1, 'ping.received': 0 }).map((r) => r.status)).toEqual(['failed', 'warning']);
    expect(matchingRules({ 'fan.failed-count': '1' })).toEqual([]);
    for (const rule of STATUS_RULES) expect(rule.reason.length).toBeGreaterThan(5);
  });
});
