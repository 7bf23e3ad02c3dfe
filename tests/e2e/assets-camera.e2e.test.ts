import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { callApi, startWebApp, type WebApp } from '../support/web-app';
import { AssetDetailPage } from './pages/AssetDetailPage';
import { QuickOpen } from './pages/QuickOpen';
import { STRINGS } from './pages/strings';

const zh = STRINGS['zh-CN'];
const TAG = 'ZC-CAM-0042';

/**
 * A camera picture as Chromium's fake capture device plays it: a YUV4MPEG2
 * file whose frames show a QR code of `text`, black on white, as a printed
 * label would. Only the luma plane carries the picture; chroma is neutral.
 */
async function qrVideo(path: string, text: string): Promise<void> {
  const width = 320;
  const height = 240;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor(Math.min(width, height) / (modules.size + 8));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) {
      if (!modules.get(x, y)) continue;
      for (let dy = 0; dy < scale; dy += 1) luma.fill(16, (top + y * scale + dy) * width + left + x * scale, (top + y * scale + dy) * width + left + (x + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

/**
 * Quick open's "scan with camera": a QR label in front of the camera opens
 * its asset. Chromium's fake camera stands in for a laptop's, so the real
 * getUserMedia → canvas → jsQR path runs.
 */
describe('quick open with the camera (zh-CN)', () => {
  let app: WebApp;
  let context: BrowserContext;
  let page: Page;
  let workDir: string;
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'walkdown-camera-'));
    const video = join(workDir, 'label.y4m');
    await qrVideo(video, TAG);
    app = await startWebApp({ lang: 'zh-CN' });
    await callApi(app, 'profile.save', { name: '张伟', role: 'engineer' });
    await callApi(app, 'assets.create', { type: 'ups', name: 'UPS-主机房', assetTag: TAG });
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await context.grantPermissions(['camera'], { origin: app.origin });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(app.url);
  });

  afterAll(async () => {
    await context?.close();
    await app?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('reads the QR label and opens the asset', async () => {
    const quickOpen = new QuickOpen(page, zh);
    await quickOpen.appBarButton.waitFor();
    await quickOpen.openWithShortcut();
    await quickOpen.dialog.getByRole('button', { name: zh.quickOpen.camera, exact: true }).click();
    await new AssetDetailPage(page, zh).heading('UPS-主机房').waitFor({ timeout: 20_000 });
    expect(await quickOpen.dialog.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
