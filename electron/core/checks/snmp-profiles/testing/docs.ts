import type { SnmpProfileParser } from '../snmp-parser';

/** The metrics table of one SNMP parser as docs/parsers.md carries it (a test keeps the two in step). */
export function metricsMarkdown(parser: SnmpProfileParser): string {
  const rows = parser.metricSpecs.map((m) => `| \`${m.name}\` | ${m.kind} | ${m.unit ?? ''} | ${m.description} |`);
  return ['| metric | kind | unit | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
