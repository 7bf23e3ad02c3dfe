/**
 * Makes docs/screenshot.png for the README: the Locations page with a small
 * tree, Chinese UI, 1280×800, in Debian's Chromium against the real backend.
 *
 *   npm run build && npx tsx tests/support/screenshot.ts
 *
 * Chinese glyphs need a CJK font on the machine (`apt-get install -y
 * fonts-noto-cjk`); the app itself ships no fonts and downloads none.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser';
import { callApi, startWebApp, type WebApp } from './web-app';

const OUTPUT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

async function create(app: WebApp, input: Record<string, unknown>): Promise<string> {
  const { id } = (await callApi(app, 'locations.create', input)) as { id: string };
  return id;
}

async function seed(app: WebApp): Promise<void> {
  await callApi(app, 'profile.save', { name: '张伟', role: 'engineer' });
  const hospital = await create(app, { kind: 'client', name: '华东医院' });
  const campus = await create(app, { kind: 'site', clientId: hospital, name: '主院区' });
  const roomOne = await create(app, { kind: 'room', siteId: campus, name: '一号机房' });
  await create(app, { kind: 'rack', roomId: roomOne, name: 'A01', heightU: 42 });
  await create(app, { kind: 'rack', roomId: roomOne, name: 'A02', heightU: 47 });
  await create(app, { kind: 'room', siteId: campus, name: '二号机房' });
  const school = await create(app, { kind: 'client', name: '市第一中学' });
  const main = await create(app, { kind: 'site', clientId: school, name: '本部' });
  await create(app, { kind: 'room', siteId: main, name: '网络中心' });
}

const app = await startWebApp({ lang: 'zh-CN' });
try {
  await seed(app);
  const browser = await launchBrowser({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  try {
    const { page } = browser;
    await page.goto(app.url);
    await page.getByText('网络中心', { exact: true }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await mkdir(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: OUTPUT });
    process.stdout.write(`Wrote ${OUTPUT}\n`);
  } finally {
    await browser.close();
  }
} finally {
  await app.stop();
}
