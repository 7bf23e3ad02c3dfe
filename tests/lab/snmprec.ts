/**
 * Reads snmpsim's .snmprec recordings (`OID|TAG|VALUE` per line) so tests can
 * compare what the simulator answered with what the real device recorded.
 * TAG is the BER type (2 Integer32, 4 OCTET STRING, 6 OID, 64 IpAddress,
 * 65 Counter32, 66 Gauge32, 67 TimeTicks, 70 Counter64, ...); a trailing `x`
 * means VALUE is hex (binary or non-printable strings).
 */
import { readFileSync } from 'node:fs';

export const SNMP_TYPE = {
  Integer: 2,
  OctetString: 4,
  Null: 5,
  ObjectIdentifier: 6,
  IpAddress: 64,
  Counter32: 65,
  Gauge32: 66,
  TimeTicks: 67,
  Opaque: 68,
  Counter64: 70,
} as const;

export interface SnmprecValue {
  oid: string;
  /** BER tag number (see SNMP_TYPE). */
  type: number;
  /** The value's bytes for strings (hex decoded), the text otherwise (numbers, OIDs, dotted IPs). */
  value: Buffer | string;
  /** For strings, the bytes as latin1 text; for the rest, the same as value. */
  text: string;
}

export function parseSnmprec(content: string): Map<string, SnmprecValue> {
  const values = new Map<string, SnmprecValue>();
  for (const line of content.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const first = line.indexOf('|');
    const second = line.indexOf('|', first + 1);
    if (first < 0 || second < 0) continue;
    const oid = line.slice(0, first);
    const tag = line.slice(first + 1, second);
    const raw = line.slice(second + 1).replace(/\r$/, '');
    const hex = tag.endsWith('x');
    const type = Number.parseInt(tag, 10);
    if (type === SNMP_TYPE.OctetString || type === SNMP_TYPE.Opaque || (hex && type === SNMP_TYPE.IpAddress)) {
      const bytes = hex ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'latin1');
      const text = type === SNMP_TYPE.IpAddress ? [...bytes].join('.') : bytes.toString('latin1');
      values.set(oid, { oid, type, value: type === SNMP_TYPE.IpAddress ? text : bytes, text });
    } else {
      values.set(oid, { oid, type, value: raw, text: raw });
    }
  }
  return values;
}

export function readSnmprec(path: string): Map<string, SnmprecValue> {
  return parseSnmprec(readFileSync(path, 'utf8'));
}

/** The entries under `prefix` (e.g. ifDescr 1.3.6.1.2.1.2.2.1.2), in file order (snmprec files are sorted). */
export function subtree(values: Map<string, SnmprecValue>, prefix: string): SnmprecValue[] {
  const base = `${prefix}.`;
  return [...values.values()].filter((entry) => entry.oid.startsWith(base));
}
