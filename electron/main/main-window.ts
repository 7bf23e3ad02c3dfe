import { BrowserWindow } from 'electron';
import { describeError, log } from './log';
import type { AppPaths } from './paths';
import { rememberWindowPlacement, restoreWindowPlacement } from './window-state';

const DEFAULT_SIZE = { width: 1280, height: 800 };
// Small enough for a 1366×768 field laptop with a taskbar, large enough for a list beside a detail pane.
const MIN_SIZE = { width: 960, height: 600 };
// A renderer that keeps crashing on load must not be reloaded forever.
const MAX_RENDERER_RELOADS = 3;

export interface MainWindowOptions {
  paths: AppPaths;
  devTools: boolean;
}

export function createMainWindow({ paths, devTools }: MainWindowOptions): BrowserWindow {
  const placement = restoreWindowPlacement(paths.windowStateFile, DEFAULT_SIZE);
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Walkdown',
    // Shown once the first frame is painted, instead of flashing an empty window.
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  });

  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  rememberWindowPlacement(win, paths.windowStateFile);

  let reloads = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed() || reloads >= MAX_RENDERER_RELOADS) return;
    reloads += 1;
    void load(win, paths.rendererIndex);
  });

  void load(win, paths.rendererIndex);
  return win;
}

async function load(win: BrowserWindow, rendererIndex: string): Promise<void> {
  try {
    await win.loadFile(rendererIndex);
  } catch (error) {
    log.error(`could not load ${rendererIndex}: ${describeError(error)}`);
    // ready-to-show may never come now; an invisible running app is worse than an empty window.
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }
}
