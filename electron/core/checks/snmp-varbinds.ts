import { octetStringValue, toHexForm, type SnmpVarbind as ParserVarbind } from './snmp-profiles';
import type { SnmpVarbind as TransportVarbind } from './transports';

/**
 * The transport's varbinds (JSON-safe values, OctetStrings with their exact
 * bytes in `hex`) in the shape the SNMP profile parsers read
 * (snmp-profiles/varbind.ts): OctetStrings as printable text or `0x..` hex
 * form, OIDs as ObjectIdentifier, Opaque and BITS as hex form, Counter64 as
 * its decimal string. SMI has no BOOLEAN: an agent that sends one gets
 * TruthValue's numbers (true 1, false 2).
 */
export function toParserVarbind(vb: TransportVarbind): ParserVarbind {
  switch (vb.type) {
    case 'OctetString':
      return { oid: vb.oid, type: 'OctetString', value: vb.hex !== undefined ? octetStringValue(Buffer.from(vb.hex, 'hex')) : String(vb.value ?? '') };
    case 'OID':
      return { oid: vb.oid, type: 'ObjectIdentifier', value: typeof vb.value === 'string' ? vb.value : null };
    case 'Opaque':
    case 'BitString':
      return { oid: vb.oid, type: 'Opaque', value: typeof vb.value === 'string' && /^(?:[0-9a-f]{2})*$/i.test(vb.value) ? toHexForm(Buffer.from(vb.value, 'hex')) : String(vb.value ?? '') };
    case 'Boolean':
      return { oid: vb.oid, type: 'Integer', value: vb.value ? 1 : 2 };
    case 'Integer':
    case 'Counter32':
    case 'Gauge32':
    case 'TimeTicks':
      return { oid: vb.oid, type: vb.type, value: typeof vb.value === 'number' ? vb.value : Number(vb.value) };
    case 'Counter64':
    case 'IpAddress':
      return { oid: vb.oid, type: vb.type, value: vb.value === null ? null : String(vb.value) };
    case 'Null':
    case 'NoSuchObject':
    case 'NoSuchInstance':
    case 'EndOfMibView':
      return { oid: vb.oid, type: vb.type, value: null };
  }
}

/** One varbind per line, the way snmpwalk prints them, as the raw output of an SNMP result. */
export function varbindLines(varbinds: readonly TransportVarbind[]): string {
  return varbinds
    .map((vb) => {
      if (vb.value === null) return `${vb.oid} = ${vb.type}`;
      const value =
        vb.type === 'OctetString' ? (vb.encoding === 'text' ? JSON.stringify(vb.value) : toHexForm(Buffer.from(vb.hex ?? '', 'hex'))) : String(vb.value);
      return `${vb.oid} = ${vb.type}: ${value}`;
    })
    .join('\n');
}
