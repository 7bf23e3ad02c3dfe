/**
 * USB barcode and QR scanners are keyboards: they type the code much faster
 * than a person and end with Enter. This recognises such a burst from key
 * events anywhere on the page (outside text fields), so scanning a label
 * opens the asset without first opening quick open by hand.
 */
export interface ScannerBurstOptions {
  /** Longest gap between two keys of one scan. People type 80 ms and slower between keys. */
  maxGapMs?: number;
  /** Shortest code worth looking up: anything shorter is likely a stray key. */
  minLength?: number;
}

export class ScannerBurst {
  private buffer = '';
  private last = -Infinity;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(options: ScannerBurstOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 40;
    this.minLength = options.minLength ?? 4;
  }

  /**
   * Feeds one keydown. Returns the scanned code when `key` is the Enter that
   * ends a burst, otherwise null.
   */
  key(key: string, timeMs: number): string | null {
    const gap = timeMs - this.last;
    this.last = timeMs;
    if (key === 'Enter') {
      const code = gap <= this.maxGapMs && [...this.buffer].length >= this.minLength ? this.buffer : null;
      this.buffer = '';
      return code;
    }
    if ([...key].length !== 1) {
      // Shift and other modifiers come with scanned capitals; anything else ends the burst.
      if (key !== 'Shift') this.buffer = '';
      return null;
    }
    this.buffer = gap <= this.maxGapMs ? this.buffer + key : key;
    return null;
  }

  reset(): void {
    this.buffer = '';
    this.last = -Infinity;
  }
}

/** Whether a key event's target takes text itself (then a scan goes into that field, not to quick open). */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
}

/** Label QR codes carry the asset tag, or the asset's id when it has no tag. */
export function looksLikeAssetId(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text.trim());
}
