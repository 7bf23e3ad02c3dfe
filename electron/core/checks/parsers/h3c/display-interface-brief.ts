import { H3cDisplayInterfaceBrief } from '../parsed-values';
import { INTERFACE_METRICS, interfaceMetrics, type MetricSpec, type Metrics } from '../metrics';
import { notThisCommand, outputLines, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'h3c.display-interface-brief', dialect: 'comware', commands: ['display interface brief'] };
export const schema = H3cDisplayInterfaceBrief;

type Interface = H3cDisplayInterfaceBrief['interfaces'][number];

/*
 * Two sections, each with a legend and a header: route mode ("Interface Link
 * Protocol Main IP Description"; "Primary IP" on Comware 7) and bridge mode
 * ("Interface Link Speed Duplex Type PVID Description"). Every column but the
 * description is one word ("--" when empty), so rows split on whitespace and
 * the description is the rest of the line.
 */
const ROUTE_HEADER = /^\s*Interface\s+Link\s+Protocol\s+(?:Main|Primary)\s+IP\s+Description\s*$/i;
const BRIDGE_HEADER = /^\s*Interface\s+Link\s+Speed\s+Duplex\s+Type\s+PVID\s+Description\s*$/i;
const ROUTE_ROW = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*))?$/;
const BRIDGE_ROW = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*))?$/;
const LEGEND = /^\s*(?:The brief information of interface|Brief information on interfaces|Link:|Protocol:|Speed|Duplex:|Type:)/i;

export function parse(text: string): H3cDisplayInterfaceBrief {
  const lines = outputLines(text, SPEC);
  const interfaces: Interface[] = [];
  let mode: 'route' | 'bridge' | null = null;
  let sawHeader = false;
  for (const line of lines) {
    if (ROUTE_HEADER.test(line)) {
      mode = 'route';
      sawHeader = true;
      continue;
    }
    if (BRIDGE_HEADER.test(line)) {
      mode = 'bridge';
      sawHeader = true;
      continue;
    }
    if (line.trim() === '') {
      mode = null;
      continue;
    }
    if (mode === null) {
      if (LEGEND.test(line)) continue;
      throw unexpectedLine(SPEC, line);
    }
    const base = { mode, protocol: '', mainIp: '', speed: '', duplex: '', type: '', pvid: '' };
    if (mode === 'route') {
      const m = ROUTE_ROW.exec(line.trim());
      if (!m) throw unexpectedLine(SPEC, line);
      interfaces.push(withState({ ...base, name: m[1] as string, link: m[2] as string, protocol: m[3] as string, mainIp: m[4] as string, description: (m[5] ?? '').trim() }));
    } else {
      const m = BRIDGE_ROW.exec(line.trim());
      if (!m) throw unexpectedLine(SPEC, line);
      interfaces.push(
        withState({ ...base, name: m[1] as string, link: m[2] as string, speed: m[3] as string, duplex: m[4] as string, type: m[5] as string, pvid: m[6] as string, description: (m[7] ?? '').trim() }),
      );
    }
  }
  if (!sawHeader) throw notThisCommand(SPEC, 'no "Interface Link ..." header');
  return { interfaces };
}

function withState(row: Omit<Interface, 'up' | 'adminDown'>): Interface {
  return { ...row, up: /^UP$/i.test(row.link), adminDown: /^ADM$/i.test(row.link) };
}

export const METRICS: readonly MetricSpec[] = INTERFACE_METRICS;

export function metrics(parsed: H3cDisplayInterfaceBrief): Metrics {
  return interfaceMetrics(parsed.interfaces);
}
