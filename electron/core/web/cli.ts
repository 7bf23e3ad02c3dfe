import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Language } from '@shared/domain/profile';
import { createCore } from '../core';
import { startWebServer } from './web-server';

/**
 * `npm run web`: core plus the web transport on 127.0.0.1, serving the built
 * renderer, so the console runs in any browser (and in CI, where no Electron
 * runtime can be had).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      lang: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: npm run web -- [--data-dir <dir>] [--port <n>] [--lang zh-CN|en]\n');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}"`);
  let language: Language | undefined;
  if (values.lang !== undefined) {
    const parsed = Language.safeParse(values.lang);
    if (!parsed.success) fail(`--lang must be zh-CN or en, not "${values.lang}"`);
    language = parsed.data;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  // Bundled to out/web/cli.cjs; the renderer is built to dist/renderer.
  const staticDir = join(__dirname, '..', '..', 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) fail(`The renderer is not built (${staticDir}); run "npm run build" first`);

  const core = createCore({ dataDir, transport: 'web', language, osLocale: osLocale() });
  await core.ready;
  const server = await startWebServer({ core, staticDir, port });
  process.stdout.write(`Walkdown web: ${server.url}\n`);

  const stop = async () => {
    await server.close();
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** The same folder Electron's app.getPath('userData') uses, so both modes share one store. */
function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Walkdown');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Walkdown');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Walkdown');
}

function osLocale(): string {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
}

function fail(message: string): never {
  process.stderr.write(`Walkdown: ${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`Walkdown: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
