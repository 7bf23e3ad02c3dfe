import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isParseError } from '../parsers/parse-error';
import { getSnmpParser, parseSnmp, SNMP_PARSERS } from './index';
import { metricsMarkdown } from './testing/docs';
import { answer, compareOids, parseSnmprec, readSnmprec, SNMP_FIXTURES } from './testing/snmprec';

const docs = readFileSync(join(SNMP_FIXTURES, '../../../docs/parsers.md'), 'utf8');
const FIXTURES = ['snmpsim', 'hand-written'].flatMap((folder) =>
  readdirSync(join(SNMP_FIXTURES, folder))
    .filter((f) => f.endsWith('.snmprec'))
    .map((f) => [folder, f] as const),
);

describe('SNMP parser registry', () => {
  it('has the five parsers with stable snmp.<mib> ids', () => {
    expect([...SNMP_PARSERS.keys()]).toEqual(['snmp.mib2-system', 'snmp.mib2-interfaces', 'snmp.host-resources', 'snmp.ups-mib', 'snmp.entity-sensor']);
    expect(getSnmpParser('snmp.ups-mib')?.oids.walk).toContain('1.3.6.1.2.1.33.1.2');
    expect(getSnmpParser('snmp.mib2-interfaces')?.samples).toEqual({ count: 2, intervalMs: 15_000 });
  });

  it('asks for numeric OIDs, each once, and declares each metric once', () => {
    for (const parser of SNMP_PARSERS.values()) {
      const oids = [...(parser.oids.get ?? []), ...(parser.oids.walk ?? [])];
      expect(oids.length, parser.id).toBeGreaterThan(0);
      for (const oid of oids) expect(oid, parser.id).toMatch(/^1\.3\.6\.1(?:\.\d+)+$/);
      expect(new Set(oids).size, parser.id).toBe(oids.length);
      for (const oid of parser.oids.get ?? []) expect(oid, `${parser.id}: a get is an instance`).toMatch(/\.0$/);
      const names = parser.metricSpecs.map((m) => m.name);
      expect(new Set(names).size, parser.id).toBe(names.length);
    }
  });

  it('gives every fixture to every parser: a value that fits its schema and is plain JSON, or a ParseError', () => {
    for (const [folder, file] of FIXTURES) {
      const recording = readSnmprec(folder, file);
      for (const parser of SNMP_PARSERS.values()) {
        const samples = Array.from({ length: parser.samples?.count ?? 1 }, () => answer(recording, parser.oids));
        const times = samples.map((_, i) => 1_700_000_000_000 + i * (parser.samples?.intervalMs ?? 0));
        try {
          const { parsed, metrics } = parseSnmp(parser.id, samples, times);
          expect(JSON.parse(JSON.stringify(parsed)), `${parser.id} on ${file}`).toEqual(parsed);
          const declared = new Set(parser.metricSpecs.map((m) => m.name));
          for (const [name, value] of Object.entries(metrics)) {
            expect(declared.has(name), `${parser.id} produced undeclared ${name}`).toBe(true);
            const spec = parser.metricSpecs.find((m) => m.name === name);
            expect(typeof value, `${parser.id} ${name}`).toBe(spec?.kind === 'number' ? 'number' : 'string');
          }
        } catch (error) {
          expect(isParseError(error), `${parser.id} on ${file}: ${String(error)}`).toBe(true);
        }
      }
    }
    expect(() => parseSnmp('snmp.nothing', [[]], [0])).toThrow(/Unknown SNMP parser/);
  });

  it('docs/parsers.md shows every SNMP parser with its metrics table as it is', () => {
    for (const parser of SNMP_PARSERS.values()) {
      expect(docs, parser.id).toContain(`### \`${parser.id}\``);
      expect(docs, `docs/parsers.md is missing the current metrics table of ${parser.id}:\n\n${metricsMarkdown(parser)}\n`).toContain(metricsMarkdown(parser));
    }
  });
});

describe('SNMP fixtures', () => {
  it.each(FIXTURES)('%s/%s is a valid snmprec file snmpsim can serve (sorted, no duplicate OID)', (folder, file) => {
    const content = readFileSync(join(SNMP_FIXTURES, folder, file), 'latin1');
    expect(content.endsWith('\n')).toBe(true);
    const oids = parseSnmprec(content).map((v) => v.oid);
    expect(oids.length).toBeGreaterThan(0);
    for (let i = 1; i < oids.length; i += 1) expect(compareOids(oids[i - 1] as string, oids[i] as string), `${oids[i - 1]} before ${oids[i]}`).toBeLessThan(0);
  });

  it('the snmpsim excerpts are the recordings, line for line', () => {
    // Spot checks against the values documented in tests/lab/README.md and the recording.
    const cisco = readSnmprec('snmpsim', 'cisco-catalyst-3750.snmprec');
    expect(cisco.find((v) => v.oid === '1.3.6.1.2.1.1.5.0')?.value).toBe('Profiler3750');
    expect(cisco.find((v) => v.oid === '1.3.6.1.2.1.2.1.0')?.value).toBe(59);
    expect(cisco.find((v) => v.oid === '1.3.6.1.2.1.2.2.1.6.1')?.value).toBe('0x00 16 c7 02 6e c0');
  });
});
