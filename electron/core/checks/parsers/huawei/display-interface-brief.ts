import { HuaweiDisplayInterfaceBrief } from '../parsed-values';
import { INTERFACE_METRICS, interfaceMetrics, put, type MetricSpec, type Metrics } from '../metrics';
import { cells, num, notThisCommand, outputLines, percent, unexpectedLine, type CommandSpec } from '../text';

export const SPEC: CommandSpec = { parserId: 'huawei.display-interface-brief', dialect: 'vrp', commands: ['display interface brief'] };
export const schema = HuaweiDisplayInterfaceBrief;

type Interface = HuaweiDisplayInterfaceBrief['interfaces'][number];

const HEADER = /^\s*Interface\s+PHY\s+Protocol\s+InUti\s+OutUti\s+inErrors\s+outErrors\s*$/i;

export function parse(text: string): HuaweiDisplayInterfaceBrief {
  const lines = outputLines(text, SPEC);
  const headerIndex = lines.findIndex((l) => HEADER.test(l));
  if (headerIndex < 0) throw notThisCommand(SPEC, 'no "Interface PHY Protocol InUti OutUti inErrors outErrors" header');
  const interfaces: Interface[] = [];
  let trunk = '';
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '') continue;
    const row = cells(line);
    if (row.length !== 7) throw unexpectedLine(SPEC, line);
    const [name, phy, protocol, inUti, outUti, inErrors, outErrors] = row as [string, string, string, string, string, string, string];
    // Members of an Eth-Trunk are printed indented under it.
    const member = /^\s/.test(line);
    if (!member) trunk = /^Eth-Trunk\d+$/i.test(name) ? name : '';
    interfaces.push({
      name,
      phy,
      protocol,
      adminDown: phy.startsWith('*'),
      up: phy.startsWith('up'),
      inUtilPercent: percent(inUti),
      outUtilPercent: percent(outUti),
      inErrors: num(inErrors),
      outErrors: num(outErrors),
      trunk: member ? trunk : '',
    });
  }
  return { interfaces };
}

export const METRICS: readonly MetricSpec[] = [
  ...INTERFACE_METRICS,
  { name: 'interfaces.input-errors', kind: 'number', unit: 'count', description: 'Sum of inErrors over all interfaces (trunk members not counted twice).' },
  { name: 'interfaces.output-errors', kind: 'number', unit: 'count', description: 'Sum of outErrors (trunk members not counted twice).' },
  { name: 'interfaces.max-in-util-percent', kind: 'number', unit: '%', description: 'Highest input utilisation.' },
  { name: 'interfaces.max-out-util-percent', kind: 'number', unit: '%', description: 'Highest output utilisation.' },
];

export function metrics(parsed: HuaweiDisplayInterfaceBrief): Metrics {
  const m = interfaceMetrics(parsed.interfaces);
  // A trunk's counters are the sum of its members': count the members, not the trunk.
  const trunksWithMembers = new Set(parsed.interfaces.map((i) => i.trunk).filter((t) => t !== ''));
  const counted = parsed.interfaces.filter((i) => !trunksWithMembers.has(i.name) && !/^Eth-Trunk\d+\.\d+$/i.test(i.name));
  const sum = (values: Array<number | null>) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
  const maxOf = (values: Array<number | null>) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length === 0 ? null : Math.max(...present);
  };
  put(m, 'interfaces.input-errors', sum(counted.map((i) => i.inErrors)));
  put(m, 'interfaces.output-errors', sum(counted.map((i) => i.outErrors)));
  put(m, 'interfaces.max-in-util-percent', maxOf(parsed.interfaces.map((i) => i.inUtilPercent)));
  put(m, 'interfaces.max-out-util-percent', maxOf(parsed.interfaces.map((i) => i.outUtilPercent)));
  return m;
}
