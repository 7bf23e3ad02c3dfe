import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeOid } from '../read';
import type { SnmpProfileParser } from '../snmp-parser';
import { octetStringValue, toHexForm, type SnmpValueType, type SnmpVarbind } from '../varbind';

/** tests/fixtures/snmp: recordings from snmpsim and hand-written agent answers (see its README). */
export const SNMP_FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/snmp', import.meta.url));

/*
 * snmpsim's .snmprec format: `OID|TAG|VALUE` per line, sorted by OID. TAG is
 * the BER type number; a trailing `x` means VALUE is hex. The values become
 * SnmpVarbinds the way the check runner adapts the transport's values, so a
 * parser sees here what it sees from a live agent.
 */
const TAGS: Readonly<Record<number, SnmpValueType>> = {
  2: 'Integer',
  4: 'OctetString',
  5: 'Null',
  6: 'ObjectIdentifier',
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

export function parseSnmprec(content: string): SnmpVarbind[] {
  const varbinds: SnmpVarbind[] = [];
  for (const line of content.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const first = line.indexOf('|');
    const second = line.indexOf('|', first + 1);
    if (first < 0 || second < 0) throw new Error(`not an snmprec line: ${line}`);
    const oid = line.slice(0, first);
    const tag = line.slice(first + 1, second);
    const raw = line.slice(second + 1).replace(/\r$/, '');
    const hex = tag.endsWith('x');
    const type = TAGS[Number.parseInt(tag, 10)];
    if (!type) throw new Error(`unknown snmprec tag ${tag} at ${oid}`);
    const bytes = hex ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'latin1');
    let value: SnmpVarbind['value'];
    switch (type) {
      case 'OctetString':
        value = octetStringValue(bytes);
        break;
      case 'Opaque':
        value = toHexForm(bytes);
        break;
      case 'IpAddress':
        value = hex ? [...bytes].join('.') : raw;
        break;
      case 'Counter64':
        value = BigInt(raw);
        break;
      case 'ObjectIdentifier':
        value = normalizeOid(raw);
        break;
      case 'Null':
      case 'NoSuchObject':
      case 'NoSuchInstance':
      case 'EndOfMibView':
        value = null;
        break;
      default:
        value = Number(raw);
    }
    varbinds.push({ oid: normalizeOid(oid), type, value });
  }
  return varbinds;
}

export function readSnmprec(...parts: string[]): SnmpVarbind[] {
  return parseSnmprec(readFileSync(join(SNMP_FIXTURES, ...parts), 'latin1'));
}

/**
 * What the runner hands a parser for one sample when the agent holds
 * `recording`: each `get` OID answered or NoSuchObject, then each `walk`
 * subtree in OID order.
 */
export function answer(recording: readonly SnmpVarbind[], oids: SnmpProfileParser['oids']): SnmpVarbind[] {
  const byOid = new Map(recording.map((v) => [v.oid, v]));
  const out: SnmpVarbind[] = [];
  for (const oid of oids.get ?? []) out.push(byOid.get(oid) ?? { oid, type: 'NoSuchObject', value: null });
  for (const prefix of oids.walk ?? []) out.push(...recording.filter((v) => v.oid.startsWith(`${prefix}.`)));
  return out;
}

/** A copy of `recording` with some values replaced (and OIDs mapped to undefined removed). */
export function withChanges(recording: readonly SnmpVarbind[], changes: Readonly<Record<string, SnmpVarbind['value'] | undefined>>): SnmpVarbind[] {
  return recording.flatMap((v) => {
    if (!(v.oid in changes)) return [v];
    const value = changes[v.oid];
    return value === undefined ? [] : [{ ...v, value }];
  });
}

/** Numeric OID order, arc by arc: the order snmpsim needs in a .snmprec file. */
export function compareOids(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i += 1) {
    const d = (pa[i] as number) - (pb[i] as number);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}
