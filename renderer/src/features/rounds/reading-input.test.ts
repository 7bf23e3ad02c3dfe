import { describe, expect, it } from 'vitest';
import { parseReading, readingText, startsReading } from './reading-input';

describe('parseReading', () => {
  it.each([
    ['31', 31],
    ['31.5', 31.5],
    ['31,5', 31.5],
    [' 31 ', 31],
    ['-2', -2],
    ['+4.25', 4.25],
    ['.5', 0.5],
    ['5.', 5],
    ['３１．５', 31.5],
    ['３１，５', 31.5],
    ['－３', -3],
    ['1 000', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseReading(text)).toEqual({ ok: true, value });
  });

  it.each(['', '   '])('calls %j empty', (text) => {
    expect(parseReading(text)).toEqual({ ok: false, problem: 'empty' });
  });

  it.each(['abc', '31°C', '1,234.5', '1,2,3', '3..1', '--3', 'NaN', 'Infinity', '1e5', ','])('refuses %j', (text) => {
    expect(parseReading(text)).toEqual({ ok: false, problem: 'not-a-number' });
  });
});

describe('readingText', () => {
  it('writes integers and decimals plainly', () => {
    expect(readingText(31)).toBe('31');
    expect(readingText(31.5)).toBe('31.5');
    expect(readingText(0.1 + 0.2)).toBe('0.3');
  });
});

describe('startsReading', () => {
  it('knows the keys that begin a number', () => {
    expect(['3', '-', '.', ',', '３'].every(startsReading)).toBe(true);
    expect(['p', 'F', 'Enter', ' ', 'Tab'].some(startsReading)).toBe(false);
  });
});
