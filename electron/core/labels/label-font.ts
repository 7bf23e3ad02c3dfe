import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { AppError } from '@shared/errors';

/**
 * Noto Sans Hans (SIL OFL 1.1, see resources/fonts/README.md): Chinese and
 * Latin in one font, embedded as a subset so a label sheet prints the same on
 * any printer, and so pdfkit never falls back to its standard fonts (their
 * metrics are files it reads from its own folder, which a bundle does not have).
 */
export const LABEL_FONT_FILE = 'NotoSansHans-Regular.otf';
const FONT_PACKAGE_DIR = join('node_modules', '@embedpdf', 'fonts-sc', 'fonts');

/**
 * Where resources/fonts is: next to the packaged app (Electron copies
 * resources/ to process.resourcesPath/resources), or in the project folder
 * above the bundle (out/web/cli.cjs, out/core/utility-entry.cjs), the test or
 * the benchmark. WALKDOWN_RESOURCES_DIR overrides all of them.
 */
export function findLabelFont(): string {
  const tried: string[] = [];
  for (const dir of resourceDirs()) {
    // resources/fonts in a packaged app; in the project the font comes from npm
    // (@embedpdf/fonts-sc), so the repository does not carry 8 MB of glyphs.
    for (const file of [join(dir, 'fonts', LABEL_FONT_FILE), join(dirname(dir), FONT_PACKAGE_DIR, LABEL_FONT_FILE)]) {
      tried.push(file);
      if (existsSync(file)) return file;
    }
  }
  throw new AppError('internal.error', `The label font ${LABEL_FONT_FILE} is missing; looked in ${tried.slice(0, 6).join(', ')}`);
}

function* resourceDirs(): Generator<string> {
  if (process.env.WALKDOWN_RESOURCES_DIR) yield process.env.WALKDOWN_RESOURCES_DIR;
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) yield join(resourcesPath, 'resources');
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.argv[1] ? dirname(process.argv[1]) : null, process.cwd()];
  for (const start of starts) {
    if (!start) continue;
    for (let dir = start; ; dir = dirname(dir)) {
      yield join(dir, 'resources');
      if (dir === parse(dir).root) break;
    }
  }
}
