/**
 * What an engineer types for a numeric reading, as a number. Chinese input
 * methods type full-width digits and punctuation (３１．５); a decimal comma
 * (31,5) is read as a decimal point, because a reading never needs a
 * thousands separator and a comma typed for a point must not turn 31,5 into 315.
 */
export type ParsedReading = { ok: true; value: number } | { ok: false; problem: 'empty' | 'not-a-number' };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0C]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/[\u2212\u2013]/g, '-');
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseReading(text: string): ParsedReading {
  const trimmed = halfWidth(text).trim().replace(/\s+/g, '');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const commas = trimmed.split(',').length - 1;
  if (commas > 1 || (commas === 1 && trimmed.includes('.'))) return { ok: false, problem: 'not-a-number' };
  const normalised = trimmed.replace(',', '.');
  if (!NUMBER.test(normalised)) return { ok: false, problem: 'not-a-number' };
  const value = Number(normalised);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'not-a-number' };
}

/** The text a stored reading goes back into the field as (no trailing zeros, no grouping). */
export function readingText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** Whether a key typed into an empty-looking row starts a number (digits, sign, decimal mark, full-width too). */
export function startsReading(key: string): boolean {
  return /^[0-9+\-.,\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0C]$/.test(key);
}
