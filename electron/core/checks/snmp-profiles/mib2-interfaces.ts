import { z } from 'zod';
import { counterIncrease, couldWrapUnseen } from './counters';
import { put, type Metrics, type SnmpMetricSpec } from './metrics';
import { compareIndex, counterOf, enumOf, notImplemented, numberOf, requireSamples, round, Sample, textOf } from './read';
import type { SnmpProfileParser } from './snmp-parser';
import type { SnmpVarbind } from './varbind';

/*
 * IF-MIB (RFC 2863): ifTable (1.3.6.1.2.1.2.2) and ifXTable
 * (1.3.6.1.2.1.31.1.1). Status and counters per interface, and utilisation
 * from two samples taken `intervalMs` apart.
 *
 * Counters: the 64-bit ifHCIn/OutOctets when the agent has them for that
 * interface in both samples, else the 32-bit ifIn/OutOctets (RFC 2863 only
 * requires HC counters above 20 Mbit/s; Null0, stack ports and old agents
 * lack them). Speed: ifSpeed (bit/s) below its 4,294,967,295 ceiling, else
 * ifHighSpeed (Mbit/s); 0 means the agent does not know.
 *
 * Utilisation is unknown — never negative, never a guess — when:
 *   single-sample       only one sample was taken;
 *   bad-interval        the sample times do not go forward;
 *   agent-restart       sysUpTime went down between the samples (every counter restarted);
 *   discontinuity       ifCounterDiscontinuityTime changed (the interface's counters restarted),
 *                       or a counter went back by more than one wrap can explain;
 *   implausible         the increase is more than the line rate allows (+5% for timing);
 *   wraps-within-interval a 32-bit counter at this speed can go round a whole
 *                       cycle within the interval (from about 2.2 Gbit/s over
 *                       15 s): what it shows could be 2^32 short;
 *   no-speed            the agent reports no speed;
 *   no-counters         the interface has no octet counters (in both samples).
 * The errors and discards in the interval follow the same rules (except speed).
 */

export const ID = 'snmp.mib2-interfaces';

/** Long enough that counters the agent refreshes every few seconds move, short enough for a sweep. */
export const SAMPLE_INTERVAL_MS = 15_000;

const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';
const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';
const IF = { ifDescr: 2, ifType: 3, ifSpeed: 5, ifAdminStatus: 7, ifOperStatus: 8, ifInOctets: 10, ifInDiscards: 13, ifInErrors: 14, ifOutOctets: 16, ifOutDiscards: 19, ifOutErrors: 20 } as const;
const IFX = { ifName: 1, ifHCInOctets: 6, ifHCOutOctets: 10, ifHighSpeed: 15, ifAlias: 18, ifCounterDiscontinuityTime: 19 } as const;

const IF_SPEED_CEILING = 4_294_967_295;
/** Timing slack on the line rate: the two samples' request latencies differ. */
const LINE_RATE_SLACK = 1.05;

const ADMIN_STATUS = { 1: 'up', 2: 'down', 3: 'testing' } as const;
const OPER_STATUS = { 1: 'up', 2: 'down', 3: 'testing', 4: 'unknown', 5: 'dormant', 6: 'notPresent', 7: 'lowerLayerDown' } as const;
/** Operational states that mean "should carry traffic and does not" on an interface that is enabled. */
const DOWN_STATES: ReadonlySet<string> = new Set(['down', 'lowerLayerDown', 'notPresent']);

const UNKNOWN_REASONS = ['single-sample', 'bad-interval', 'agent-restart', 'discontinuity', 'implausible', 'wraps-within-interval', 'no-speed', 'no-counters'] as const;
const UnknownReason = z.enum(UNKNOWN_REASONS);
type UnknownReason = z.infer<typeof UnknownReason>;

const count = z.number().nonnegative().nullable();

export const SnmpInterface = z.object({
  ifIndex: z.number().int().nonnegative(),
  /** ifName ("Gi1/0/1"), else ifDescr, else "ifIndex N". */
  name: z.string(),
  /** ifDescr ("GigabitEthernet1/0/1"). */
  description: z.string().nullable(),
  /** ifAlias: the description a person configured ('' when none). */
  alias: z.string().nullable(),
  /** IANAifType number (6 ethernetCsmacd, 24 softwareLoopback, 53 propVirtual, 161 ieee8023adLag...). */
  type: z.number().int().nullable(),
  adminStatus: z.enum(['up', 'down', 'testing']).nullable(),
  operStatus: z.enum(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown']).nullable(),
  speedBitsPerSecond: z.number().nonnegative().nullable(),
  /** Width of the octet counters used: 64 (ifHC…) or 32. */
  counterBits: z.union([z.literal(32), z.literal(64)]).nullable(),
  /** Counter values in the last sample (since the agent's counters last started). */
  inOctets: count,
  outOctets: count,
  inErrors: count,
  outErrors: count,
  inDiscards: count,
  outDiscards: count,
  /** Increases between the two samples. */
  interval: z.object({ inErrors: count, outErrors: count, inDiscards: count, outDiscards: count }),
  inBitsPerSecond: count,
  outBitsPerSecond: count,
  inUtilPercent: z.number().min(0).max(100).nullable(),
  outUtilPercent: z.number().min(0).max(100).nullable(),
  /** Why utilisation is unknown (the first reason met), null when both directions are known. */
  utilUnknownReason: UnknownReason.nullable(),
});
export type SnmpInterface = z.infer<typeof SnmpInterface>;

export const Mib2Interfaces = z.object({
  /** Seconds between the two samples, by the laptop's clock; null with one sample. */
  intervalSeconds: z.number().nullable(),
  /** sysUpTime went down between the samples. Null when it could not be compared. */
  agentRestarted: z.boolean().nullable(),
  interfaces: z.array(SnmpInterface),
});
export type Mib2Interfaces = z.infer<typeof Mib2Interfaces>;
export const schema = Mib2Interfaces;

type Row = Map<number, SnmpVarbind>;
const EMPTY_ROW: Row = new Map();

function speedOf(row: Row, xrow: Row): number | null {
  const ifSpeed = numberOf(row.get(IF.ifSpeed));
  if (ifSpeed !== null && ifSpeed > 0 && ifSpeed < IF_SPEED_CEILING) return ifSpeed;
  const highSpeed = numberOf(xrow.get(IFX.ifHighSpeed));
  if (highSpeed !== null && highSpeed > 0) return highSpeed * 1_000_000;
  return null;
}

interface Octets {
  bits: 32 | 64;
  in: bigint;
  out: bigint;
}

function octetsOf(row: Row, xrow: Row, bits: 32 | 64): Octets | null {
  const inCounter = bits === 64 ? counterOf(xrow.get(IFX.ifHCInOctets)) : counterOf(row.get(IF.ifInOctets));
  const outCounter = bits === 64 ? counterOf(xrow.get(IFX.ifHCOutOctets)) : counterOf(row.get(IF.ifOutOctets));
  // The width comes from the varbind type, not from the column: a Counter32 in an HC column is read as 32-bit.
  if (!inCounter || !outCounter || inCounter.bits !== outCounter.bits) return null;
  return { bits: inCounter.bits, in: inCounter.value, out: outCounter.value };
}

function counterNumber(varbind: SnmpVarbind | undefined): number | null {
  const c = counterOf(varbind);
  return c === null ? null : Number(c.value);
}

/** The increase of a Counter32/64 column between two rows, or null (with no plausibility limit but the half-range rule). */
function columnIncrease(before: Row, after: Row, column: number): number | null {
  const a = counterOf(before.get(column));
  const b = counterOf(after.get(column));
  if (!a || !b || a.bits !== b.bits) return null;
  const result = counterIncrease(a.value, b.value, a.bits);
  return result.ok ? Number(result.increase) : null;
}

export function parse(samples: readonly (readonly SnmpVarbind[])[], sampleTimesMs: readonly number[]): Mib2Interfaces {
  requireSamples(ID, samples, sampleTimesMs);
  const last = new Sample(samples[samples.length - 1] ?? []);
  const first = samples.length >= 2 ? new Sample(samples[0] ?? []) : null;
  const ifRows = last.table(IF_ENTRY);
  const ifxRows = last.table(IFX_ENTRY);
  if (ifRows.size === 0) throw notImplemented(ID, 'ifTable');
  const firstIfRows = first?.table(IF_ENTRY) ?? new Map<string, Row>();
  const firstIfxRows = first?.table(IFX_ENTRY) ?? new Map<string, Row>();

  let intervalSeconds: number | null = null;
  let agentRestarted: boolean | null = null;
  let globalReason: UnknownReason | null = null;
  if (first === null) {
    globalReason = 'single-sample';
  } else {
    intervalSeconds = ((sampleTimesMs[sampleTimesMs.length - 1] as number) - (sampleTimesMs[0] as number)) / 1000;
    const upBefore = numberOf(first.get(SYS_UP_TIME));
    const upAfter = numberOf(last.get(SYS_UP_TIME));
    if (upBefore !== null && upAfter !== null) agentRestarted = upAfter < upBefore;
    if (!(intervalSeconds > 0)) globalReason = 'bad-interval';
    else if (agentRestarted === true) globalReason = 'agent-restart';
  }

  const interfaces: SnmpInterface[] = [];
  for (const index of [...ifRows.keys()].sort(compareIndex)) {
    const ifIndex = Number(index);
    if (!Number.isSafeInteger(ifIndex)) continue;
    const row = ifRows.get(index) ?? EMPTY_ROW;
    const xrow = ifxRows.get(index) ?? EMPTY_ROW;
    const description = textOf(row.get(IF.ifDescr));
    const ifName = textOf(xrow.get(IFX.ifName));
    const speed = speedOf(row, xrow);
    const octetsNow = octetsOf(row, xrow, 64) ?? octetsOf(row, xrow, 32);

    const entry: SnmpInterface = {
      ifIndex,
      name: ifName || description || `ifIndex ${ifIndex}`,
      description,
      alias: textOf(xrow.get(IFX.ifAlias)),
      type: numberOf(row.get(IF.ifType)),
      adminStatus: enumOf(row.get(IF.ifAdminStatus), ADMIN_STATUS),
      operStatus: enumOf(row.get(IF.ifOperStatus), OPER_STATUS),
      speedBitsPerSecond: speed,
      counterBits: null,
      inOctets: octetsNow === null ? null : Number(octetsNow.in),
      outOctets: octetsNow === null ? null : Number(octetsNow.out),
      inErrors: counterNumber(row.get(IF.ifInErrors)),
      outErrors: counterNumber(row.get(IF.ifOutErrors)),
      inDiscards: counterNumber(row.get(IF.ifInDiscards)),
      outDiscards: counterNumber(row.get(IF.ifOutDiscards)),
      interval: { inErrors: null, outErrors: null, inDiscards: null, outDiscards: null },
      inBitsPerSecond: null,
      outBitsPerSecond: null,
      inUtilPercent: null,
      outUtilPercent: null,
      utilUnknownReason: globalReason,
    };
    interfaces.push(entry);
    if (globalReason !== null || intervalSeconds === null) {
      entry.counterBits = octetsNow?.bits ?? null;
      continue;
    }

    const before = firstIfRows.get(index) ?? EMPTY_ROW;
    const xbefore = firstIfxRows.get(index) ?? EMPTY_ROW;
    // The same width in both samples: HC when both have it, else 32-bit when both have that.
    let pair: [Octets, Octets] | null = null;
    for (const bits of [64, 32] as const) {
      const a = octetsOf(before, xbefore, bits);
      const b = octetsOf(row, xrow, bits);
      if (a && b && a.bits === b.bits) {
        pair = [a, b];
        break;
      }
    }
    entry.counterBits = pair?.[1].bits ?? octetsNow?.bits ?? null;

    const discontinuityBefore = numberOf(xbefore.get(IFX.ifCounterDiscontinuityTime));
    const discontinuityAfter = numberOf(xrow.get(IFX.ifCounterDiscontinuityTime));
    if (discontinuityBefore !== null && discontinuityAfter !== null && discontinuityBefore !== discontinuityAfter) {
      entry.utilUnknownReason = 'discontinuity';
      continue;
    }

    entry.interval = {
      inErrors: columnIncrease(before, row, IF.ifInErrors),
      outErrors: columnIncrease(before, row, IF.ifOutErrors),
      inDiscards: columnIncrease(before, row, IF.ifInDiscards),
      outDiscards: columnIncrease(before, row, IF.ifOutDiscards),
    };

    if (pair === null) {
      entry.utilUnknownReason = 'no-counters';
      continue;
    }
    if (speed === null) {
      entry.utilUnknownReason = 'no-speed';
      continue;
    }
    const [a, b] = pair;
    const bytesPerSecond = speed / 8;
    if (couldWrapUnseen(b.bits, bytesPerSecond * LINE_RATE_SLACK, intervalSeconds)) {
      entry.utilUnknownReason = 'wraps-within-interval';
      continue;
    }
    const maxIncrease = BigInt(Math.ceil(bytesPerSecond * intervalSeconds * LINE_RATE_SLACK));
    const directions = [
      ['in', a.in, b.in],
      ['out', a.out, b.out],
    ] as const;
    for (const [direction, previous, current] of directions) {
      const result = counterIncrease(previous, current, b.bits, maxIncrease);
      if (!result.ok) {
        entry.utilUnknownReason ??= result.reason;
        continue;
      }
      const bitsPerSecond = (Number(result.increase) * 8) / intervalSeconds;
      const util = Math.min(100, round((bitsPerSecond / speed) * 100));
      if (direction === 'in') {
        entry.inBitsPerSecond = Math.round(bitsPerSecond);
        entry.inUtilPercent = util;
      } else {
        entry.outBitsPerSecond = Math.round(bitsPerSecond);
        entry.outUtilPercent = util;
      }
    }
  }
  return { intervalSeconds, agentRestarted, interfaces };
}

export const METRICS: readonly SnmpMetricSpec[] = [
  { name: 'interfaces.count', kind: 'number', unit: 'count', description: 'Interfaces in ifTable.' },
  { name: 'interfaces.up-count', kind: 'number', unit: 'count', description: 'Interfaces operationally up.' },
  { name: 'interfaces.down-count', kind: 'number', unit: 'count', description: 'Interfaces enabled (admin up) but down, lower-layer-down or not present.' },
  { name: 'interfaces.admin-down-count', kind: 'number', unit: 'count', description: 'Interfaces shut down by configuration.' },
  { name: 'interfaces.error-count', kind: 'number', unit: 'count', description: 'In + out errors during the sampling interval, all interfaces whose counters could be compared.' },
  { name: 'interfaces.discard-count', kind: 'number', unit: 'count', description: 'In + out discards during the sampling interval.' },
  { name: 'interfaces.max-util-percent', kind: 'number', unit: '%', description: 'Busiest direction of the busiest interface during the sampling interval.' },
  { name: 'interfaces.max-util-interface', kind: 'text', description: 'That interface (ifName).' },
];

function sumKnown(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, v) => s + v, 0);
}

export function metrics(parsed: Mib2Interfaces): Metrics {
  const m: Metrics = {};
  const list = parsed.interfaces;
  put(m, 'interfaces.count', list.length);
  put(m, 'interfaces.up-count', list.filter((i) => i.operStatus === 'up').length);
  put(m, 'interfaces.down-count', list.filter((i) => i.adminStatus === 'up' && i.operStatus !== null && DOWN_STATES.has(i.operStatus)).length);
  put(m, 'interfaces.admin-down-count', list.filter((i) => i.adminStatus === 'down').length);
  put(m, 'interfaces.error-count', sumKnown(list.flatMap((i) => [i.interval.inErrors, i.interval.outErrors])));
  put(m, 'interfaces.discard-count', sumKnown(list.flatMap((i) => [i.interval.inDiscards, i.interval.outDiscards])));
  let busiest: { name: string; util: number } | null = null;
  for (const i of list) {
    for (const util of [i.inUtilPercent, i.outUtilPercent]) {
      if (util !== null && (busiest === null || util > busiest.util)) busiest = { name: i.name, util };
    }
  }
  if (busiest) {
    put(m, 'interfaces.max-util-percent', busiest.util);
    put(m, 'interfaces.max-util-interface', busiest.name);
  }
  return m;
}

export const PARSER: SnmpProfileParser<Mib2Interfaces> = {
  id: ID,
  oids: {
    get: [SYS_UP_TIME],
    walk: [...Object.values(IF).map((c) => `${IF_ENTRY}.${c}`), ...Object.values(IFX).map((c) => `${IFX_ENTRY}.${c}`)],
  },
  samples: { count: 2, intervalMs: SAMPLE_INTERVAL_MS },
  schema,
  parse,
  metrics,
  metricSpecs: METRICS,
};
