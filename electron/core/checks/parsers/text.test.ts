import { describe, expect, it } from 'vitest';
import { ParseError } from './parse-error';
import { cellsKeepingParens, durationSeconds, outputLines, type CommandSpec } from './text';

const vrp: CommandSpec = { parserId: 'test.vrp', dialect: 'vrp', commands: ['display interface brief'] };

describe('outputLines', () => {
  it('drops the prompt, the echoed command (also abbreviated) and the closing prompt', () => {
    expect(outputLines('<HUAWEI>display interface brief\r\nA\r\nB\r\n<HUAWEI>', vrp)).toEqual(['A', 'B']);
    expect(outputLines('[~HUAWEI]dis int bri\nA\n[~HUAWEI]', vrp)).toEqual(['A']);
    expect(outputLines('display interface brief\nA', vrp)).toEqual(['A']);
    expect(outputLines('\n\nA\n\n', vrp)).toEqual(['A']);
  });

  it('keeps data lines that only look a little like a command', () => {
    expect(outputLines('<HUAWEI>display interface brief\ndisplay something else\nA', vrp)).toEqual(['display something else', 'A']);
  });

  it('throws a cli-error ParseError on a refused command', () => {
    expect(() => outputLines("<HUAWEI>display interface brief\n  ^\nError: Unrecognized command found at '^' position.\n<HUAWEI>", vrp)).toThrow(ParseError);
  });

  it('recognises the prompts of each dialect', () => {
    expect(outputLines('SW-01(config)#show version\nX\nSW-01(config)#', { parserId: 't', dialect: 'ios', commands: ['show version'] })).toEqual(['X']);
    expect(outputLines('[root@db-01 ~]# uptime\nX\n[root@db-01 ~]# ', { parserId: 't', dialect: 'linux', commands: ['uptime'] })).toEqual(['X']);
    expect(outputLines('RBM_P<H3C>display fan\nX\nRBM_P<H3C>', { parserId: 't', dialect: 'comware', commands: ['display fan'] })).toEqual(['X']);
  });
});

describe('durationSeconds', () => {
  it.each([
    ['161 days, 0 hour, 20 minutes', 161 * 86400 + 1200],
    ['2 years, 31 weeks, 6 days, 9 hours, 55 minutes', (2 * 365 + 31 * 7 + 6) * 86400 + 9 * 3600 + 55 * 60],
    ['0 weeks,2 days,4 hours,36 minutes', 2 * 86400 + 4 * 3600 + 36 * 60],
    ['1 minute', 60],
  ])('%s', (text, seconds) => expect(durationSeconds(text)).toBe(seconds));

  it('returns null for anything else', () => {
    expect(durationSeconds('a while')).toBeNull();
    expect(durationSeconds('')).toBeNull();
  });
});

describe('cellsKeepingParens', () => {
  it('keeps a parenthesised group with spaces as one cell', () => {
    expect(cellsKeepingParens('15    -      CMU(MPU 9)   Present')).toEqual(['15', '-', 'CMU(MPU 9)', 'Present']);
  });
});
