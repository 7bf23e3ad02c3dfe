import { CiscoShowInterfacesStatus } from '../parsed-values';
import { INTERFACE_METRICS, interfaceMetrics, type MetricSpec, type Metrics } from '../metrics';
import { isRule, notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'cisco.show-interfaces-status', dialect: 'ios', commands: ['show interfaces status', 'show interface status'] };
export const schema = CiscoShowInterfacesStatus;

type Interface = CiscoShowInterfacesStatus['interfaces'][number];

/*
 * Fixed-width columns in theory; in practice a short port name shifts a row
 * ("Fa1/6   test ...") and names fill their column, so rows are read by
 * anchoring on the status word (a known vocabulary) and the duplex word:
 *   port  name...  status[: TDR note]  vlan  duplex  speed  [type...]
 * The vlan is one word, or "pvlan <mode>". NX-OS also prints fibre-channel
 * lines ("fc2/1 is up    Port mode is NP") in the same output.
 */
const STATUSES = [
  'err-disabled', 'errdisable', 'notconnect', 'notconnec', 'connected', 'disabled', 'suspended', 'suspnd', 'inactive', 'monitoring',
  'faulty', 'sfpAbsent', 'xcvrAbsent', 'xcvrInval', 'sfpInvali', 'noOperMem', 'noOperMembers', 'channelDo', 'linkFlapE', 'up', 'down',
].join('|');
const DUPLEX = '(?:a-)?(?:full|half|auto)';
const HEADER = /^\s*Port\s+Name\s+Status\s+Vlan\s+Duplex\s+Speed\s+Type\s*$/i;
const ROW = new RegExp(`^(\\S+)\\s+(.*?)\\s*\\b(${STATUSES})(?::(?:\\s+[A-Z]+\\b)?)?\\s+(pvlan\\s+\\S+|\\S+)\\s+(${DUPLEX})\\s+(\\S+)(?:\\s+(.*?))?\\s*$`);
const FC_ROW = /^(fc\S+)\s+is\s+(\S+)(?:\s+Port mode is\s+(\S+)|\s+\((.+)\))?\s*$/;

export function speedMbps(speed: string): number | null {
  const m = /^(?:a-)?(\d+(?:\.\d+)?)([GM])?$/i.exec(speed);
  if (!m) return null;
  return Number(m[1]) * ((m[2] ?? 'M').toUpperCase() === 'G' ? 1000 : 1);
}

function withState(row: Omit<Interface, 'up' | 'adminDown' | 'errDisabled' | 'speedMbps'>): Interface {
  return {
    ...row,
    up: /^(?:connected|up|monitoring)$/i.test(row.status),
    adminDown: /^disabled$/i.test(row.status),
    errDisabled: /^(?:err-disabled|errdisable)$/i.test(row.status),
    speedMbps: speedMbps(row.speed),
  };
}

export function parse(text: string): CiscoShowInterfacesStatus {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "Port Name Status Vlan Duplex Speed Type" header');
  const interfaces: Interface[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '' || isRule(line)) continue;
    const fc = FC_ROW.exec(line.trim());
    if (fc) {
      interfaces.push(withState({ port: fc[1] as string, name: '', status: fc[2] as string, vlan: '', duplex: '', speed: '', type: fc[4] ?? '', fcMode: fc[3] ?? '' }));
      continue;
    }
    const m = ROW.exec(line.trim());
    if (!m) throw unexpectedLine(SPEC, line);
    interfaces.push(
      withState({
        port: m[1] as string,
        name: (m[2] as string).trim(),
        status: m[3] as string,
        vlan: (m[4] as string).replace(/\s+/g, ' '),
        duplex: m[5] as string,
        speed: m[6] as string,
        type: m[7] ?? '',
        fcMode: '',
      }),
    );
  }
  return { interfaces };
}

export const METRICS: readonly MetricSpec[] = [
  ...INTERFACE_METRICS,
  { name: 'interfaces.err-disabled-count', kind: 'number', unit: 'count', description: 'Ports in err-disabled state.' },
  { name: 'interfaces.half-duplex-count', kind: 'number', unit: 'count', description: 'Ports running half duplex (a duplex mismatch suspect).' },
];

export function metrics(parsed: CiscoShowInterfacesStatus): Metrics {
  return {
    ...interfaceMetrics(parsed.interfaces),
    'interfaces.err-disabled-count': parsed.interfaces.filter((i) => i.errDisabled).length,
    'interfaces.half-duplex-count': parsed.interfaces.filter((i) => i.up && /half$/i.test(i.duplex)).length,
  };
}
