import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_PARSERS, getOutputParser, parseOutput } from './index';
import { ParseError } from './parse-error';
import { DEVICE_OUTPUT, readFixture } from './testing/fixtures';

const docs = readFileSync(join(DEVICE_OUTPUT, '../../../docs/parsers.md'), 'utf8');

describe('output parser registry', () => {
  it('has the 29 parsers with stable vendor.command ids', () => {
    expect([...OUTPUT_PARSERS.keys()]).toHaveLength(29);
    for (const id of OUTPUT_PARSERS.keys()) expect(id).toMatch(/^(?:huawei|h3c|cisco|linux)\.[a-z0-9-]+$/);
  });

  it('declares each metric once per parser', () => {
    for (const parser of OUTPUT_PARSERS.values()) {
      const names = parser.metricSpecs.map((m) => m.name);
      expect(new Set(names).size, parser.id).toBe(names.length);
    }
  });

  it('parses, validates and measures in one step', () => {
    const { parsed, metrics } = parseOutput('cisco.show-inventory', readFixture('cisco_ios/show_inventory/cisco_ios_show_inventory.raw'));
    expect((parsed as { items: unknown[] }).items).toHaveLength(4);
    expect(metrics['inventory.count']).toBe(4);
    expect(() => parseOutput('cisco.show-inventory', '% Invalid input detected at \'^\' marker.')).toThrow(ParseError);
    expect(() => parseOutput('nope.nothing', '')).toThrow(/Unknown output parser/);
    expect(getOutputParser('linux.df')?.commands[0]).toBe('df -P');
  });

  it('docs/parsers.md names every parser and every metric it can produce', () => {
    for (const parser of OUTPUT_PARSERS.values()) {
      expect(docs, parser.id).toContain(`\`${parser.id}\``);
      for (const metric of parser.metricSpecs) expect(docs, `${parser.id} ${metric.name}`).toContain(`\`${metric.name}\``);
    }
  });
});
