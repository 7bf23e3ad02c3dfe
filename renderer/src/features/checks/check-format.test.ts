import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorText, formatDuration, formatMetricValue, formatSeconds, metricLabel, profileLabel, statusTone, stepLabel, worseStatus } from './check-format';

/** A `t` over a flat table, returning defaultValue for anything else, as i18next does. */
function fakeT(table: Record<string, string>): TFunction {
  return ((key: string, options?: { defaultValue?: string }) => table[key] ?? options?.defaultValue ?? key) as unknown as TFunction;
}

const profiles = [
  {
    id: 'huawei-vrp',
    kind: 'ssh' as const,
    name: { 'zh-CN': '华为 VRP', en: 'Huawei VRP' },
    steps: [{ id: 'display version', label: { 'zh-CN': '软件版本', en: 'Software version' } }],
  },
];

describe('check values on screen', () => {
  it('names a metric in the UI language, or shows its name when this build has no words for it', () => {
    const t = fakeT({ 'metrics.names.cpu.percent': 'CPU 使用率' });
    expect(metricLabel('cpu.percent', t)).toBe('CPU 使用率');
    expect(metricLabel('vendor.new-thing', t)).toBe('vendor.new-thing');
  });

  it('formats values with their units in each language', () => {
    expect(formatMetricValue(42.5, '%', 'en')).toBe('42.5%');
    expect(formatMetricValue(38, '°C', 'zh-CN')).toBe('38°C');
    expect(formatMetricValue(1536, 'bytes', 'en')).toBe('1.5 kB');
    expect(formatMetricValue(12, 'count', 'en')).toBe('12');
    expect(formatMetricValue(230.4, 'V', 'en')).toBe('230.4 V');
    expect(formatMetricValue(1.25, 'ms', 'en')).toBe('1.25 ms');
    expect(formatMetricValue('V200R011C10SPC600', null, 'en')).toBe('V200R011C10SPC600');
  });

  it('writes an uptime as its two largest units', () => {
    expect(formatSeconds(3 * 86_400 + 4 * 3600 + 5 * 60, 'en')).toBe('3 days 4 hr');
    expect(formatSeconds(3 * 86_400 + 4 * 3600, 'zh-CN')).toBe('3天 4小时');
    expect(formatSeconds(65, 'en')).toBe('1 min 5 sec');
    expect(formatSeconds(0, 'en')).toBe('0 sec');
  });

  it('says how long a check took', () => {
    expect(formatDuration(350, 'en')).toBe('350 ms');
    expect(formatDuration(1240, 'en')).toBe('1.2 sec');
  });

  it('gives every status a colour and tells failed (device trouble) from error (could not check)', () => {
    expect(statusTone('ok').color).toBe('success');
    expect(statusTone('warning').color).toBe('warning');
    expect(statusTone('failed')).toEqual({ color: 'error', variant: 'filled' });
    expect(statusTone('error')).toEqual({ color: 'error', variant: 'outlined' });
    expect(worseStatus('ok', 'warning')).toBe('warning');
    expect(worseStatus('failed', 'error')).toBe('failed');
  });

  it('names profiles and steps from their shipped labels, kinds for profile-less checks', () => {
    const t = fakeT({ 'checks.kinds.ping': 'Ping' });
    expect(profileLabel('huawei-vrp', profiles, 'zh-CN', t)).toBe('华为 VRP');
    expect(profileLabel('huawei-vrp', profiles, 'en', t)).toBe('Huawei VRP');
    expect(profileLabel('ping', profiles, 'en', t)).toBe('Ping');
    expect(stepLabel('huawei-vrp', 'display version', profiles, 'zh-CN')).toBe('软件版本');
    expect(stepLabel('huawei-vrp', 'display fan', profiles, 'zh-CN')).toBe('display fan');
    expect(stepLabel('huawei-vrp', 'display version', null, 'en')).toBe('display version');
  });

  it('translates an error code and falls back to core’s message', () => {
    const t = fakeT({ 'errors.check.timeout': '设备未在规定时间内响应' });
    expect(errorText('check.timeout', 'Timed out after 3000 ms', t)).toBe('设备未在规定时间内响应');
    expect(errorText('check.new-code', 'Something new', t)).toBe('Something new');
    expect(errorText(null, null, t)).toBe('');
  });
});

describe('units and times the result viewer and charts need', () => {
  it('uses the unit a result stored for each metric, and none where it stored none', async () => {
    const { storedUnit } = await import('./check-format');
    const units = { 'cpu.percent': '%', 'uptime.seconds': 's', 'tls.days-left': 'd' };
    expect(storedUnit(units, 'cpu.percent')).toBe('%');
    expect(storedUnit(units, 'software.version')).toBeNull();
    // A name is not read for a unit: a result without one shows the plain number.
    expect(storedUnit({}, 'cpu.percent')).toBeNull();
    expect(storedUnit(units, 'toString')).toBeNull();
    expect(formatMetricValue(12, storedUnit(units, 'tls.days-left'), 'en')).toBe('12 days');
    expect(formatMetricValue(12, storedUnit(units, 'tls.days-left'), 'zh-CN')).toBe('12天');
  });

  it('labels chart ticks as finely as the span needs', async () => {
    const { formatTimeTick } = await import('./check-format');
    const at = Date.UTC(2026, 10, 28, 6, 54, 18);
    expect(formatTimeTick(at, 10_000, 'en')).toMatch(/\d{2}:54:18/);
    expect(formatTimeTick(at, 7 * 86_400_000, 'zh-CN')).toMatch(/11\/28|11月28日/);
  });
});
