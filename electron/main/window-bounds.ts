/** Plain geometry for restoring the window; kept free of 'electron' so it can be unit-tested under Node. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface SavedWindowState {
  /** The normal (restored) bounds, also when the window was maximized. */
  bounds: Rect;
  maximized: boolean;
}

export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

// Windows draws invisible resize borders a few pixels outside the visible
// frame, so a window snapped to a screen edge reports bounds slightly outside
// the work area; without slack it would never be restored where it was.
const EDGE_TOLERANCE = 16;

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => Number.isFinite(r[key])) && Number(r.width) > 0 && Number(r.height) > 0;
}

/** The saved file as written by an older or a broken run is just "no saved state". */
export function parseSavedWindowState(value: unknown): SavedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isRect(v.bounds)) return null;
  const { x, y, width, height } = v.bounds;
  return { bounds: { x, y, width, height }, maximized: v.maximized === true };
}

/** True when the rectangle lies within one display's work area (a window split across displays counts as lost). */
export function fitsOnADisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some(
    (area) =>
      bounds.x >= area.x - EDGE_TOLERANCE &&
      bounds.y >= area.y - EDGE_TOLERANCE &&
      bounds.x + bounds.width <= area.x + area.width + EDGE_TOLERANCE &&
      bounds.y + bounds.height <= area.y + area.height + EDGE_TOLERANCE,
  );
}

function centeredIn(area: Rect, size: Size): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the window opens: where it was, if that still fits on a connected
 * display (a docked laptop may now be undocked); otherwise at the saved or
 * default size, centred on the primary display. A maximized window stays
 * maximized either way.
 */
export function chooseWindowPlacement(
  saved: SavedWindowState | null,
  workAreas: readonly Rect[],
  primaryWorkArea: Rect,
  defaultSize: Size,
): WindowPlacement {
  if (saved && fitsOnADisplay(saved.bounds, workAreas)) return { bounds: saved.bounds, maximized: saved.maximized };
  return { bounds: centeredIn(primaryWorkArea, saved?.bounds ?? defaultSize), maximized: saved?.maximized ?? false };
}
