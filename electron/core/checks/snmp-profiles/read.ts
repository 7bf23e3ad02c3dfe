import { ParseError } from '../parsers/parse-error';
import { displayText, isAbsent, type SnmpVarbind } from './varbind';

/*
 * Reading one sample: scalars by OID, tables by column and index, values
 * converted by their SNMP type. Every accessor returns null for an object the
 * agent did not give (absent, an exception, or the wrong type for the object),
 * so "not there" can never turn into 0 or ''.
 */

export function normalizeOid(oid: string): string {
  return oid.startsWith('.') ? oid.slice(1) : oid;
}

const NUMERIC_TYPES = new Set(['Integer', 'Counter32', 'Gauge32', 'TimeTicks', 'Counter64']);

/** A number-typed value as a JS number (Counter64 above 2^53 loses precision; fine for display and percentages). */
export function numberOf(varbind: SnmpVarbind | undefined): number | null {
  if (!varbind || isAbsent(varbind) || !NUMERIC_TYPES.has(varbind.type)) return null;
  const { value } = varbind;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** A counter's exact value with its width, for deltas (Counter32 or Counter64 only). */
export function counterOf(varbind: SnmpVarbind | undefined): { value: bigint; bits: 32 | 64 } | null {
  if (!varbind || isAbsent(varbind)) return null;
  if (varbind.type !== 'Counter32' && varbind.type !== 'Counter64') return null;
  const { value } = varbind;
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) big = BigInt(value);
  else if (typeof value === 'string' && /^\d+$/.test(value.trim())) big = BigInt(value.trim());
  else return null;
  const bits = varbind.type === 'Counter32' ? 32 : 64;
  if (big < 0n || big >= 1n << BigInt(bits)) return null;
  return { value: big, bits };
}

/** An OCTET STRING that is text by definition (DisplayString, SnmpAdminString), decoded for reading. */
export function textOf(varbind: SnmpVarbind | undefined): string | null {
  if (!varbind || isAbsent(varbind) || varbind.type !== 'OctetString' || typeof varbind.value !== 'string') return null;
  return displayText(varbind.value);
}

/** An OBJECT IDENTIFIER value, without a leading dot. */
export function oidOf(varbind: SnmpVarbind | undefined): string | null {
  if (!varbind || isAbsent(varbind) || varbind.type !== 'ObjectIdentifier' || typeof varbind.value !== 'string') return null;
  return normalizeOid(varbind.value.trim());
}

/** An INTEGER enumeration mapped to its name; a value the MIB does not define is null. */
export function enumOf<T extends string>(varbind: SnmpVarbind | undefined, names: Readonly<Record<number, T>>): T | null {
  const n = numberOf(varbind);
  return n === null ? null : (names[n] ?? null);
}

/** TimeTicks (hundredths of a second) → whole seconds. */
export function secondsOfTicks(varbind: SnmpVarbind | undefined): number | null {
  if (!varbind || varbind.type !== 'TimeTicks') return null;
  const ticks = numberOf(varbind);
  return ticks === null || ticks < 0 ? null : Math.floor(ticks / 100);
}

/** Rounds to `digits` decimals (percentages to 0.01, volts to 0.1). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** One sample indexed by OID. Exceptions are dropped; the first varbind of an OID wins. */
export class Sample {
  private readonly byOid = new Map<string, SnmpVarbind>();

  constructor(varbinds: readonly SnmpVarbind[]) {
    for (const varbind of varbinds) {
      if (isAbsent(varbind)) continue;
      const oid = normalizeOid(varbind.oid);
      if (!this.byOid.has(oid)) this.byOid.set(oid, varbind);
    }
  }

  get size(): number {
    return this.byOid.size;
  }

  get(oid: string): SnmpVarbind | undefined {
    return this.byOid.get(oid);
  }

  /** Anything at all under `prefix`? */
  has(prefix: string): boolean {
    const base = `${prefix}.`;
    for (const oid of this.byOid.keys()) if (oid === prefix || oid.startsWith(base)) return true;
    return false;
  }

  /**
   * A conceptual table: `entryOid` is the table's Entry (e.g. ifEntry
   * 1.3.6.1.2.1.2.2.1); the result maps each row index (the OID arcs after
   * the column, '11001' or '1.4' for a two-part index) to its columns.
   */
  table(entryOid: string): Map<string, Map<number, SnmpVarbind>> {
    const base = `${entryOid}.`;
    const rows = new Map<string, Map<number, SnmpVarbind>>();
    for (const [oid, varbind] of this.byOid) {
      if (!oid.startsWith(base)) continue;
      const rest = oid.slice(base.length);
      const dot = rest.indexOf('.');
      if (dot <= 0 || dot === rest.length - 1) continue;
      const column = Number(rest.slice(0, dot));
      if (!Number.isInteger(column)) continue;
      const index = rest.slice(dot + 1);
      let row = rows.get(index);
      if (!row) rows.set(index, (row = new Map()));
      row.set(column, varbind);
    }
    return rows;
  }
}

/** Sorts table row indexes numerically arc by arc ('2' before '10', '1.2' before '1.10'). */
export function compareIndex(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The parser was handed no sample at all: a runner bug, not a device answer. */
export function requireSamples(parserId: string, samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): void {
  if (samples.length === 0) throw new Error(`${parserId}: no sample to parse`);
  if (sampleTimesMs.length !== samples.length) throw new Error(`${parserId}: ${samples.length} samples but ${sampleTimesMs.length} sample times`);
}

/** The agent answered none of the objects this profile reads: it does not implement the MIB (or the view hides it). */
export function notImplemented(parserId: string, what: string): ParseError {
  return new ParseError(`${parserId}: the agent returned none of the ${what} objects (MIB not implemented, or not in the community's / user's view)`, {
    parserId,
    reason: 'empty',
  });
}
