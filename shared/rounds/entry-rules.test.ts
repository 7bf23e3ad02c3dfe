import { describe, expect, it } from 'vitest';
import { TemplateItem, type EntryValue, type TemplateItem as Item } from '../domain/rounds';
import { entryProblem, evaluateEntry, isFilled, judgeReading, needsNote } from './entry-rules';

const item = (spec: unknown, extra: Record<string, unknown> = {}): Item => TemplateItem.parse({ key: 'x', label: 'X', spec, ...extra });
const temperature = item({ type: 'number', unit: '°C', thresholds: { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 } });

describe('judging a reading against its limits', () => {
  it('warns outside the warning limits, fails outside the failure limits, and keeps a reading on a limit within it', () => {
    const limits = { failBelow: 15, warnBelow: 18, warnAbove: 27, failAbove: 30 };
    expect([14.9, 15, 17.9, 18, 22, 27, 27.1, 30, 30.1].map((v) => judgeReading(v, limits))).toEqual([
      'failed', 'warning', 'warning', 'ok', 'ok', 'ok', 'warning', 'warning', 'failed',
    ]);
  });

  it('lets a failure limit win where it is stricter than a warning limit', () => {
    expect(judgeReading(5, { failBelow: null, warnBelow: null, warnAbove: 3, failAbove: 4 })).toBe('failed');
    expect(judgeReading(-1, { failBelow: 0, warnBelow: 10, warnAbove: null, failAbove: null })).toBe('failed');
  });

  it('passes anything when no limit is set', () => {
    expect(judgeReading(1e9, { failBelow: null, warnBelow: null, warnAbove: null, failAbove: null })).toBe('ok');
  });
});

describe('evaluateEntry', () => {
  it('judges each item type', () => {
    const passFail = item({ type: 'pass-fail' });
    expect(evaluateEntry(passFail, { type: 'pass-fail', passed: true })).toBe('ok');
    expect(evaluateEntry(passFail, { type: 'pass-fail', passed: false })).toBe('failed');
    expect(evaluateEntry(temperature, { type: 'number', value: 31 })).toBe('failed');
    expect(evaluateEntry(temperature, { type: 'number', value: 28 })).toBe('warning');

    const choice = item({ type: 'choice', options: [{ value: 'normal', label: '正常', outcome: 'ok' }, { value: 'bypass', label: '旁路', outcome: 'warning' }, { value: 'battery', label: '电池', outcome: 'failed' }] });
    expect(evaluateEntry(choice, { type: 'choice', value: 'bypass' })).toBe('warning');
    expect(evaluateEntry(choice, { type: 'choice', value: 'battery' })).toBe('failed');
    expect(evaluateEntry(choice, { type: 'choice', value: 'nonsense' })).toBe('failed');

    expect(evaluateEntry(item({ type: 'text' }), { type: 'text', value: '门禁记录无异常' })).toBe('ok');
    expect(evaluateEntry(item({ type: 'photo' }), { type: 'photo', attachmentIds: [] })).toBe('ok');
    expect(evaluateEntry(item({ type: 'signature' }), { type: 'signature', attachmentId: '0190a1b2-0000-7000-8000-000000000001' })).toBe('ok');
    const drift = item({ type: 'config-drift' });
    expect(evaluateEntry(drift, { type: 'config-drift', changed: true, configBackupId: null, previousBackupId: null })).toBe('failed');
    expect(evaluateEntry(drift, { type: 'config-drift', changed: false, configBackupId: null, previousBackupId: null })).toBe('ok');
  });

  it('judges automatic readings: numbers by thresholds, text by okValues, nothing measured as a warning', () => {
    const runtime = item({ type: 'auto', binding: { kind: 'snmp', profileId: 'ups-mib', metric: 'battery.runtime-minutes' }, unit: 'min', thresholds: { failBelow: 10, warnBelow: 20 } });
    const auto = (value: number | string | null): EntryValue => ({ type: 'auto', value, checkResultId: null });
    expect(evaluateEntry(runtime, auto(45))).toBe('ok');
    expect(evaluateEntry(runtime, auto(15))).toBe('warning');
    expect(evaluateEntry(runtime, auto(4))).toBe('failed');
    expect(evaluateEntry(runtime, auto(null))).toBe('warning');
    const source = item({ type: 'auto', binding: { kind: 'snmp', profileId: 'ups-mib', metric: 'output.source' }, okValues: ['normal'] });
    expect(evaluateEntry(source, auto('normal'))).toBe('ok');
    expect(evaluateEntry(source, auto('battery'))).toBe('failed');
    const anyText = item({ type: 'auto', binding: { kind: 'ssh', profileId: null, metric: 'software.version' } });
    expect(evaluateEntry(anyText, auto('V200R011'))).toBe('ok');
  });

  it('marks not-applicable whatever the item, and a value of another type as failed', () => {
    expect(evaluateEntry(temperature, { type: 'not-applicable' })).toBe('not-applicable');
    expect(evaluateEntry(temperature, { type: 'text', value: '31' })).toBe('failed');
  });
});

describe('isFilled, needsNote and entryProblem', () => {
  it('counts blank text, too few photos and unmeasured automatic items as not filled', () => {
    expect(isFilled(item({ type: 'text' }), { type: 'text', value: '  ' })).toBe(false);
    expect(isFilled(item({ type: 'text' }), { type: 'text', value: '无' })).toBe(true);
    const twoPhotos = item({ type: 'photo', minPhotos: 2 });
    expect(isFilled(twoPhotos, { type: 'photo', attachmentIds: ['0190a1b2-0000-7000-8000-000000000001'] })).toBe(false);
    expect(isFilled(item({ type: 'photo', minPhotos: 0 }), { type: 'photo', attachmentIds: [] })).toBe(true);
    expect(isFilled(item({ type: 'auto', binding: { kind: 'ping', profileId: null, metric: 'ping.loss-percent' } }), { type: 'auto', value: null, checkResultId: null })).toBe(false);
    expect(isFilled(temperature, { type: 'not-applicable' })).toBe(true);
  });

  it('asks a note of failed pass/fail and numeric entries only', () => {
    expect(needsNote(item({ type: 'pass-fail' }), 'failed')).toBe(true);
    expect(needsNote(temperature, 'failed')).toBe(true);
    expect(needsNote(temperature, 'warning')).toBe(false);
    expect(needsNote(item({ type: 'config-drift' }), 'failed')).toBe(false);
  });

  it('refuses a value of another type or an unknown option', () => {
    expect(entryProblem(temperature, { type: 'number', value: 20 })).toBeNull();
    expect(entryProblem(temperature, { type: 'not-applicable' })).toBeNull();
    expect(entryProblem(temperature, { type: 'pass-fail', passed: true })).toMatch(/number/);
    const choice = item({ type: 'choice', options: [{ value: 'a', label: 'A', outcome: 'ok' }, { value: 'b', label: 'B', outcome: 'failed' }] });
    expect(entryProblem(choice, { type: 'choice', value: 'c' })).toMatch(/not one of the options/);
  });
});
