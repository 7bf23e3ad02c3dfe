import path from 'node:path';
import { app } from 'electron';

/** Where the built app's pieces are. All are inside app.asar when packaged; Electron reads them from there. */
export interface AppPaths {
  /** The app directory: the project root in development, resources/app.asar when packaged. */
  appRoot: string;
  preload: string;
  rendererIndex: string;
  utilityEntry: string;
  windowStateFile: string;
}

export function resolveAppPaths(): AppPaths {
  const appRoot = app.getAppPath();
  return {
    appRoot,
    preload: path.join(appRoot, 'out', 'preload', 'index.cjs'),
    rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
    utilityEntry: path.join(appRoot, 'out', 'core', 'utility-entry.cjs'),
    windowStateFile: path.join(app.getPath('userData'), 'window-state.json'),
  };
}

/**
 * A development run keeps its data apart from an installed Walkdown on the same
 * machine: a build with a newer migration must never upgrade (or a broken one
 * corrupt) the database an engineer relies on in the field. Must run before
 * `ready` and before the single-instance lock, which is keyed by this directory.
 */
export function separateDevelopmentData(): void {
  if (app.isPackaged) return;
  app.setPath('userData', path.join(app.getPath('appData'), `${app.getName()}-dev`));
}
