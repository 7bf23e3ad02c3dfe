import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow } from 'electron';
import { describeError, log } from './log';
import { chooseWindowPlacement, parseSavedWindowState, type SavedWindowState, type Size, type WindowPlacement } from './window-bounds';

// Resizing and dragging emit dozens of events a second; one write after the
// window settles is enough, and the close handler writes the final state.
const SAVE_DELAY_MS = 500;

function readSavedState(file: string): SavedWindowState | null {
  try {
    return parseSavedWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

function writeSavedState(file: string, state: SavedWindowState): void {
  try {
    // Write-then-rename, so a crash mid-write leaves the previous state, not half a file.
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch (error) {
    log.warn(`could not save the window state: ${describeError(error)}`);
  }
}

/** Where the main window should open, from the state file and the displays connected now. */
export function restoreWindowPlacement(file: string, defaultSize: Size): WindowPlacement {
  return chooseWindowPlacement(
    readSavedState(file),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
    defaultSize,
  );
}

/** Saves the window's bounds and maximized state while it lives, and once more as it closes. */
export function rememberWindowPlacement(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;

  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    // A minimized window's bounds are meaningless on Windows (-32000); the save
    // made before it was minimized already holds the right state.
    if (win.isDestroyed() || win.isMinimized()) return;
    // getNormalBounds: the size to come back to when a maximized window is restored.
    writeSavedState(file, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
}
