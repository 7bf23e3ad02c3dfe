import { TextDecoder } from 'node:util';
import type { Varbind } from 'net-snmp';

export const SNMP_VALUE_TYPES = [
  'Integer',
  'OctetString',
  'OID',
  'IpAddress',
  'Counter32',
  'Gauge32',
  'TimeTicks',
  'Counter64',
  'Opaque',
  'Null',
  'Boolean',
  'BitString',
  'NoSuchObject',
  'NoSuchInstance',
  'EndOfMibView',
] as const;
export type SnmpValueType = (typeof SNMP_VALUE_TYPES)[number];

/** BER tag → our name (net-snmp's ObjectType numbers). */
const TYPE_BY_TAG: Record<number, SnmpValueType> = {
  1: 'Boolean',
  2: 'Integer',
  3: 'BitString',
  4: 'OctetString',
  5: 'Null',
  6: 'OID',
  64: 'IpAddress',
  65: 'Counter32',
  66: 'Gauge32',
  67: 'TimeTicks',
  68: 'Opaque',
  70: 'Counter64',
  128: 'NoSuchObject',
  129: 'NoSuchInstance',
  130: 'EndOfMibView',
};

/** The BER tag of each type, for comparing with recordings (snmprec) and other tools. */
export const SNMP_TAG: Record<SnmpValueType, number> = Object.fromEntries(Object.entries(TYPE_BY_TAG).map(([tag, name]) => [name, Number(tag)])) as Record<
  SnmpValueType,
  number
>;

/**
 * One value as plain JSON-safe data (results are stored and cross the IPC
 * edge, where a bigint or a Buffer would not survive):
 *  - Integer, Counter32, Gauge32: number; TimeTicks: number of hundredths of a second;
 *  - Counter64: decimal string (it exceeds 2^53; `BigInt(value)` when arithmetic is needed);
 *  - OctetString: UTF-8 text when the bytes are printable text (`encoding: 'text'`),
 *    else lower-case hex (`encoding: 'hex'`); `hex` always holds the exact bytes
 *    (a MAC address, or a GBK-encoded Chinese sysLocation, decode from there);
 *  - OID: dotted numbers; IpAddress: dotted quad; Opaque, BitString: hex;
 *  - Null, NoSuchObject, NoSuchInstance, EndOfMibView: null.
 */
export interface SnmpVarbind {
  oid: string;
  type: SnmpValueType;
  value: number | string | boolean | null;
  encoding?: 'text' | 'hex';
  hex?: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Printable: valid UTF-8 without control characters other than tab, CR and LF (trailing NULs, which some agents pad with, are dropped). */
export function octetsAsText(bytes: Buffer): string | null {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  const body = bytes.subarray(0, end);
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text) ? null : text;
}

function bufferOf(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  return null;
}

export function toVarbind(raw: Varbind): SnmpVarbind {
  const type = TYPE_BY_TAG[raw.type];
  const oid = raw.oid;
  switch (type) {
    case 'OctetString': {
      const bytes = bufferOf(raw.value) ?? Buffer.from(String(raw.value ?? ''), 'utf8');
      const hex = bytes.toString('hex');
      const text = octetsAsText(bytes);
      return text === null ? { oid, type, value: hex, encoding: 'hex', hex } : { oid, type, value: text, encoding: 'text', hex };
    }
    case 'Counter64': {
      const bytes = bufferOf(raw.value);
      const value = bytes ? (bytes.length === 0 ? '0' : BigInt(`0x${bytes.toString('hex')}`).toString()) : String(raw.value);
      return { oid, type, value };
    }
    case 'Opaque':
    case 'BitString': {
      const bytes = bufferOf(raw.value);
      return { oid, type, value: bytes ? bytes.toString('hex') : String(raw.value ?? ''), encoding: 'hex' };
    }
    case 'Integer':
    case 'Counter32':
    case 'Gauge32':
    case 'TimeTicks':
      return { oid, type, value: Number(raw.value) };
    case 'OID':
    case 'IpAddress':
      return { oid, type, value: String(raw.value) };
    case 'Boolean':
      return { oid, type, value: Boolean(raw.value) };
    case 'Null':
    case 'NoSuchObject':
    case 'NoSuchInstance':
    case 'EndOfMibView':
      return { oid, type, value: null };
    default:
      // net-snmp refuses unknown tags before we see them; keep whatever came as text.
      return { oid, type: 'Opaque', value: String(raw.value ?? ''), encoding: 'hex' };
  }
}

/** "1.3.6.1.2.1.1.5.0" (a leading dot allowed) → "1.3.6.1.2.1.1.5.0"; anything else → null. */
export function normaliseOid(oid: string): string | null {
  const text = String(oid).trim().replace(/^\./, '');
  return /^[0-2](?:\.(?:0|[1-9]\d{0,9}))+$/.test(text) ? text : null;
}
