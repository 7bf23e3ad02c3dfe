import { ASSET_STATUSES, ASSET_TYPES, type AssetStatus, type AssetType } from '@shared/domain/assets';
import { statusFromWord, typeFromWord } from './asset-vocabulary';

/** A cell turned into a field value, or why it cannot be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export function parseType(text: string): Parsed<AssetType> {
  const type = typeFromWord(text);
  return type ? ok(type) : fail(`Unknown asset type "${text}"; use one of ${ASSET_TYPES.join(', ')} (or 服务器, 交换机, 路由器, 防火墙, 存储, 空调 …)`);
}

export function parseStatus(text: string): Parsed<AssetStatus> {
  const status = statusFromWord(text);
  return status ? ok(status) : fail(`Unknown status "${text}"; use one of ${ASSET_STATUSES.join(', ')} (or 在用, 备用, 故障, 报废)`);
}

/** Excel's day 0 (its 1900 calendar counts a 29 February 1900 that never was, hence the 30th). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers of plausible purchase and warranty dates (1927–2173): a bare 2024 is not a date. */
const SERIAL_RANGE = [10_000, 100_000] as const;

/**
 * A calendar date as YYYY-MM-DD from the ways sheets write one: 2024-05-01,
 * 2024/5/1, 2024.5.1, 2024年5月1日, an Excel serial number (45413), or a date
 * with a time after it (the time is dropped).
 */
export const parseDate = remembered(readDate);

function readDate(text: string): Parsed<string> {
  const serial = /^\d{5}(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (serial >= SERIAL_RANGE[0] && serial < SERIAL_RANGE[1]) {
    return ok(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10));
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return fail(`"${text}" is not a date; write it as YYYY-MM-DD (2024-05-01, 2024/5/1 and 2024.5.1 work too)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`"${text}" is not a day of the calendar`);
  }
  return ok(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`);
}

/** Several addresses in one cell, separated by commas, semicolons, slashes, spaces or line breaks (either width). */
export function splitIps(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,;/、]+/)
    .filter(Boolean);
}

/**
 * A rack position: "10", "U10", "10U", or a range "U10-U11", "10-11", "10~11"
 * that gives the height too (two U here). Heights: "2", "2U".
 */
export function parseRackUnits(text: string): Parsed<{ start: number; height: number | null }> {
  const normalised = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const single = /^U?(\d{1,2})U?$/.exec(normalised);
  if (single) return ok({ start: Number(single[1]), height: null });
  const range = /^U?(\d{1,2})U?[-~至到]U?(\d{1,2})U?$/.exec(normalised);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    return ok({ start: Math.min(a, b), height: Math.abs(b - a) + 1 });
  }
  return fail(`"${text}" is not a rack position; write the first U (10 or U10) or a range (U10-U11)`);
}

export function parseRackHeight(text: string): Parsed<number> {
  const match = /^(\d{1,2})\s*U?$/i.exec(text.normalize('NFKC').trim());
  return match ? ok(Number(match[1])) : fail(`"${text}" is not a height in U; write a number such as 2 or 2U`);
}

/** Sheets repeat the same few dates (a purchase batch, a contract end) down a column: each spelling is read once. */
function remembered<T>(parse: (text: string) => Parsed<T>): (text: string) => Parsed<T> {
  const seen = new Map<string, Parsed<T>>();
  return (text) => {
    let result = seen.get(text);
    if (!result) {
      result = parse(text);
      // Bounded, so a column of distinct values costs a lookup, not memory.
      if (seen.size >= 1000) seen.clear();
      seen.set(text, result);
    }
    return result;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
