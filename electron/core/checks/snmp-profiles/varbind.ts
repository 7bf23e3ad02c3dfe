/**
 * What an SNMP profile parser reads: the varbinds of one sample, as the check
 * runner hands them over after adapting the transport's values.
 *
 * The runner's side of the contract (one sample):
 * - every OID of the parser's `oids.get`, in order, each answered by the
 *   agent's value or by an exception varbind (NoSuchObject / NoSuchInstance);
 * - followed by every varbind of every `oids.walk` subtree (GETNEXT/GETBULK
 *   until the answer leaves the subtree; the varbind that left it and a final
 *   EndOfMibView are not included). An OID may appear once only: a later
 *   duplicate is ignored.
 * A parser treats an exception, `Null`, or an OID that is simply not there the
 * same way: the object is absent. It never becomes 0 or ''.
 */
export const SNMP_VALUE_TYPES = [
  'Integer',
  'OctetString',
  'ObjectIdentifier',
  'IpAddress',
  'Counter32',
  'Gauge32',
  'TimeTicks',
  'Opaque',
  'Counter64',
  'NoSuchObject',
  'NoSuchInstance',
  'EndOfMibView',
  'Null',
] as const;
export type SnmpValueType = (typeof SNMP_VALUE_TYPES)[number];

export interface SnmpVarbind {
  /** Numeric OID without a leading dot: '1.3.6.1.2.1.1.5.0'. */
  oid: string;
  type: SnmpValueType;
  /**
   * Integer, Counter32, Gauge32, TimeTicks: number. Counter64: bigint (a
   * number or a decimal string is accepted too). OctetString: the text when
   * the bytes are printable UTF-8, else hex as `0x00 1a 2b` (see
   * `octetStringValue`). ObjectIdentifier: numeric, no leading dot.
   * IpAddress: dotted quad. Opaque: hex like OctetString. Exceptions and Null: null.
   */
  value: number | bigint | string | null;
}

const EXCEPTIONS: ReadonlySet<SnmpValueType> = new Set(['NoSuchObject', 'NoSuchInstance', 'EndOfMibView', 'Null']);

/** The agent has no value here (an exception varbind, or Null). */
export function isAbsent(varbind: SnmpVarbind): boolean {
  return EXCEPTIONS.has(varbind.type) || varbind.value === null;
}

// ---------------------------------------------------------------- octet strings

const HEX_FORM = /^0x[0-9a-f]{2}(?: [0-9a-f]{2})*$/i;

/** `0x00 1a 2b`: lower-case, one space between bytes. '' for no bytes (an empty string is text). */
export function toHexForm(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}

/** The bytes of a value in hex form, or null when `value` is not in that form. */
export function fromHexForm(value: string): Uint8Array | null {
  if (!HEX_FORM.test(value)) return null;
  return Uint8Array.from(value.slice(2).split(' '), (pair) => Number.parseInt(pair, 16));
}

/* Tab, LF and CR are text (sysDescr is often multi-line); other C0 controls, DEL and C1 controls are not. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function decodePrintable(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string | null {
  // Many agents pad fixed-size strings with NULs (UPS cards especially): they are not part of the text.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  if (end === 0) return bytes.length === 0 ? '' : null;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end));
    return CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}

/**
 * The canonical form of an OCTET STRING for SnmpVarbind.value: the text when
 * the bytes are printable UTF-8 (trailing NUL padding dropped), otherwise hex
 * (`0x00 16 c7 02 6e c0` for a MAC address). The runner uses this to adapt the
 * transport's Buffers.
 */
export function octetStringValue(bytes: Uint8Array): string {
  return decodePrintable(bytes, 'utf-8') ?? toHexForm(bytes);
}

/**
 * A DisplayString as a person should read it. The value is already text when
 * it was UTF-8; a value in hex form is tried once more as GB18030, because
 * Chinese devices commonly store sysLocation, ifAlias and entity names in the
 * console's GBK encoding ("机房A" arrives as `0xbb fa b7 bf 41`). Only for
 * objects that are text by definition: a MAC address must stay hex.
 * Whatever cannot be read as text stays as it came (hex). Trimmed, with
 * CR LF line ends made LF (IOS ends sysDescr lines with CR LF).
 */
export function displayText(value: string): string {
  const bytes = fromHexForm(value);
  const text = bytes === null ? value : (decodePrintable(bytes, 'utf-8') ?? decodePrintable(bytes, 'gb18030') ?? value);
  return text.replace(/\r\n?/g, '\n').trim();
}
