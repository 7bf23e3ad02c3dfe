import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getOutputParser } from './index';
import { RECORDED_MAPPINGS, mappingMarkdown, type Comparison } from './recorded-output.mapping';
import { DEVICE_OUTPUT, rawFiles, readFixture, recordedFolders } from './testing/fixtures';
import { readPeerYaml, type PeerValue } from './testing/peer-yaml';

/*
 * The proof: every recorded device output, through our parser and the
 * mapping, gives the peer library's expected records, field for field, with
 * the same number of records (documented divergences pinned exactly).
 */

function normalise(how: Comparison, value: PeerValue | undefined, where: string): unknown {
  if (value === undefined) throw new Error(`${where}: the peer record has no such field`);
  if (how === 'same') return value;
  if (typeof value !== 'string') throw new Error(`${where}: a list where a number was expected`);
  if (value === '') return null;
  const n = Number(how === 'percent' ? value.replace(/%$/, '') : value);
  if (!Number.isFinite(n) || (how === 'percent' && !value.endsWith('%'))) throw new Error(`${where}: "${value}" is not a ${how}`);
  return n;
}

const cases = RECORDED_MAPPINGS.flatMap((m) => rawFiles(m.folder).map((file) => ({ name: file, mapping: m, file })));

describe('recorded device output equals the peer parse', () => {
  it('covers every recorded command folder with a mapping', () => {
    expect(RECORDED_MAPPINGS.map((m) => m.folder).sort()).toEqual(recordedFolders());
  });

  it.each(cases)('$name', ({ mapping, file }) => {
    const raw = readFixture(mapping.folder, file);
    const peer = readPeerYaml(readFixture(mapping.folder, file.replace(/\.raw$/, '.yml')), file);
    const parsed = mapping.parse(raw);

    // The value is what the schema says, and the registry's parser is this one.
    const parser = getOutputParser(mapping.parserId);
    expect(parser).toBeDefined();
    expect(() => parser?.schema.parse(parsed)).not.toThrow();

    // Every field the peer extracts is mapped, derived from, or explicitly not extracted.
    const accounted = new Set([...mapping.fields.map((f) => f.peer), ...(mapping.derived ?? []).flatMap((d) => d.from), ...(mapping.notExtracted ?? []).map((n) => n.peer)]);
    for (const record of peer) for (const key of Object.keys(record)) expect(accounted, `peer field ${key} is not in the mapping`).toContain(key);

    let rows = mapping.rows(parsed);
    const extras = (mapping.extraRecords ?? []).filter((x) => x.file === file).sort((a, b) => b.ours - a.ours);
    for (const extra of extras) {
      expect(rows[extra.ours], `documented extra record ${extra.ours}`).toBeDefined();
      rows = rows.filter((_, i) => i !== extra.ours);
    }

    const ours = rows.map((row) => Object.fromEntries(mapping.fields.map((f) => [f.peer, f.get(row)])));
    const expected = peer.map((record, i) => Object.fromEntries(mapping.fields.map((f) => [f.peer, normalise(f.how, record[f.peer], `${file}#${i}.${f.peer}`)])));
    for (const d of (mapping.divergences ?? []).filter((x) => x.file === file)) {
      const record = expected[d.record];
      expect(record, `documented divergence record ${d.record}`).toBeDefined();
      // Pin the peer's value too: if the peer fixture changes, the divergence note must be revisited.
      expect(peer[d.record]?.[d.peer]).toBe(d.peerValue);
      (record as Record<string, unknown>)[d.peer] = d.ours;
    }
    expect(ours).toEqual(expected);

    for (const d of mapping.derived ?? []) {
      rows.forEach((row, i) => expect(d.get(row), `${d.ours} of record ${i}`).toEqual(d.expected(peer[i] ?? {})));
    }
  });

  it('every divergence and extra record names a fixture that exists', () => {
    for (const m of RECORDED_MAPPINGS) {
      const files = rawFiles(m.folder);
      for (const d of [...(m.divergences ?? []), ...(m.extraRecords ?? [])]) expect(files).toContain(d.file);
    }
  });

  it('docs/parsers.md shows the mapping tables as they are', () => {
    const docs = readFileSync(join(DEVICE_OUTPUT, '../../../docs/parsers.md'), 'utf8');
    for (const m of RECORDED_MAPPINGS) {
      expect(docs, `docs/parsers.md is missing the current table of ${m.parserId}:\n\n${mappingMarkdown(m)}\n`).toContain(mappingMarkdown(m));
    }
  });
});
