import { allMetricSpecs } from './check-metrics';
import type { CheckProfiles } from './profiles/profile-loader';

/*
 * Every metric name Walkdown stores, with its kind, its unit and where it
 * comes from: what a checklist item (issue 6: rounds) binds to. A name keeps
 * its meaning and its unit for good: parsers that measure the same thing use
 * the same name (metric-catalogue.test.ts refuses two units for one name,
 * and a unit that differs from the one migration 0012 wrote into old
 * results). docs/parsers.md carries the table this renders.
 */

export interface CatalogueEntry {
  name: string;
  kind: 'number' | 'text';
  unit: string | null;
  description: string;
  /** `profile/step` of the shipped profiles that produce it, `ping` / `tcp` / `http` for probes, or the parser id where only pasted output uses it. */
  producedBy: string[];
}

const PROBES = new Set(['ping', 'tcp', 'http']);

export function metricCatalogue(profiles: CheckProfiles): CatalogueEntry[] {
  const stepsOf = new Map<string, string[]>();
  for (const profile of profiles.all) {
    for (const step of profile.steps) stepsOf.set(step.parser, [...(stepsOf.get(step.parser) ?? []), `${profile.id}/${step.id}`]);
  }
  const entries = new Map<string, CatalogueEntry>();
  for (const { producer, spec } of allMetricSpecs()) {
    const where = PROBES.has(producer) ? [producer] : (stepsOf.get(producer) ?? [`${producer} (pasted output)`]);
    const entry = entries.get(spec.name);
    if (entry) {
      for (const w of where) if (!entry.producedBy.includes(w)) entry.producedBy.push(w);
      continue;
    }
    entries.set(spec.name, { name: spec.name, kind: spec.kind, unit: spec.unit ?? null, description: spec.description, producedBy: [...where] });
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export const CATALOGUE_START = '<!-- metric-catalogue:start (generated from the parsers by metric-catalogue.ts; a test keeps it in step) -->';
export const CATALOGUE_END = '<!-- metric-catalogue:end -->';

/** The catalogue as the markdown table docs/parsers.md carries between the two markers. */
export function metricCatalogueMarkdown(entries: readonly CatalogueEntry[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = entries.map((e) => `| \`${e.name}\` | ${e.kind} | ${e.unit ?? ''} | ${e.producedBy.map((p) => `\`${p}\``).join(', ')} | ${cell(e.description)} |`);
  return [CATALOGUE_START, '', '| metric | kind | unit | produced by | meaning |', '| --- | --- | --- | --- | --- |', ...rows, '', CATALOGUE_END].join('\n');
}
