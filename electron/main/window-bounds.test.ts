import { describe, expect, it } from 'vitest';
import { chooseWindowPlacement, fitsOnADisplay, parseSavedWindowState } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const monitor = { x: 1366, y: 0, width: 1920, height: 1040 };
const defaults = { width: 1280, height: 800 };

describe('window placement', () => {
  it('restores the saved bounds when they fit on a connected display', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(chooseWindowPlacement(saved, [laptop, monitor], laptop, defaults)).toEqual(saved);
  });

  it('tolerates the invisible borders of a window snapped to an edge', () => {
    expect(fitsOnADisplay({ x: -7, y: 0, width: 1380, height: 735 }, [laptop])).toBe(true);
  });

  it('centres on the primary display when the saved display is gone', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(chooseWindowPlacement(saved, [laptop], laptop, defaults)).toEqual({
      bounds: { x: 83, y: 0, width: 1200, height: 728 },
      maximized: false,
    });
  });

  it('does not restore a window that straddles two displays', () => {
    expect(fitsOnADisplay({ x: 1000, y: 0, width: 800, height: 600 }, [laptop, monitor])).toBe(false);
  });

  it('uses the default size, clamped to the work area, without saved state', () => {
    expect(chooseWindowPlacement(null, [laptop], laptop, defaults)).toEqual({
      bounds: { x: 43, y: 0, width: 1280, height: 728 },
      maximized: false,
    });
  });

  it('treats a damaged state file as no state', () => {
    expect(parseSavedWindowState(null)).toBeNull();
    expect(parseSavedWindowState({ bounds: { x: 0, y: 0, width: 0, height: 10 } })).toBeNull();
    expect(parseSavedWindowState({ bounds: { x: 'a', y: 0, width: 10, height: 10 } })).toBeNull();
    expect(parseSavedWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4, extra: 1 }, maximized: 'yes' })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: false,
    });
  });
});
