import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_UNIT_CODES } from '@shared/domain/checks';
import { UNITS_AT_SCHEMA_12 } from '../store/migrations/0012-check-result-units';
import { allMetricSpecs, unitsOf } from './check-metrics';
import { CATALOGUE_END, CATALOGUE_START, metricCatalogue, metricCatalogueMarkdown } from './metric-catalogue';
import { loadProfiles } from './profiles/profile-loader';
import { RESOURCES_DIR } from './testing/check-fixtures';

const DOCS = join(RESOURCES_DIR, '..', 'docs', 'parsers.md');

describe('metric catalogue', () => {
  it('gives every name one kind and one unit, whichever parser produces it', () => {
    const seen = new Map<string, { kind: string; unit: string | null; producer: string }>();
    for (const { producer, spec } of allMetricSpecs()) {
      const first = seen.get(spec.name);
      if (!first) {
        seen.set(spec.name, { kind: spec.kind, unit: spec.unit ?? null, producer });
        continue;
      }
      expect({ kind: spec.kind, unit: spec.unit ?? null }, `${spec.name}: ${producer} vs ${first.producer}`).toEqual({ kind: first.kind, unit: first.unit });
    }
    expect(seen.size).toBeGreaterThan(100);
    for (const [name, { kind, unit }] of seen) {
      if (unit !== null) expect(METRIC_UNIT_CODES, name).toContain(unit);
      if (kind === 'text') expect(unit, name).toBeNull();
    }
  });

  it('never changes a unit migration 0012 wrote into older results', () => {
    const catalogue = new Map(metricCatalogue(loadProfiles(RESOURCES_DIR)).map((e) => [e.name, e.unit]));
    for (const [unit, names] of Object.entries(UNITS_AT_SCHEMA_12)) {
      for (const name of names) if (catalogue.has(name)) expect(catalogue.get(name), name).toBe(unit);
    }
  });

  it('stores the unit of each metric that has one', () => {
    expect(unitsOf({ 'cpu.percent': 3, 'uptime.seconds': 10, 'software.version': 'V200', 'load.1m': 0.2, 'http.status': 200, 'tls.days-left': 12, 'made.up': 1 })).toEqual({
      'cpu.percent': '%',
      'uptime.seconds': 's',
      'tls.days-left': 'd',
    });
    expect(unitsOf({})).toEqual({});
  });

  it('names where each metric comes from: shipped profile steps, probes, or pasted output only', () => {
    const catalogue = metricCatalogue(loadProfiles(RESOURCES_DIR));
    const by = (name: string) => catalogue.find((e) => e.name === name);
    expect(by('cpu.percent')?.producedBy).toEqual(expect.arrayContaining(['huawei-vrp/cpu', 'h3c-comware/cpu', 'cisco-ios/cpu', 'host-resources/host']));
    expect(by('ping.rtt-avg-ms')).toMatchObject({ kind: 'number', unit: 'ms', producedBy: ['ping'] });
    expect(by('system.name')).toMatchObject({ kind: 'text', unit: null, producedBy: ['mib2-system/system'] });
  });

  it('is in docs/parsers.md as it is (WALKDOWN_WRITE_DOCS=1 rewrites it there)', () => {
    const markdown = metricCatalogueMarkdown(metricCatalogue(loadProfiles(RESOURCES_DIR)));
    let docs = readFileSync(DOCS, 'utf8');
    const start = docs.indexOf(CATALOGUE_START);
    const end = docs.indexOf(CATALOGUE_END);
    expect(start, 'docs/parsers.md has no metric catalogue markers').toBeGreaterThanOrEqual(0);
    if (process.env.WALKDOWN_WRITE_DOCS === '1') {
      docs = docs.slice(0, start) + markdown + docs.slice(end + CATALOGUE_END.length);
      writeFileSync(DOCS, docs);
    }
    expect(docs.slice(start, end + CATALOGUE_END.length)).toBe(markdown);
  });
});
