/**
 * Electron main process: lifecycle only. Each concern lives in its own module;
 * this file decides the order they run in.
 */
import path from 'node:path';
import { app, BrowserWindow, safeStorage, session, utilityProcess } from 'electron';
import { languageFromLocale } from '@shared/domain/profile';
import { appDocumentMatcher } from './app-document';
import { installAppMenu } from './app-menu';
import { showCoreFailureDialog } from './core-failure-dialog';
import { CoreHost } from './core-host';
import { registerIpcRelay } from './ipc-relay';
import { parseLaunchOptions } from './launch-options';
import { describeError, log, startLogFile } from './log';
import { createMainWindow } from './main-window';
import { electronNativeBinding } from './native-binding';
import { resolveAppPaths, separateDevelopmentData } from './paths';
import { guardAllWebContents, secureSession } from './security';
import { loadVaultKey } from './vault-key';

// Must equal electron-builder.yml's appId: Windows groups taskbar buttons and
// attributes notifications by it.
const APP_USER_MODEL_ID = 'cn.walkdown.console';

const launch = parseLaunchOptions(process.argv);
separateDevelopmentData();

// Two instances would each open the same SQLite file and each run migrations
// and backups on it; the second one hands over to the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  startLogFile(path.join(app.getPath('userData'), 'logs'));
  for (const ignored of launch.ignored) log.warn(`ignoring ${ignored}: expected --lang zh-CN or --lang en`);

  // Every renderer sandboxed, whatever options a window is created with.
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  const paths = resolveAppPaths();
  const isAppDocument = appDocumentMatcher(paths.rendererIndex);
  guardAllWebContents(isAppDocument);

  let mainWindow: BrowserWindow | null = null;
  let core: CoreHost | null = null;
  let quitting = false;

  const showMainWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({ paths, devTools: !app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', () => {
    // Not before core is set up: start-up may still be waiting on the OS keychain.
    if (app.isReady() && core) showMainWindow();
  });

  app
    .whenReady()
    .then(async () => {
      secureSession(session.defaultSession, isAppDocument);
      installAppMenu({ isPackaged: app.isPackaged, platform: process.platform });

      const osLocale = app.getLocale();
      // safeStorage works only once the app is ready. The key goes to core in
      // the init message and nowhere else: not in argv, not in the log.
      const vaultKey = await loadVaultKey({ userDataDir: app.getPath('userData'), safeStorage, warn: log.warn });
      const host = new CoreHost({
        fork: () => {
          // Piped rather than inherited so core's output lands in the log file too.
          const child = utilityProcess.fork(paths.utilityEntry, [], { serviceName: 'Walkdown Core', stdio: 'pipe' });
          child.stdout?.on('data', log.core);
          child.stderr?.on('data', log.core);
          return child;
        },
        init: {
          dataDir: app.getPath('userData'),
          transport: 'ipc',
          language: launch.language,
          osLocale,
          nativeBinding: electronNativeBinding(paths.appRoot),
          vaultKey,
          // electron-builder's extraResources puts resources/ beside the asar; in development core finds the repository's.
          ...(app.isPackaged ? { resourcesDir: path.join(process.resourcesPath, 'resources') } : {}),
        },
        // Events only arrive after host.start(), by which time the relay exists.
        onEvent: (name, payload) => relay.forwardEvent(name, payload),
        onGiveUp: () => void showCoreFailureDialog(launch.language ?? languageFromLocale(osLocale)),
        log: log.error,
      });
      const relay = registerIpcRelay({
        window: () => mainWindow,
        isAppDocument,
        call: (method, input) => host.call(method, input),
      });
      core = host;
      host.start();
      showMainWindow();

      // macOS keeps the app alive without windows; clicking the dock icon brings one back.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
      });
    })
    .catch((error: unknown) => {
      log.error(`start-up failed: ${describeError(error)}`);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Core gets a moment to close the database cleanly (WAL checkpoint, a backup
  // in progress) before the app goes; CoreHost kills it if it takes too long.
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    void core.stop().finally(() => app.quit());
  });

  app.on('will-quit', () => core?.kill());
}
