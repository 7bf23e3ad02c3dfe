import { assetsBench } from './assets.bench';
import { storeBench } from './store.bench';

/**
 * `npm run bench -- <suite> [<suite> ...]` prints one JSON object per line:
 * {"bench", "metric", "value", "unit", "baseline", "ratio"}, the baseline
 * measured in the same run. No suite named: all of them.
 */
const suites: Record<string, () => Promise<void>> = {
  store: storeBench,
  assets: assetsBench,
  checks: async () => (await import('./checks.bench')).checksBench(),
  rounds: async () => (await import('./rounds.bench')).roundsBench(),
  sync: async () => (await import('./sync.bench')).syncBench(),
  reports: async () => (await import('./reports.bench')).reportsBench(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench suite: ${unknown.join(', ')}. Suites: ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(suites)) {
  await suites[name]!();
}
